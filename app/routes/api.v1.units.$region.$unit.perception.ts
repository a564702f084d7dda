import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18nServer } from "~/i18n.server";
import { publishedUnitPerception } from "~/perception/queries.server";
import { findUnit } from "~/skm/queries.server";
import { MAX_PERIOD_DAYS, parsePeriodQuery } from "~/utils/api-period.server";

/**
 * GET /api/v1/units/{region}/{unit}/perception?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive):
 * the unit's internal-monitoring IPAK and IPKP. Below the disclosure threshold only the
 * respondent counts, with "published": false. Same conventions as the SKM endpoint.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "api");
  const headers = { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" };
  const period = parsePeriodQuery(new URL(request.url));
  if (!period.ok) {
    return Response.json({ error: "bad_period", message: t(`errors.${period.error}`, { max: MAX_PERIOD_DAYS }) }, { status: 400, headers });
  }
  const unit = await findUnit(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) return Response.json({ error: "unknown_unit", message: t("errors.unknownUnit") }, { status: 404, headers });
  return Response.json(
    await publishedUnitPerception(context.db, unit, { from: period.from, to: period.to }, context.config.disclosureMin),
    { headers },
  );
}
