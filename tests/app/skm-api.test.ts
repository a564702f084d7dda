/**
 * The paper import command and the public JSON API, end to end: the published example
 * (tests/fixtures/skm-example.csv) goes in through `npm run skm:import` and comes out of
 * GET /api/v1/units/{region}/{unit}/skm with the expected figures.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, skmResponses } from "../../db/schema";
import { SKM_ELEMENTS, type SkmElement } from "~/regulation/skm";
import { findUnitByAddress } from "~/org/queries.server";
import { storeResponses } from "~/skm/responses.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { childEnv } from "../../scripts/support/child-env";
import { createCommandDatabase, type CommandDatabase } from "../helpers/command-database";

const FIXTURE = path.resolve("tests/fixtures/skm-example.csv");
const EXPECTED = JSON.parse(readFileSync(path.resolve("tests/fixtures/skm-example.expected.json"), "utf8")) as Record<string, unknown>;
let database: CommandDatabase;
let handle: DatabaseHandle;
let app: TestApp;

/** Runs the import command as an operator would, against this test's database. */
function importCsv(unit: string, file: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/skm-import.ts", "--unit", unit, file], {
    encoding: "utf8",
    env: childEnv({ DATABASE_URL: database.url, DATA_DIR: database.tmp, LOG_LEVEL: "warn" }),
    timeout: 120_000,
  });
}

beforeAll(async () => {
  database = await createCommandDatabase("pintu-depan-skm-");
});
afterAll(() => database.drop());

async function openForApp() {
  handle = await database.open();
  app = await createTestApp(handle.db);
}

describe("skm:import and the SKM API", () => {
  it("refuses a bad file whole, listing every problem by line", () => {
    const bad = path.join(database.tmp, "bad.csv");
    const good = readFileSync(FIXTURE, "utf8").trim().split(/\r?\n/);
    writeFileSync(bad, [good[0], good[1], "2026-13-01,KTP-el,L,30,S1,PNS,4,4,4,4,4,4,4,4,4", good[2], "2026-01-02,Paspor,L,30,S1,PNS,0,4,4,4,4,4,4,4,4"].join("\n"));
    const result = importCsv("kota-palangka-raya/disdukcapil", bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("nothing imported, 3 problems");
    // The English messages of the upload page (locales/en/skm.json), one per line.
    expect(result.stderr).toContain('line 3: Date "2026-13-01" is not a date in the form YYYY-MM-DD.');
    expect(result.stderr).toContain('line 5: Service "Paspor" is not a service of this unit.');
    expect(result.stderr).toContain('line 5: u1 "0" must be 1, 2, 3, 4 or blank.');
  });

  it("imports the published example and the API gives its figures", async () => {
    const result = importCsv("kota-palangka-raya/disdukcapil", FIXTURE);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("Imported 120 rows into kota-palangka-raya/disdukcapil.");
    // The same file a second time is refused: the responses are counted once.
    const again = importCsv("kota-palangka-raya/disdukcapil", FIXTURE);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("nothing imported: this file was already imported into kota-palangka-raya/disdukcapil");

    await openForApp();
    const [rows] = await handle.db.select({ n: count() }).from(skmResponses);
    expect(rows?.n).toBe(120);
    const [audit] = await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "skm.import"));
    expect(audit?.n).toBe(1);

    const response = await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    // A from/to pair that spans exactly one calendar period is the same question.
    expect(await (await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm?from=2026-01-01&to=2026-12-31")).json()).toEqual(body);
    expect(body).toEqual({
      unit: "kota-palangka-raya/disdukcapil",
      period: "2026",
      from: "2026-01-01",
      to: "2026-12-31",
      published: true,
      profile: "permenpanrb-14-2017",
      ...EXPECTED,
    });
  });

  it("publishes no figure below the disclosure threshold, and no count that would pin one down", async () => {
    const quarter = (await (await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm?from=2026-01-01&to=2026-03-31")).json()) as Record<string, unknown>;
    expect(quarter).toMatchObject({ period: "2026-Q1", respondents: 58, published: true });
    const empty = (await (await app.get("/api/v1/units/kota-palangka-raya/dpmptsp/skm?period=2026")).json()) as Record<string, unknown>;
    expect(empty).toEqual({
      unit: "kota-palangka-raya/dpmptsp",
      period: "2026",
      from: "2026-01-01",
      to: "2026-12-31",
      profile: "permenpanrb-14-2017",
      respondents: 0,
      published: false,
    });
    // Two ratings in July: the month, its quarter, semester and year are "fewer than N".
    const unit = (await findUnitByAddress(handle.db, "kota-palangka-raya", "dpmptsp", { includeInactive: true }))!;
    const answers = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 3])) as Record<SkmElement, number>;
    const rating = { unitId: unit.id, serviceId: null, respondedOn: "2026-07-02", source: "paper" as const, profileId: "permenpanrb-14-2017", sex: null, ageBand: null, education: null, occupation: null, answers };
    await handle.db.transaction((tx) => storeResponses(tx, [rating, rating]));
    for (const period of ["2026-07", "2026-Q3", "2026-S2", "2026"]) {
      const body = (await (await app.get(`/api/v1/units/kota-palangka-raya/dpmptsp/skm?period=${period}`)).json()) as Record<string, unknown>;
      expect(body, period).toMatchObject({ period, respondents: null, published: false });
      expect(body).not.toHaveProperty("ikm");
    }
    // Disdukcapil's year would be the region's year minus those two: it is held back too.
    const year = (await (await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=2026")).json()) as Record<string, unknown>;
    expect(year).toMatchObject({ respondents: null, published: false });
  });

  it("answers bad periods with a translated 400 and unknown units with 404", async () => {
    for (const query of [
      "",
      "?from=2026-01-01",
      "?from=2026-02-30&to=2026-03-01",
      "?from=yesterday&to=today",
      "?from=2026-03-01&to=2026-01-01",
      "?from=1900-01-01&to=2026-01-01",
      "?from=2026-05-01&to=2026-06-01",
      "?from=2026-05-01&to=2026-06-02",
      "?from=2026-01-01&to=2027-12-31",
      "?from=2026-01-01&to=2026-01-01",
      "?period=2026-Q5",
      "?period=2026-W01",
      "?period=2025-2026",
      "?period=2026&from=2026-01-01&to=2026-12-31",
    ]) {
      const response = await app.get(`/api/v1/units/kota-palangka-raya/disdukcapil/skm${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("bad_period");
    }
    const english = await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm", { "Accept-Language": "en" });
    expect(((await english.json()) as { message: string }).message).toBe(
      "Give one calendar period: a year, a semester, a quarter or a month, as period=2026, period=2026-S1, period=2026-Q2, period=2026-05, from=2026-01-01&to=2026-03-31. Other date ranges are not published, so that no figure can be subtracted from another to single out a few respondents.",
    );
    const unknown = await app.get("/api/v1/units/kota-palangka-raya/nope/skm?period=2026-01");
    expect(unknown.status).toBe(404);
  });
});
