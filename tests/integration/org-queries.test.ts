import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regions, units } from "../../db/schema";
import { findUnitByAddress, getRegion, listRegions, searchUnits, type UnitLookup } from "~/org/queries.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createSeededTestDatabase();
});
afterAll(() => database.drop());

describe("organisation queries", () => {
  it("lists regions with their province and number of active units", async () => {
    const regions = await listRegions(database.db);
    expect(regions).toEqual([
      { id: expect.any(Number), slug: "kabupaten-kotawaringin-timur", name: "Kabupaten Kotawaringin Timur", kind: "kabupaten", provinceName: "Kalimantan Tengah", unitCount: 3 },
      { id: expect.any(Number), slug: "kota-palangka-raya", name: "Kota Palangka Raya", kind: "kota", provinceName: "Kalimantan Tengah", unitCount: 9 },
    ]);
  });

  it("gives a region's units grouped by agency", async () => {
    const region = await getRegion(database.db, "kota-palangka-raya");
    expect(region?.name).toBe("Kota Palangka Raya");
    const health = region?.agencies.find((a) => a.slug === "dinkes");
    expect(health?.units.map((u) => u.slug)).toEqual(["puskesmas-jekan-raya", "puskesmas-pahandut"]);
    expect(await getRegion(database.db, "nowhere")).toBeNull();
  });

  it("gives a unit with its agency, region and services in order", async () => {
    const unit = await findUnitByAddress(database.db, "kota-palangka-raya", "dpmptsp", { details: true, services: true });
    expect(unit).toMatchObject({
      slug: "dpmptsp",
      agencyName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      regionSlug: "kota-palangka-raya",
      servedPerPeriod: 9000,
      servedPeriod: "year",
    });
    expect(unit?.services.map((s) => s.slug)).toEqual(["pbg", "perizinan-berusaha", "sip-tenaga-kesehatan", "izin-reklame"]);
    // A unit slug only means something inside its region.
    expect(await findUnitByAddress(database.db, "kabupaten-kotawaringin-timur", "dishub-pengujian-kendaraan")).toBeNull();
  });

  it("hides deactivated units", async () => {
    await database.db.update(units).set({ active: false }).where(eq(units.slug, "dinsos"));
    try {
      expect(await findUnitByAddress(database.db, "kota-palangka-raya", "dinsos")).toBeNull();
      const region = await getRegion(database.db, "kota-palangka-raya");
      expect(region?.agencies.some((a) => a.slug === "dinsos")).toBe(false);
    } finally {
      await database.db.update(units).set({ active: true }).where(eq(units.slug, "dinsos"));
    }
  });

  it("finds units by service, by agency short name and by unit name, case-insensitively", async () => {
    const byService = await searchUnits(database.db, "kartu keluarga");
    expect(byService.map((u) => `${u.regionSlug}/${u.slug}`)).toEqual([
      "kabupaten-kotawaringin-timur/disdukcapil",
      "kota-palangka-raya/disdukcapil",
    ]);
    expect(byService[0]?.matchingServices).toEqual(["Kartu Keluarga"]);

    const byShortName = await searchUnits(database.db, "DPMPTSP");
    expect(byShortName.map((u) => u.slug)).toEqual(["dpmptsp", "dpmptsp"]);

    const byName = await searchUnits(database.db, "puskesmas");
    expect(byName.map((u) => u.slug).sort()).toEqual(["puskesmas-jekan-raya", "puskesmas-pahandut"]);
  });

  it("treats wildcards literally and survives hostile terms", async () => {
    expect(await searchUnits(database.db, "%")).toEqual([]);
    expect(await searchUnits(database.db, "_")).toEqual([]);
    expect(await searchUnits(database.db, "'; DROP TABLE units; --")).toEqual([]);
    expect(await searchUnits(database.db, "\\")).toEqual([]);
    expect((await searchUnits(database.db, "KTP")).length).toBe(2);
  });
});

describe("finding a unit by its address", () => {
  const find = <O extends UnitLookup = UnitLookup>(regionSlug: string, unitSlug: string, options?: O) =>
    findUnitByAddress(database.db, regionSlug, unitSlug, options);

  it("gives the unit with its region, province and predicate, and nothing a page did not ask for", async () => {
    const [region] = await database.db.select({ id: regions.id, provinceId: regions.provinceId }).from(regions).where(eq(regions.slug, "kota-palangka-raya"));
    const unit = await find("kota-palangka-raya", "disdukcapil");
    expect(unit).toEqual({
      id: expect.any(Number),
      slug: "disdukcapil",
      name: expect.any(String),
      regionId: region!.id,
      regionSlug: "kota-palangka-raya",
      regionName: "Kota Palangka Raya",
      provinceId: region!.provinceId,
      timeZone: "Asia/Jakarta",
      ziPredicate: "none",
      ziPredicateYear: null,
    });
    expect(await find("kabupaten-kotawaringin-timur", "disdukcapil")).toMatchObject({ slug: "disdukcapil", regionSlug: "kabupaten-kotawaringin-timur" });
    expect((await find("kota-palangka-raya", "disdukcapil"))?.id).not.toBe((await find("kabupaten-kotawaringin-timur", "disdukcapil"))?.id);
  });

  it("adds details and active services only when asked", async () => {
    const detailed = await find("kota-palangka-raya", "dpmptsp", { details: true });
    expect(detailed).toMatchObject({ agencyName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", provinceName: "Kalimantan Tengah", servedPerPeriod: 9000 });
    expect(detailed).not.toHaveProperty("services");
    const withServices = await find("kota-palangka-raya", "dpmptsp", { services: true });
    expect(withServices).not.toHaveProperty("agencyName");
    expect(withServices?.services).toEqual([
      { id: expect.any(Number), slug: "pbg", name: expect.any(String) },
      { id: expect.any(Number), slug: "perizinan-berusaha", name: expect.any(String) },
      { id: expect.any(Number), slug: "sip-tenaga-kesehatan", name: expect.any(String) },
      { id: expect.any(Number), slug: "izin-reklame", name: expect.any(String) },
    ]);
  });

  it("finds nothing at an unknown region, an unknown unit or another region's unit", async () => {
    expect(await find("nowhere", "dpmptsp")).toBeNull();
    expect(await find("kota-palangka-raya", "nothing-here")).toBeNull();
    expect(await find("kabupaten-kotawaringin-timur", "dishub-pengujian-kendaraan", { includeInactive: true })).toBeNull();
    expect(await find("kota-palangka-raya", "")).toBeNull();
  });

  it("finds nothing for odd or very long slugs", async () => {
    for (const odd of ["DPMPTSP", "dpmptsp ", "dpmptsp/", "dpmptsp%", "../dpmptsp", "dpm--ptsp", "-dpmptsp", "dpmptsp\u0000", "'; DROP TABLE units; --", "d".repeat(100_000)]) {
      expect(await find("kota-palangka-raya", odd, { includeInactive: true, details: true })).toBeNull();
      expect(await find(odd, "dpmptsp")).toBeNull();
    }
  });

  it("finds a deactivated unit only for those who ask for it", async () => {
    await database.db.update(units).set({ active: false }).where(eq(units.slug, "dinsos"));
    try {
      expect(await find("kota-palangka-raya", "dinsos")).toBeNull();
      expect(await find("kota-palangka-raya", "dinsos", { details: true, services: true })).toBeNull();
      expect(await find("kota-palangka-raya", "dinsos", { includeInactive: true })).toMatchObject({ slug: "dinsos", regionSlug: "kota-palangka-raya" });
    } finally {
      await database.db.update(units).set({ active: true }).where(eq(units.slug, "dinsos"));
    }
  });
});
