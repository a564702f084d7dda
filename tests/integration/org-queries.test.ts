import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../db/schema";
import { getRegion, getUnit, listRegions, searchUnits } from "~/org/queries.server";
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
    const unit = await getUnit(database.db, "kota-palangka-raya", "dpmptsp");
    expect(unit).toMatchObject({
      slug: "dpmptsp",
      agencyName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      regionSlug: "kota-palangka-raya",
      servedPerPeriod: 9000,
      servedPeriod: "year",
    });
    expect(unit?.services.map((s) => s.slug)).toEqual(["pbg", "perizinan-berusaha", "sip-tenaga-kesehatan", "izin-reklame"]);
    // A unit slug only means something inside its region.
    expect(await getUnit(database.db, "kabupaten-kotawaringin-timur", "dishub-pengujian-kendaraan")).toBeNull();
  });

  it("hides deactivated units", async () => {
    await database.db.update(units).set({ active: false }).where(eq(units.slug, "dinsos"));
    try {
      expect(await getUnit(database.db, "kota-palangka-raya", "dinsos")).toBeNull();
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
