import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { forbidden, requireReach } from "~/auth/guard.server";
import { reach } from "~/auth/policy";
import { FormMessage, SelectField, StatusMessage, SubmitRow, TextAreaField } from "~/components/forms";
import { PageNumbers } from "~/components/pager";
import { i18nServer } from "~/i18n.server";
import { failure, invalid, type FormFailure } from "~/utils/form-result.server";
import {
  BULK_MAX,
  PAGE_SIZE,
  REJECT_REASONS,
  STATUSES,
  TEXT_MAX,
  bulkPublishSchema,
  bulkRejectSchema,
  parseQueueFilter,
  publishSchema,
  rejectSchema,
} from "~/moderation/schema";
import { listQueue, moderate, scopeOptions, type ModerationCommand } from "~/moderation/suggestions.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["moderation"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Moderators of a region (comment.moderate); everyone else signed in gets 403. */
async function requireModerator(request: Request, context: LoaderFunctionArgs["context"]) {
  return (await requireReach(request, context, "comment.moderate")).signedIn;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireModerator(request, context);
  const url = new URL(request.url);
  const filter = parseQueueFilter(url.searchParams);
  const r = reach(signedIn.actor, "comment.moderate");
  const [options, queue] = await Promise.all([scopeOptions(context.db, r), listQueue(context.db, r, filter)]);
  const t = await i18nServer.getFixedT(request, "moderation");
  const done = url.searchParams.get("done");
  return {
    filter,
    options,
    items: queue.items,
    total: queue.total,
    pages: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)),
    done: done === "published" || done === "rejected" ? { kind: done, count: Number(url.searchParams.get("count")) || 1 } : null,
    title: `${t("queue.title")} · Pintu Depan`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireModerator(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  let command: ModerationCommand;
  switch (intent) {
    case "publish": {
      const submission = parseWithZod(formData, { schema: publishSchema });
      if (submission.status !== "success") return invalid(intent, formData, submission);
      command = { kind: "publish", id: submission.value.id, publishedText: submission.value.publishedText };
      break;
    }
    case "reject": {
      const submission = parseWithZod(formData, { schema: rejectSchema });
      if (submission.status !== "success") return invalid(intent, formData, submission);
      command = { kind: "reject", id: submission.value.id, reason: submission.value.reason };
      break;
    }
    case "bulk-publish": {
      const submission = parseWithZod(formData, { schema: bulkPublishSchema });
      if (submission.status !== "success") return invalid(intent, formData, submission);
      command = { kind: "bulk-publish", ids: submission.value.ids };
      break;
    }
    case "bulk-reject": {
      const submission = parseWithZod(formData, { schema: bulkRejectSchema });
      if (submission.status !== "success") return invalid(intent, formData, submission);
      command = { kind: "bulk-reject", ids: submission.value.ids, reason: submission.value.reason };
      break;
    }
    default:
      return failure({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] } });
  }
  const outcome = await moderate(context.db, signedIn, command);
  if (!outcome.ok) {
    if (outcome.status === 403) throw forbidden();
    if (outcome.status === 404) throw notFound();
    return failure({ intent, id: "id" in command ? command.id : null, errors: { "": [outcome.error] } });
  }
  // Back to the same filters and page, with a confirmation.
  const back = new URL(request.url).searchParams;
  back.delete("done");
  back.delete("count");
  back.set("done", command.kind.endsWith("publish") ? "published" : "rejected");
  back.set("count", String(outcome.count));
  return redirect(`/staff/suggestions?${back.toString()}`, 303);
}

export default function SuggestionQueue() {
  const { filter, options, items, total, pages, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation("moderation");
  const { day: date } = useCalendarFormat();
  const translate = (keys: readonly string[] | undefined) => keys?.map((key) => t(key, { max: TEXT_MAX, bulkMax: BULK_MAX }));
  const bulkFailed = actionData?.intent === "bulk-publish" || actionData?.intent === "bulk-reject" ? actionData : undefined;
  const generalFailure = actionData && !bulkFailed && !items.some((item) => item.id === actionData.id) ? actionData : undefined;
  const reasonOptions = [{ value: "", label: t("reject.choose") }, ...REJECT_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))];
  const pending = filter.status === "pending";

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p>{t("queue.intro")}</p>
      {done ? <StatusMessage>{t(`queue.done.${done.kind}`, { count: done.count })}</StatusMessage> : null}
      <FormMessage errors={translate(generalFailure ? Object.values(generalFailure.errors).flat() : undefined)} />

      <Form method="get" className="filter-form" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="visually-hidden">
          {t("filter.heading")}
        </h2>
        <SelectField
          label={t("filter.region")}
          name="region"
          defaultValue={filter.regionId === undefined ? "" : String(filter.regionId)}
          options={[{ value: "", label: t("filter.allRegions") }, ...options.regions.map((r) => ({ value: String(r.id), label: r.name }))]}
        />
        <SelectField
          label={t("filter.unit")}
          name="unit"
          defaultValue={filter.unitId === undefined ? "" : String(filter.unitId)}
          options={[{ value: "", label: t("filter.allUnits") }, ...options.units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.regionName})` }))]}
        />
        <SelectField
          label={t("filter.status")}
          name="status"
          defaultValue={filter.status}
          options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <SubmitRow label={t("filter.submit")} />
      </Form>

      <p role="status">{t("queue.count", { count: total })}</p>

      {items.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <>
          {pending ? (
            <Form method="post" id="bulk-form" className="panel">
              <fieldset>
                <legend>{t("bulk.legend")}</legend>
                <p className="hint">{t("bulk.hint", { max: BULK_MAX })}</p>
                <FormMessage errors={translate(bulkFailed ? Object.values(bulkFailed.errors).flat() : undefined)} />
                <div className="form-actions">
                  <button type="submit" name="intent" value="bulk-publish" className="button button-primary">
                    {t("bulk.publish")}
                  </button>
                </div>
                <SelectField label={t("bulk.reason")} name="reason" options={reasonOptions} defaultValue={bulkFailed?.values.reason ?? ""} />
                <div className="form-actions">
                  <button type="submit" name="intent" value="bulk-reject" className="button">
                    {t("bulk.reject")}
                  </button>
                </div>
              </fieldset>
            </Form>
          ) : null}
          <ol className="suggestion-list">
            {items.map((item) => {
              const failed = actionData?.id === item.id ? actionData : undefined;
              const errorsOf = (intent: string, field: string) => (failed?.intent === intent ? translate(failed.errors[field]) : undefined);
              return (
                <li key={item.id} className="suggestion" aria-labelledby={`suggestion-${item.id}`}>
                  <h2 id={`suggestion-${item.id}`} className="suggestion-heading">
                    {t("item.heading", { id: item.id, unit: item.unitName, region: item.regionName })}
                  </h2>
                  <p className="muted">
                    {t("item.submitted", { date: date(item.submittedOn) })}
                    {item.moderatedOn ? ` · ${t("item.moderated", { status: t(`status.${item.status}`), date: date(item.moderatedOn) })}` : null}
                  </p>
                  {item.status === "pending" ? (
                    <p className="suggestion-select">
                      <input type="checkbox" id={`select-${item.id}`} name="ids" value={item.id} form="bulk-form" />{" "}
                      <label htmlFor={`select-${item.id}`}>{t("item.select", { id: item.id })}</label>
                    </p>
                  ) : null}
                  <h3 className="suggestion-subheading">{t("item.original")}</h3>
                  <blockquote className="suggestion-text">{item.text}</blockquote>
                  {item.status === "published" && item.publishedText ? (
                    <>
                      <h3 className="suggestion-subheading">{t("item.published")}</h3>
                      <blockquote className="suggestion-text">{item.publishedText}</blockquote>
                    </>
                  ) : null}
                  <div className="two-columns">
                    <Form method="post" aria-label={t("publish.formLabel", { id: item.id })}>
                      <input type="hidden" name="intent" value="publish" />
                      <input type="hidden" name="id" value={item.id} />
                      {failed?.intent === "publish" ? <FormMessage errors={translate(failed.errors[""])} /> : null}
                      <TextAreaField
                        label={t("publish.text")}
                        hint={t("publish.hint", { max: TEXT_MAX })}
                        name="publishedText"
                        rows={5}
                        maxLength={TEXT_MAX}
                        required
                        defaultValue={failed?.intent === "publish" ? (failed.values.publishedText ?? "") : (item.publishedText ?? item.redacted)}
                        errors={errorsOf("publish", "publishedText")}
                      />
                      <SubmitRow label={item.status === "published" ? t("publish.update") : t("publish.submit")} primary />
                    </Form>
                    {item.status !== "rejected" ? (
                      <Form method="post" aria-label={t("reject.formLabel", { id: item.id })}>
                        <input type="hidden" name="intent" value="reject" />
                        <input type="hidden" name="id" value={item.id} />
                        {failed?.intent === "reject" ? <FormMessage errors={translate(failed.errors[""])} /> : null}
                        <SelectField
                          label={t("reject.reason")}
                          name="reason"
                          required
                          options={reasonOptions}
                          defaultValue={failed?.intent === "reject" ? (failed.values.reason ?? "") : ""}
                          errors={errorsOf("reject", "reason")}
                        />
                        <SubmitRow label={item.status === "published" ? t("reject.withdraw") : t("reject.submit")} />
                      </Form>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}

      <PageNumbers page={filter.page} pages={pages} dropped={["done", "count"]} />
    </>
  );
}
