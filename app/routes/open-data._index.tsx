import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { listRegions } from "~/org/queries.server";
import { DATASET_NAMES, DATASETS, FORMATS, PERIOD_KINDS } from "~/opendata/datasets";
import { localDate } from "~/utils/calendar";

// Figures and links only, complete as HTML: the page ships no scripts (docs/performance.md, "Lean pages").
export const handle = { i18n: ["org", "opendata"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const YEARS_OFFERED = 5;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "opendata");
  const regions = await listRegions(context.db);
  const thisYear = Number(localDate("Asia/Jakarta").slice(0, 4));
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i);
  const url = new URL(request.url);
  // Unknown choices fall back to the defaults: this page only builds links. The default region
  // is the portal's first tenant (the oldest region), not the first in alphabetical order.
  const first = regions.reduce<(typeof regions)[number] | undefined>((a, r) => (a === undefined || r.id < a.id ? r : a), undefined);
  const region = regions.find((r) => r.slug === url.searchParams.get("region"))?.slug ?? first?.slug ?? null;
  const year = years.find((y) => String(y) === url.searchParams.get("year")) ?? thisYear;
  const period = PERIOD_KINDS.find((p) => p === url.searchParams.get("period")) ?? "year";
  return {
    regions: regions.map((r) => ({ slug: r.slug, name: r.name })),
    years,
    chosen: { region, year, period },
    datasets: DATASET_NAMES.map((name) => ({ name, fields: DATASETS[name].map((f) => ({ name: f.name, type: f.type, unit: "unit" in f ? f.unit : null })) })),
    disclosureMin: context.config.disclosureMin,
    title: t("page.metaTitle"),
  };
}

export default function OpenData() {
  const { regions, years, chosen, datasets, disclosureMin } = useLoaderData<typeof loader>();
  const { t } = useTranslation("opendata");
  const { t: to } = useTranslation("org");
  const query = chosen.region ? `?region=${chosen.region}&year=${chosen.year}&period=${chosen.period}` : "";
  return (
    <div className="container open-data">
      <nav aria-label={to("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{to("home.crumb")}</Link>
          </li>
          <li aria-current="page">{t("page.heading")}</li>
        </ol>
      </nav>
      <h1>{t("page.heading")}</h1>
      <p className="lead">{t("page.lead")}</p>

      <section aria-labelledby="licence-heading">
        <h2 id="licence-heading">{t("page.licenceHeading")}</h2>
        <p>{t("page.licence")}</p>
      </section>

      <section aria-labelledby="rule-heading">
        <h2 id="rule-heading">{t("page.ruleHeading")}</h2>
        <p>{t("page.rule", { min: disclosureMin, lessThan: disclosureMin - 1 })}</p>
        <p>{t("page.periods")}</p>
        <p>{t("page.ruleCost", { min: disclosureMin })}</p>
      </section>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t("page.downloadsHeading")}</h2>
        {regions.length === 0 ? (
          <p>{t("page.noRegions")}</p>
        ) : (
          <>
            <p>{t("page.choose")}</p>
            <Form method="get" className="period-form">
              <div>
                <label htmlFor="od-region">{t("page.region")}</label>
                <select id="od-region" name="region" defaultValue={chosen.region ?? undefined}>
                  {regions.map((r) => (
                    <option key={r.slug} value={r.slug}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="od-year">{t("page.year")}</label>
                <select id="od-year" name="year" defaultValue={chosen.year}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="od-period">{t("page.period")}</label>
                <select id="od-period" name="period" defaultValue={chosen.period}>
                  {PERIOD_KINDS.map((p) => (
                    <option key={p} value={p}>
                      {t(`periodKinds.${p}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("page.show")}
              </button>
            </Form>
            <ul>
              {datasets.map((d) => (
                <li key={d.name}>
                  <strong>{t(`datasets.${d.name}.title`)}</strong>:{" "}
                  {FORMATS.map((format, i) => (
                    <span key={format}>
                      {i > 0 ? " · " : null}
                      <a href={`/open-data/${d.name}.${format}${query}`} download>
                        {d.name}.{format}
                      </a>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="hint">{t("page.urlPattern")}</p>
        <p className="hint">{t("page.formats")}</p>
      </section>

      <section aria-labelledby="dictionary-heading">
        <h2 id="dictionary-heading">{t("page.dictionaryHeading")}</h2>
        {datasets.map((d) => (
          <div key={d.name} id={`dataset-${d.name}`}>
            <h3>
              {t(`datasets.${d.name}.title`)} (<code>{d.name}</code>)
            </h3>
            <p>{t(`datasets.${d.name}.description`)}</p>
            <table className="data-table dictionary-table">
              <caption>{t("page.fieldsCaption", { dataset: d.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("page.field")}</th>
                  <th scope="col">{t("page.type")}</th>
                  <th scope="col">{t("page.unit")}</th>
                  <th scope="col">{t("page.meaning")}</th>
                </tr>
              </thead>
              <tbody>
                {d.fields.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">
                      <code>{f.name}</code>
                    </th>
                    <td>{t(`types.${f.type}`)}</td>
                    <td>{t(`units.${f.unit ?? "none"}`)}</td>
                    <td>{t(`fields.${d.name}.${f.name}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </div>
  );
}
