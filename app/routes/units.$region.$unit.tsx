import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { formatOpeningHours } from "~/org/opening-hours";
import { getUnit } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["org"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await getUnit(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(request, "org");
  const { id: _id, openingHours, ...shown } = unit;
  return {
    unit: { ...shown, hours: formatOpeningHours(openingHours, locale) },
    title: t("unit.metaTitle", { name: unit.name }),
  };
}

export default function UnitPage() {
  const { unit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("org");
  return (
    <div className="container">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("home.crumb")}</Link>
          </li>
          <li>
            <Link to={`/regions/${unit.regionSlug}`}>{unit.regionName}</Link>
          </li>
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <h1>{unit.name}</h1>
      <p className="muted">
        {unit.agencyName} · {unit.regionName}, {unit.provinceName}
      </p>

      <div className="cta-row">
        <Link to={`/rate/${unit.regionSlug}/${unit.slug}`} className="button button-primary">
          {t("unit.ctaRate")}
        </Link>
        <Link to="/report" className="button button-secondary">
          {t("unit.ctaReport")}
        </Link>
      </div>

      <section aria-labelledby="ikm-heading" className="panel">
        <h2 id="ikm-heading">{t("unit.ikmHeading")}</h2>
        <p>{t("unit.noDataYet")}</p>
      </section>

      <div className="two-columns">
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t("unit.servicesHeading")}</h2>
          {unit.services.length === 0 ? (
            <p>{t("unit.noServices")}</p>
          ) : (
            <ul>
              {unit.services.map((service) => (
                <li key={service.slug}>{service.name}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="visit-heading">
          <h2 id="visit-heading">{t("unit.visitHeading")}</h2>
          <dl className="facts">
            <dt>{t("unit.address")}</dt>
            <dd>{unit.address ?? t("unit.notRecorded")}</dd>
            <dt>{t("unit.hours")}</dt>
            <dd>
              {unit.hours.length === 0 ? (
                t("unit.notRecorded")
              ) : (
                <ul className="plain-list">
                  {unit.hours.map((line) => (
                    <li key={line.days}>
                      {line.days}: {line.hours}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {unit.phone ? (
              <>
                <dt>{t("unit.phone")}</dt>
                <dd>{unit.phone}</dd>
              </>
            ) : null}
            {unit.email ? (
              <>
                <dt>{t("unit.email")}</dt>
                <dd>{unit.email}</dd>
              </>
            ) : null}
            <dt>{t("unit.served")}</dt>
            <dd>
              {unit.servedPerPeriod === null
                ? t("unit.notRecorded")
                : t(`unit.servedPer.${unit.servedPeriod}`, { count: unit.servedPerPeriod })}
            </dd>
          </dl>
        </section>
      </div>
    </div>
  );
}
