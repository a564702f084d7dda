import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PeriodPicker, usePeriodLabel } from "~/components/period-picker";
import { NrrTable, Priorities } from "~/components/skm-charts";
import { i18nServer } from "~/i18n.server";
import { findUnitByAddress } from "~/org/queries.server";
import { unitReport } from "~/dashboards/dashboards.server";
import type { ProfileDimension } from "~/dashboards/published";
import { suggestionSummary } from "~/skm/dashboard.server";
import { localDate } from "~/utils/calendar";
import { parsePeriod, recentPeriods } from "~/skm/periods";
import { notFound } from "~/utils/http.server";
import { formatFixed } from "~/utils/number-format";

// Figures and links only, complete as HTML: the page ships no scripts (docs/performance.md, "Lean pages").
export const handle = { i18n: ["org", "skm"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** The SKM report a unit must publish for a period, laid out for printing. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { details: true });
  if (!unit) throw notFound();
  const periods = recentPeriods(localDate(unit.timeZone));
  const period = parsePeriod(new URL(request.url).searchParams.get("period") ?? "") ?? periods[0]!;
  const min = context.config.disclosureMin;
  const { skm, profile, sources } = await unitReport(context.db, min, unit.id, period);
  const suggestions = skm.published ? await suggestionSummary(context.db, unit.id, period) : null;
  const t = await i18nServer.getFixedT(request, "org");
  return {
    unit: { name: unit.name, agencyName: unit.agencyName, regionName: unit.regionName, regionSlug: unit.regionSlug, slug: unit.slug },
    period: { key: period.key, kind: period.kind, year: period.year, index: period.index },
    periods: periods.map((p) => ({ key: p.key, kind: p.kind, year: p.year, index: p.index })),
    skm,
    profile,
    sources,
    suggestions,
    disclosureMin: min,
    title: t("report.metaTitle", { name: unit.name }),
  };
}

const DIMENSION_LABELS: Record<ProfileDimension, { label: string; values: string }> = {
  sex: { label: "skm:form.sex", values: "" },
  ageBand: { label: "skm:form.age", values: "skm:form.ages" },
  education: { label: "skm:form.education", values: "skm:form.educations" },
  occupation: { label: "skm:form.occupation", values: "skm:form.occupations" },
};

export default function SkmReport() {
  const { unit, period, periods, skm, profile, sources, suggestions, disclosureMin } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["org", "skm"]);
  const periodLabel = usePeriodLabel()(period);
  const number = (value: number, digits = 0) => formatFixed(i18n.language, value, digits);
  const valueLabel = (dimension: ProfileDimension, value: string | null) => {
    if (value === null) return t("skm:form.skip");
    if (dimension === "sex") return value === "L" ? t("skm:form.sexL") : t("skm:form.sexP");
    return t(`${DIMENSION_LABELS[dimension].values}.${value}`);
  };
  return (
    <div className="container report">
      <p className="no-print">
        <Link to={`/units/${unit.regionSlug}/${unit.slug}`}>{t("org:report.back")}</Link>
      </p>
      <h1>{t("org:report.heading", { period: periodLabel })}</h1>
      <p>
        {unit.name} · {unit.agencyName} · {unit.regionName}
      </p>
      <div className="no-print">
        <PeriodPicker options={periods} selected={period.key} />
      </div>
      {!skm.published || skm.score === null || skm.ikm === null || skm.respondents === null ? (
        <p className="panel">{skm.respondents === 0 ? t("org:unit.noDataYet") : t("org:skmPanel.notPublished", { minimum: disclosureMin })}</p>
      ) : (
        <>
          <h2>{t("org:report.resultHeading")}</h2>
          <dl className="facts">
            <dt>{t("org:report.respondents")}</dt>
            <dd>{number(skm.respondents)}</dd>
            <dt>{t("org:report.ikm")}</dt>
            <dd>{number(skm.ikm, 2)}</dd>
            <dt>{t("org:report.score")}</dt>
            <dd>{number(skm.score, 2)}</dd>
            <dt>{t("org:report.grade")}</dt>
            <dd>
              {skm.grade} ({t(`org:skmPanel.performance.${skm.performance}`)})
            </dd>
            {skm.minimumSample !== null ? (
              <>
                <dt>{t("org:report.sample")}</dt>
                <dd>
                  {skm.sampleTooSmall
                    ? t("org:skmPanel.sampleTooSmall", { minimum: number(skm.minimumSample), population: number(skm.population ?? 0) })
                    : t("org:skmPanel.sampleEnough", { minimum: number(skm.minimumSample), population: number(skm.population ?? 0) })}
                </dd>
              </>
            ) : null}
          </dl>
          {skm.nrr ? <NrrTable nrr={skm.nrr} caption={t("org:skmPanel.nrrCaption", { period: periodLabel })} /> : null}
          <Priorities priorities={skm.priorities} heading="h2" />
          {profile ? (
            <>
              <h2>{t("org:report.profileHeading")}</h2>
              <p className="hint">{t("org:report.profileNote", { minimum: disclosureMin })}</p>
              <div className="report-profile">
                {(Object.keys(DIMENSION_LABELS) as ProfileDimension[]).map((dimension) => (
                  <table key={dimension} className="data-table">
                    <caption>{t(DIMENSION_LABELS[dimension].label)}</caption>
                    <tbody>
                      {profile[dimension].map((row) => (
                        <tr key={row.value ?? "none"}>
                          <th scope="row">{valueLabel(dimension, row.value)}</th>
                          <td>{row.count === null ? t("org:report.notPublished") : number(row.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
              </div>
            </>
          ) : null}
          {sources ? (
            <>
              <h2>{t("skm:sources.heading")}</h2>
              <p className="hint">{t("skm:sources.note", { minimum: disclosureMin })}</p>
              <table className="data-table" data-sources="">
                <caption>{t("skm:sources.caption", { period: periodLabel })}</caption>
                <tbody>
                  {sources.bySource.map((row) => (
                    <tr key={row.value ?? "none"}>
                      <th scope="row">{t(`skm:sources.${row.value ?? "web"}`)}</th>
                      <td data-source={row.value ?? ""}>{row.count === null ? t("org:report.notPublished") : number(row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p data-coercion-share="">
                {sources.coercionShare === null
                  ? t("skm:sources.coercionHidden")
                  : t("skm:sources.coercionShare", { share: number(sources.coercionShare * 100) })}
              </p>
            </>
          ) : null}
          {suggestions ? (
            <>
              <h2>{t("org:report.suggestionsHeading")}</h2>
              <p>{t("org:report.suggestionsCount", { count: suggestions.received, published: number(suggestions.published.length) })}</p>
              {suggestions.published.length > 0 ? (
                <ul>
                  {suggestions.published.map((s, i) => (
                    <li key={i}>
                      {s.text}
                      {s.reply ? <p className="muted">{t("org:report.reply", { reply: s.reply })}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          <p className="hint">{t("org:skmPanel.method")}</p>
        </>
      )}
    </div>
  );
}
