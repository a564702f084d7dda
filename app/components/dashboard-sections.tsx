/**
 * Sections of the public dashboards: perception indices (internal monitoring), report
 * statistics, ZI readiness with its gaps, and the quarterly trend. Presentational only; the
 * figures arrive already published (threshold applied) from app/dashboards.
 */
import { useTranslation } from "react-i18next";
import type { Requirement } from "~/zi/score-types";
import { CountTable, formatNumber, LineChart } from "./charts";
import { formatPercent } from "~/utils/number-format";

type Count = { value: number | null; published: boolean };
interface OnTime {
  due: number | null;
  onTime: number | null;
  share: number | null;
  published: boolean;
}
interface PerceptionIndex {
  /** null when not published. */
  respondents: number | null;
  published: boolean;
  mean: number | null;
  index: number | null;
}

export function useFormat() {
  const { i18n } = useTranslation("dashboard");
  return {
    number: (value: number, digits = 2) => formatNumber(i18n.language, value, digits),
    percent: (share: number) => formatPercent(i18n.language, share),
  };
}

export function PerceptionSection({ ipak, ipkp, min, periodLabel }: { ipak: PerceptionIndex; ipkp: PerceptionIndex; min: number; periodLabel: string }) {
  const { t } = useTranslation("dashboard");
  const { number } = useFormat();
  const one = (index: PerceptionIndex) =>
    index.published && index.index !== null && index.mean !== null && index.respondents !== null
      ? t("perception.value", { index: number(index.index), mean: number(index.mean), count: index.respondents })
      : t("perception.hidden", { min });
  return (
    <section aria-labelledby="perception-heading">
      <h2 id="perception-heading">{t("perception.heading")}</h2>
      <p className="muted">{periodLabel}</p>
      <dl className="facts">
        <dt>{t("perception.ipak")}</dt>
        <dd>{one(ipak)}</dd>
        <dt>{t("perception.ipkp")}</dt>
        <dd>{one(ipkp)}</dd>
      </dl>
      <p className="hint">{t("perception.note")}</p>
    </section>
  );
}

function OnTimeText({ onTime }: { onTime: OnTime }) {
  const { t } = useTranslation("dashboard");
  const { percent } = useFormat();
  if (!onTime.published) return <>{t("reports.onTimeHidden")}</>;
  if (onTime.share === null) return <>{t("reports.onTimeNone")}</>;
  return <>{t("reports.onTimeValue", { share: percent(onTime.share), onTime: onTime.onTime, due: onTime.due })}</>;
}

export function ReportsSection({
  heading,
  reports,
  min,
  periodLabel,
  monthLabel,
  children,
}: {
  heading: string;
  reports: {
    total: Count;
    categories: ReadonlyArray<{ category: string; count: Count }>;
    months: ReadonlyArray<{ key: string; count: Count }>;
    onTime: OnTime;
  };
  min: number;
  periodLabel: string;
  monthLabel: (key: string) => string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  const { number } = useFormat();
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{heading}</h2>
      <dl className="facts">
        <dt>{t("reports.total")}</dt>
        <dd>{reports.total.value === null ? t("reports.hidden") : number(reports.total.value, 0)}</dd>
        <dt>{t("reports.onTime")}</dt>
        <dd>
          <OnTimeText onTime={reports.onTime} />
        </dd>
      </dl>
      {children}
      <CountTable
        caption={t("reports.byCategory", { period: periodLabel })}
        labelHeading={t("reports.category")}
        rows={reports.categories.map((c) => ({ key: c.category, label: t(`categories.${c.category}`), value: c.count.value }))}
        hidden={t("reports.hidden")}
      />
      {reports.months.length > 1 ? (
        <CountTable
          caption={t("reports.byMonth", { period: periodLabel })}
          labelHeading={t("reports.month")}
          rows={reports.months.map((m) => ({ key: m.key, label: monthLabel(m.key), value: m.count.value }))}
          hidden={t("reports.hidden")}
        />
      ) : null}
      <p className="hint">{t("reports.note", { min })}</p>
      <p className="hint">{t("reports.onTimeNote")}</p>
    </section>
  );
}

/** One unmet requirement in words, with what is missing: "IPAK needs +0.12 to reach 3.60". */
export function RequirementText({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation("dashboard");
  const { number } = useFormat();
  if (r.key === "predicate") return <>{t("requirement.predicate", { required: t(`predicates.${String(r.required)}`) })}</>;
  if (r.gap === null) return <>{t("requirementMissing", { what: t(`requirementName.${r.key}`, { area: r.area }) })}</>;
  if ((r.key === "ipakPoints" || r.key === "ipkpPoints") && r.requiredIndex !== undefined && typeof r.actualIndex === "number") {
    const gap = Math.max(0, Math.round((r.requiredIndex - r.actualIndex) * 100) / 100);
    return <>{t(`requirement.${r.key}`, { gap: number(gap), required: number(r.requiredIndex) })}</>;
  }
  if (r.key === "areaShare") {
    return <>{t("requirement.areaShare", { area: r.area, gap: number(r.gap * 100, 1), required: number(Number(r.required) * 100, 0) })}</>;
  }
  return <>{t(`requirement.${r.key}`, { gap: number(r.gap), required: number(Number(r.required)) })}</>;
}

export interface ZiView {
  year: number;
  profileId: string;
  total: number | null;
  pengungkit: number | null;
  hasil: number | null;
  wbkReady: boolean | null;
  wbbmReady: boolean | null;
  /** The verdicts rest on the portal's internal IPAK/IPKP: provisional, not the official survey. */
  provisional: boolean;
  next: "none" | "wbk" | "wbbm" | null;
  lacking: Requirement[];
}

export function readyText(t: (key: string, options?: Record<string, string>) => string, ready: boolean | null, provisional = false) {
  const verdict = ready === null ? t("unknown") : ready ? t("yes") : t("no");
  return provisional ? t("zi.provisionalVerdict", { verdict }) : verdict;
}

export function ZiSection({ zi, predicate, predicateYear }: { zi: ZiView | null; predicate: "none" | "wbk" | "wbbm"; predicateYear: number | null }) {
  const { t } = useTranslation("dashboard");
  const { number } = useFormat();
  const points = (v: number | null) => (v === null ? t("notAvailable") : number(v));
  return (
    <section aria-labelledby="zi-heading">
      <h2 id="zi-heading">{t("zi.heading")}</h2>
      <dl className="facts">
        <dt>{t("zi.held")}</dt>
        <dd>{predicate === "none" || predicateYear === null ? t(`predicates.${predicate}`) : t("predicateHeld", { predicate: t(`predicates.${predicate}`), year: predicateYear })}</dd>
      </dl>
      {zi === null ? (
        <p className="panel">{t("zi.none")}</p>
      ) : (
        <>
          <p>{t("zi.summary", { year: zi.year, total: points(zi.total), pengungkit: points(zi.pengungkit), hasil: points(zi.hasil) })}</p>
          <dl className="facts">
            <dt>{t("zi.wbkReady")}</dt>
            <dd>{readyText(t, zi.wbkReady, zi.provisional)}</dd>
            <dt>{t("zi.wbbmReady")}</dt>
            <dd>{readyText(t, zi.wbbmReady, zi.provisional)}</dd>
          </dl>
          {zi.provisional ? <p className="hint">{t("zi.provisionalNote")}</p> : null}
          {zi.next !== null ? (
            <>
              <h3>{t("zi.lackingHeading", { predicate: t(`predicates.${zi.next}`) })}</h3>
              {zi.lacking.length === 0 ? (
                <p>{t("zi.nothingLacking", { predicate: t(`predicates.${zi.next}`) })}</p>
              ) : (
                <ul>
                  {zi.lacking.map((r) => (
                    <li key={`${r.key}-${r.area ?? ""}`}>
                      <RequirementText requirement={r} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
          <p className="hint">{t("zi.profile", { profile: zi.profileId })}</p>
        </>
      )}
    </section>
  );
}

interface TrendPoint {
  key: string;
  year: number;
  index: number;
  skm: { published: boolean; score: number | null };
  ipak: PerceptionIndex;
  ipkp: PerceptionIndex;
}

export function TrendSection({ trend, quarterLabel }: { trend: readonly TrendPoint[]; quarterLabel: (p: { year: number; index: number }) => string }) {
  const { t } = useTranslation("dashboard");
  const { number } = useFormat();
  if (trend.length === 0) return null;
  const hidden = t("notPublished");
  // Each quarter's short label once, for the three charts.
  const labels = trend.map((p) => t("trend.quarterShort", { year: p.year, index: p.index }));
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t("trend.heading")}</h2>
      <div className="chart-row">
        <LineChart title={t("trend.chartIkm")} min={25} max={100} digits={0} points={trend.map((p, i) => ({ label: labels[i]!, value: p.skm.score }))} />
        <LineChart title={t("trend.chartIpak")} min={0} max={4} digits={0} points={trend.map((p, i) => ({ label: labels[i]!, value: p.ipak.index }))} />
        <LineChart title={t("trend.chartIpkp")} min={0} max={4} digits={0} points={trend.map((p, i) => ({ label: labels[i]!, value: p.ipkp.index }))} />
      </div>
      <table className="data-table">
        <caption>{t("trend.caption", { from: quarterLabel(trend[0]!), to: quarterLabel(trend[trend.length - 1]!) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("trend.quarter")}</th>
            <th scope="col">{t("trend.ikm")}</th>
            <th scope="col">{t("trend.ipak")}</th>
            <th scope="col">{t("trend.ipkp")}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((p) => (
            <tr key={p.key}>
              <th scope="row">{quarterLabel(p)}</th>
              <td>{p.skm.score === null ? hidden : number(p.skm.score)}</td>
              <td>{p.ipak.index === null ? hidden : number(p.ipak.index)}</td>
              <td>{p.ipkp.index === null ? hidden : number(p.ipkp.index)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
