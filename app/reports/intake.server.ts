/**
 * Staff-assisted intake: a moderator records a report that came in by phone, WhatsApp,
 * letter, the complaint box or in person. The report is filed by the same function as the
 * public form (submit.server.ts), with the channel; the units offered are those the moderator
 * may moderate, so nobody records a report about their own unit (they hand the call over).
 */
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions } from "../../db/schema";
import { actingRole } from "../auth/guard.server";
import { can, reportResource, type Actor } from "../auth/policy";
import type { SignedInStaff } from "../auth/session.server";
import type { Config } from "../utils/env.server";
import type { CleanImage } from "./attachments.server";
import { reportUnitOptions } from "./case.server";
import type { ReportChannel, ReportValues, UnitChoice } from "./form-schema";
import type { RegionOption } from "./report-options";
import { submitReport, type SubmitOutcome } from "./submit.server";

/** The units (and "unit unknown" per region) this moderator may record a report about. */
export async function intakeUnitOptions(db: Database, actor: Actor): Promise<{ regions: RegionOption[]; choices: UnitChoice[] }> {
  const all = await reportUnitOptions(db);
  const regionIds = [...new Set(all.choices.map((c) => c.regionId))];
  const provinces = new Map(
    regionIds.length === 0
      ? []
      : (await db.select({ id: regions.id, provinceId: regions.provinceId }).from(regions).where(inArray(regions.id, regionIds))).map((r) => [r.id, r.provinceId] as const),
  );
  const choices = all.choices.filter((choice) => {
    const provinceId = provinces.get(choice.regionId);
    return provinceId !== undefined && can(actor, "report.moderate", reportResource({ regionId: choice.regionId, provinceId, unitId: choice.unitId }));
  });
  const allowed = new Set(choices.map((c) => c.key));
  const regionList = all.regions
    .filter((region) => allowed.has(`${region.slug}/*`))
    .map((region) => ({
      ...region,
      agencies: region.agencies.map((agency) => ({ ...agency, units: agency.units.filter((u) => allowed.has(u.key)) })).filter((agency) => agency.units.length > 0),
    }));
  return { regions: regionList, choices };
}

export type IntakeValues = ReportValues & { channel: Exclude<ReportChannel, "web"> };

/**
 * Files a report a moderator recorded. The unit is checked again against the policy (the
 * form offers only allowed units, but a request can name any); the report, its files and the
 * audit entry (case id and channel, nothing of the content) are written together.
 */
export async function recordIntake(
  db: Database,
  config: Config,
  signedIn: SignedInStaff,
  input: { values: IntakeValues; images: readonly CleanImage[] },
): Promise<SubmitOutcome | { outcome: "refused" }> {
  const { channel, ...values } = input.values;
  const [region] = await db.select({ provinceId: regions.provinceId }).from(regions).where(eq(regions.id, values.regionId));
  if (!region) return { outcome: "refused" };
  const resource = reportResource({ regionId: values.regionId, provinceId: region.provinceId, unitId: values.unitId });
  if (!can(signedIn.actor, "report.moderate", resource)) return { outcome: "refused" };
  return submitReport(db, config, {
    origin: { channel, recordedBy: { staffId: signedIn.id, role: actingRole(signedIn, "report.moderate", resource) } },
    values,
    images: input.images,
  });
}
