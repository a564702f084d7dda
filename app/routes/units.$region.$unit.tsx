import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { i18nServer } from "~/i18n.server";
import { formatOpeningHours } from "~/org/opening-hours";
import { findUnitByAddress } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";
import { NrrTable, Priorities, TrendTable } from "~/components/skm-charts";
import { PeriodPicker, usePeriodLabel } from "~/components/period-picker";
import { localDate } from "~/utils/calendar";
import { parsePeriod, recentPeriods } from "~/skm/periods";
import { PublicSuggestions } from "#app/components/moderation/public-suggestions";
import { publishedSuggestions } from "~/moderation/suggestions.server";
import { periodFlagged } from "~/integrity/flags.server";
import { unitDashboard } from "~/dashboards/dashboards.server";
import { PerceptionSection, ReportsSection, TrendSection, ZiSection } from "~/components/dashboard-sections";
import { formatFixed } from "~/utils/number-format";

// Figures and links only, complete as HTML: the page ships no scripts (docs/performance.md, "Lean pages").
export const handle = { i18n: ["org", "skm", "moderation", "dashboard"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { details: true, services: true });
  if (!unit) throw notFound();
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(request, "org");
  const { id, timeZone, openingHours } = unit;
  const today = localDate(timeZone);
  const periods = recentPeriods(today);
  // An unknown period in the address falls back to this year rather than failing the page.
  const period = parsePeriod(new URL(request.url).searchParams.get("period") ?? "") ?? periods[0]!;
  const { skm, ...dashboard } = await unitDashboard(context.db, context.config.disclosureMin, id, period, today);
  // Residents' suggestions only where the period's figures are published (DISCLOSURE_MIN).
  const suggestions = skm.published ? await publishedSuggestions(context.db, id, period) : [];
  // A short data-quality note, no figures, and only beside a published index.
  const flagged = skm.published ? await periodFlagged(context.db, id, period) : false;
  return {
    flagged,
    dashboard,
    unit: {
      slug: unit.slug,
      name: unit.name,
      address: unit.address,
      phone: unit.phone,
      email: unit.email,
      servedPerPeriod: unit.servedPerPeriod,
      servedPeriod: unit.servedPeriod,
      agencyName: unit.agencyName,
      regionSlug: unit.regionSlug,
      regionName: unit.regionName,
      provinceName: unit.provinceName,
      services: unit.services.map(({ slug, name }) => ({ slug, name })),
      hours: formatOpeningHours(openingHours, locale),
    },
    suggestions,
    period: { key: period.key, kind: period.kind, year: period.year, index: period.index },
    periods: periods.map((p) => ({ key: p.key, kind: p.kind, year: p.year, index: p.index })),
    skm,
    disclosureMin: context.config.disclosureMin,
    title: t("unit.metaTitle", { name: unit.name }),
  };
}

export default function UnitPage() {
  const { unit, period, periods, skm, disclosureMin, suggestions, dashboard, flagged } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("org");
  const { t: td } = useTranslation("dashboard");
  const label = usePeriodLabel();
  const periodLabel = label(period);
  const { month: monthLabel } = useCalendarFormat();
  const number = (value: number, digits: number) => formatFixed(i18n.language, value, digits);
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
        <Link to={`/report?unit=${unit.regionSlug}/${unit.slug}`} className="button button-secondary">
          {t("unit.ctaReport")}
        </Link>
      </div>

      <section aria-labelledby="ikm-heading">
        <h2 id="ikm-heading">{t("unit.ikmHeading")}</h2>
        <PeriodPicker options={periods} selected={period.key} />
        {flagged ? (
          <p className="notice" data-quality-note="">
            {t("skm:dataQuality.note")}
          </p>
        ) : null}
        {skm.published && skm.score !== null && skm.ikm !== null && skm.respondents !== null ? (
          <>
            <div className="panel">
              <p className="score-row">
                <span>
                  <span className="score-big">{number(skm.score, 2)}</span> {t("skmPanel.outOf")}
                </span>
                <span>
                  <span className="grade">{skm.grade}</span> {t(`skmPanel.performance.${skm.performance}`)}
                </span>
              </p>
              <p>
                {t("skmPanel.summary", {
                  period: periodLabel,
                  ikm: number(skm.ikm, 2),
                  count: skm.respondents,
                  respondents: number(skm.respondents, 0),
                })}
              </p>
              {skm.minimumSample !== null ? (
                <p className={skm.sampleTooSmall ? "warning" : undefined}>
                  {skm.sampleTooSmall
                    ? t("skmPanel.sampleTooSmall", { minimum: number(skm.minimumSample, 0), population: number(skm.population ?? 0, 0) })
                    : t("skmPanel.sampleEnough", { minimum: number(skm.minimumSample, 0), population: number(skm.population ?? 0, 0) })}
                </p>
              ) : null}
            </div>
            <Priorities priorities={skm.priorities} heading="h3" />
            {skm.nrr ? <NrrTable nrr={skm.nrr} caption={t("skmPanel.nrrCaption", { period: periodLabel })} /> : null}
          </>
        ) : (
          <p className="panel">
            {skm.respondents === 0 ? t("unit.noDataYet") : t("skmPanel.notPublished", { minimum: disclosureMin })}
          </p>
        )}
        {period.kind !== "month" ? <TrendTable trend={skm.trend} caption={t("skmPanel.trendCaption", { period: periodLabel })} /> : null}
        <p className="hint">{t("skmPanel.method")}</p>
        <ul className="plain-list">
          <li>
            <Link to={`/units/${unit.regionSlug}/${unit.slug}/report?period=${period.key}`}>{t("report.link")}</Link>
          </li>
          <li>
            <Link to={`/units/${unit.regionSlug}/${unit.slug}/poster`}>{t("unit.posterLink")}</Link>
          </li>
        </ul>
      </section>

      <PublicSuggestions suggestions={suggestions} period={periodLabel} />

      <PerceptionSection ipak={dashboard.perception.ipak} ipkp={dashboard.perception.ipkp} min={disclosureMin} periodLabel={periodLabel} />

      <ReportsSection heading={td("reports.heading")} reports={dashboard.reports} min={disclosureMin} periodLabel={periodLabel} monthLabel={monthLabel} />

      <ZiSection zi={dashboard.zi} predicate={dashboard.predicate} predicateYear={dashboard.predicateYear} />

      <TrendSection trend={dashboard.trend} quarterLabel={(p) => label({ key: "", kind: "quarter", year: p.year, index: p.index })} />

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
