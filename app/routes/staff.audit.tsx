import { parseWithZod } from "~/utils/form-rows";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { listAudit, listReportAudit, READ_ACTIONS, REPORT_READ_ACTIONS, reportIdByReference, type AuditFilter } from "~/audit/audit.server";
import { AuditTable } from "~/components/audit/audit-table";
import { FormMessage, SelectField, TextField } from "~/components/forms";
import { Pager } from "~/components/pager";
import { i18nServer } from "~/i18n.server";
import { listAllRegions, staffIdByEmail } from "~/org/admin.server";
import { auditFilterSchema, formatInZone, zoneLabel } from "~/org/admin-schema";
import { addDays, startOfDay } from "~/utils/calendar";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const PAGE_SIZE = 50;
/** A report id no report has: a case filter that found nothing matches no entry. */
const NO_CASE = "00000000-0000-0000-0000-000000000000";
const FILTER_FIELDS = ["action", "objectType", "actor", "region", "from", "to", "kind", "case"] as const;
type FilterField = (typeof FILTER_FIELDS)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reach: readable } = await requireReach(request, context, "audit.read");

  const url = new URL(request.url);
  const t = await i18nServer.getFixedT(request, "admin");
  const regions = (await listAllRegions(context.db)).filter((region) => readable.all || readable.regionIds.has(region.id));
  const regionsById = new Map(regions.map((region) => [region.id, region]));
  // What was typed, shown back in the form (clipped: the form is not a place to echo megabytes).
  const typed = Object.fromEntries(FILTER_FIELDS.map((field) => [field, (url.searchParams.get(field) ?? "").slice(0, 300)])) as Record<FilterField, string>;

  const submission = parseWithZod(url.searchParams, { schema: auditFilterSchema });
  const errors: Record<string, string[]> = {};
  if (submission.status !== "success") {
    for (const [field, messages] of Object.entries(submission.error ?? {})) if (messages?.length) errors[field] = messages;
  }
  const value = submission.status === "success" ? submission.value : null;
  // Only regions within reach can be chosen; any other slug is refused, not silently widened.
  const region = typed.region ? regions.find((r) => r.slug === typed.region) : undefined;
  if (typed.region && !region) errors.region = ["errors.regionUnknown"];

  // Dates are read in the chosen region's zone, in the only zone a region admin works in, or in UTC.
  const onlyRegion = !readable.all && regions.length === 1 ? regions[0] : undefined;
  const zone = region?.timeZone ?? onlyRegion?.timeZone ?? "UTC";

  const base = {
    typed,
    zone: zoneLabel(zone),
    regionOptions: regions.map(({ slug, name }) => ({ slug, name })),
    title: t("audit.metaTitle"),
  };
  if (!value || Object.keys(errors).length > 0) {
    return data({ ...base, errors, entries: [], reportEntries: [], olderQuery: null, newestQuery: null }, { status: 400 });
  }

  // "Reads" is the read log (cases, original photos, forwards, dossiers, exports); "changes" the rest.
  const kinds = {
    timed: value.kind === "reads" ? { actions: READ_ACTIONS } : value.kind === "changes" ? { exceptActions: READ_ACTIONS } : {},
    report: value.kind === "reads" ? { actions: REPORT_READ_ACTIONS } : value.kind === "changes" ? { exceptActions: REPORT_READ_ACTIONS } : {},
  };
  // A case number nobody has (or out of reach) matches nothing, like an unknown e-mail address.
  const caseId = value.case ? ((await reportIdByReference(context.db, readable, value.case)) ?? NO_CASE) : undefined;
  const filter: AuditFilter = {
    ...kinds.timed,
    objectId: caseId,
    action: value.action,
    objectType: caseId ? "report" : value.objectType,
    regionId: region?.id,
    from: value.from ? startOfDay(value.from, zone) : undefined,
    to: value.to ? startOfDay(addDays(value.to, 1), zone) : undefined,
    beforeId: value.beforeId,
    limit: PAGE_SIZE + 1,
  };
  let rows: Awaited<ReturnType<typeof listAudit>> = [];
  const actorId = value.actor ? await staffIdByEmail(context.db, value.actor) : undefined;
  // An e-mail address nobody has: nothing to show (and no hint whether it exists).
  if (actorId !== null) rows = await listAudit(context.db, readable, { ...filter, actorStaffId: actorId });
  // Actions on reports are kept by day only, apart from the timed entries (see docs/security.md).
  const reportRows =
    actorId !== null && (!value.objectType || value.objectType === "report") && value.beforeId === undefined
      ? await listReportAudit(context.db, readable, {
          ...kinds.report,
          actorStaffId: actorId,
          action: value.action,
          reportId: caseId,
          regionId: region?.id,
          from: value.from,
          to: value.to,
        })
      : [];

  const page = rows.slice(0, PAGE_SIZE);
  const query = (beforeId?: number) => {
    const params = new URLSearchParams();
    for (const field of FILTER_FIELDS) if (typed[field]) params.set(field, typed[field]);
    if (beforeId !== undefined) params.set("beforeId", String(beforeId));
    return params.toString();
  };
  const oldest = page.at(-1);

  return {
    ...base,
    errors,
    entries: page.map((row) => {
      const rowRegion = row.regionId === null ? undefined : regionsById.get(row.regionId);
      const time = formatInZone(row.at, rowRegion?.timeZone ?? null);
      return {
        id: row.id,
        dateTime: row.at.toISOString(),
        when: `${time.text} ${time.zone}`,
        actorEmail: row.actorEmail,
        actorRole: row.actorRole,
        action: row.action,
        object: row.objectId === null ? row.objectType : `${row.objectType} #${row.objectId}`,
        region: rowRegion?.name ?? null,
        details: JSON.stringify(row.details),
      };
    }),
    reportEntries: reportRows.map((row) => ({
      id: row.id,
      dateTime: row.occurredOn,
      when: row.occurredOn,
      actorEmail: row.actorEmail,
      actorRole: row.actorRole,
      action: row.action,
      object: `report #${row.reportId}`,
      region: regionsById.get(row.regionId)?.name ?? null,
      details: JSON.stringify(row.details),
    })),
    olderQuery: rows.length > PAGE_SIZE && oldest ? query(oldest.id) : null,
    newestQuery: value.beforeId !== undefined ? query() : null,
  };
}

export default function AuditPage() {
  const { typed, zone, regionOptions, errors, entries, reportEntries, olderQuery, newestQuery } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const fieldErrors = (field: string) => errors[field]?.map((e) => t(e));
  const otherErrors = Object.entries(errors)
    .filter(([field]) => !(FILTER_FIELDS as readonly string[]).includes(field))
    .flatMap(([, messages]) => messages ?? [])
    .map((e) => t(e));
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>

      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading">{t("audit.filterHeading")}</h2>
        <FormMessage errors={otherErrors.length > 0 ? otherErrors : undefined} />
        <Form method="get" action="/staff/audit" className="admin-filters">
          <TextField
            label={t("audit.action")}
            hint={t("audit.actionHint")}
            name="action"
            defaultValue={typed.action}
            errors={fieldErrors("action")}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t("audit.objectType")}
            hint={t("audit.objectTypeHint")}
            name="objectType"
            defaultValue={typed.objectType}
            errors={fieldErrors("objectType")}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField label={t("audit.actor")} type="email" name="actor" defaultValue={typed.actor} errors={fieldErrors("actor")} autoComplete="off" />
          <SelectField
            label={t("audit.region")}
            name="region"
            defaultValue={typed.region}
            errors={fieldErrors("region")}
            options={[{ value: "", label: t("audit.allRegions") }, ...regionOptions.map((r) => ({ value: r.slug, label: r.name }))]}
          />
          <TextField
            label={t("audit.from")}
            hint={t("audit.dateHint", { zone })}
            type="date"
            name="from"
            defaultValue={typed.from}
            errors={fieldErrors("from")}
          />
          <TextField label={t("audit.to")} hint={t("audit.dateHint", { zone })} type="date" name="to" defaultValue={typed.to} errors={fieldErrors("to")} />
          <SelectField
            label={t("audit.kind")}
            name="kind"
            defaultValue={typed.kind}
            errors={fieldErrors("kind")}
            options={[
              { value: "", label: t("audit.kinds.all") },
              { value: "reads", label: t("audit.kinds.reads") },
              { value: "changes", label: t("audit.kinds.changes") },
            ]}
          />
          <TextField label={t("audit.case")} hint={t("audit.caseHint")} name="case" defaultValue={typed.case} errors={fieldErrors("case")} autoComplete="off" spellCheck={false} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("audit.apply")}
            </button>
            <Link to="/staff/audit" className="button">
              {t("audit.clear")}
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("audit.entriesHeading")}</h2>
        <AuditTable headingId="entries-heading" caption={t("audit.caption")} whenLabel={t("audit.time")} rows={entries} />
        <Pager
          label={t("audit.paging")}
          back={newestQuery !== null ? { to: `/staff/audit${newestQuery ? `?${newestQuery}` : ""}`, text: t("audit.newest") } : null}
          forward={olderQuery !== null ? { to: `/staff/audit?${olderQuery}`, text: t("audit.older") } : null}
          buttons
        />
      </section>

      <section aria-labelledby="report-entries-heading">
        <h2 id="report-entries-heading">{t("audit.reportEntriesHeading")}</h2>
        <p>{t("audit.reportEntriesIntro")}</p>
        <AuditTable headingId="report-entries-heading" caption={t("audit.reportEntriesHeading")} whenLabel={t("audit.day")} rows={reportEntries} />
      </section>
    </>
  );
}
