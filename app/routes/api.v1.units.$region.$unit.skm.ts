import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { i18nServer } from "~/i18n.server";
import { findUnit, publishedUnitSkm } from "~/skm/queries.server";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
});

/** No period longer than this: a decade is more than any report needs. */
const MAX_DAYS = 3660;

/**
 * GET /api/v1/units/{region}/{unit}/skm?from=YYYY-MM-DD&to=YYYY-MM-DD (inclusive).
 * Below the disclosure threshold only the respondent count, with "published": false.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "api");
  const headers = { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" };
  const url = new URL(request.url);
  const from = date.safeParse(url.searchParams.get("from"));
  const to = date.safeParse(url.searchParams.get("to"));
  if (!from.success || !to.success) {
    return Response.json({ error: "bad_period", message: t("errors.period") }, { status: 400, headers });
  }
  const days = (Date.parse(to.data) - Date.parse(from.data)) / 86_400_000;
  if (days < 0 || days > MAX_DAYS) {
    return Response.json({ error: "bad_period", message: t("errors.periodRange", { max: MAX_DAYS }) }, { status: 400, headers });
  }
  const unit = await findUnit(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) return Response.json({ error: "unknown_unit", message: t("errors.unknownUnit") }, { status: 404, headers });
  return Response.json(await publishedUnitSkm(context.db, unit, { from: from.data, to: to.data }, context.config.disclosureMin), { headers });
}
