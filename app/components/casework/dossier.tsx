/**
 * The forwarding dossier, laid out for A4 paper: what was sent, to whom, with which facts,
 * photos (redacted copies only) and status history (public reasons only).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { PrintButton } from "~/components/report/report-fields";
import type { ForwardDossier } from "~/reports/casework.server";
import { useForwardFactLine } from "./forward-form";

export function Dossier({ dossier }: { dossier: ForwardDossier }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  const line = useForwardFactLine();
  const { forward } = dossier;
  const facts = dossier.facts.filter((fact) => fact.fact !== "intro");
  return (
    <article className="dossier">
      <nav className="breadcrumb no-print" aria-label={t("case.breadcrumb")}>
        <ol>
          <li>
            <Link to="/staff/reports">{t("queue.title")}</Link>
          </li>
          <li>
            <Link to={`/staff/reports/${dossier.reportId}`}>{dossier.reference}</Link>
          </li>
          <li aria-current="page">{t("dossier.title")}</li>
        </ol>
      </nav>
      <div className="cta-row no-print">
        <PrintButton label={t("dossier.print")} />
      </div>
      <h1>{t("dossier.heading", { reference: dossier.reference })}</h1>
      <dl className="facts">
        <dt>{t("dossier.reference")}</dt>
        <dd className="case-reference">{dossier.reference}</dd>
        <dt>{t("dossier.destination")}</dt>
        <dd>{t(`destinations.${forward.destination}`)}</dd>
        <dt>{t("dossier.sentOn")}</dt>
        <dd>{date(forward.sentOn)}</dd>
        {forward.externalReference ? (
          <>
            <dt>{t("dossier.externalReference")}</dt>
            <dd>{forward.externalReference}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="dossier-facts">
        <h2 id="dossier-facts">{t("dossier.facts")}</h2>
        <ul>
          {facts.map((fact) => (
            <li key={fact.fact}>{line(fact)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="dossier-summary">
        <h2 id="dossier-summary">{t("dossier.summary")}</h2>
        <p className="case-text dossier-summary">{forward.summary}</p>
      </section>

      <section aria-labelledby="dossier-files">
        <h2 id="dossier-files">{t("dossier.files")}</h2>
        {dossier.files.length === 0 ? <p>{t("dossier.noFiles")}</p> : null}
        <ul className="plain-list dossier-photos">
          {dossier.files.map((file) => (
            <li key={file.id}>
              {file.shown ? (
                <figure>
                  <img src={`/staff/reports/${dossier.reportId}/files/${file.id}?version=redacted`} alt={t("dossier.photo", { seq: file.seq })} />
                  <figcaption>{t("dossier.photo", { seq: file.seq })}</figcaption>
                </figure>
              ) : (
                <p>{t("dossier.notShown", { seq: file.seq })}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="dossier-history">
        <h2 id="dossier-history">{t("dossier.history")}</h2>
        <ol className="case-history">
          {dossier.events.map((event) => (
            <li key={event.id}>
              <strong>
                {event.fromStatus ? `${t(`statuses.${event.fromStatus}`)} → ` : null}
                {t(`statuses.${event.toStatus}`)}
              </strong>{" "}
              <span className="muted">{date(event.occurredOn)}</span>
              {event.publicReason ? <p className="case-text">{t("history.publicReason", { reason: event.publicReason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <p className="hint">{t("dossier.footer")}</p>
    </article>
  );
}
