/**
 * SKM figures as server-rendered tables with SVG bars: readable without JavaScript, by screen
 * readers (the numbers are in the text; the bars are decoration) and on paper.
 */
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { formatFixed } from "~/utils/number-format";

const BAR_WIDTH = 100;

/** Scales with its cell, so the tables never need to scroll sideways on a phone. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = Math.max(0, Math.min(1, value / max)) * BAR_WIDTH;
  return (
    <svg className="bar" width="100%" height="14" viewBox={`0 0 ${BAR_WIDTH} 14`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={BAR_WIDTH} height="14" className="bar-track" />
      <rect x="0" y="0" width={width} height="14" className="bar-fill" />
    </svg>
  );
}

const formatNumber = formatFixed;

export function NrrTable({ nrr, caption }: { nrr: Record<string, number | null>; caption: string }) {
  const { t, i18n } = useTranslation(["org", "skm"]);
  return (
    <table className="data-table chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("org:skmPanel.element")}</th>
            <th scope="col">{t("org:skmPanel.nrr")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("org:skmPanel.bar")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(nrr).map(([element, value]) => (
            <tr key={element}>
              <th scope="row">
                {element.toUpperCase()} {t(`skm:questions.${element}.name`)}
              </th>
              <td>{value === null ? "—" : formatNumber(i18n.language, value, 2)}</td>
              <td>{value === null ? null : <Bar value={value} max={4} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
  );
}

export function TrendTable({
  trend,
  caption,
}: {
  /** respondents is null where the month is not published. */
  trend: ReadonlyArray<{ key: string; respondents: number | null; score: number | null }>;
  caption: string;
}) {
  const { t, i18n } = useTranslation("org");
  const { month: monthName } = useCalendarFormat();
  return (
    <table className="data-table chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("skmPanel.month")}</th>
            <th scope="col">{t("skmPanel.respondents")}</th>
            <th scope="col">{t("skmPanel.score")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("skmPanel.bar")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.map((month) => (
            <tr key={month.key}>
              <th scope="row">{monthName(month.key)}</th>
              <td>{month.respondents === null ? t("skmPanel.notEnough") : formatNumber(i18n.language, month.respondents, 0)}</td>
              <td>{month.score === null ? t("skmPanel.notEnough") : formatNumber(i18n.language, month.score, 2)}</td>
              <td>{month.score === null ? null : <Bar value={month.score - 25} max={75} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
  );
}

/** The weakest unsur of a period: where the unit should improve first. */
export function Priorities({ priorities, heading }: { priorities: ReadonlyArray<{ element: string; nrr: number }>; heading: "h2" | "h3" }) {
  const { t, i18n } = useTranslation(["org", "skm"]);
  if (priorities.length === 0) return null;
  const Heading = heading;
  return (
    <>
      <Heading>{t("org:skmPanel.prioritiesHeading")}</Heading>
      <ol>
        {priorities.map((p) => (
          <li key={p.element}>
            {t(`skm:questions.${p.element}.name`)} ({formatNumber(i18n.language, p.nrr, 2)})
          </li>
        ))}
      </ol>
    </>
  );
}
