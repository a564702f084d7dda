/**
 * What the commands that set up the first staff of an installation or a region share: their
 * arguments (`--email`, `--name`, `--region`), the database they open, and the one-time
 * set-up link they print (the only secret they ever write to the terminal).
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { regions } from "../db/schema";
import { SETUP_LINK_HOURS, setupLink } from "../app/auth/accounts.server";
import { normaliseEmail } from "../app/auth/login.server";
import type { Config } from "../app/utils/env.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

export interface StaffArgs {
  /** The normalised address. */
  email: string;
  name: string | undefined;
  region: string | undefined;
}

/** Reads the arguments, or exits with code 2 and the usage line. */
export function readStaffArgs(usageLine: string, { regionRequired }: { regionRequired: boolean }): StaffArgs {
  const usage = (message: string): never => {
    console.error(message);
    console.error(usageLine);
    process.exit(2);
  };
  let values: { email?: string; name?: string; region?: string } = {};
  try {
    values = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, region: { type: "string" } }, allowPositionals: false }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const email = z.string().trim().email().max(254).safeParse(values.email ?? "");
  if (!email.success) return usage("--email must be a valid email address");
  if (regionRequired && !values.region) usage("--region is required");
  return { email: normaliseEmail(email.data), name: values.name?.trim() || undefined, region: values.region };
}

/** Runs `work` with the configured database, closed afterwards whatever happens. */
export async function withDatabase(work: (db: Database, config: Config) => Promise<void>): Promise<void> {
  const config = readConfigOrExit();
  const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
  try {
    await work(database.db, config);
  } finally {
    await database.close();
  }
}

/** The region with this slug, or null after saying so (exit code 1). */
export async function regionBySlug(db: Database, slug: string): Promise<{ id: number } | null> {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
  if (!region) {
    console.error(`There is no region with the slug "${slug}".`);
    process.exitCode = 1;
  }
  return region ?? null;
}

export function printSetupLink(config: Config, token: string): void {
  console.log(`Open this one-time link within ${SETUP_LINK_HOURS} hours to set the password and two-step verification:`);
  console.log(setupLink(config, token));
}
