/**
 * Public dashboards as a browser without JavaScript gets them: the unit page (perception
 * indices as internal monitoring, report statistics, ZI readiness with its gaps, quarterly
 * trend), the region comparison with its best WBK candidate, and the province overview;
 * nothing below the disclosure threshold.
 */
import { eq } from "drizzle-orm";
import { reports } from "../../db/schema";
import { followUpTally } from "~/reports/stats";
import { regionReportStats } from "~/reports/stats.server";
import type { ReportClock } from "~/reports/status-machine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS } from "~/regulation/skm";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { addPerceptionDay, addReports, addZiSubmission, requirement, ziScore } from "../../scripts/support/dashboards";
import { textOf } from "../helpers/html";
import { regionId, unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;

const ratings = (unit: number, day: string, count: number, answer: number): NewResponse[] =>
  Array.from({ length: count }, () => ({
    unitId: unit,
    serviceId: null,
    respondedOn: day,
    source: "paper",
    profileId: SKM_2017.id,
    sex: null,
    ageBand: null,
    education: null,
    occupation: null,
    answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, answer])) as NewResponse["answers"],
  }));

beforeAll(async () => {
  // The organisation without demo activity: the figures below are the only ones.
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const db = database.db;
  const palangkaRaya = await regionId(db, "kota-palangka-raya");
  const disdukcapil = await unitId(db, "kota-palangka-raya/disdukcapil");
  const dpmptsp = await unitId(db, "kota-palangka-raya/dpmptsp");
  const bapenda = await unitId(db, "kota-palangka-raya/bapenda");
  const kotimDisdukcapil = await unitId(db, "kabupaten-kotawaringin-timur/disdukcapil");

  // SKM: Disdukcapil 10 ratings of 3 in February 2025 (score 75.00, C), DPMPTSP only 3, and
  // Bapenda 5, held back so that the region's total minus Disdukcapil does not give DPMPTSP's 3.
  await db.transaction(async (tx) => {
    await storeResponses(tx, [...ratings(disdukcapil, "2025-02-10", 10, 3), ...ratings(dpmptsp, "2025-02-11", 3, 4), ...ratings(bapenda, "2025-02-12", 5, 4)]);
  });
  // Perception: Disdukcapil 6 responses (SPAK 5 → IPAK 3.33; SPKP 4 → IPKP 2.67); DPMPTSP 3.
  await addPerceptionDay(db, disdukcapil, "2025-02-10", 6, 5, 4);
  await addPerceptionDay(db, dpmptsp, "2025-02-11", 3, 6, 6);

  // Reports in 2025: Disdukcapil 6 pungli (5 followed up on time, 1 late, 2 of them purged),
  // 5 calo closed as spam, 1 suap (below the threshold); Bapenda 7 pungli not yet verified.
  await addReports(db, 5, { regionId: palangkaRaya, unitId: disdukcapil, category: "pungli", receivedOn: "2025-01-15", followUp: "onTime" });
  await addReports(db, 1, { regionId: palangkaRaya, unitId: disdukcapil, category: "pungli", receivedOn: "2025-01-20", followUp: "late", purged: true });
  await addReports(db, 5, { regionId: palangkaRaya, unitId: disdukcapil, category: "calo", receivedOn: "2025-03-03", followUp: "spam" });
  await addReports(db, 1, { regionId: palangkaRaya, unitId: disdukcapil, category: "suap", receivedOn: "2025-03-04" });
  await addReports(db, 7, { regionId: palangkaRaya, unitId: bapenda, category: "pungli", receivedOn: "2025-02-05" });

  // ZI: Disdukcapil 78.50, short of WBK on IPAK (3.48 of 3.60) and one area;
  // DPMPTSP 80.10 and WBK-ready; Bapenda 82.00 but already WBK (not a WBK candidate).
  await addZiSubmission(
    db,
    disdukcapil,
    2025,
    ziScore({
      total: 78.5,
      pengungkit: 44,
      hasil: 34.5,
      wbk: [
        requirement({ key: "total", met: true, required: 75, actual: 78.5 }),
        requirement({ key: "areaShare", area: "Penguatan Pengawasan", met: false, required: 0.6, actual: 0.55, gap: 0.05 }),
        requirement({ key: "ipakPoints", met: false, required: 15.75, actual: 15.23, requiredIndex: 3.6, actualIndex: 3.48, gap: 0.52 }),
      ],
      wbbm: [requirement({ key: "total", met: false, required: 85, actual: 78.5, gap: 6.5 })],
    }),
  );
  await addZiSubmission(
    db,
    dpmptsp,
    2025,
    ziScore({ total: 80.1, pengungkit: 45, hasil: 35.1, wbk: [requirement({ key: "total", met: true })], wbbm: [requirement({ key: "total", met: false, required: 85, gap: 4.9 })] }),
  );
  await addZiSubmission(
    db,
    bapenda,
    2025,
    ziScore({ total: 82, pengungkit: 46, hasil: 36, wbk: [requirement({ key: "total", met: true })], wbbm: [requirement({ key: "total", met: false, required: 85, gap: 3 })] }),
  );
  await db.update(units).set({ ziPredicate: "wbk", ziPredicateYear: 2024 }).where(eq(units.id, bapenda));
  await addZiSubmission(
    db,
    kotimDisdukcapil,
    2025,
    ziScore({
      total: 70,
      pengungkit: 38,
      hasil: 32,
      wbk: [requirement({ key: "total", met: false, required: 75, gap: 5 })],
      wbbm: [requirement({ key: "total", met: false, required: 85, gap: 15 })],
    }),
  );
});
afterAll(() => database.drop());

describe("unit page", () => {
  it("shows IPAK and IPKP as internal monitoring, with the conversion and the external-survey note", async () => {
    const response = await app.get("/units/kota-palangka-raya/disdukcapil?period=2025");
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("IPAK dan IPKP (pemantauan internal)");
    expect(text).toContain("IPAK pemantauan internal (persepsi antikorupsi) 3,33 dari 4 (rata-rata 5,00 pada skala 1–6, 6 responden)");
    expect(text).toContain("IPKP pemantauan internal (persepsi kualitas pelayanan) 2,67 dari 4");
    expect(text).toContain("Indeks = rata-rata jawaban (skala 1–6) ÷ 6 × 4");
    expect(text).toContain("survei eksternal KemenPANRB");
  });

  it("hides perception indices below the threshold", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/dpmptsp?period=2025")).text());
    expect(text).toContain("Tidak diumumkan: responden kurang dari 5");
    expect(text).not.toContain("3 responden");
    expect(text).not.toMatch(/\d,\d\d dari 4/);
  });

  it("shows report statistics with small cells held back and the on-time share", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2025")).text());
    expect(text).toContain("Laporan diterima 12");
    // 6 verified pungli reports: 5 followed up by the deadline, 1 late (purged, still counted).
    expect(text).toContain("Ditindaklanjuti tepat waktu 83,3% (5 dari 6 laporan yang harus ditindaklanjuti)");
    expect(text).toContain("Pungutan liar 6");
    expect(text).toContain("Suap / uang pelicin tidak diumumkan");
    // With suap hidden, calo (5) must go too, or suap would be 12 − 6 − 5.
    expect(text).toContain("Calo / perantara tidak diumumkan");
    expect(text).not.toMatch(/Suap \/ uang pelicin 1\b/);
  });

  it("shows the latest ZI score, readiness and each unmet requirement with its gap", async () => {
    const text = textOf(await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2025")).text());
    expect(text).toContain("Nilai LKE tahun 2025 yang terakhir diajukan: 78,50 pada skala 0–100 (pengungkit 44,00, hasil 34,50).");
    expect(text).toContain("Siap WBK Belum");
    expect(text).toContain("Yang masih kurang untuk WBK");
    expect(text).toContain("IPAK perlu +0,12 untuk mencapai 3,60");
    expect(text).toContain("Area Penguatan Pengawasan perlu +5,0 poin persentase untuk mencapai 60 % dari bobotnya");
    const english = textOf(await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2025", { "Accept-Language": "en" })).text());
    expect(english).toContain("IPAK needs +0.12 to reach 3.60");
  });

  it("draws the quarterly trend as SVG with a title and a table, hiding small quarters", async () => {
    const html = await (await app.get("/units/kota-palangka-raya/disdukcapil?period=2025")).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain("<title");
    const text = textOf(html);
    expect(text).toMatch(/Triwulan I 2025 75,00 3,33 2,67/);
    expect(text).toMatch(/Triwulan II 2025 tidak diumumkan tidak diumumkan tidak diumumkan/);
  });
});

describe("report statistics query", () => {
  it("counts 'due' and 'on time' in SQL exactly as the status machine's rule does", async () => {
    const region = await regionId(database.db, "kota-palangka-raya");
    const today = "2025-12-31";
    const rows = await database.db.select().from(reports).where(eq(reports.regionId, region));
    const tallies = rows.map((r) => followUpTally(r as unknown as ReportClock, today));
    const stats = await regionReportStats(database.db, 1, region, 2025, today);
    expect(stats.onTime("*", "Y")).toMatchObject({
      due: tallies.filter((t) => t.due).length,
      onTime: tallies.filter((t) => t.onTime).length,
      published: true,
    });
    expect(stats.count("*", "*", "Y")).toEqual({ value: rows.length, published: true });
  });
});

describe("region page", () => {
  it("puts every unit side by side with published figures only", async () => {
    const response = await app.get("/regions/kota-palangka-raya?period=2025");
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Perbandingan unit");
    expect(text).toMatch(/Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya 75,00 \(C\) 3,33 2,67 12 83,3% 78,50 Belum Belum Belum ada Area Penguatan Pengawasan perlu \+5,0 poin persentase untuk mencapai 60 % dari bobotnya IPAK perlu \+0,12/);
    // DPMPTSP: 3 ratings and 3 perception responses — held back; WBK-ready.
    expect(text).toMatch(/Pelayanan Terpadu Satu Pintu Kota Palangka Raya tidak diumumkan tidak diumumkan tidak diumumkan 0 — 80,10 Ya Belum Belum ada/);
    // Bapenda: 5 ratings, held back to protect DPMPTSP's 3 within the region's total.
    expect(text).toMatch(/Badan Pendapatan Daerah Kota Palangka Raya tidak diumumkan tidak diumumkan tidak diumumkan 7 — 82,00 Ya Belum WBK \(2024\)/);
  });

  it("names the best WBK candidate and explains the rule", async () => {
    const text = textOf(await (await app.get("/regions/kota-palangka-raya?period=2025")).text());
    // Bapenda scores higher but already holds WBK.
    expect(text).toContain("Kandidat WBK terbaik Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya, nilai ZI 80,10.");
    expect(text).toContain("di antara unit yang belum memegang predikat WBK atau WBBM");
  });

  it("links to its province", async () => {
    const html = await (await app.get("/regions/kota-palangka-raya")).text();
    expect(html).toContain('href="/provinces/kalimantan-tengah"');
  });
});

describe("province page", () => {
  it("summarises every local government and names the best candidates", async () => {
    const response = await app.get("/provinces/kalimantan-tengah?period=2025");
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain("Kandidat WBK terbaik se-provinsi Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya (Kota Palangka Raya), nilai ZI 80,10.");
    // Palangka Raya: 9 units, 3 with a ZI score, 2 WBK-ready, 0 WBBM-ready, 1 WBK held; SKM of all its units (18 ratings).
    expect(text).toMatch(/Kota Palangka Raya 9 3 2 0 1 \/ 0 Dinas Penanaman Modal[^,]+, nilai ZI 80,10\. [\d,]+ \([ABCD]\)/);
    expect(text).toMatch(/Kabupaten Kotawaringin Timur \d+ 1 0 0 0 \/ 0 Dinas Kependudukan[^,]+, nilai ZI 70,00\. tidak diumumkan/);
  });

  it("is linked from the home page, and answers 404 for an unknown province", async () => {
    expect(await (await app.get("/")).text()).toContain('href="/provinces/kalimantan-tengah"');
    expect((await app.get("/provinces/atlantis")).status).toBe(404);
  });
});
