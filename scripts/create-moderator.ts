/**
 * `npm run staff:create-moderator -- --email moderator@kota.go.id --region kota-palangka-raya [--name "Nama"]`
 * Sets up the first report reader (moderator) of a region that has none. Access to reports
 * is otherwise only given with the approval of someone who already has it; for a region
 * with no reader yet, whoever runs the server is the trust root, as for the first admin.
 * An existing account gets the role; a new one is created with a one-time set-up link.
 */
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { regions, staff, staffGrants } from "../db/schema";
import { createSetupToken, SETUP_LINK_HOURS, setupLink } from "../app/auth/accounts.server";
import { normaliseEmail } from "../app/auth/login.server";
import { addGrant, createStaffMember } from "../app/auth/staff-admin.server";
import { recordAudit } from "../app/audit/audit.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run staff:create-moderator -- --email EMAIL --region REGION-SLUG [--name "Full name"]');
  process.exit(2);
}

let args: { email?: string; name?: string; region?: string };
try {
  args = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, region: { type: "string" } },
    allowPositionals: false,
  }).values;
} catch (error) {
  usage((error as Error).message);
}
const email = z.string().trim().email().max(254).safeParse(args.email ?? "");
if (!email.success) usage("--email must be a valid email address");
if (!args.region) usage("--region is required");

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
const db = database.db;
try {
  const address = normaliseEmail(email.data);
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, args.region));
  if (!region) {
    console.error(`There is no region with the slug "${args.region}".`);
    process.exitCode = 1;
  } else {
    const [reader] = await db
      .select({ id: staff.id })
      .from(staffGrants)
      .innerJoin(staff, eq(staff.id, staffGrants.staffId))
      .where(and(eq(staffGrants.role, "moderator"), eq(staffGrants.regionId, region.id), eq(staff.active, true)))
      .limit(1);
    if (reader) {
      console.error(
        `Region ${args.region} already has a moderator. Invite the person from the staff pages; a moderator of the region approves the role.`,
      );
      process.exitCode = 1;
    } else {
      const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, address));
      const grant = { role: "moderator" as const, regionId: region.id, unitId: null, provinceId: null };
      const token = await db.transaction(async (tx) => {
        const staffId = existing ? existing.id : await createStaffMember(tx, { email: address, displayName: args.name?.trim() || address, homeUnitId: null, grant });
        if (existing) await addGrant(tx, staffId, grant);
        await recordAudit(tx, {
          actorStaffId: null,
          actorRole: "system",
          action: "staff.create_moderator",
          objectType: "staff",
          objectId: staffId,
          regionId: region.id,
          details: { grant },
        });
        return existing ? null : createSetupToken(tx, config, staffId);
      });
      console.log(`Moderator ${address} of region ${args.region} ${existing ? "given the role" : "created"}.`);
      if (token) {
        console.log(`Open this one-time link within ${SETUP_LINK_HOURS} hours to set the password and two-step verification:`);
        console.log(setupLink(config, token));
      }
    }
  }
} finally {
  await database.close();
}
