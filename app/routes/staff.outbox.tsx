import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { OUTBOX_FILTERS } from "~/alerts/options";
import { listOutbox, OUTBOX_PAGE_SIZE } from "~/alerts/outbox.server";
import { requirePermission } from "~/auth/guard.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { FormMessage, SelectField, SubmitRow } from "~/components/forms";
import { Pager } from "~/components/pager";
import { i18nServer } from "~/i18n.server";

export const handle = { i18n: ["alerts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const INSTALLATION = { kind: "installation" } as const;

const querySchema = z.object({
  status: z.enum(OUTBOX_FILTERS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "installation.manage", INSTALLATION);
  const url = new URL(request.url);
  const query = querySchema.parse({ status: url.searchParams.get("status") ?? undefined, page: url.searchParams.get("page") ?? undefined });
  const { rows, total } = await listOutbox(context.db, query.status, query.page);
  const t = await i18nServer.getFixedT(request, "alerts");
  return {
    ...query,
    rows,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    smtp: context.config.alerts.smtpUrl !== null,
    webhook: context.config.alerts.webhook !== null,
    title: `${t("outbox.title")} · Pintu Depan`,
  };
}

export default function Outbox() {
  const { status, page, pages, rows, smtp, webhook } = useLoaderData<typeof loader>();
  const { t } = useTranslation("alerts");
  const { shortDay } = useCalendarFormat();
  const pageLink = (to: number) => `/staff/outbox?${new URLSearchParams({ status, page: String(to) })}`;
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      {smtp ? null : <FormMessage tone="info" errors={[t("outbox.noSmtp")]} />}
      {webhook ? <p>{t("outbox.webhookOn")}</p> : null}
      <Form method="get">
        <SelectField
          label={t("outbox.filter")}
          name="status"
          defaultValue={status}
          options={OUTBOX_FILTERS.map((value) => ({ value, label: value === "all" ? t("outbox.all") : t(`outbox.statuses.${value}`) }))}
        />
        <SubmitRow label={t("outbox.show")} />
      </Form>
      {rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("outbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.created")}</th>
                <th scope="col">{t("outbox.recipient")}</th>
                <th scope="col">{t("outbox.kind")}</th>
                <th scope="col">{t("outbox.channel")}</th>
                <th scope="col">{t("outbox.case")}</th>
                <th scope="col">{t("outbox.status")}</th>
                <th scope="col">{t("outbox.attempts")}</th>
                <th scope="col">{t("outbox.lastError")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{shortDay(row.createdOn)}</td>
                  <td>{row.recipient}</td>
                  <td>{t(`outbox.kinds.${row.kind}`)}</td>
                  <td>{t(`outbox.channels.${row.channel}`)}</td>
                  <td>{row.reference ?? "—"}</td>
                  <td>{t(`outbox.statuses.${row.status}`)}</td>
                  <td>{row.attempts}</td>
                  <td>{row.lastError ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t("common:paging.label")}
        back={page > 1 ? { to: pageLink(page - 1), text: t("common:paging.previous") } : null}
        forward={page < pages ? { to: pageLink(page + 1), text: t("common:paging.next") } : null}
        position={t("common:paging.position", { page, pages })}
      />
    </>
  );
}
