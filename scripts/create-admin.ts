/**
 * `npm run staff:create-admin -- --email admin@kota.go.id [--name "Nama"] [--region kota-palangka-raya]`
 * Creates an admin (of the whole installation, or of one region) on a fresh install and
 * prints a one-time set-up link: the person opens it, sets a password and enrols two-step
 * verification. Nothing secret is written to the terminal but that link.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { regions } from "../db/schema";
import { createSetupToken, SETUP_LINK_HOURS, setupLink } from "../app/auth/accounts.server";
import { normaliseEmail } from "../app/auth/login.server";
import { createStaffMember, emailTaken } from "../app/auth/staff-admin.server";
import { recordAudit } from "../app/audit/audit.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

function usage(message: string): never {
  console.error(message);
  console.error('Usage: npm run staff:create-admin -- --email EMAIL [--name "Full name"] [--region REGION-SLUG]');
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

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
const db = database.db;
try {
  const address = normaliseEmail(email.data);
  if (await emailTaken(db, address)) {
    console.error(`A staff account with the email ${address} already exists.`);
    process.exitCode = 1;
  } else {
    let regionId: number | null = null;
    if (args.region) {
      const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, args.region));
      if (!region) {
        console.error(`There is no region with the slug "${args.region}".`);
        process.exitCode = 1;
      }
      regionId = region?.id ?? null;
    }
    if (!process.exitCode) {
      const grant = { role: "admin" as const, regionId, unitId: null, provinceId: null };
      const token = await db.transaction(async (tx) => {
        const staffId = await createStaffMember(tx, { email: address, displayName: args.name?.trim() || address, homeUnitId: null, grant });
        await recordAudit(tx, {
          actorStaffId: null,
          actorRole: "system",
          action: "staff.create_admin",
          objectType: "staff",
          objectId: staffId,
          regionId,
          details: { grant },
        });
        return createSetupToken(tx, config, staffId);
      });
      console.log(`Admin ${address} created (${regionId === null ? "whole installation" : `region ${args.region}`}).`);
      console.log(`Open this one-time link within ${SETUP_LINK_HOURS} hours to set the password and two-step verification:`);
      console.log(setupLink(config, token));
    }
  }
} finally {
  await database.close();
}
