import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { listUnitsByRegion } from "~/org/queries.server";

export const handle = { i18n: ["skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Residents normally arrive by the QR code at the counter; this page lets them pick the unit. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "skm");
  return { regions: await listUnitsByRegion(context.db), title: `${t("choose.title")} · Pintu Depan` };
}

export default function ChooseUnit() {
  const { regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("skm");
  return (
    <div className="container">
      <h1>{t("choose.title")}</h1>
      <p>{t("choose.intro")}</p>
      {regions.map((region) => (
        <section key={region.slug} aria-labelledby={`region-${region.slug}`}>
          <h2 id={`region-${region.slug}`}>{t("choose.region", { name: region.name })}</h2>
          <ul className="card-list">
            {region.units.map((unit) => (
              <li key={unit.slug} className="card">
                <Link to={`/rate/${region.slug}/${unit.slug}`} className="card-title">
                  {unit.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
