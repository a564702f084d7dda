/**
 * Open data: every dataset in CSV and JSON, figures equal to the SKM and perception APIs for
 * the same unit and period, nothing below the threshold, translated 400s for bad parameters,
 * and a data dictionary that documents every field the downloads write.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../db/schema";
import { DATASET_NAMES, DATASETS } from "~/opendata/datasets";
import { resources } from "~/locales.server";
import { parseSkmCsv } from "~/skm/import";
import { unitServices } from "~/skm/queries.server";
import { storeResponses } from "~/skm/responses.server";
import { SKM_2017, SKM_ELEMENTS } from "~/regulation/skm";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { addPerceptionDay, addReports, addZiSubmission, requirement, ziScore } from "../../scripts/support/dashboards";
import { textOf } from "../helpers/html";
import { regionId, unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;

type Json = { dataset: string; generated: string; disclosureMin: number; profiles: string[]; rows: Array<Record<string, unknown>> };

beforeAll(async () => {
  // The organisation without demo activity: the figures below are the only ones.
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const db = database.db;
  const disdukcapil = await unitId(db, "kota-palangka-raya/disdukcapil");
  const dpmptsp = await unitId(db, "kota-palangka-raya/dpmptsp");
  const bapenda = await unitId(db, "kota-palangka-raya/bapenda");
  // The example questionnaires: 120 responses in 2026 for Disdukcapil; 3 for DPMPTSP and 5 for
  // Bapenda in the same month (held back together, so the region's total gives neither).
  const { rows } = parseSkmCsv(readFileSync("tests/fixtures/skm-example.csv", "utf8"), await unitServices(db, disdukcapil), { today: "2026-12-31" });
  await db.transaction((tx) =>
    storeResponses(tx, [
      ...rows.map((row) => ({ ...row, unitId: disdukcapil, source: "paper" as const, profileId: SKM_2017.id })),
      ...[1, 2, 3].map(() => ({ ...rows[0]!, serviceId: null, unitId: dpmptsp, source: "paper" as const, profileId: SKM_2017.id })),
      ...[1, 2, 3, 4, 5].map(() => ({ ...rows[0]!, serviceId: null, unitId: bapenda, source: "paper" as const, profileId: SKM_2017.id })),
    ]),
  );
  await addPerceptionDay(db, disdukcapil, "2026-05-04", 8, 6, 5);
  const region = await regionId(db, "kota-palangka-raya");
  await addReports(db, 9, { regionId: region, unitId: disdukcapil, category: "pungli", receivedOn: "2026-02-02" });
  await addReports(db, 2, { regionId: region, unitId: dpmptsp, category: "calo", receivedOn: "2026-02-03" });
  await addZiSubmission(
    db,
    disdukcapil,
    2026,
    ziScore({ total: 76.25, pengungkit: 42, hasil: 34.25, wbk: [requirement({ key: "total", met: true })], wbbm: [requirement({ key: "total", met: false, gap: 8.75, required: 85 })] }),
  );
  // A unit name that a spreadsheet would run as a formula.
  await db.update(units).set({ name: "=HYPERLINK(\"http://x\")" }).where(eq(units.id, dpmptsp));
});
afterAll(() => database.drop());

const json = async (path: string) => {
  const response = await app.get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
};

describe("downloads", () => {
  it("give the SKM per unit and period with the same figures as the SKM API", async () => {
    for (const [period, from, to, key] of [
      ["year", "2026-01-01", "2026-12-31", "2026"],
      ["quarter", "2026-04-01", "2026-06-30", "2026-Q2"],
    ] as const) {
      const data = await json(`/open-data/skm.json?region=kota-palangka-raya&year=2026&period=${period}`);
      expect(data).toMatchObject({ dataset: "skm", disclosureMin: 5, profiles: [SKM_2017.id] });
      expect(data.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const row = data.rows.find((r) => r.unit === "disdukcapil" && r.period === key)!;
      const api = (await (await app.get(`/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=${key}`)).json()) as Record<string, unknown> & {
        nrr: Record<string, number>;
      };
      expect(api.published).toBe(true);
      expect(row).toMatchObject({ from, to, respondents: api.respondents, published: true, ikm: api.ikm, score: api.score, grade: api.grade, profile: api.profile });
      for (const e of SKM_ELEMENTS) expect(row[`nrr_${e}`]).toBe(api.nrr[e]);
    }
  });

  it("carry no figure, not even the count, for a cell that is not published", async () => {
    for (const period of ["year", "semester", "quarter", "month"]) {
      const data = await json(`/open-data/skm.json?region=kota-palangka-raya&year=2026&period=${period}`);
      for (const unit of ["dpmptsp", "bapenda"]) {
        for (const row of data.rows.filter((r) => r.unit === unit && r.respondents !== 0)) {
          expect(row).toMatchObject({ respondents: null, published: false, ikm: null, score: null, grade: null, nrr_u1: null });
        }
      }
    }
  });

  it("write RFC 4180 CSV with a header, as an attachment, formulas neutralised", async () => {
    const response = await app.get("/open-data/skm.csv?region=kota-palangka-raya&year=2026&period=month");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="skm-kota-palangka-raya-2026-month.csv"');
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const csv = await response.text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(DATASETS.skm.map((f) => f.name).join(","));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    // 9 units × 12 months, a header and the final line break.
    expect(lines).toHaveLength(9 * 12 + 2);
    expect(csv).toMatch(/\r\nkota-palangka-raya,disdukcapil,Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya,2026-01,2026-01-01,2026-01-31,\d+,true,[\d.]+,[\d.]+,[ABCD],/);
  });

  it("give perception indices with their means, hiding small cells", async () => {
    const data = await json("/open-data/perception.json?region=kota-palangka-raya&year=2026&period=quarter");
    const q2 = data.rows.find((r) => r.unit === "disdukcapil" && r.period === "2026-Q2")!;
    expect(q2).toMatchObject({ ipak_respondents: 8, ipak_published: true, ipak_mean: 6, ipak: 4, ipkp_mean: 5, ipkp: 3.33 });
    const api = (await (await app.get("/api/v1/units/kota-palangka-raya/disdukcapil/perception?from=2026-04-01&to=2026-06-30")).json()) as {
      respondents: { ipak: number; ipkp: number };
      profile: string;
      ipak: { index: number; mean: number };
      ipkp: { index: number; mean: number };
    };
    expect(q2).toMatchObject({
      ipak_respondents: api.respondents.ipak,
      ipak: api.ipak.index,
      ipak_mean: api.ipak.mean,
      ipkp_respondents: api.respondents.ipkp,
      ipkp: api.ipkp.index,
      ipkp_mean: api.ipkp.mean,
      profile: api.profile,
    });
    const q1 = data.rows.find((r) => r.unit === "disdukcapil" && r.period === "2026-Q1")!;
    expect(q1).toMatchObject({ ipak_respondents: 0, ipak_published: false, ipak: null });
    const csv = await (await app.get("/open-data/perception.csv?region=kota-palangka-raya&year=2026")).text();
    expect(csv.split("\r\n")[0]).toBe(DATASETS.perception.map((f) => f.name).join(","));
  });

  it("give report counts per unit, period and category, suppressed below the threshold", async () => {
    const data = await json("/open-data/reports.json?region=kota-palangka-raya&year=2026");
    const row = (unit: string | null, category: string) => data.rows.find((r) => r.unit === unit && r.category === category)!;
    expect(row("dpmptsp", "calo")).toMatchObject({ reports: null, published: false });
    // DPMPTSP's 2 could be the region's total minus Disdukcapil's 9: one of those is held back too.
    const region = [row("disdukcapil", "all"), row("dpmptsp", "all")];
    expect(region.filter((r) => r.published === false).length).toBe(2);
    expect(row("bapenda", "all")).toMatchObject({ reports: 0, published: true, follow_up_due: 0, on_time_share: null });
    expect(row(null, "all")).toMatchObject({ unit_name: null, reports: 0, published: true });
    const csv = await (await app.get("/open-data/reports.csv?region=kota-palangka-raya&year=2026")).text();
    expect(csv.split("\r\n")[0]).toBe(DATASETS.reports.map((f) => f.name).join(","));
    expect(csv).not.toMatch(/,dpmptsp,[^\r\n]*,calo,2,/);
  });

  it("give the latest submitted ZI score of the year", async () => {
    const data = await json("/open-data/zi.json?region=kota-palangka-raya&year=2026");
    expect(data.rows).toEqual([
      {
        region: "kota-palangka-raya",
        unit: "disdukcapil",
        unit_name: "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya",
        year: 2026,
        total: 76.25,
        pengungkit: 42,
        hasil: 34.25,
        wbk_ready: true,
        wbbm_ready: false,
        provisional: false,
        ipak_source: "external",
        ipkp_source: "external",
        predicate: "none",
        profile: data.profiles[0],
      },
    ]);
    const csv = await (await app.get("/open-data/zi.csv?region=kota-palangka-raya&year=2026")).text();
    expect(csv).toContain("kota-palangka-raya,disdukcapil,Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya,2026,76.25,42,34.25,true,false,false,external,external,none,");
  });

  it("refuse bad parameters with a translated 400, and unknown datasets with a 404", async () => {
    const bad = await app.get("/open-data/skm.json?region=kota-palangka-raya&year=20x6");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "bad_year", message: "Parameter year harus berupa tahun empat angka antara 2000 dan 2100." });
    const period = await app.get("/open-data/skm.json?region=kota-palangka-raya&year=2026&period=week", { "Accept-Language": "en" });
    expect(period.status).toBe(400);
    expect(((await period.json()) as { message: string }).message).toBe("The period parameter must be one of: year, semester, quarter, month.");
    const missing = await app.get("/open-data/reports.csv?year=2026");
    expect(missing.status).toBe(400);
    expect(missing.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await missing.text()).toContain("Parameter region");
    const unknown = await app.get("/open-data/zi.json?region=atlantis&year=2026");
    expect(unknown.status).toBe(400);
    expect((await app.get("/open-data/salaries.csv?region=kota-palangka-raya&year=2026")).status).toBe(404);
    expect((await app.get("/open-data/skm.xml?region=kota-palangka-raya&year=2026")).status).toBe(404);
  });
});

describe("the open data page", () => {
  it("documents every field of every dataset, in both languages, with the licence and the rule", async () => {
    const response = await app.get("/open-data");
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("Lisensi Terbuka");
    expect(text).toContain("menghitung jawaban, jumlah, atau banyaknya suatu kelompok yang kurang dari 5 orang");
    expect(text).toContain("period=2026, 2026-S1, 2026-Q2, atau 2026-05");
    expect(text).toContain("Akibatnya bagi unit kecil");
    // The default region is the first tenant, not the first in alphabetical order.
    expect(html).toContain('href="/open-data/skm.csv?region=kota-palangka-raya&amp;year=');
    for (const name of DATASET_NAMES) {
      expect(html).toContain(`href="/open-data/${name}.csv?region=`);
      expect(html).toContain(`href="/open-data/${name}.json?region=`);
      const section = textOf(html.slice(html.indexOf(`id="dataset-${name}"`)));
      for (const field of DATASETS[name]) {
        for (const lng of ["id", "en"] as const) {
          const meanings = (resources[lng].opendata as { fields: Record<string, Record<string, string>> }).fields[name];
          expect(meanings?.[field.name], `${lng} meaning of ${name}.${field.name}`).toBeTruthy();
        }
        const meaning = (resources.id.opendata as { fields: Record<string, Record<string, string>> }).fields[name]![field.name]!;
        expect(section).toContain(`${field.name} `);
        expect(section).toContain(textOf(meaning));
      }
    }
  });

  it("gives working downloads for the README's examples", async () => {
    const readme = readFileSync("README.md", "utf8");
    const examples = [...readme.matchAll(/\/open-data\/[a-z]+\.(?:csv|json)\?[^\s`)]+/g)].map((m) => m[0]);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect((await app.get(example)).status, example).toBe(200);
  });

  it("builds its links from the chosen region, year and period without JavaScript", async () => {
    const html = await (await app.get("/open-data?region=kabupaten-kotawaringin-timur&year=2025&period=quarter")).text();
    expect(html).toContain('href="/open-data/zi.json?region=kabupaten-kotawaringin-timur&amp;year=2025&amp;period=quarter"');
  });
});
