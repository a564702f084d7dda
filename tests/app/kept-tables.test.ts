/**
 * Published region tables are kept per process and reused while the data version stands
 * (ADR 027): with the public page cache off (the tests' default), every write the public
 * pages publish from shows on the next request — a rating sent through the form, a perception
 * answer, a report's follow-up, a unit moved to another region — and a page asked again with
 * nothing changed builds no table.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, reports, services, units } from "../../db/schema";
import { keptTables } from "~/publication/kept-tables.server";
import { SKM_2017, SKM_ELEMENTS } from "~/regulation/skm";
import { parsePeriod } from "~/skm/periods";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { localDate } from "~/utils/calendar";
import { addPerceptionDay, addReports } from "../../scripts/support/dashboards";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { rowLinkingTo, textOf } from "../helpers/html";
import { regionId, unitId } from "../helpers/staff";

const UNIT = "/units/kota-palangka-raya/disdukcapil";
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const today = localDate("Asia/Jakarta");
const month = parsePeriod(today.slice(0, 7))!;
const SKM_API = `/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=${month.key}`;
const PERCEPTION_API = `/api/v1/units/kota-palangka-raya/disdukcapil/perception?period=${month.key}`;
const REGION_2025 = "/regions/kota-palangka-raya?period=2025";

let database: TestDatabase;
let app: TestApp;
let disdukcapil: number;
let palangkaRaya: number;
let ktp: number;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  // Every count published, so that one more rating or report shows as a number.
  app = await createTestApp(database.db, { env: { DISCLOSURE_MIN: "1" } });
  disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  palangkaRaya = await regionId(database.db, "kota-palangka-raya");
  const rows = await database.db.select({ id: services.id, slug: services.slug, unitId: services.unitId }).from(services);
  ktp = rows.find((s) => s.slug === "ktp-el" && s.unitId === disdukcapil)!.id;
});
afterAll(() => database.drop());

const builds = () => keptTables(database.db).builds;

async function json<T>(path: string): Promise<T> {
  const response = await app.get(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function page(path: string): Promise<string> {
  const response = await app.get(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** "Ditindaklanjuti tepat waktu 50% (1 dari 2 …)": the on-time count and the due count. */
function onTime(html: string): [number, number] | null {
  const match = /Ditindaklanjuti tepat waktu \S+ \((\d+) dari (\d+)/.exec(textOf(html));
  return match ? [Number(match[1]), Number(match[2])] : null;
}

let tokens = 0;
function rating(): Record<string, string> {
  return {
    token: `kept-token-${String(++tokens).padStart(4, "0")}-${"x".repeat(24)}`,
    serviceId: String(ktp),
    ...Object.fromEntries(SKM_ELEMENTS.map((u) => [u, "4"])),
  };
}

describe("kept region tables", () => {
  it("are reused while nothing changes: a page asked again builds nothing", async () => {
    await page(UNIT);
    await page(REGION_2025);
    await json(SKM_API);
    const before = builds();
    await page(UNIT);
    await page(REGION_2025);
    await page("/provinces/kalimantan-tengah");
    await json(SKM_API);
    await json(PERCEPTION_API);
    // The province page reads the other region's table too: at most that one is new.
    expect(builds() - before).toBeLessThanOrEqual(1);
    const settled = builds();
    for (let i = 0; i < 3; i++) {
      await page(UNIT);
      await page("/provinces/kalimantan-tengah");
    }
    expect(builds()).toBe(settled);
  });

  it("show a rating sent through the form on the next request", async () => {
    const before = (await json<{ respondents: number }>(SKM_API)).respondents;
    const built = builds();
    expect((await app.from("198.51.100.20").post(FORM, rating())).status).toBe(303);
    expect((await json<{ respondents: number }>(SKM_API)).respondents).toBe(before + 1);
    expect(builds()).toBeGreaterThan(built);
    // The unit page reads the same table: its summary counts the new respondent.
    expect(textOf(await page(UNIT))).toContain(`${before + 1} responden`);
  });

  it("show a perception answer on the next request", async () => {
    type Perception = { respondents: { ipak: number | null; ipkp: number | null } };
    const before = (await json<Perception>(PERCEPTION_API)).respondents.ipak ?? 0;
    await addPerceptionDay(database.db, disdukcapil, today, 1, 5, 4);
    expect((await json<Perception>(PERCEPTION_API)).respondents.ipak).toBe(before + 1);
  });

  it("show a report's new follow-up and a new report on the next request", async () => {
    await addReports(database.db, 2, { regionId: palangkaRaya, unitId: disdukcapil, category: "pungli", receivedOn: "2025-01-15", followUp: "onTime" });
    expect(onTime(await page(REGION_2025))).toEqual([2, 2]);
    expect(onTime(await page(`${UNIT}?period=2025`))).toEqual([2, 2]);

    // One of them turns out followed up late (its follow-up date corrected).
    const [first] = await database.db.select({ id: reports.id }).from(reports).where(eq(reports.unitId, disdukcapil)).limit(1);
    await database.db.update(reports).set({ followedUpOn: "2025-07-15" }).where(eq(reports.id, first!.id));
    expect(onTime(await page(REGION_2025))).toEqual([1, 2]);
    expect(onTime(await page(`${UNIT}?period=2025`))).toEqual([1, 2]);

    await addReports(database.db, 1, { regionId: palangkaRaya, unitId: disdukcapil, category: "calo", receivedOn: "2025-02-01" });
    expect(textOf(await page(REGION_2025))).toContain("Laporan diterima 3");
  });

  it("show a unit moved into the region with its figures on the next request", async () => {
    const db = database.db;
    const kotim = await regionId(db, "kabupaten-kotawaringin-timur");
    const [kotimAgency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.regionId, kotim)).limit(1);
    const [palangkaAgency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.regionId, palangkaRaya)).limit(1);
    const [moved] = await db
      .insert(units)
      .values({ regionId: kotim, agencyId: kotimAgency!.id, slug: "mall-pelayanan-publik", name: "Mal Pelayanan Publik" })
      .returning({ id: units.id });
    const answers = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 3])) as NewResponse["answers"];
    await db.transaction((tx) =>
      storeResponses(
        tx,
        Array.from({ length: 4 }, (): NewResponse => ({
          unitId: moved!.id,
          serviceId: null,
          respondedOn: "2025-02-10",
          source: "paper",
          profileId: SKM_2017.id,
          sex: null,
          ageBand: null,
          education: null,
          occupation: null,
          answers,
        })),
      ),
    );
    // The region's table is built (and kept) without the unit.
    expect(rowLinkingTo(await page(REGION_2025), "/units/kota-palangka-raya/mall-pelayanan-publik?period=2025")).toBe("");

    await db.update(units).set({ regionId: palangkaRaya, agencyId: palangkaAgency!.id }).where(eq(units.id, moved!.id));
    const row = textOf(rowLinkingTo(await page(REGION_2025), "/units/kota-palangka-raya/mall-pelayanan-publik?period=2025"));
    expect(row).toContain("Mal Pelayanan Publik");
    // Four ratings of 3 on every unsur: 75,00, published in the region it now belongs to.
    expect(row).toContain("75,00");
  });
});
