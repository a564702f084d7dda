/**
 * GET /staff/units/{region}/{unit}/responses.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: the unit's SKM
 * responses, one row each, for its managers and the staff who may read its results. No id, no
 * suggestion text, nothing that names a person.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actingRole, forbidden, requireStaff } from "~/auth/guard.server";
import { can, unitResource } from "~/auth/policy";
import { recordAudit } from "~/audit/audit.server";
import { i18nServer } from "~/i18n.server";
import { toCsv } from "~/moderation/csv";
import { EXPORT_MAX_DAYS, exportRangeSchema } from "~/moderation/schema";
import { EXPORT_COLUMNS, responsesForExport } from "~/moderation/suggestions.server";
import { findUnitByAddress } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
  if (!unit) throw notFound();
  const resource = unitResource(unit);
  if (!can(signedIn.actor, "unit.results.read", resource)) throw forbidden();

  const url = new URL(request.url);
  const range = exportRangeSchema.safeParse({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  if (!range.success) {
    const t = await i18nServer.getFixedT(request, "moderation");
    const messages = [...new Set(range.error.issues.map((issue) => t(issue.message, { max: EXPORT_MAX_DAYS })))];
    return new Response(`${messages.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { from, to } = range.data;
  const rows = await context.db.transaction(async (tx) => {
    const found = await responsesForExport(tx, unit.id, from, to);
    await recordAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole: actingRole(signedIn, "unit.results.read", resource),
      action: "responses.exported",
      objectType: "unit",
      objectId: unit.id,
      regionId: unit.regionId,
      details: { from, to, rows: found.length },
    });
    return found;
  });
  return new Response(toCsv(EXPORT_COLUMNS, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="skm-${unit.regionSlug}-${unit.slug}-${from}-${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
