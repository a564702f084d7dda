/** The case's facts, its deadlines and what the reporter wrote, on the moderator's case page. */
import { useTranslation } from "react-i18next";
import type { CasePageView } from "~/reports/casework.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { ClockBadge } from "./clock";

export function CaseFacts({ detail }: { detail: CasePageView }) {
  const { t } = useTranslation("casework");
  const { shortDay: date, month } = useCalendarFormat();
  const doneOn = (day: string | null) => (day ? ` · ${t("case.dates.doneOn", { date: date(day) })}` : null);
  return (
    <div className="two-columns">
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("case.factsHeading")}</h2>
        <dl className="facts">
          <dt>{t("case.status")}</dt>
          <dd>
            {t(`statuses.${detail.status}`)}
            {detail.outcome ? ` — ${t(`outcomes.${detail.outcome}`)}` : null}
          </dd>
          <dt>{t("case.clock")}</dt>
          <dd>
            <ClockBadge clock={detail.clockView} />
          </dd>
          <dt>{t("case.unit")}</dt>
          <dd>
            {detail.unitName ?? t("case.unitUnknown")} · {detail.regionName}
          </dd>
          {detail.serviceName ? (
            <>
              <dt>{t("case.service")}</dt>
              <dd>{detail.serviceName}</dd>
            </>
          ) : null}
          <dt>{t("case.category")}</dt>
          <dd>{t(`categories.${detail.category}`)}</dd>
          <dt>{t("case.channel")}</dt>
          <dd>{t(`channels.${detail.channel}`)}</dd>
          {detail.incidentMonth ? (
            <>
              <dt>{t("case.incidentMonth")}</dt>
              <dd>{month(detail.incidentMonth)}</dd>
            </>
          ) : null}
          <dt>{t("case.assignee")}</dt>
          <dd>{detail.assigneeName ?? t("queue.nobody")}</dd>
        </dl>
      </section>
      <section aria-labelledby="dates-heading">
        <h2 id="dates-heading">{t("case.datesHeading")}</h2>
        <dl className="facts">
          <dt>{t("case.dates.received")}</dt>
          <dd>{date(detail.clock.receivedOn)}</dd>
          <dt>{t("case.dates.triageDue")}</dt>
          <dd>
            {date(detail.clock.triageDueOn)}
            {doneOn(detail.clock.triagedOn)}
          </dd>
          {detail.clock.followUpDueOn ? (
            <>
              <dt>{t("case.dates.followUpDue")}</dt>
              <dd>
                {date(detail.clock.followUpDueOn)}
                {doneOn(detail.clock.followedUpOn)}
              </dd>
            </>
          ) : null}
          {detail.clock.closeDueOn ? (
            <>
              <dt>{t("case.dates.closeDue")}</dt>
              <dd>
                {date(detail.clock.closeDueOn)}
                {doneOn(detail.clock.closedOn)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}

export function CaseContent({ content }: { content: CasePageView["content"] }) {
  const { t, i18n } = useTranslation("casework");
  const rupiah = (amount: number | null) => (amount === null ? t("case.notGiven") : t("case.rupiah", { amount: amount.toLocaleString(i18n.language) }));
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{t("case.contentHeading")}</h2>
      {content ? (
        <>
          <dl className="facts">
            <dt>{t("case.amountAsked")}</dt>
            <dd>{rupiah(content.amountAsked)}</dd>
            <dt>{t("case.officialTariff")}</dt>
            <dd>{rupiah(content.officialTariff)}</dd>
            <dt>{t("case.paid")}</dt>
            <dd>{content.paid ? t(`case.paidValues.${content.paid}`) : t("case.notGiven")}</dd>
            <dt>{t("case.askedBy")}</dt>
            <dd>{content.askedBy ? t(`reports:askedBy.${content.askedBy}`, { defaultValue: content.askedBy }) : t("case.notGiven")}</dd>
          </dl>
          <h3>{t("case.narrative")}</h3>
          <blockquote className="case-text">{content.narrative}</blockquote>
        </>
      ) : (
        <p>{t("case.purged")}</p>
      )}
    </section>
  );
}
