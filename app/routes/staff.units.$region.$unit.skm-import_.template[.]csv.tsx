/**
 * GET /staff/units/{region}/{unit}/skm-import/template.csv: the CSV a unit's paper
 * questionnaires are typed into: the header `npm run skm:import` and the upload page expect,
 * and one example line (a service of this unit, today's date) to overwrite.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { unitResource } from "~/auth/policy";
import { findUnitByAddress } from "~/org/queries.server";
import { templateCsv } from "~/skm/import";
import { localDate } from "~/utils/calendar";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { services: true, includeInactive: true });
  if (!unit) throw notFound();
  await requirePermission(request, context, "skm.import", unitResource(unit));
  return new Response(templateCsv(unit.services, localDate(unit.timeZone, new Date())), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="skm-paper-${unit.regionSlug}-${unit.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
