import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { forbidden, requireReach } from "~/auth/guard.server";
import { reach } from "~/auth/policy";
import { FormMessage, StatusMessage, SubmitRow, TextAreaField, TextField } from "~/components/forms";
import { PageNumbers } from "~/components/pager";
import { i18nServer } from "~/i18n.server";
import { failure, invalid, type FormFailure } from "~/utils/form-result.server";
import { PAGE_SIZE, TEXT_MAX, parseQueueFilter, replySchema } from "~/moderation/schema";
import { listForReply, saveReply, unitsInScope } from "~/moderation/suggestions.server";
import { localDate } from "~/utils/calendar";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["moderation"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Unit managers (comment.reply on at least one unit); everyone else signed in gets 403. */
async function requireReplier(request: Request, context: LoaderFunctionArgs["context"]) {
  return (await requireReach(request, context, "comment.reply")).signedIn;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireReplier(request, context);
  const url = new URL(request.url);
  const { page } = parseQueueFilter(url.searchParams);
  const r = reach(signedIn.actor, "comment.reply");
  const [list, unitList] = await Promise.all([listForReply(context.db, r, page), unitsInScope(context.db, r)]);
  const t = await i18nServer.getFixedT(request, "moderation");
  // Default export range: this year so far, in the (first) unit's own time zone.
  const today = localDate(unitList[0]?.timeZone ?? "Asia/Jakarta");
  return {
    items: list.items,
    total: list.total,
    page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    units: unitList.map(({ timeZone: _zone, ...unit }) => unit),
    exportDefaults: { from: `${today.slice(0, 4)}-01-01`, to: today },
    saved: url.searchParams.get("saved") === "1",
    title: `${t("feedback.title")} · Pintu Depan`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireReplier(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "reply") return failure({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] } });
  const submission = parseWithZod(formData, { schema: replySchema });
  if (submission.status !== "success") return invalid(intent, formData, submission);
  const outcome = await saveReply(context.db, signedIn, submission.value.id, submission.value.reply);
  if (!outcome.ok) {
    if (outcome.status === 403) throw forbidden();
    if (outcome.status === 404) throw notFound();
    return failure({ intent, id: submission.value.id, errors: { "": [outcome.error] } });
  }
  const back = new URL(request.url).searchParams;
  back.set("saved", "1");
  return redirect(`/staff/unit-feedback?${back.toString()}`, 303);
}

export default function UnitFeedback() {
  const { items, total, page, pages, units, exportDefaults, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation("moderation");
  const { day: date } = useCalendarFormat();
  const translate = (keys: readonly string[] | undefined) => keys?.map((key) => t(key, { max: TEXT_MAX }));
  const generalFailure = actionData && !items.some((item) => item.id === actionData.id) ? actionData : undefined;
  return (
    <>
      <h1>{t("feedback.title")}</h1>
      <p>{t("feedback.intro")}</p>
      {saved ? <StatusMessage>{t("feedback.saved")}</StatusMessage> : null}
      <FormMessage errors={translate(generalFailure ? Object.values(generalFailure.errors).flat() : undefined)} />

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t("export.heading")}</h2>
        <p>{t("export.intro")}</p>
        {units.map((unit) => (
          <Form
            key={unit.id}
            method="get"
            action={`/staff/units/${unit.regionSlug}/${unit.slug}/responses.csv`}
            reloadDocument
            className="filter-form"
            aria-label={t("export.formLabel", { unit: unit.name })}
          >
            <fieldset>
              <legend>{unit.name}</legend>
              <TextField label={t("export.from")} type="date" name="from" required defaultValue={exportDefaults.from} />
              <TextField label={t("export.to")} type="date" name="to" required defaultValue={exportDefaults.to} />
              <SubmitRow label={t("export.submit")} />
            </fieldset>
          </Form>
        ))}
      </section>

      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{t("feedback.publishedHeading")}</h2>
        <p role="status">{t("feedback.count", { count: total })}</p>
        {items.length === 0 ? <p>{t("feedback.empty")}</p> : null}
        <ol className="suggestion-list">
          {items.map((item) => {
            const failed = actionData?.id === item.id ? actionData : undefined;
            return (
              <li key={item.id} className="suggestion" aria-labelledby={`suggestion-${item.id}`}>
                <h3 id={`suggestion-${item.id}`} className="suggestion-heading">
                  {t("item.heading", { id: item.id, unit: item.unitName, region: item.regionName })}
                </h3>
                <p className="muted">{t("item.submitted", { date: date(item.submittedOn) })}</p>
                <blockquote className="suggestion-text">{item.text}</blockquote>
                {item.reply && item.repliedOn ? <p className="muted">{t("feedback.repliedOn", { date: date(item.repliedOn) })}</p> : null}
                <Form method="post" aria-label={t("feedback.formLabel", { id: item.id })}>
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="id" value={item.id} />
                  {failed ? <FormMessage errors={translate(failed.errors[""])} /> : null}
                  <TextAreaField
                    label={t("feedback.reply")}
                    hint={t("feedback.replyHint", { max: TEXT_MAX })}
                    name="reply"
                    rows={4}
                    maxLength={TEXT_MAX}
                    required
                    defaultValue={failed ? (failed.values.reply ?? "") : (item.reply ?? "")}
                    errors={translate(failed?.errors.reply)}
                  />
                  <SubmitRow label={item.reply ? t("feedback.update") : t("feedback.submit")} primary />
                </Form>
              </li>
            );
          })}
        </ol>
      </section>

      <PageNumbers page={page} pages={pages} dropped={["saved"]} />
    </>
  );
}
