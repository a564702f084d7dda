/** The reporter's case as it stands: its status, its history and what was reported. */
import { useTranslation } from "react-i18next";
import type { ReporterCase } from "~/reports/case.server";
import { useCaseFormat } from "./case-format";

export function CaseStatus({ report }: { report: Pick<ReporterCase, "status" | "outcome"> }) {
  const { t } = useTranslation("reports");
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t("case.statusHeading")}</h2>
      <p className="case-status">
        <strong>{t(`status.${report.status}`)}</strong>
        {report.outcome ? ` · ${t(`outcome.${report.outcome}`)}` : null}
      </p>
      <p className="hint">{t(`statusHint.${report.status}`)}</p>
    </section>
  );
}

export function CaseHistory({ events }: { events: ReporterCase["events"] }) {
  const { t } = useTranslation("reports");
  const format = useCaseFormat();
  return (
    <>
      <h2>{t("case.historyHeading")}</h2>
      <ol className="case-history">
        {events.map((event, index) => (
          <li key={index}>
            <span>{format.date(event.occurredOn)}</span> · <strong>{t(`status.${event.toStatus}`)}</strong>
            {event.reason ? <p>{event.reason}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export function CaseFacts({ report }: { report: ReporterCase }) {
  const { t } = useTranslation("reports");
  const format = useCaseFormat();
  return (
    <>
      <h2>{t("case.reportHeading")}</h2>
      <dl className="case-facts">
        <dt>{t("case.facts.category")}</dt>
        <dd>{t(`categories.${report.category}.name`)}</dd>
        <dt>{t("case.facts.unit")}</dt>
        <dd>{report.unitName ? `${report.unitName} · ${report.regionName}` : t("form.unknownUnit", { region: report.regionName })}</dd>
        <dt>{t("case.facts.service")}</dt>
        <dd>{report.serviceName ?? t("case.notGiven")}</dd>
        <dt>{t("case.facts.when")}</dt>
        <dd>{report.incidentMonth ? format.month(report.incidentMonth) : t("case.notGiven")}</dd>
        <dt>{t("case.facts.amountAsked")}</dt>
        <dd>{format.rupiah(report.content?.amountAsked ?? null)}</dd>
        <dt>{t("case.facts.officialTariff")}</dt>
        <dd>{format.rupiah(report.content?.officialTariff ?? null)}</dd>
        <dt>{t("case.facts.paid")}</dt>
        <dd>{report.content?.paid ? t(`paid.${report.content.paid}`) : t("case.notGiven")}</dd>
        <dt>{t("case.facts.askedBy")}</dt>
        <dd>{report.content?.askedBy ? t(`askedBy.${report.content.askedBy}`) : t("case.notGiven")}</dd>
        <dt>{t("case.received")}</dt>
        <dd>{format.date(report.receivedOn)}</dd>
      </dl>
      <h3>{t("case.facts.narrative")}</h3>
      <p className="case-narrative">{report.content?.narrative}</p>
    </>
  );
}
