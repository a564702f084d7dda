import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { listRegions, SEARCH_MAX_LENGTH, searchUnits } from "~/org/queries.server";
import { listProvinces } from "~/dashboards/dashboards.server";

export const handle = { i18n: ["org", "dashboard"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Pintu Depan" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "org");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX_LENGTH);
  const [regions, results, provinceList] = await Promise.all([
    listRegions(context.db),
    q ? searchUnits(context.db, q) : Promise.resolve(null),
    listProvinces(context.db),
  ]);
  return { q, regions, results, provinceList, title: t("home.metaTitle"), description: t("home.metaDescription") };
}

export default function Home() {
  const { q, regions, results, provinceList } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  const { t: td } = useTranslation("dashboard");
  const provinceSlug = new Map(provinceList.map((p) => [p.name, p.slug]));

  const provinces = new Map<string, typeof regions>();
  for (const region of regions) provinces.set(region.provinceName, [...(provinces.get(region.provinceName) ?? []), region]);

  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>{t("home.heading")}</h1>
          <p className="lead">{t("home.lead")}</p>
          <div className="cta-row">
            <Link to="/rate" className="button button-primary">
              {t("home.ctaRate")}
            </Link>
            <Link to="/report" className="button button-secondary">
              {t("home.ctaReport")}
            </Link>
          </div>
        </div>
      </section>

      <section className="container" aria-labelledby="search-heading">
        <h2 id="search-heading">{t("home.searchHeading")}</h2>
        <Form method="get" action="/" role="search" className="search-form">
          <label htmlFor="q">{t("home.searchLabel")}</label>
          <div className="search-row">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={SEARCH_MAX_LENGTH}
              aria-describedby="q-hint"
              autoComplete="off"
            />
            <button type="submit" className="button">
              {t("home.searchButton")}
            </button>
          </div>
          <p id="q-hint" className="hint">
            {t("home.searchHint")}
          </p>
        </Form>
        {results ? (
          <div aria-live="polite">
            <h3>{t("home.resultsHeading", { count: results.length, q })}</h3>
            {results.length === 0 ? (
              <p>{t("home.noResults")}</p>
            ) : (
              <ul className="card-list">
                {results.map((unit) => (
                  <li key={`${unit.regionSlug}/${unit.slug}`} className="card">
                    <Link to={`/units/${unit.regionSlug}/${unit.slug}`} className="card-title">
                      {unit.name}
                    </Link>
                    <p className="muted">
                      {unit.agencyName} · {unit.regionName}
                    </p>
                    {unit.matchingServices.length > 0 ? (
                      <p>{t("home.matchingServices", { services: unit.matchingServices.join(", ") })}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </section>

      <section className="container" aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t("home.regionsHeading")}</h2>
        {[...provinces].map(([province, list]) => (
          <div key={province}>
            <h3>{t("home.province", { name: province })}</h3>
            {provinceSlug.has(province) ? (
              <p>
                <Link to={`/provinces/${provinceSlug.get(province)}`}>{td("province.link")}</Link>
              </p>
            ) : null}
            <ul className="card-list">
              {list.map((region) => (
                <li key={region.slug} className="card">
                  <Link to={`/regions/${region.slug}`} className="card-title">
                    {region.name}
                  </Link>
                  <p className="muted">{t("home.unitCount", { count: region.unitCount })}</p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="container" aria-labelledby="how-heading">
        <h2 id="how-heading">{t("home.howHeading")}</h2>
        <ol className="steps">
          <li>{t("home.howRate")}</li>
          <li>{t("home.howReport")}</li>
          <li>{t("home.howIndex")}</li>
        </ol>
        <p>
          <Link to="/open-data">{td("openDataLink")}</Link>
        </p>
      </section>
    </>
  );
}
