/**
 * Seeding. The organisation structure is seeded into an empty database (always);
 * demo activity only when DEMO_DATA is on, so that a real deployment starts clean.
 * Every step is idempotent: running it twice leaves the same rows.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { hashPassword } from "../app/auth/password.server";
import type { Secrets } from "../app/utils/secrets.server";
import { seedDemoPerception } from "./demo-perception";
import { seedDemoRatings } from "./demo-ratings";
import { seedDemoReports } from "./demo-reports";
import { seedDemoZi } from "./demo-zi";
import { seedHolidays } from "./holidays";
import { agencies, provinces, regions, services, staff, staffGrants, units } from "#db/schema";
import { DEMO_STAFF_PASSWORD, demoOpeningHours, demoStaff, seedProvinces, type SeedProvince } from "./data";

export interface SeedOptions {
  demo: boolean;
  /** Demo SKM ratings too (default: with demo data). Tests that need no history turn them off. */
  demoRatings?: boolean;
  /** The installation's keys: demo reports are sealed with them, so they are seeded only when given. */
  secrets?: Secrets;
}

export interface SeedResult {
  seeded: boolean;
}

/** Seeds only when no region exists yet: an installation whose admins edited the structure is left alone. */
export async function seedIfEmpty(db: Database, options: SeedOptions): Promise<SeedResult> {
  const [row] = await db.select({ n: count() }).from(regions);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  await seed(db, options);
  return { seeded: true };
}

export async function seed(db: Database, options: SeedOptions, data: SeedProvince[] = seedProvinces): Promise<void> {
  // Hashing is slow: do it before the transaction, and only when demo accounts are wanted.
  const demoPasswordHash = options.demo ? await hashPassword(DEMO_STAFF_PASSWORD) : null;
  await db.transaction(async (tx) => {
    await seedOrganisation(tx, data);
    await seedHolidays(tx);
    if (demoPasswordHash) {
      await seedDemo(tx, data);
      await seedDemoStaff(tx, demoPasswordHash);
      if (options.demoRatings ?? true) await seedDemoRatings(tx);
      if (options.demoRatings ?? true) await seedDemoPerception(tx);
      if (options.secrets) await seedDemoReports(tx, options.secrets);
      await seedDemoZi(tx);
    }
  });
}

async function seedOrganisation(tx: Database, data: SeedProvince[]): Promise<void> {
  for (const p of data) {
    await tx.insert(provinces).values({ slug: p.slug, name: p.name, code: p.code }).onConflictDoNothing();
    const [province] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, p.slug));
    if (!province) throw new Error(`seed: province ${p.slug} missing after insert`);

    for (const r of p.regions) {
      await tx
        .insert(regions)
        .values({ provinceId: province.id, slug: r.slug, name: r.name, kind: r.kind, code: r.code, timeZone: r.timeZone })
        .onConflictDoNothing();
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, r.slug));
      if (!region) throw new Error(`seed: region ${r.slug} missing after insert`);

      for (const a of r.agencies) {
        await tx
          .insert(agencies)
          .values({ regionId: region.id, slug: a.slug, name: a.name, shortName: a.shortName ?? null })
          .onConflictDoNothing();
        const [agency] = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.regionId, region.id), eq(agencies.slug, a.slug)));
        if (!agency) throw new Error(`seed: agency ${a.slug} missing after insert`);

        for (const u of a.units) {
          await tx
            .insert(units)
            .values({ regionId: region.id, agencyId: agency.id, slug: u.slug, name: u.name })
            .onConflictDoNothing();
          const [unit] = await tx
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.regionId, region.id), eq(units.slug, u.slug)));
          if (!unit) throw new Error(`seed: unit ${u.slug} missing after insert`);
          await tx
            .insert(services)
            .values(u.services.map((s, position) => ({ unitId: unit.id, slug: s.slug, name: s.name, position })))
            .onConflictDoNothing();
        }
      }
    }
  }
}

/** Demo figures fill only what an admin has not set, so re-running never overwrites real values. */
async function seedDemo(tx: Database, data: SeedProvince[]): Promise<void> {
  for (const p of data) {
    for (const r of p.regions) {
      const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, r.slug));
      if (!region) continue;
      for (const a of r.agencies) {
        for (const u of a.units) {
          const where = and(eq(units.regionId, region.id), eq(units.slug, u.slug));
          await tx
            .update(units)
            .set({ servedPerPeriod: u.demoServedPerYear, servedPeriod: "year" })
            .where(and(where, isNull(units.servedPerPeriod)));
          await tx
            .update(units)
            .set({ openingHours: demoOpeningHours[u.demoHours] })
            .where(and(where, eq(units.openingHours, [])));
        }
      }
    }
  }
}

async function seedDemoStaff(tx: Database, passwordHash: string): Promise<void> {
  for (const person of demoStaff) {
    const inserted = await tx
      .insert(staff)
      .values({
        email: person.email,
        displayName: person.displayName,
        passwordHash,
        homeUnitId: person.homeUnit ? await unitIdOf(tx, person.homeUnit) : null,
      })
      .onConflictDoNothing()
      .returning({ id: staff.id });
    const created = inserted[0];
    // An existing account is left as it is (its roles may have been changed on purpose).
    if (!created) continue;
    const scope = person.scope;
    // Seeded grants are approved at seed time: whoever seeds the database is the trust root,
    // as for `npm run staff:create-moderator`. Later moderator roles need a moderator's approval.
    await tx.insert(staffGrants).values({
      staffId: created.id,
      role: person.role,
      regionId:
        scope && (person.role === "admin" || person.role === "moderator" || person.role === "evaluator") ? await regionIdOf(tx, scope) : null,
      unitId: scope && person.role === "unit_manager" ? await unitIdOf(tx, scope) : null,
      provinceId: scope && person.role === "province_monitor" ? await provinceIdOf(tx, scope) : null,
    });
  }
}

async function provinceIdOf(tx: Database, slug: string): Promise<number> {
  const [row] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, slug));
  if (!row) throw new Error(`seed: no province ${slug}`);
  return row.id;
}

async function regionIdOf(tx: Database, slug: string): Promise<number> {
  const [row] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug));
  if (!row) throw new Error(`seed: no region ${slug}`);
  return row.id;
}

async function unitIdOf(tx: Database, address: string): Promise<number> {
  const [regionSlug = "", unitSlug = ""] = address.split("/");
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(regions.slug, regionSlug), eq(units.slug, unitSlug)));
  if (!row) throw new Error(`seed: no unit ${address}`);
  return row.id;
}
