/** What happened to a case so far: its status history, its messages and its forwards. */
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

export function CaseForwards({ forwards }: { forwards: CasePageView["forwards"] }) {
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
          </li>
        ))}
      </ul>
    </section>
  );
}
