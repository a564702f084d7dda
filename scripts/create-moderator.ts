/**
 * `npm run staff:create-moderator -- --email moderator@kota.go.id --region kota-palangka-raya [--name "Nama"]`
 * Sets up the first report reader (moderator) of a region that has none. Access to reports
 * is otherwise only given with the approval of someone who already has it; for a region
 * with no reader yet, whoever runs the server is the trust root, as for the first admin.
 * An existing account gets the role; a new one is created with a one-time set-up link.
 */
import { and, eq } from "drizzle-orm";
import { staff, staffGrants } from "../db/schema";
import { createSetupToken } from "../app/auth/accounts.server";
import { addGrant, createStaffMember } from "../app/auth/staff-admin.server";
import { recordAudit } from "../app/audit/audit.server";
import { printSetupLink, readStaffArgs, regionBySlug, withDatabase } from "./staff-command";

const args = readStaffArgs('Usage: npm run staff:create-moderator -- --email EMAIL --region REGION-SLUG [--name "Full name"]', { regionRequired: true });
const slug = args.region!;

await withDatabase(async (db, config) => {
  const region = await regionBySlug(db, slug);
  if (!region) return;
  const [reader] = await db
    .select({ id: staff.id })
    .from(staffGrants)
    .innerJoin(staff, eq(staff.id, staffGrants.staffId))
    .where(and(eq(staffGrants.role, "moderator"), eq(staffGrants.regionId, region.id), eq(staff.active, true)))
    .limit(1);
  if (reader) {
    console.error(`Region ${slug} already has a moderator. Invite the person from the staff pages; a moderator of the region approves the role.`);
    process.exitCode = 1;
    return;
  }
  const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, args.email));
  const grant = { role: "moderator" as const, regionId: region.id, unitId: null, provinceId: null };
  const token = await db.transaction(async (tx) => {
    const staffId = existing ? existing.id : await createStaffMember(tx, { email: args.email, displayName: args.name ?? args.email, homeUnitId: null, grant });
    if (existing) await addGrant(tx, staffId, grant);
    await recordAudit(tx, { actorStaffId: null, actorRole: "system", action: "staff.create_moderator", objectType: "staff", objectId: staffId, regionId: region.id, details: { grant } });
    return existing ? null : createSetupToken(tx, config, staffId);
  });
  console.log(`Moderator ${args.email} of region ${slug} ${existing ? "given the role" : "created"}.`);
  if (token) printSetupLink(config, token);
});
