/** What happened to a case so far: its status history, its messages, its forwards and who has opened it. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CasePageView } from "~/reports/casework.server";
import { useCalendarFormat } from "~/components/calendar-format";

export function CaseHistory({ events }: { events: CasePageView["events"] }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      {events.length === 0 ? <p>{t("history.none")}</p> : null}
      <ol className="case-history">
        {events.map((event) => (
          <li key={event.id}>
            <strong>
              {event.fromStatus ? `${t(`statuses.${event.fromStatus}`)} → ` : null}
              {t(`statuses.${event.toStatus}`)}
            </strong>{" "}
            <span className="muted">{t("history.by", { who: event.actorName ?? t("history.reporterOrSystem"), date: date(event.occurredOn) })}</span>
            {event.publicReason ? <p className="case-text">{t("history.publicReason", { reason: event.publicReason })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CaseMessages({ messages }: { messages: CasePageView["messages"] }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t("messages.heading")}</h2>
      {messages.length === 0 ? <p>{t("messages.none")}</p> : null}
      <ol className="case-messages">
        {messages.map((message) => (
          <li key={message.id} className={`case-message case-message-${message.kind}`}>
            <p className="case-message-head">
              <strong>{t(`messages.kinds.${message.kind}`)}</strong>{" "}
              <span className="muted">
                {message.authorName ? `${message.authorName} · ` : null}
                {date(message.createdOn)}
              </span>
            </p>
            <p className="case-text">{message.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CaseForwards({ caseId, forwards }: { caseId: string; forwards: CasePageView["forwards"] }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  return (
    <section aria-labelledby="forwards-heading">
      <h2 id="forwards-heading">{t("forwards.heading")}</h2>
      {forwards.length === 0 ? <p>{t("forwards.none")}</p> : null}
      <ul className="plain-list">
        {forwards.map((forward) => (
          <li key={forward.id} className="card">
            <p>
              <strong>{t(`destinations.${forward.destination}`)}</strong>{" "}
              <span className="muted">{t("forwards.sent", { who: forward.staffName ?? t("forwards.formerStaff"), date: date(forward.sentOn) })}</span>
            </p>
            {forward.externalReference ? <p>{t("forwards.externalReference", { reference: forward.externalReference })}</p> : null}
            <p className="case-text">{forward.summary}</p>
            <p className="muted">{t("forwards.files", { count: forward.fileIds.length })}</p>
            <p>
              <Link to={`/staff/reports/${caseId}/forwards/${forward.id}/dossier`}>{t("dossier.open")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Reader = { id: string; occurredOn: string; name: string | null; action: string; details: Record<string, unknown> };

/** The read log of this case: who opened it, or its original photos, forwards or dossiers, by day. */
export function CaseReaders({ readers, files }: { readers: Reader[]; files: CasePageView["files"] }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  const seqOf = new Map(files.map((f) => [f.id, f.seq]));
  const what = (reader: Reader) => {
    if (reader.action === "report.file_opened") return t("readers.file", { seq: seqOf.get(String(reader.details.fileId)) ?? "?" });
    return t(`readers.actions.${reader.action.replace("report.", "")}`);
  };
  return (
    <section aria-labelledby="readers-heading">
      <h2 id="readers-heading">{t("readers.heading")}</h2>
      <p className="hint">{t("readers.hint")}</p>
      <div className="table-scroll">
        <table className="data-table case-readers">
          <caption className="visually-hidden">{t("readers.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("readers.day")}</th>
              <th scope="col">{t("readers.who")}</th>
              <th scope="col">{t("readers.what")}</th>
            </tr>
          </thead>
          <tbody>
            {readers.map((reader) => (
              <tr key={reader.id}>
                <td>{date(reader.occurredOn)}</td>
                <td>{reader.name ?? t("forwards.formerStaff")}</td>
                <td>{what(reader)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
