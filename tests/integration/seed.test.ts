import { count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { agencies, provinces, regions, services, staff, staffGrants, units } from "#db/schema";
import { verifyPassword } from "~/auth/password.server";
import { seed, seedIfEmpty } from "#seed/seed";
import { DEMO_STAFF_PASSWORD, demoStaff, seedProvinces } from "#seed/data";
import { createTestDatabase, type TestDatabase } from "#tests/helpers/db";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function counts(db: TestDatabase["db"]) {
  const one = async (table: typeof provinces | typeof regions | typeof agencies | typeof units | typeof services) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    provinces: await one(provinces),
    regions: await one(regions),
    agencies: await one(agencies),
    units: await one(units),
    services: await one(services),
  };
}

const expected = {
  provinces: seedProvinces.length,
  regions: seedProvinces.flatMap((p) => p.regions).length,
  agencies: seedProvinces.flatMap((p) => p.regions.flatMap((r) => r.agencies)).length,
  units: seedProvinces.flatMap((p) => p.regions.flatMap((r) => r.agencies.flatMap((a) => a.units))).length,
  services: seedProvinces.flatMap((p) =>
    p.regions.flatMap((r) => r.agencies.flatMap((a) => a.units.flatMap((u) => u.services))),
  ).length,
};

describe("seed", () => {
  it("carries the first tenant and a second region of Kalimantan Tengah", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: true, demoRatings: false });
    const rows = await database.db
      .select({ region: regions.slug, unit: units.slug })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId));
    const addresses = rows.map((r) => `${r.region}/${r.unit}`);
    expect(addresses).toEqual(
      expect.arrayContaining([
        "kota-palangka-raya/disdukcapil",
        "kota-palangka-raya/dpmptsp",
        "kota-palangka-raya/dishub-pengujian-kendaraan",
        "kota-palangka-raya/puskesmas-pahandut",
        "kota-palangka-raya/kecamatan-pahandut",
        "kota-palangka-raya/kecamatan-jekan-raya",
        "kabupaten-kotawaringin-timur/disdukcapil",
      ]),
    );
    const regionRows = await database.db.select({ slug: regions.slug, province: regions.provinceId }).from(regions);
    expect(new Set(regionRows.map((r) => r.province)).size).toBe(1);
    expect(regionRows.length).toBeGreaterThanOrEqual(2);

    const disdukcapilServices = await database.db
      .select({ slug: services.slug })
      .from(services)
      .innerJoin(units, eq(units.id, services.unitId))
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(sql`${regions.slug} = 'kota-palangka-raya' AND ${units.slug} = 'disdukcapil'`)
      .orderBy(services.position);
    expect(disdukcapilServices.map((s) => s.slug)).toEqual([
      "ktp-el",
      "kartu-keluarga",
      "akta-kelahiran",
      "akta-kematian",
      "kia",
      "pindah-datang",
    ]);
  });

  it("is idempotent: seeding twice leaves the same rows", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: true, demoRatings: false });
    const first = await counts(database.db);
    expect(first).toEqual(expected);
    await seed(database.db, { demo: true, demoRatings: false });
    expect(await counts(database.db)).toEqual(first);
  });

  it("seeds an empty database only, and never overwrites what an admin changed", async () => {
    database = await createTestDatabase();
    expect(await seedIfEmpty(database.db, { demo: true, demoRatings: false })).toEqual({ seeded: true });
    await database.db.update(units).set({ servedPerPeriod: 123 }).where(eq(units.slug, "dpmptsp"));
    expect(await seedIfEmpty(database.db, { demo: true, demoRatings: false })).toEqual({ seeded: false });
    await seed(database.db, { demo: true, demoRatings: false });
    const changed = await database.db.select({ served: units.servedPerPeriod }).from(units).where(eq(units.slug, "dpmptsp"));
    expect(changed.map((r) => r.served)).toEqual([123, 123]);
  });

  it("with DEMO_DATA off seeds the structure alone", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: false });
    expect(await counts(database.db)).toEqual(expected);
    const filled = await database.db
      .select({ n: count() })
      .from(units)
      .where(sql`${units.servedPerPeriod} IS NOT NULL OR ${units.openingHours} <> '[]'::jsonb`);
    expect(filled[0]!.n).toBe(0);
  });

  it("with demo data gives every unit hours and a served figure", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: true, demoRatings: false });
    const empty = await database.db
      .select({ n: count() })
      .from(units)
      .where(sql`${units.servedPerPeriod} IS NULL OR ${units.openingHours} = '[]'::jsonb`);
    expect(empty[0]!.n).toBe(0);
  });
});

describe("demo staff", () => {
  it("one account per role with the documented password, no authenticator yet, seeded once", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: true, demoRatings: false });
    await seed(database.db, { demo: true, demoRatings: false });
    const rows = await database.db
      .select({ email: staff.email, role: staffGrants.role, hash: staff.passwordHash, totp: staff.totpEnabledAt })
      .from(staff)
      .innerJoin(staffGrants, eq(staffGrants.staffId, staff.id));
    expect(rows.map((r) => r.email).sort()).toEqual(demoStaff.map((p) => p.email).sort());
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(["admin", "moderator", "unit_manager", "evaluator", "province_monitor"]));
    expect(rows.every((r) => r.totp === null)).toBe(true);
    expect(await verifyPassword(rows[0]!.hash, DEMO_STAFF_PASSWORD)).toBe(true);
  });

  it("are not created without demo data", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: false });
    const [row] = await database.db.select({ n: count() }).from(staff);
    expect(row?.n).toBe(0);
  });
});

describe("organisation constraints", () => {
  it("refuses a unit attached to another region's agency, and malformed slugs", async () => {
    database = await createTestDatabase();
    await seed(database.db, { demo: false });
    const [palangka] = await database.db.select().from(regions).where(eq(regions.slug, "kota-palangka-raya"));
    const [kotim] = await database.db.select().from(regions).where(eq(regions.slug, "kabupaten-kotawaringin-timur"));
    const [kotimAgency] = await database.db.select().from(agencies).where(eq(agencies.regionId, kotim!.id)).limit(1);

    await expect(
      database.db.insert(units).values({ regionId: palangka!.id, agencyId: kotimAgency!.id, slug: "stray", name: "Stray" }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(units).values({ regionId: kotim!.id, agencyId: kotimAgency!.id, slug: "Bad Slug", name: "x" }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(units).values({ regionId: kotim!.id, agencyId: kotimAgency!.id, slug: "disdukcapil", name: "dup" }),
    ).rejects.toThrow();
    // The same slug is fine in another region: addresses are {region}/{unit}.
    const ok = await database.db
      .insert(units)
      .values({ regionId: kotim!.id, agencyId: kotimAgency!.id, slug: "upt-baru", name: "UPT Baru" })
      .returning({ id: units.id });
    expect(ok).toHaveLength(1);
  });
});

describe("demo ratings", () => {
  it("give the first tenant a year of ratings, some units below the threshold, seeded once", async () => {
    const { skmResponses: responses } = await import("../../db/schema");
    const { periodTotals } = await import("~/skm/responses.server");
    database = await createTestDatabase();
    await seed(database.db, { demo: true });
    const [first] = await database.db.select({ n: count() }).from(responses);
    expect(first!.n).toBeGreaterThan(1500);
    await seed(database.db, { demo: true });
    const [second] = await database.db.select({ n: count() }).from(responses);
    expect(second!.n).toBe(first!.n);
    const [dinsos] = await database.db.select({ id: units.id }).from(units).where(eq(units.slug, "dinsos"));
    const { parsePeriod } = await import("~/skm/periods");
    const month = parsePeriod(new Date().toISOString().slice(0, 7))!;
    const totals = await periodTotals(database.db, [dinsos!.id], month.from, month.to);
    expect(totals.respondents).toBeLessThan(5);
  });
});
