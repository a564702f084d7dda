/**
 * `npm run staff:create-admin -- --email admin@kota.go.id [--name "Nama"] [--region kota-palangka-raya]`
 * Creates an admin (of the whole installation, or of one region) on a fresh install and
 * prints a one-time set-up link: the person opens it, sets a password and enrols two-step
 * verification. Nothing secret is written to the terminal but that link.
 */
import { createSetupToken } from "../app/auth/accounts.server";
import { createStaffMember, emailTaken } from "../app/auth/staff-admin.server";
import { recordAudit } from "../app/audit/audit.server";
import { printSetupLink, readStaffArgs, regionBySlug, withDatabase } from "./staff-command";

const args = readStaffArgs('Usage: npm run staff:create-admin -- --email EMAIL [--name "Full name"] [--region REGION-SLUG]', { regionRequired: false });

await withDatabase(async (db, config) => {
  if (await emailTaken(db, args.email)) {
    console.error(`A staff account with the email ${args.email} already exists.`);
    process.exitCode = 1;
    return;
  }
  let regionId: number | null = null;
  if (args.region) {
    const region = await regionBySlug(db, args.region);
    if (!region) return;
    regionId = region.id;
  }
  const grant = { role: "admin" as const, regionId, unitId: null, provinceId: null };
  const token = await db.transaction(async (tx) => {
    const staffId = await createStaffMember(tx, { email: args.email, displayName: args.name ?? args.email, homeUnitId: null, grant });
    await recordAudit(tx, { actorStaffId: null, actorRole: "system", action: "staff.create_admin", objectType: "staff", objectId: staffId, regionId, details: { grant } });
    return createSetupToken(tx, config, staffId);
  });
  console.log(`Admin ${args.email} created (${regionId === null ? "whole installation" : `region ${args.region}`}).`);
  printSetupLink(config, token);
});
