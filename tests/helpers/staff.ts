/**
 * Staff members for tests, created directly in the database (with a real Argon2id hash and
 * an enrolled TOTP secret), and signed-in sessions for them.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, staff, staffGrants, units } from "../../db/schema";
import type { Role } from "../../app/auth/policy";
import { hashPassword } from "../../app/auth/password.server";
import { loadGrants, startSession, type SignedInStaff } from "../../app/auth/session.server";
import { newTotpSecret, sealTotpSecret } from "../../app/auth/totp.server";
import type { Config } from "../../app/utils/env.server";

export const TEST_PASSWORD = "kopi-susu-di-tepi-kahayan";

export interface GrantSpec {
  role: Role;
  /** Region slug for admin (omit for installation-wide), moderator and evaluator. */
  region?: string;
  /** "region/unit" for unit managers. */
  unit?: string;
  /** Province id for province monitors. */
  provinceId?: number;
}

export interface TestStaff {
  id: number;
  email: string;
  password: string;
  totpSecret: string;
}

export async function regionId(db: Database, slug: string): Promise<number> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
  if (!row) throw new Error(`no region ${slug}`);
  return row.id;
}

export async function unitId(db: Database, address: string): Promise<number> {
  const [regionSlug = "", unitSlug = ""] = address.split("/");
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(regions.slug, regionSlug), eq(units.slug, unitSlug)));
  if (!row) throw new Error(`no unit ${address}`);
  return row.id;
}

let counter = 0;

export async function createStaff(
  db: Database,
  config: Config,
  spec: { email?: string; displayName?: string; grants: GrantSpec[]; homeUnit?: string; password?: string; enrolled?: boolean },
): Promise<TestStaff> {
  counter += 1;
  const email = spec.email ?? `staff${counter}-${Date.now()}@palangkaraya.go.id`;
  const password = spec.password ?? TEST_PASSWORD;
  const totpSecret = await newTotpSecret();
  const enrolled = spec.enrolled ?? true;
  const [row] = await db
    .insert(staff)
    .values({
      email,
      displayName: spec.displayName ?? `Staf ${counter}`,
      passwordHash: await hashPassword(password),
      totpSecret: enrolled ? sealTotpSecret(totpSecret, config.secrets) : null,
      totpEnabledAt: enrolled ? new Date() : null,
      homeUnitId: spec.homeUnit ? await unitId(db, spec.homeUnit) : null,
    })
    .returning({ id: staff.id });
  if (!row) throw new Error("staff not created");
  for (const grant of spec.grants) {
    await db.insert(staffGrants).values({
      staffId: row.id,
      role: grant.role,
      regionId: grant.region ? await regionId(db, grant.region) : null,
      unitId: grant.unit ? await unitId(db, grant.unit) : null,
      provinceId: grant.provinceId ?? null,
    });
  }
  return { id: row.id, email, password, totpSecret };
}

/** A Cookie header value for a fresh session of this staff member. */
export async function sessionFor(db: Database, config: Config, staffId: number, now = new Date()): Promise<string> {
  const setCookie = await startSession(db, config, staffId, now);
  return setCookie.split(";")[0] ?? "";
}

/**
 * A new staff member as the request guard sees them once signed in, for calling domain
 * commands directly (no session, no request).
 */
export async function createSignedInStaff(db: Database, config: Config, spec: Parameters<typeof createStaff>[2]): Promise<SignedInStaff> {
  const person = await createStaff(db, config, spec);
  const [row] = await db.select({ displayName: staff.displayName, homeUnitId: staff.homeUnitId }).from(staff).where(eq(staff.id, person.id));
  return {
    id: person.id,
    sessionIdHash: "",
    email: person.email,
    displayName: row!.displayName,
    actor: { staffId: person.id, homeUnitId: row!.homeUnitId, grants: await loadGrants(db, person.id) },
  };
}
