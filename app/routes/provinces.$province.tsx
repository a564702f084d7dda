import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { notFound } from "~/utils/http.server";
import { PeriodPicker, usePeriodLabel } from "~/components/period-picker";
import { useFormat } from "~/components/dashboard-sections";
import { findProvince, provinceDashboard } from "~/dashboards/dashboards.server";
import { localDate } from "~/utils/calendar";
import { parsePeriod, recentPeriods } from "~/skm/periods";

// Figures and links only, complete as HTML: the page ships no scripts (docs/performance.md, "Lean pages").
export const handle = { i18n: ["org", "dashboard"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Indonesia's western time decides "this year" for a province-wide page. */
const PROVINCE_TIME_ZONE = "Asia/Jakarta";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const province = await findProvince(context.db, params.province ?? "");
  if (!province) throw notFound();
  const t = await i18nServer.getFixedT(request, "dashboard");
  const periods = recentPeriods(localDate(PROVINCE_TIME_ZONE));
  const period = parsePeriod(new URL(request.url).searchParams.get("period") ?? "") ?? periods[0]!;
  return {
    province,
    dashboard: await provinceDashboard(context.db, context.config.disclosureMin, province.id, period),
    period: { key: period.key, kind: period.kind, year: period.year, index: period.index },
    periods: periods.map((p) => ({ key: p.key, kind: p.kind, year: p.year, index: p.index })),
    title: t("province.metaTitle", { name: province.name }),
  };
}

export default function ProvincePage() {
  const { province, dashboard, period, periods } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  const { t: td } = useTranslation("dashboard");
  const format = useFormat();
  const periodLabel = usePeriodLabel()(period);
  const fewer = td("notPublished");
  return (
    <div className="container">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("home.crumb")}</Link>
          </li>
          <li aria-current="page">{province.name}</li>
        </ol>
      </nav>
      <h1>{td("province.heading", { name: province.name })}</h1>
      <p className="lead">{td("province.lead")}</p>
      <PeriodPicker options={periods} selected={period.key} />

      <section aria-labelledby="province-best-heading">
        <h2 id="province-best-heading">{td("province.bestHeading")}</h2>
        <p className="panel">
          {dashboard.best ? (
            <Link to={`/units/${dashboard.best.regionSlug}/${dashboard.best.slug}`}>
              {td("province.bestValue", {
                name: dashboard.best.name,
                region: dashboard.best.regionName,
                total: dashboard.best.total === null ? "" : format.number(dashboard.best.total),
              })}
            </Link>
          ) : (
            td("region.noBest")
          )}
        </p>
        <p className="hint">{td("region.bestRule")}</p>
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">{td("province.region")}</h2>
        {dashboard.regions.length === 0 ? (
          <p>{td("province.noRegions")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table compare-table">
              <caption>{td("province.caption", { period: periodLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{td("province.region")}</th>
                  <th scope="col">{td("province.units")}</th>
                  <th scope="col">{td("province.withZi")}</th>
                  <th scope="col">{td("province.wbkReady")}</th>
                  <th scope="col">{td("province.wbbmReady")}</th>
                  <th scope="col">{td("province.predicates")}</th>
                  <th scope="col">{td("province.best")}</th>
                  <th scope="col">{td("province.ikm")}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.regions.map((region) => (
                  <tr key={region.slug}>
                    <th scope="row">
                      <Link to={`/regions/${region.slug}?period=${period.key}`}>{region.name}</Link>
                    </th>
                    <td>{region.units}</td>
                    <td>{region.withZi}</td>
                    <td>{region.wbkReadyProvisional > 0 ? td("province.readyProvisional", { count: region.wbkReady, provisional: region.wbkReadyProvisional }) : region.wbkReady}</td>
                    <td>{region.wbbmReadyProvisional > 0 ? td("province.readyProvisional", { count: region.wbbmReady, provisional: region.wbbmReadyProvisional }) : region.wbbmReady}</td>
                    <td>
                      {region.holdingWbk} / {region.holdingWbbm}
                    </td>
                    <td>
                      {region.best ? (
                        <Link to={`/units/${region.slug}/${region.best.slug}`}>
                          {td("region.best", { name: region.best.name, total: region.best.total === null ? "" : format.number(region.best.total) })}
                        </Link>
                      ) : (
                        td("notAvailable")
                      )}
                    </td>
                    <td>{region.skm.score === null ? fewer : td("score", { score: format.number(region.skm.score), grade: region.skm.grade })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
