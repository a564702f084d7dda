import type { LoaderFunctionArgs } from "@remix-run/node";
import { unitPerceptionApi } from "~/dashboards/dashboards.server";
import { i18nServer } from "~/i18n.server";
import { findUnitByAddress } from "~/org/queries.server";
import { parsePeriodQuery, PERIOD_FORMS } from "~/utils/api-period.server";
import { PUBLIC_CACHE_CONTROL } from "~/utils/public-cache.server";

/**
 * GET /api/v1/units/{region}/{unit}/perception?period=2026|2026-S1|2026-Q2|2026-05 (or
 * from/to spanning exactly one of those): the unit's internal-monitoring IPAK and IPKP, each
 * published on its own; a survey not published is null with its respondents null (or 0).
 * Same conventions as the SKM endpoint.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "api");
  const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" };
  const query = parsePeriodQuery(new URL(request.url));
  if (!query.ok) return Response.json({ error: "bad_period", message: t("errors.period", { forms: PERIOD_FORMS }) }, { status: 400, headers });
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
  if (!unit) return Response.json({ error: "unknown_unit", message: t("errors.unknownUnit") }, { status: 404, headers });
  return Response.json(await unitPerceptionApi(context.db, context.config.disclosureMin, unit, query.period), { headers });
}
