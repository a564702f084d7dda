import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { offerUsed, readOffer } from "~/perception/offer.server";
import { findUnitByAddress } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

// A plain form, complete without JavaScript: the page ships no scripts (see app/root.tsx and
// docs/performance.md, "Lean pages"), so a cheap phone on a slow network gets it at once.
export const handle = { i18n: ["skm", "perception"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// Whether the perception step is offered depends on the visitor's ticket cookie.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  const t = await i18nServer.getFixedT(request, "skm");
  const perceptionDone = new URL(request.url).searchParams.get("perception") === "done";
  const offer = perceptionDone ? null : await readOffer(context.config, request, unit.id);
  const offerPerception = offer !== null && !(await offerUsed(context.db, context.config, offer));
  return {
    unit: { name: unit.name, regionSlug: unit.regionSlug, slug: unit.slug },
    perceptionDone,
    offerPerception,
    /** The resident answered "yes" to the coercion question: offer the back-door report first. */
    coerced: new URL(request.url).searchParams.get("followup") === "report",
    title: `${t("thanks.title")} · Pintu Depan`,
  };
}

export default function Thanks() {
  const { unit, perceptionDone, offerPerception, coerced } = useLoaderData<typeof loader>();
  const { t } = useTranslation("skm");
  const { t: tp } = useTranslation("perception");
  return (
    <div className="container narrow">
      <h1>{t("thanks.title")}</h1>
      {perceptionDone ? (
        <>
          <h2>{tp("done.heading")}</h2>
          <p>{tp("done.body")}</p>
        </>
      ) : (
        <p>{t("thanks.body", { unit: unit.name })}</p>
      )}
      {coerced ? (
        <section className="panel" aria-labelledby="coercion-heading" data-coercion-followup="">
          <h2 id="coercion-heading">{t("thanks.coercionHeading")}</h2>
          <p>{t("thanks.coercionBody")}</p>
          <p>
            <Link to={`/report?unit=${unit.regionSlug}/${unit.slug}`} className="button button-primary">
              {t("thanks.backDoorLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {offerPerception ? (
        <section className="panel" aria-labelledby="perception-heading">
          <h2 id="perception-heading">{tp("offer.heading")}</h2>
          <p>{tp("offer.body")}</p>
          <p>
            <Link to={`/rate/${unit.regionSlug}/${unit.slug}/perception`} className="button button-primary">
              {tp("offer.link")}
            </Link>
          </p>
        </section>
      ) : null}
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
