import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { getRegion } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["org"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const region = await getRegion(context.db, params.region ?? "");
  if (!region) throw notFound();
  const t = await i18nServer.getFixedT(request, "org");
  return { region, title: t("region.metaTitle", { name: region.name }) };
}

export default function RegionPage() {
  const { region } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
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

      <section aria-labelledby="indices-heading" className="panel">
        <h2 id="indices-heading">{t("region.indicesHeading")}</h2>
        <p>{t("region.noDataYet")}</p>
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
