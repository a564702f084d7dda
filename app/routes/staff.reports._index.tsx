import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { reportScope } from "~/auth/policy";
import { SelectField, SubmitRow } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { QUEUE_PAGE_SIZE, STATUS_FILTERS, parseQueueFilter } from "~/reports/casework-schema";
import { REPORT_CATEGORIES } from "~/reports/form-schema";
import { holidaySet } from "~/reports/clock.server";
import { listReportQueue, queueOptions } from "~/reports/queue.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { ClockBadge } from "~/components/casework/clock";
import { PageNumbers } from "~/components/pager";

export const handle = { i18n: ["casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { signedIn } = await requireReach(request, context, "report.read");
  const scope = reportScope(signedIn.actor);
  const filter = parseQueueFilter(new URL(request.url).searchParams);
  const holidays = await holidaySet(context.db);
  const [options, queue] = await Promise.all([queueOptions(context.db, scope), listReportQueue(context.db, scope, filter, signedIn.id, holidays, context.config.alerts.escalationDays)]);
  const t = await i18nServer.getFixedT(request, "casework");
  return {
    filter,
    options,
    items: queue.items,
    total: queue.total,
    pages: Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE)),
    title: `${t("queue.title")} · Pintu Depan`,
  };
}

export default function ReportQueue() {
  const { filter, options, items, total, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  const assignee = filter.assignee === undefined ? "" : String(filter.assignee);

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p>{t("queue.intro")}</p>
      <p>
        <Link to="/staff/reports/new">{t("intake.queueLink")}</Link>
      </p>

      <Form method="get" className="filter-form" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="visually-hidden">
          {t("filter.heading")}
        </h2>
        {options.regions.length > 1 ? (
          <SelectField
            label={t("filter.region")}
            name="region"
            defaultValue={filter.regionId === undefined ? "" : String(filter.regionId)}
            options={[{ value: "", label: t("filter.allRegions") }, ...options.regions.map((r) => ({ value: String(r.id), label: r.name }))]}
          />
        ) : null}
        <SelectField
          label={t("filter.unit")}
          name="unit"
          defaultValue={filter.unit === undefined ? "" : String(filter.unit)}
          options={[
            { value: "", label: t("filter.allUnits") },
            { value: "none", label: t("case.unitUnknown") },
            ...options.units.map((u) => ({ value: String(u.id), label: options.regions.length > 1 ? `${u.name} (${u.regionName})` : u.name })),
          ]}
        />
        <SelectField
          label={t("filter.category")}
          name="category"
          defaultValue={filter.category ?? ""}
          options={[{ value: "", label: t("filter.allCategories") }, ...REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))]}
        />
        <SelectField
          label={t("filter.status")}
          name="status"
          defaultValue={filter.status}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`filter.statuses.${s}`) }))}
        />
        <SelectField
          label={t("filter.assignee")}
          name="assignee"
          defaultValue={assignee}
          options={[
            { value: "", label: t("filter.anyone") },
            { value: "mine", label: t("filter.mine") },
            { value: "unassigned", label: t("filter.unassigned") },
            ...options.moderators.map((m) => ({ value: String(m.id), label: m.name })),
          ]}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} /> {t("filter.overdueOnly")}
          </label>
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="escalated" value="1" defaultChecked={filter.escalated} /> {t("filter.escalatedOnly")}
          </label>
        </div>
        <SubmitRow label={t("filter.submit")} />
      </Form>

      <p role="status">{t("queue.count", { count: total })}</p>

      {items.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table report-queue">
            <caption className="visually-hidden">{t("queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.columns.reference")}</th>
                <th scope="col">{t("queue.columns.unit")}</th>
                <th scope="col">{t("queue.columns.category")}</th>
                <th scope="col">{t("queue.columns.status")}</th>
                <th scope="col">{t("queue.columns.clock")}</th>
                <th scope="col">{t("queue.columns.assignee")}</th>
                <th scope="col">{t("queue.columns.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={item.clock.overdue ? "row-overdue" : undefined}>
                  <td>
                    <Link to={`/staff/reports/${item.id}`} className="case-reference">
                      {item.reference}
                    </Link>
                    <div className="muted">{t("queue.received", { date: date(item.receivedOn) })}</div>
                  </td>
                  <td>
                    {item.unitName ?? t("case.unitUnknown")}
                    {options.regions.length > 1 ? <div className="muted">{item.regionName}</div> : null}
                  </td>
                  <td>{t(`categories.${item.category}`)}</td>
                  <td>
                    {t(`statuses.${item.status}`)}
                    {item.outcome ? <div className="muted">{t(`outcomes.${item.outcome}`)}</div> : null}
                  </td>
                  <td>
                    <ClockBadge clock={item.clock} />
                  </td>
                  <td>{item.assigneeName ?? t("queue.nobody")}</td>
                  <td>
                    <ul className="plain-list">
                      {item.clock.escalated ? <li className="flag flag-escalated">{t("queue.flags.escalated")}</li> : null}
                      {item.reporterReplied ? <li className="flag">{t("queue.flags.replied")}</li> : null}
                      {item.hasFiles ? <li className="flag">{t("queue.flags.files")}</li> : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <PageNumbers page={filter.page} pages={pages} />
    </>
  );
}
