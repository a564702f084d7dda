/**
 * The LKE worksheet through the app, as a browser without JavaScript: an evaluator fills
 * sub-areas (items or a fraction) and the hasil inputs and submits; bad answers are refused
 * whole with field errors; other roles and regions get 403; every change is audited.
 */
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, lkeAnswers, lkeSheets, lkeSubmissions, units } from "../../db/schema";
import { ZI_2024 } from "~/regulation/zi";
import type { ZiScore } from "~/zi/score-types";
import { addPerceptionResponses } from "../../scripts/support/dashboards";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createStaff, sessionFor, unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
const cookies: Record<string, string> = {};
const UNIT = "kota-palangka-raya/disdukcapil";
const YEAR = 2026;
const SHEET = `/staff/zi/${UNIT}/${YEAR}`;
const EN = { "Accept-Language": "en" };

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const personas = {
    evaluator: [{ role: "evaluator" as const, region: "kota-palangka-raya" }],
    kotimEvaluator: [{ role: "evaluator" as const, region: "kabupaten-kotawaringin-timur" }],
    kotimModerator: [{ role: "moderator" as const, region: "kabupaten-kotawaringin-timur" }],
    manager: [{ role: "unit_manager" as const, unit: UNIT }],
    cityAdmin: [{ role: "admin" as const, region: "kota-palangka-raya" }],
  };
  for (const [name, grants] of Object.entries(personas)) {
    const person = await createStaff(database.db, app.config, { grants });
    cookies[name] = await sessionFor(database.db, app.config, person.id);
  }
});
afterAll(() => database.drop());

const as = (who: string, extra: Record<string, string> = {}) => ({ Cookie: cookies[who]!, ...extra });

/** Every sub-area's edit address with its names, in profile order. */
const SUBAREAS = (["pemenuhan", "reform"] as const).flatMap((component) =>
  ZI_2024.pengungkit[component].flatMap((area, a) =>
    area.subareas.map((sub, s) => ({ component, area: area.area, subarea: sub.name, path: `${SHEET}/${component}/${a}/${s}` })),
  ),
);
const HANDLING = SUBAREAS.find((s) => s.subarea === "Penanganan Pengaduan Masyarakat")!;

async function rows(table: typeof lkeAnswers | typeof lkeSubmissions | typeof lkeSheets) {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
}
async function audits(action: string) {
  const [row] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  return row!.n;
}

describe("the LKE worksheet", () => {
  it("lists the evaluator's units and opens an empty sheet with its profile", async () => {
    const home = textOf(await (await app.get("/staff", as("evaluator", EN))).text());
    expect(home).toContain("ZI worksheets (LKE)");
    const list = await app.get(`/staff/zi?year=${YEAR}`, as("evaluator", EN));
    expect(list.status).toBe(200);
    const text = textOf(await list.text());
    expect(text).toContain("Dinas Kependudukan dan Pencatatan Sipil");
    expect(text).toContain("Not started");
    const sheet = await app.get(SHEET, as("evaluator", EN));
    expect(sheet.status).toBe(200);
    const html = await sheet.text();
    expect(textOf(html)).toContain(`${ZI_2024.title} (${ZI_2024.id})`);
    expect(html).toContain(`href="${HANDLING.path}"`);
    expect(textOf(html)).toContain("WBK: incomplete");
  });

  it("refuses invalid item answers with field errors, the typed values kept, and writes nothing", async () => {
    const before = { answers: await rows(lkeAnswers), audit: await audits("lke.subarea.saved") };
    const response = await app.post(
      HANDLING.path,
      {
        "items[0].scale": "percent",
        "items[0].percent": "150",
        "items[1].scale": "abc",
        "items[1].answer": "D",
        "items[2].answer": "A",
        "items[3].scale": "yn",
        "items[3].answer": "Y",
        evidence: "https://palangkaraya.go.id/sk-tim\njavascript:alert(1)",
        note: "catatan rahasia",
      },
      as("evaluator", EN),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("This answer does not belong to the item's scale.");
    expect(text).toContain("The percentage must be a number from 0 to 100");
    expect(text).toContain("Choose the scale of this item.");
    expect(text).toContain("Each line must be a web address starting with http:// or https://.");
    // The summary links to the fields, the fields name their errors, and what was typed stays.
    expect(html).toContain('href="#field-items-1--answer"');
    expect(html).toMatch(/id="field-items-1--answer"[^>]*aria-describedby="field-items-1--answer-error"/);
    expect(html).toContain("catatan rahasia");
    expect(html).toMatch(/name="items\[0\]\.percent"[^>]*value="150"/);
    // A row that answers an LKE question keeps that question's scale, whatever the form sends.
    const otherScale = await app.post(HANDLING.path, { "items[0].scale": "yn", "items[0].answer": "Y" }, as("evaluator", EN));
    expect(otherScale.status).toBe(400);
    expect(textOf(await otherScale.text())).toContain("This row answers an LKE question: use that question's scale.");
    // A row number far past the limit is refused before parsing (it would build a huge array).
    const huge = await app.post(HANDLING.path, { "items[9999999].scale": "yn", "items[9999999].answer": "Y" }, as("evaluator", EN));
    expect(huge.status).toBe(400);
    expect(textOf(await huge.text())).toContain("At most 40 items.");
    expect(await rows(lkeAnswers)).toBe(before.answers);
    expect(await rows(lkeSheets)).toBe(0);
    expect(await audits("lke.subarea.saved")).toBe(before.audit);
  });

  it("refuses an evidence link holding a control character with 400, never a database error", async () => {
    const response = await app.post(HANDLING.path, { "items[0].scale": "percent", "items[0].percent": "80", evidence: "https://x.org/a\u0000b" }, as("evaluator", EN));
    // The request guard refuses a control character before any route or query sees it.
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Request refused: it is malformed or contains characters that are not allowed.");
    expect(await rows(lkeSheets)).toBe(0);
  });

  it("keeps other roles and regions out (403)", async () => {
    for (const who of ["manager", "kotimModerator", "kotimEvaluator"]) {
      expect((await app.get(SHEET, as(who))).status, who).toBe(403);
      expect((await app.get(HANDLING.path, as(who))).status, who).toBe(403);
      expect((await app.post(HANDLING.path, { value: "1" }, as(who))).status, who).toBe(403);
      expect((await app.post(SHEET, { intent: "submit" }, as(who))).status, who).toBe(403);
    }
    expect((await app.get("/staff/zi", as("manager"))).status).toBe(403);
    // A region admin reads the worksheet but does not edit it.
    const adminView = await app.get(SHEET, as("cityAdmin"));
    expect(adminView.status).toBe(200);
    expect(await adminView.text()).not.toContain(`href="${HANDLING.path}"`);
    expect((await app.post(HANDLING.path, { value: "1" }, as("cityAdmin"))).status).toBe(403);
    expect((await app.post(SHEET, { intent: "hasil", capaianKinerja: "A" }, as("cityAdmin"))).status).toBe(403);
    expect(await rows(lkeSheets)).toBe(0);
    // Unknown units, years and sub-areas are 404 to the signed-in, a sign-in redirect to others.
    expect((await app.get(`/staff/zi/kota-palangka-raya/nope/${YEAR}`, as("evaluator"))).status).toBe(404);
    expect((await app.get(`/staff/zi/${UNIT}/26`, as("evaluator"))).status).toBe(404);
    expect((await app.get(`${SHEET}/reform/9/0`, as("evaluator"))).status).toBe(404);
    expect((await app.get(`${SHEET}/other/0/0`, as("evaluator"))).status).toBe(404);
    expect((await app.get(SHEET)).status).toBe(302);
  });

  it("fills every sub-area and the hasil inputs, submits, and audits each change", async () => {
    for (const sub of SUBAREAS) {
      const fields: Record<string, string> =
        sub === HANDLING
          ? {
              // Row 0 answers the sub-area's LKE question (a percentage); rows 1–2 are added items.
              "items[0].scale": "percent",
              "items[0].percent": "80",
              "items[1].scale": "yn",
              "items[1].answer": "Y",
              "items[2].scale": "abcd",
              "items[2].answer": "B",
              note: "catatan rahasia",
              evidence: "https://palangkaraya.go.id/laporan-2026",
            }
          : { value: "0.9" };
      const saved = await app.post(sub.path, fields, as("evaluator"));
      expect(saved.status, sub.subarea).toBe(303);
    }
    const [handling] = await database.db.select().from(lkeAnswers).where(eq(lkeAnswers.subarea, HANDLING.subarea));
    // (0.80 + 1 + 0.67) / 3 = 0.82333…, stored and shown 0.8233; the score keeps 2.47/3.
    expect(handling).toMatchObject({ value: 0.8233, note: "catatan rahasia", evidence: ["https://palangkaraya.go.id/laporan-2026"] });
    expect(handling!.items).toEqual([
      { scale: "percent", answer: "80", question: 0 },
      { scale: "yn", answer: "Y" },
      { scale: "abcd", answer: "B" },
    ]);

    // The sub-area page shows the LKE question with its scale on its row, the saved items and
    // three blank rows; in English with a note that the questions keep their official wording.
    const edit = await app.get(HANDLING.path, as("evaluator", EN));
    expect(edit.status).toBe(200);
    const editHtml = await edit.text();
    expect(editHtml.match(/name="items\[\d+\]\.scale"/g)).toHaveLength(6);
    expect(textOf(editHtml)).toContain(`Item 1 ${ZI_2024.pengungkit.reform[4]!.subareas[1]!.questions[0]!.text} Scale: Percentage.`);
    expect(editHtml).toMatch(/<p class="lke-question" lang="id">Persentase penanganan pengaduan masyarakat/);
    expect(editHtml).toMatch(/name="items\[0\]\.percent"[^>]*value="80"/);
    expect(textOf(editHtml)).toContain("The LKE questions are shown in their official Indonesian wording");
    // A question answered with letters offers only its scale's answers, each with its value.
    const first = await app.get(SUBAREAS[0]!.path, as("evaluator"));
    const firstText = textOf(await first.text());
    expect(firstText).toContain("Butir 1 Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas. Skala: Ya/Tidak.");
    expect(firstText).toContain("Y (ya) (1,00)");

    // Without IPKP (no official figure, no internal monitoring) the sheet cannot be submitted.
    expect((await app.post(SHEET, { intent: "hasil", capaianKinerja: "B", ipak: "3.70", ipkp: "" }, as("evaluator"))).status).toBe(303);
    const incomplete = await app.post(SHEET, { intent: "submit" }, as("evaluator", EN));
    expect(incomplete.status).toBe(400);
    expect(textOf(await incomplete.text())).toContain("cannot be submitted yet");
    const badIndex = await app.post(SHEET, { intent: "hasil", capaianKinerja: "F", ipak: "4.5", ipkp: "3,5" }, as("evaluator", EN));
    expect(badIndex.status).toBe(400);
    const badHtml = await badIndex.text();
    expect(badHtml).toContain('href="#field-ipak"');
    expect(badHtml).toMatch(/id="field-ipkp"[^>]*aria-describedby="field-ipkp-hint field-ipkp-error"/);
    const badText = textOf(badHtml);
    expect(badText).toContain("Choose a grade from A to E.");
    expect(badText).toContain("The index must be a number from 0 to 4");

    expect((await app.post(SHEET, { intent: "hasil", capaianKinerja: "B", ipak: "3.70", ipkp: "3.50" }, as("evaluator"))).status).toBe(303);
    const submitted = await app.post(SHEET, { intent: "submit" }, as("evaluator"));
    expect(submitted.status).toBe(303);

    // Pengungkit: 60 × 0.9 = 54, less Penanganan Pengaduan Masyarakat 3 × 0.9 = 2.7, plus
    // 3 × 0.8233 = 2.4699 → 53.7699. Hasil: IPAK 3.70 → 16.1875, capaian B → 3.75, IPKP 3.50 →
    // 15.3125: 35.25. Total 89.0199 → 89.02.
    const [submission] = await database.db.select().from(lkeSubmissions);
    const score = submission!.score as unknown as ZiScore;
    expect(submission!.version).toBe(1);
    expect(submission!.profileId).toBe(ZI_2024.id);
    expect(score.total).toBe(89.02);
    expect(score.pengungkit.points).toBe(53.77);
    expect(score.hasil.points).toBe(35.25);
    expect(score.hasil.pelayananPrima.ipkp.source).toBe("external");
    expect(score.wbk.ready).toBe(true);
    // No earlier WBK, and IPKP 15.31 under 15.75: not WBBM.
    expect(score.wbbm.requirements.filter((r) => r.met === false).map((r) => r.key)).toEqual(["ipkpPoints", "predicate"]);

    const page = await app.get(SHEET, as("evaluator", EN));
    const html = await page.text();
    expect(textOf(html)).toContain("Status: Submitted");
    expect(html).toMatch(/<data value="89\.02" class="zi-total">89\.02<\/data>/);
    expect(textOf(html)).toContain("IPKP needs +0.10 to reach 3.60");
    expect(textOf(html)).toContain("the unit must already hold WBK");

    const again = await app.post(SHEET, { intent: "submit" }, as("evaluator", EN));
    expect(again.status).toBe(400);
    expect(textOf(await again.text())).toContain("Nothing changed since the last submission.");

    // Every change audited, with the unit, year and sub-area named and no note.
    expect(await audits("lke.subarea.saved")).toBe(SUBAREAS.length);
    expect(await audits("lke.hasil.saved")).toBe(2);
    expect(await audits("lke.submitted")).toBe(1);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "lke.subarea.saved"), eq(auditLog.objectType, "lke_sheet")))
      .orderBy(auditLog.id)
      .offset(SUBAREAS.indexOf(HANDLING));
    expect(entry!.details).toMatchObject({ unit: UNIT, year: YEAR, component: "reform", area: "Penguatan Pengawasan", subarea: HANDLING.subarea });
    expect(entry!.actorRole).toBe("evaluator");
    expect(JSON.stringify(entry!.details)).not.toContain("rahasia");
  });

  it("returns to draft on an edit, keeps the last submission published, and versions the next", async () => {
    const unit = await unitId(database.db, UNIT);
    expect((await app.post(HANDLING.path, { value: "1" }, as("evaluator"))).status).toBe(303);
    const [sheet] = await database.db.select().from(lkeSheets).where(eq(lkeSheets.unitId, unit));
    expect(sheet!.status).toBe("draft");
    const api = await app.get(`/api/v1/units/${UNIT}/zi?year=${YEAR}`);
    expect(((await api.json()) as { version: number; total: number }).total).toBe(89.02);
    expect((await app.post(SHEET, { intent: "submit" }, as("evaluator"))).status).toBe(303);
    const versions = await database.db.select({ version: lkeSubmissions.version, score: lkeSubmissions.score }).from(lkeSubmissions).orderBy(lkeSubmissions.version);
    // 53.7699 − 2.4699 + 3 = 54.30, + 35.25 = 89.55.
    expect(versions.map((v) => [v.version, (v.score as unknown as ZiScore).total])).toEqual([
      [1, 89.02],
      [2, 89.55],
    ]);
    const history = textOf(await (await app.get(SHEET, as("evaluator", EN))).text());
    expect(history).toMatch(/Submissions Version Submitted on Total Profile 2 .* 89\.55 .* 1 .* 89\.02/);
    const list = textOf(await (await app.get(`/staff/zi?year=${YEAR}`, as("evaluator", EN))).text());
    expect(list).toContain("89.55 (version 2)");
  });

  it("lets an admin record the unit's earlier predicate, audited, and WBBM reads it", async () => {
    const [unit] = await database.db.select().from(units).where(eq(units.id, await unitId(database.db, UNIT)));
    const form = (overrides: Record<string, string>) => ({
      intent: "update-unit",
      name: unit!.name,
      agencyId: String(unit!.agencyId),
      servedPeriod: unit!.servedPeriod,
      active: "on",
      ...overrides,
    });
    const page = `/staff/admin/structure/${UNIT}`;
    const missingYear = await app.post(page, form({ ziPredicate: "wbk", ziPredicateYear: "" }), as("cityAdmin", EN));
    expect(missingYear.status).toBe(400);
    expect(textOf(await missingYear.text())).toContain("Enter the year the predicate was awarded.");
    expect((await app.post(page, form({ ziPredicate: "wbk", ziPredicateYear: "2025" }), as("cityAdmin"))).status).toBe(303);
    const [updated] = await database.db.select().from(units).where(eq(units.id, unit!.id));
    expect(updated).toMatchObject({ ziPredicate: "wbk", ziPredicateYear: 2025 });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "unit.update")).orderBy(desc(auditLog.id)).limit(1);
    expect(entry!.details).toEqual({ fields: ["ziPredicate", "ziPredicateYear"] });

    // Held since 2025: for 2026 WBBM now fails only on IPKP (15.31 < 15.75).
    const sheet = textOf(await (await app.get(SHEET, as("evaluator", EN))).text());
    expect(sheet).toContain("Predicate held before this year: WBK");
    expect(sheet).toContain("Met: earlier predicate WBK, must be WBK");
    expect(sheet).toContain("IPKP needs +0.10 to reach 3.60");
    // A predicate awarded in the year evaluated is not an earlier one.
    expect((await app.post(page, form({ ziPredicate: "wbk", ziPredicateYear: "2026" }), as("cityAdmin"))).status).toBe(303);
    expect(textOf(await (await app.get(SHEET, as("evaluator", EN))).text())).toContain("Predicate held before this year: none");
  });

  it("falls back to the portal's internal monitoring, marked as such, when no official index is entered", async () => {
    // Five respondents: every SPKP item mean 4.8 (5, 5, 5, 5, 4) → 4.8 ÷ 6 × 4 = 3.20 → 14.00 points; SPAK 5.4 (6, 6, 5, 5, 5) → 3.60.
    await addPerceptionResponses(database.db, await unitId(database.db, UNIT), "2026-06-01", [
      { spak: 6, spkp: 5 },
      { spak: 6, spkp: 5 },
      { spak: 5, spkp: 5 },
      { spak: 5, spkp: 5 },
      { spak: 5, spkp: 4 },
    ]);
    expect((await app.post(SHEET, { intent: "hasil", capaianKinerja: "B", ipak: "3.70", ipkp: "" }, as("evaluator"))).status).toBe(303);
    const text = textOf(await (await app.get(SHEET, as("evaluator", EN))).text());
    expect(text).toContain("IPAK: official external survey. IPKP: pemantauan internal");
    expect(text).toContain("Internal monitoring this year: 3.20.");
    expect(text).toContain("Met: IPKP 14.00 points (index 3.20), at least 14.00 (index 3.20)");
    // The verdict rests on internal monitoring: provisional, in both languages, never a plain "ready".
    expect(text).toContain("WBK: ready (provisional: internal monitoring, not the official survey)");
    expect(text).not.toMatch(/WBK: ready(?! \(provisional)/);
    expect(textOf(await (await app.get(SHEET, as("evaluator"))).text())).toContain("WBK: siap (sementara: pemantauan internal, bukan survei resmi)");

    // Submitted, it stays provisional in the API, the list, the open data and the public pages.
    expect((await app.post(SHEET, { intent: "submit" }, as("evaluator"))).status).toBe(303);
    const api = (await (await app.get(`/api/v1/units/${UNIT}/zi?year=${YEAR}`, EN)).json()) as ZiScore & { sources: unknown; provisionalNote: string };
    expect(api).toMatchObject({ provisional: true, sources: { ipak: "external", ipkp: "internal" }, wbk: { ready: true, provisional: true }, wbbm: { provisional: true } });
    expect(api.provisionalNote).toContain("internal monitoring, not the official survey");
    expect(textOf(await (await app.get(`/staff/zi?year=${YEAR}`, as("evaluator", EN))).text())).toContain("Ready (provisional: internal monitoring, not the official survey)");
    const open = (await (await app.get(`/open-data/zi.json?region=kota-palangka-raya&year=${YEAR}`)).json()) as { rows: Array<Record<string, unknown>> };
    expect(open.rows.find((r) => r.unit === "disdukcapil")).toMatchObject({ wbk_ready: true, provisional: true, ipak_source: "external", ipkp_source: "internal" });
    const unitPage = textOf(await (await app.get(`/units/${UNIT}`, EN)).text());
    expect(unitPage).toContain("Ready for WBK Yes (provisional: internal monitoring, not the official survey)");
    expect(textOf(await (await app.get(`/units/${UNIT}`)).text())).toContain("Ya (sementara: pemantauan internal, bukan survei resmi)");
    expect(textOf(await (await app.get("/regions/kota-palangka-raya", EN)).text())).toContain("Yes (provisional: internal monitoring, not the official survey)");
    expect(textOf(await (await app.get("/provinces/kalimantan-tengah", EN)).text())).toContain("1 (1 provisional: internal monitoring, not the official survey)");
  });
});

