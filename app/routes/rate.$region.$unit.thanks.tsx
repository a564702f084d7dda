import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { unitForRating } from "~/skm/queries.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await unitForRating(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  const t = await i18nServer.getFixedT(request, "skm");
  return { unit: { name: unit.name, regionSlug: unit.regionSlug, slug: unit.slug }, title: `${t("thanks.title")} · Pintu Depan` };
}

export default function Thanks() {
  const { unit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("skm");
  return (
    <div className="container narrow">
      <h1>{t("thanks.title")}</h1>
      <p>{t("thanks.body", { unit: unit.name })}</p>
      <section className="panel" aria-labelledby="back-door-heading">
        <h2 id="back-door-heading">{t("thanks.backDoorHeading")}</h2>
        <p>{t("thanks.backDoorBody")}</p>
        <p>
          <Link to={`/report?unit=${unit.regionSlug}/${unit.slug}`} className="button button-secondary">
            {t("thanks.backDoorLink")}
          </Link>
        </p>
      </section>
      <p>
        <Link to={`/units/${unit.regionSlug}/${unit.slug}`}>{t("thanks.unitLink")}</Link>
      </p>
    </div>
  );
}
