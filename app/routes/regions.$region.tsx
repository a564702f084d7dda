import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { getRegion } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";
import { PeriodPicker, usePeriodLabel } from "~/components/period-picker";
import { combinedIndex, regionRanking } from "~/skm/dashboard.server";
import { localDate } from "~/skm/import.server";
import { parsePeriod, recentPeriods } from "~/skm/periods";

export const handle = { i18n: ["org"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const region = await getRegion(context.db, params.region ?? "");
  if (!region) throw notFound();
  const t = await i18nServer.getFixedT(request, "org");
  const periods = recentPeriods(localDate(region.timeZone));
  const period = parsePeriod(new URL(request.url).searchParams.get("period") ?? "") ?? periods[0]!;
  const ranking = await regionRanking(context.db, context.config.disclosureMin, region.id, period);
  return {
    region,
    ranking: ranking.map(({ id: _id, ...unit }) => unit),
    overall: await combinedIndex(context.db, context.config.disclosureMin, ranking.map((u) => u.id), period),
    period: { key: period.key, kind: period.kind, year: period.year, index: period.index },
    periods: periods.map((p) => ({ key: p.key, kind: p.kind, year: p.year, index: p.index })),
    title: t("region.metaTitle", { name: region.name }),
  };
}

export default function RegionPage() {
  const { region, ranking, overall, period, periods } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("org");
  const periodLabel = usePeriodLabel()(period);
  const ranked = ranking.filter((unit) => unit.published);
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
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

      <section aria-labelledby="indices-heading">
        <h2 id="indices-heading">{t("region.indicesHeading")}</h2>
        <PeriodPicker options={periods} selected={period.key} />
        {overall.published && overall.score !== null ? (
          <p className="panel">
            {t("region.overall", { period: periodLabel, score: number(overall.score), grade: overall.grade, count: overall.respondents })}
          </p>
        ) : null}
        {ranked.length === 0 ? (
          <p className="panel">{t("region.noDataYet")}</p>
        ) : (
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
        )}
        {ranked.length > 0 && ranked.length < ranking.length ? <p className="hint">{t("region.unranked", { count: ranking.length - ranked.length })}</p> : null}
      </section>

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
