/**
 * The SKM where people look: the unit page (score, grade, unsur table, priorities, sample
 * adequacy, monthly trend) and the region's ranking, with nothing below the threshold.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSkmCsv } from "~/skm/import";
import { unitServices } from "~/skm/queries.server";
import { storeResponses } from "~/skm/responses.server";
import { SKM_2017 } from "~/regulation/skm";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  app = await createTestApp(database.db);
  const disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  const { rows, problems } = parseSkmCsv(readFileSync("tests/fixtures/skm-example.csv", "utf8"), await unitServices(database.db, disdukcapil), {
    today: "2026-12-31",
  });
  expect(problems).toEqual([]);
  const dpmptsp = await unitId(database.db, "kota-palangka-raya/dpmptsp");
  const dpmptspServices = await unitServices(database.db, dpmptsp);
  const bapenda = await unitId(database.db, "kota-palangka-raya/bapenda");
  await database.db.transaction((tx) =>
    storeResponses(tx, [
      ...rows.map((row) => ({ ...row, unitId: disdukcapil, source: "paper" as const, profileId: SKM_2017.id })),
      // Three ratings only: below the disclosure threshold of 5.
      ...[1, 2, 3].map(() => ({
        ...rows[0]!,
        serviceId: dpmptspServices[0]!.id,
        unitId: dpmptsp,
        source: "paper" as const,
        profileId: SKM_2017.id,
      })),
      // Five more in the same month elsewhere: held back with DPMPTSP's three, so that the
      // region's total minus Disdukcapil gives neither.
      ...[1, 2, 3, 4, 5].map(() => ({ ...rows[0]!, serviceId: null, unitId: bapenda, source: "paper" as const, profileId: SKM_2017.id })),
    ]),
  );
});
afterAll(() => database.drop());

describe("unit page", () => {
  it("shows the year's score, grade, priorities, sample adequacy and trend", async () => {
    const html = await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2026")).text();
    const text = textOf(html);
    expect(text).toContain("77,71 dari 100");
    expect(text).toMatch(/B Baik/);
    expect(text).toContain("Tahun 2026: IKM 3,11 (skala 1–4) dari 120 responden.");
    // Lowest NRRs of the example: U9 2.54, U8 2.78, U3 2.89.
    expect(text).toMatch(/Prioritas perbaikan \(nilai unsur terendah\) Penanganan pengaduan, saran dan masukan \(2,54\) Sarana dan prasarana \(2,78\) Waktu penyelesaian \(2,89\)/);
    // 36,000 people a year need 380 respondents (Krejcie & Morgan).
    expect(text).toContain("Sampel terlalu kecil: minimal 380 responden untuk 36.000 orang yang dilayani");
    expect(text).toContain("U4 Biaya/tarif 3,65");
    expect(text).toMatch(/Januari 2026 \d+ [\d,]+/);
    expect(html).toContain('<select id="period" name="period">');
  });

  it("speaks English with English number formats", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2026", { "Accept-Language": "en" })).text());
    expect(text).toContain("77.71 out of 100");
    expect(text).toContain("Year 2026: IKM 3.11 (scale 1–4) from 120 respondents.");
    expect(text).toContain("January 2026");
  });

  it("publishes nothing below the threshold, and falls back to this year for an unknown period", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/dpmptsp?period=2026")).text());
    expect(text).toContain("Tidak diumumkan untuk periode ini");
    expect(text).not.toContain("3 penilaian");
    expect(text).not.toMatch(/dari 100/);
    const fallback = await app.get("/units/kota-palangka-raya/disdukcapil?period=<script>");
    expect(fallback.status).toBe(200);
  });

  it("gives a quarter its own figures", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2026-Q1")).text());
    expect(text).toMatch(/Triwulan I 2026: IKM [\d,]+ \(skala 1–4\) dari \d+ responden\./);
    const trend = text.slice(text.indexOf("Perkembangan nilai SKM per bulan"));
    expect(trend).toMatch(/Januari 2026 \d+ [\d,]+ Februari 2026 \d+ [\d,]+ Maret 2026 \d+ [\d,]+ Dihitung/);
    expect(text).toContain("9.000 orang yang dilayani");
  });
});

describe("region page", () => {
  it("ranks the units that have enough ratings and counts the others", async () => {
    const text = textOf(await (await app.get("/regions/kota-palangka-raya?period=2026")).text());
    expect(text).toContain("Peringkat unit menurut nilai SKM, Tahun 2026");
    expect(text).toMatch(/1 Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya 77,71 B 120/);
    expect(text).not.toMatch(/Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya [\d,]+ [ABCD] 3/);
    expect(text).toContain("8 unit lain belum memiliki cukup penilaian untuk ditampilkan.");
    // The region's figure counts every unit's ratings, those held back included.
    expect(text).toMatch(/Seluruh unit, Tahun 2026: nilai SKM [\d,]+ \(mutu [ABCD]\) dari 128 responden\./);
  });
});

describe("QR poster", () => {
  it("links the counter to the unit's rating page, in both languages", async () => {
    const response = await app.get("/units/kota-palangka-raya/disdukcapil/poster");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<svg");
    const text = textOf(html);
    expect(text).toContain("http://localhost:3000/rate/kota-palangka-raya/disdukcapil");
    expect(text).toContain("Bagaimana layanan kami hari ini?");
    expect(text).toContain("How was our service today?");
    expect(text).toContain("Penilaian tidak pernah menjadi syarat layanan.");
    expect((await app.get("/units/kota-palangka-raya/nope/poster")).status).toBe(404);
  });
});

describe("printable SKM report", () => {
  it("has what a unit must publish, with small profile cells held back", async () => {
    const response = await app.get("/units/kota-palangka-raya/disdukcapil/report?period=2026");
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Laporan Survei Kepuasan Masyarakat, Tahun 2026");
    expect(text).toContain("Jumlah responden 120");
    expect(text).toContain("Nilai SKM (skala 25–100) 77,71");
    expect(text).toContain("Mutu pelayanan B (Baik)");
    expect(text).toMatch(/Jenis kelamin Laki-laki \d+ Perempuan \d+/);
    // Under 20: two respondents, held back with another age band that would give them away.
    expect(text).toMatch(/Di bawah 20 tahun tidak diumumkan/);
    expect(text).toContain("0 saran diterima pada periode ini");
    const below = textOf(await (await app.get("/units/kota-palangka-raya/dpmptsp/report?period=2026")).text());
    expect(below).toContain("Tidak diumumkan untuk periode ini");
    expect(below).not.toContain("Profil responden");
  });
});
