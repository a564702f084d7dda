import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { i18nServer } from "~/i18n.server";
import { getRegion } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";
import { PeriodPicker, usePeriodLabel } from "~/components/period-picker";
import { localDate } from "~/utils/calendar";
import { parsePeriod, recentPeriods } from "~/skm/periods";
import { regionDashboard } from "~/dashboards/dashboards.server";
import { readyText, ReportsSection, RequirementText, useFormat } from "~/components/dashboard-sections";
import { formatFixed } from "~/utils/number-format";

// Figures and links only, complete as HTML: the page ships no scripts (docs/performance.md, "Lean pages").
export const handle = { i18n: ["org", "dashboard"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const region = await getRegion(context.db, params.region ?? "");
  if (!region) throw notFound();
  const t = await i18nServer.getFixedT(request, "org");
  const today = localDate(region.timeZone);
  const periods = recentPeriods(today);
  const period = parsePeriod(new URL(request.url).searchParams.get("period") ?? "") ?? periods[0]!;
  const dashboard = await regionDashboard(context.db, context.config.disclosureMin, region.id, period, today);
  // The ranking is the published cells of the same table, best first.
  const ranking = dashboard.units
    .map((unit) => ({ slug: unit.slug, name: unit.name, ...unit.skm }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name));
  return {
    dashboard,
    disclosureMin: context.config.disclosureMin,
    region,
    ranking,
    overall: dashboard.overall,
    period: { key: period.key, kind: period.kind, year: period.year, index: period.index },
    periods: periods.map((p) => ({ key: p.key, kind: p.kind, year: p.year, index: p.index })),
    title: t("region.metaTitle", { name: region.name }),
  };
}

export default function RegionPage() {
  const { region, ranking, overall, period, periods, dashboard, disclosureMin } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("org");
  const { t: td } = useTranslation("dashboard");
  const format = useFormat();
  // Any figure may be held back to protect another one: it is "not published", never "fewer than".
  const notPublished = td("notPublished");
  const { month: monthLabel } = useCalendarFormat();
  const periodLabel = usePeriodLabel()(period);
  const ranked = ranking.filter((unit) => unit.published);
  const number = (value: number) => formatFixed(i18n.language, value, 2);
  return (
    <div className="container">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("home.crumb")}</Link>
          </li>
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>
      <h1>{region.name}</h1>
      <p className="muted">{t("region.kindOf", { kind: t(`regionKind.${region.kind}`), province: region.provinceName })}</p>
      <ul className="plain-list">
        <li>
          <Link to={`/provinces/${region.provinceSlug}`}>{td("region.provinceLink", { name: region.provinceName })}</Link>
        </li>
        <li>
          <Link to={`/open-data?region=${region.slug}`}>{td("openDataLink")}</Link>
        </li>
      </ul>

      <section aria-labelledby="indices-heading">
        <h2 id="indices-heading">{t("region.indicesHeading")}</h2>
        <PeriodPicker options={periods} selected={period.key} />
        {overall.published && overall.score !== null && overall.respondents !== null ? (
          <p className="panel">
            {t("region.overall", { period: periodLabel, score: number(overall.score), grade: overall.grade, count: overall.respondents })}
          </p>
        ) : null}
        {ranked.length === 0 ? (
          <p className="panel">{t("region.noDataYet")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("region.rankingCaption", { period: periodLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("region.rank")}</th>
                  <th scope="col">{t("region.unit")}</th>
                  <th scope="col">{t("skmPanel.score")}</th>
                  <th scope="col">{t("region.grade")}</th>
                  <th scope="col">{t("skmPanel.respondents")}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((unit, i) => (
                  <tr key={unit.slug}>
                    <td>{i + 1}</td>
                    <th scope="row">
                      <Link to={`/units/${region.slug}/${unit.slug}?period=${period.key}`}>{unit.name}</Link>
                    </th>
                    <td>{unit.score === null ? "—" : number(unit.score)}</td>
                    <td>{unit.grade ?? "—"}</td>
                    <td>{unit.respondents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {ranked.length > 0 && ranked.length < ranking.length ? <p className="hint">{t("region.unranked", { count: ranking.length - ranked.length })}</p> : null}
      </section>

      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">{td("region.compareHeading")}</h2>
        <div className="table-scroll">
          <table className="data-table compare-table">
            <caption>{td("region.compareCaption", { period: periodLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{td("region.unit")}</th>
                <th scope="col">{td("region.ikm")}</th>
                <th scope="col">{td("region.ipak")}</th>
                <th scope="col">{td("region.ipkp")}</th>
                <th scope="col">{td("region.reports")}</th>
                <th scope="col">{td("region.onTime")}</th>
                <th scope="col">{td("region.ziTotal")}</th>
                <th scope="col">{td("region.wbkReady")}</th>
                <th scope="col">{td("region.wbbmReady")}</th>
                <th scope="col">{td("region.predicate")}</th>
                <th scope="col">{td("region.lacking")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.units.map((unit) => (
                <tr key={unit.slug}>
                  <th scope="row">
                    <Link to={`/units/${region.slug}/${unit.slug}?period=${period.key}`}>{unit.name}</Link>
                  </th>
                  <td>{unit.skm.score === null ? notPublished : td("score", { score: format.number(unit.skm.score), grade: unit.skm.grade })}</td>
                  <td>{unit.ipak.index === null ? notPublished : format.number(unit.ipak.index)}</td>
                  <td>{unit.ipkp.index === null ? notPublished : format.number(unit.ipkp.index)}</td>
                  <td>{unit.reports.value === null ? notPublished : format.number(unit.reports.value, 0)}</td>
                  <td>
                    {unit.onTime.published && unit.onTime.share !== null ? format.percent(unit.onTime.share) : unit.onTime.published ? td("notAvailable") : notPublished}
                  </td>
                  <td>{unit.zi?.total == null ? td("notAvailable") : format.number(unit.zi.total)}</td>
                  <td>{unit.zi ? readyText(td, unit.zi.wbkReady, unit.zi.provisional) : td("notAvailable")}</td>
                  <td>{unit.zi ? readyText(td, unit.zi.wbbmReady, unit.zi.provisional) : td("notAvailable")}</td>
                  <td>
                    {unit.predicate === "none" || unit.predicateYear === null
                      ? td(`predicates.${unit.predicate}`)
                      : td("predicateHeld", { predicate: td(`predicates.${unit.predicate}`), year: unit.predicateYear })}
                  </td>
                  <td>
                    {unit.zi && unit.zi.lacking.length > 0 ? (
                      <ul className="plain-list">
                        {unit.zi.lacking.map((r) => (
                          <li key={`${r.key}-${r.area ?? ""}`}>
                            <RequirementText requirement={r} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      td("notAvailable")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="best-heading">
        <h2 id="best-heading">{td("region.bestHeading")}</h2>
        <p className="panel">
          {dashboard.best ? (
            <Link to={`/units/${region.slug}/${dashboard.best.slug}`}>
              {td("region.best", { name: dashboard.best.name, total: dashboard.best.total === null ? "" : format.number(dashboard.best.total) })}
            </Link>
          ) : (
            td("region.noBest")
          )}
        </p>
        <p className="hint">{td("region.bestRule")}</p>
      </section>

      <ReportsSection heading={td("region.reportsHeading")} reports={dashboard.reports} min={disclosureMin} periodLabel={periodLabel} monthLabel={monthLabel}>
        <p>{td("reports.unknownUnit", { reports: dashboard.unknownUnitReports.value === null ? notPublished : format.number(dashboard.unknownUnitReports.value, 0) })}</p>
      </ReportsSection>

      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t("region.unitsHeading")}</h2>
        {region.agencies.length === 0 ? <p>{t("region.noUnits")}</p> : null}
        {region.agencies.map((agency) => (
          <div key={agency.slug} className="agency">
            <h3>{agency.name}</h3>
            <ul className="card-list">
              {agency.units.map((unit) => (
                <li key={unit.slug} className="card">
                  <Link to={`/units/${region.slug}/${unit.slug}`} className="card-title">
                    {unit.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
