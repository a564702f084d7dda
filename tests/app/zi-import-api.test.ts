/**
 * A kept LKE end to end: tests/fixtures/lke-example.json goes in through the real
 * `npm run zi:import-lke` command, and the command's output, the public ZI API, the worksheet
 * page and the score worked out by hand below all agree. A bad file is refused whole.
 *
 * By hand (weight × value per sub-area; every sub-area of an area has the area's value except
 * Penyusunan Tim Kerja, 0.5 × 1):
 *   pemenuhan: MP 0.5 + 3.5 × 0.85 = 3.475; Tatalaksana 3.5 × 0.8 = 2.8; SDM 5 × 0.9 = 4.5;
 *              Akuntabilitas 5 × 0.75 = 3.75; Pengawasan 7.5 × 0.8 = 6; Pelayanan 5 × 0.95 = 4.75 → 25.275
 *   reform:    MP 4 × 0.8 = 3.2; Tatalaksana 3.5 × 0.7 = 2.45; SDM 5 × 0.85 = 4.25;
 *              Akuntabilitas 5 × 0.8 = 4; Pengawasan 7.5 × 0.7 = 5.25; Pelayanan 5 × 0.9 = 4.5 → 23.65
 *   pengungkit 48.925 → 48.93 (half up)
 *   hasil: IPAK 3.65 ÷ 4 × 17.5 = 15.96875; capaian B 0.75 × 5 = 3.75; IPKP 3.30 → 14.4375 → 34.15625 → 34.16
 *   total 48.925 + 34.15625 = 83.08125 → 83.08
 * WBK: every requirement met. WBBM: total 83.08 < 85, IPKP 14.44 < 15.75 (index 3.30 < 3.60)
 * and no earlier WBK; Tatalaksana and Pengawasan sit exactly on 75 % and capaian exactly on 3.75.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, lkeAnswers, lkeSheets, lkeSubmissions } from "../../db/schema";
import { ZI_2024 } from "~/regulation/zi";
import type { ZiScore } from "~/zi/score-types";
import { createTestApp } from "../helpers/app";
import { childEnv } from "../../scripts/support/child-env";
import { createCommandDatabase, type CommandDatabase } from "../helpers/command-database";
import { createStaff, sessionFor } from "../helpers/staff";

const SUBAREA_COUNT = [...ZI_2024.pengungkit.pemenuhan, ...ZI_2024.pengungkit.reform].reduce((n, area) => n + area.subareas.length, 0);
const FIXTURE = path.resolve("tests/fixtures/lke-example.json");
const UNIT = "kota-palangka-raya/disdukcapil";
let database: CommandDatabase;

function importLke(unit: string, year: string, file: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/zi-import-lke.ts", "--unit", unit, "--year", year, file], {
    encoding: "utf8",
    env: childEnv({ DATABASE_URL: database.url, DATA_DIR: database.tmp, LOG_LEVEL: "warn" }),
    timeout: 120_000,
  });
}

beforeAll(async () => {
  database = await createCommandDatabase("pintu-depan-zi-");
});
afterAll(() => database.drop());

async function tableCounts(db: DatabaseHandle["db"]) {
  const n = async (table: typeof lkeSheets | typeof lkeAnswers | typeof lkeSubmissions | typeof auditLog) => (await db.select({ n: count() }).from(table))[0]!.n;
  return { sheets: await n(lkeSheets), answers: await n(lkeAnswers), submissions: await n(lkeSubmissions), audit: await n(auditLog) };
}

describe("zi:import-lke and the ZI API", () => {
  it("refuses a bad file whole, listing every problem", () => {
    const good = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
      pengungkit: Record<string, Record<string, Record<string, number>>>;
      [key: string]: unknown;
    };
    const pemenuhan = good.pengungkit.pemenuhan!;
    pemenuhan["Manajemen Perubahn"] = pemenuhan["Manajemen Perubahan"]!;
    delete pemenuhan["Manajemen Perubahan"];
    const pengawasan = good.pengungkit.reform!["Penguatan Pengawasan"]!;
    pengawasan["Penanganan Pengaduan"] = 0.5;
    pengawasan["Mekanisme Pengendalian"] = 1.2;
    delete good.pengungkit.reform!["Peningkatan Kualitas Pelayanan Publik"]!["Upaya dan/atau Inovasi Pelayanan Publik"];
    good.capaianKinerja = "F";
    good.ipak = 4.5;
    const bad = path.join(database.tmp, "bad.json");
    writeFileSync(bad, JSON.stringify(good));
    const result = importLke(UNIT, "2026", bad);
    expect(result.status).toBe(1);
    const err = result.stderr;
    expect(err).toContain("nothing imported, 7 problems");
    expect(err).toContain('unknown area "Manajemen Perubahn" in pengungkit.pemenuhan; did you mean "Manajemen Perubahan"?');
    expect(err).toContain('missing area pengungkit.pemenuhan."Manajemen Perubahan"');
    expect(err).toContain('unknown sub-area "Penanganan Pengaduan" in pengungkit.reform."Penguatan Pengawasan"; did you mean "Penanganan Pengaduan Masyarakat"?');
    expect(err).toContain('pengungkit.reform."Penguatan Pengawasan"."Mekanisme Pengendalian" must be a fraction from 0 to 1');
    expect(err).toContain('missing sub-area pengungkit.reform."Peningkatan Kualitas Pelayanan Publik"."Upaya dan/atau Inovasi Pelayanan Publik"');
    expect(err).toContain('capaianKinerja must be one of A, B, C, D, E, not "F"');
    expect(err).toContain("ipak must be a number from 0 to 4");
    expect(result.stdout).toBe("");

    writeFileSync(bad, "{ not json");
    const broken = importLke(UNIT, "2026", bad);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("not valid JSON");
    // Without official indices and with no internal monitoring, the score would have holes.
    const { ipak: _ipak, ipkp: _ipkp, ...withoutIndices } = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
    writeFileSync(bad, JSON.stringify(withoutIndices));
    const noIndex = importLke(UNIT, "2026", bad);
    expect(noIndex.status).toBe(1);
    expect(noIndex.stderr).toContain("ipak is needed: the portal has no internal monitoring figure for this unit in 2026");
    expect(noIndex.stderr).toContain("ipkp is needed");
    expect(importLke(UNIT, "26", FIXTURE).status).toBe(2);
    expect(importLke("kota-palangka-raya/nope", "2026", FIXTURE).status).toBe(1);
  });

  it("imports the example; the command, the API, the worksheet and the hand computation agree", async () => {
    const result = importLke(UNIT, "2026", FIXTURE);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("submitted it as version 1 (permenpanrb-90-2021-lke-2024)");
    expect(result.stdout).toContain("Total 83.08: pengungkit 48.93, hasil 34.16.");
    expect(result.stdout).toContain("WBK: ready");
    expect(result.stdout).toContain("WBBM: not ready, total, ipkpPoints, predicate");

    const handle = await database.open();
    const app = await createTestApp(handle.db);
    // Nothing from the refused files was kept: one sheet, every sub-area once, one submission.
    const counts = await tableCounts(handle.db);
    expect(counts).toMatchObject({ sheets: 1, answers: SUBAREA_COUNT, submissions: 1 });
    const answers = await handle.db.select().from(lkeAnswers);
    expect(answers.every((a) => a.note === "imported" && a.items.length === 0)).toBe(true);
    const systemAudit = await handle.db.select({ role: auditLog.actorRole, action: auditLog.action }).from(auditLog);
    expect(systemAudit.every((a) => a.role === "system")).toBe(true);
    expect(systemAudit.filter((a) => a.action === "lke.submitted")).toHaveLength(1);

    const response = await app.get(`/api/v1/units/${UNIT}/zi?year=2026`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Omit<ZiScore, "profileId"> & Record<string, unknown>;
    expect(body).toMatchObject({
      unit: UNIT,
      year: 2026,
      version: 1,
      profile: { id: "permenpanrb-90-2021-lke-2024", title: "PermenPANRB No. 90 Tahun 2021, LKE 2024" },
      total: 83.08,
      pengungkit: { weight: 60, points: 48.93 },
      hasil: {
        points: 34.16,
        birokrasiBersih: { points: 19.72, ipak: { index: 3.65, source: "external", points: 15.97 }, capaianKinerja: { grade: "B", points: 3.75 } },
        pelayananPrima: { points: 14.44, ipkp: { index: 3.3, source: "external", points: 14.44 } },
      },
      provisional: false,
      sources: { ipak: "external", ipkp: "external" },
      wbk: { ready: true, provisional: false },
      wbbm: { ready: false, provisional: false },
    });
    expect(body).not.toHaveProperty("provisionalNote");
    expect(body.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.pengungkit.areas.map((a) => [a.area, a.points, a.share])).toEqual([
      // 3.475 + 3.2 = 6.675 (shown 6.68); the share is taken unrounded: 6.675 ÷ 8 = 0.834375 → 0.8344.
      ["Manajemen Perubahan", 6.68, 0.8344],
      ["Penataan Tatalaksana", 5.25, 0.75],
      ["Penataan Sistem Manajemen SDM Aparatur", 8.75, 0.875],
      ["Penguatan Akuntabilitas", 7.75, 0.775],
      ["Penguatan Pengawasan", 11.25, 0.75],
      ["Peningkatan Kualitas Pelayanan Publik", 9.25, 0.925],
    ]);
    expect(body.wbbm.requirements.filter((r) => r.met === false).map((r) => r.key)).toEqual(["total", "ipkpPoints", "predicate"]);
    expect(body.wbbm.requirements.find((r) => r.key === "ipkpPoints")).toMatchObject({ required: 15.75, actual: 14.44, requiredIndex: 3.6, actualIndex: 3.3, indexGap: 0.3 });

    const evaluator = await createStaff(handle.db, app.config, { grants: [{ role: "evaluator", region: "kota-palangka-raya" }] });
    const page = await app.get(`/staff/zi/${UNIT}/2026`, { Cookie: await sessionFor(handle.db, app.config, evaluator.id) });
    expect(page.status).toBe(200);
    const total = /<data value="([\d.]+)" class="zi-total">/.exec(await page.text())?.[1];
    expect(Number(total)).toBe(83.08);
  });

  it("answers a bad year with a translated 400 and unknown units or years with 404", async () => {
    const app = await createTestApp((await database.open()).db);
    for (const query of ["", "?year=26", "?year=abcd", "?year=1999"]) {
      const response = await app.get(`/api/v1/units/${UNIT}/zi${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("bad_year");
    }
    const english = await app.get(`/api/v1/units/${UNIT}/zi`, { "Accept-Language": "en" });
    expect(((await english.json()) as { message: string }).message).toBe("The year parameter is required, as four digits YYYY.");
    const unknown = await app.get("/api/v1/units/kota-palangka-raya/nope/zi?year=2026");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe("unknown_unit");
    const none = await app.get(`/api/v1/units/kota-palangka-raya/dpmptsp/zi?year=2026`, { "Accept-Language": "en" });
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ error: "not_submitted", message: "No Zona Integritas score has been submitted for this unit and year." });
  });
});
