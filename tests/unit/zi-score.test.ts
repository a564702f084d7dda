/**
 * The ZI score against scores worked out by hand. Every pengungkit area below has all its
 * sub-areas at one value v, so the area scores weight × v (areas weigh 8, 7, 10, 10, 15, 10);
 * IPAK/IPKP points are index ÷ 4 × 17.5; capaian kinerja A–E is 1, 0.75, 0.5, 0.25, 0 of 5.
 */
import { describe, expect, it } from "vitest";
import { ZI_2024, type PerformanceGrade } from "~/regulation/zi";
import { computeZiScore, lkeItemValue, subareaValue, type SubareaValues, type ZiInputs } from "~/zi/score";
import type { Requirement } from "~/zi/score-types";

const MP = "Manajemen Perubahan";
const TATA = "Penataan Tatalaksana";
const SDM = "Penataan Sistem Manajemen SDM Aparatur";
const AKUN = "Penguatan Akuntabilitas";
const AWAS = "Penguatan Pengawasan";
const YAN = "Peningkatan Kualitas Pelayanan Publik";

/** Every sub-area of an area at the area's value (default `fallback`). */
function values(perArea: Record<string, number | null>, fallback: number | null): SubareaValues {
  const result = { pemenuhan: {}, reform: {} } as SubareaValues;
  for (const component of ["pemenuhan", "reform"] as const) {
    for (const area of ZI_2024.pengungkit[component]) {
      const v = area.area in perArea ? perArea[area.area]! : fallback;
      result[component][area.area] = Object.fromEntries(area.subareas.map((s) => [s.name, v]));
    }
  }
  return result;
}

function inputs(subareas: SubareaValues, ipak: number | null, grade: PerformanceGrade | null, ipkp: number | null): ZiInputs {
  return {
    subareas,
    capaianKinerja: grade,
    ipak: { index: ipak, source: "external" },
    ipkp: { index: ipkp, source: "external" },
  };
}

const failing = (requirements: Requirement[]) => requirements.filter((r) => r.met !== true).map((r) => (r.area ? `${r.key}:${r.area}` : r.key));

describe("LKE item values", () => {
  it("maps every scale's answers and percentages, and refuses answers outside the scale", () => {
    expect([lkeItemValue("yn", "Y"), lkeItemValue("yn", "T")]).toEqual([1, 0]);
    expect(["A", "B", "C"].map((a) => lkeItemValue("abc", a))).toEqual([1, 0.5, 0]);
    expect(["A", "B", "C", "D"].map((a) => lkeItemValue("abcd", a))).toEqual([1, 0.67, 0.33, 0]);
    expect(["A", "B", "C", "D", "E"].map((a) => lkeItemValue("abcde", a))).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect([lkeItemValue("percent", "85"), lkeItemValue("percent", "100"), lkeItemValue("percent", "12.5")]).toEqual([0.85, 1, 0.125]);
    expect(lkeItemValue("abc", "D")).toBeNull();
    expect(lkeItemValue("yn", "A")).toBeNull();
    expect(lkeItemValue("percent", "101")).toBeNull();
    expect(lkeItemValue("percent", "-5")).toBeNull();
    expect(lkeItemValue("percent", "abc")).toBeNull();
    expect(lkeItemValue("abcde", "constructor")).toBeNull();
  });

  it("takes the mean of a sub-area's items to four decimals", () => {
    // (1 + 0.67 + 0.33) / 3 = 0.666…, half up → 0.6667
    expect(subareaValue([{ scale: "abcd", answer: "A" }, { scale: "abcd", answer: "B" }, { scale: "abcd", answer: "C" }])).toBe(0.6667);
    // (1 + 0 + 0.5 + 0.85) / 4 = 0.5875
    expect(
      subareaValue([
        { scale: "yn", answer: "Y" },
        { scale: "yn", answer: "T" },
        { scale: "abc", answer: "B" },
        { scale: "percent", answer: "85" },
      ]),
    ).toBe(0.5875);
    expect(subareaValue([])).toBeNull();
    expect(subareaValue([{ scale: "yn", answer: "B" }])).toBeNull();
  });
});

describe("computeZiScore", () => {
  it("unit 1: ready for WBK, and for WBBM it fails only on IPKP", () => {
    // Pengungkit: every sub-area 0.9 → every area 90 % of its weight, 60 × 0.9 = 54.00.
    // IPAK 3.80 → 3.8 ÷ 4 × 17.5 = 16.625 → 16.63; capaian A → 5.00; birokrasi bersih 21.625 → 21.63.
    // IPKP 3.40 → 14.875 → 14.88: over 14.00 (WBK) but under 15.75 (WBBM, index 3.60).
    // Total 54 + 21.625 + 14.875 = 90.50.
    const score = computeZiScore(ZI_2024, inputs(values({}, 0.9), 3.8, "A", 3.4), { priorPredicate: "wbk" });
    expect(score.profileId).toBe(ZI_2024.id);
    expect(score.pengungkit.points).toBe(54);
    expect(score.pengungkit.areas.map((a) => [a.area, a.points, a.share])).toEqual([
      [MP, 7.2, 0.9],
      [TATA, 6.3, 0.9],
      [SDM, 9, 0.9],
      [AKUN, 9, 0.9],
      [AWAS, 13.5, 0.9],
      [YAN, 9, 0.9],
    ]);
    expect(score.hasil.birokrasiBersih.ipak.points).toBe(16.63);
    expect(score.hasil.birokrasiBersih.capaianKinerja.points).toBe(5);
    expect(score.hasil.birokrasiBersih.points).toBe(21.63);
    expect(score.hasil.pelayananPrima.points).toBe(14.88);
    expect(score.hasil.points).toBe(36.5);
    expect(score.total).toBe(90.5);
    expect(score.wbk.ready).toBe(true);
    expect(failing(score.wbk.requirements)).toEqual([]);
    expect(score.wbbm.ready).toBe(false);
    expect(failing(score.wbbm.requirements)).toEqual(["ipkpPoints"]);
    const ipkp = score.wbbm.requirements.find((r) => r.key === "ipkpPoints")!;
    // 15.75 − 14.88 = 0.87 points; index 3.60 − 3.40 = 0.20.
    expect(ipkp).toMatchObject({ required: 15.75, actual: 14.88, gap: 0.87, requiredIndex: 3.6, actualIndex: 3.4, indexGap: 0.2, met: false });
    // Every requirement of the table is listed: total, pengungkit, six areas, birokrasi bersih,
    // IPAK, capaian kinerja, IPKP, and for WBBM the earlier predicate.
    expect(score.wbk.requirements.map((r) => r.key)).toEqual([
      "total", "pengungkitTotal", "areaShare", "areaShare", "areaShare", "areaShare", "areaShare", "areaShare",
      "birokrasiBersih", "ipakPoints", "capaianKinerjaPoints", "ipkpPoints",
    ]);
    expect(score.wbbm.requirements.map((r) => r.key).at(-1)).toBe("predicate");
  });

  it("unit 2: fails WBK on one pengungkit area under 60 % while everything else passes", () => {
    // Pengawasan at 0.55 → 15 × 0.55 = 8.25 < 9.00 (60 % of 15); every other area full: 45.
    // Pengungkit 53.25; hasil 17.5 + 5 + 17.5 = 40; total 93.25.
    const score = computeZiScore(ZI_2024, inputs(values({ [AWAS]: 0.55 }, 1), 4, "A", 4), { priorPredicate: "none" });
    expect(score.pengungkit.points).toBe(53.25);
    expect(score.total).toBe(93.25);
    expect(score.wbk.ready).toBe(false);
    expect(failing(score.wbk.requirements)).toEqual([`areaShare:${AWAS}`]);
    const area = score.wbk.requirements.find((r) => r.area === AWAS)!;
    expect(area).toMatchObject({ required: 0.6, actual: 0.55, requiredPoints: 9, actualPoints: 8.25, gap: 0.05, gapPoints: 0.75 });
  });

  it("unit 3: exactly on every WBK threshold passes", () => {
    // IPAK 3.60 → 15.75 (the IPAK threshold); capaian C → 2.50 (the threshold);
    // birokrasi bersih 15.75 + 2.50 = 18.25 (the threshold); IPKP 3.20 → 14.00 (the threshold).
    // Areas at exactly 60 %: MP 4.8, Tatalaksana 4.2, Pengawasan 9, Pelayanan 6; SDM 0.875 → 8.75,
    // Akuntabilitas 1 → 10: pengungkit 42.75, and the total 42.75 + 32.25 = 75.00 (the threshold).
    const score = computeZiScore(ZI_2024, inputs(values({ [SDM]: 0.875, [AKUN]: 1 }, 0.6), 3.6, "C", 3.2), { priorPredicate: "none" });
    expect(score.total).toBe(75);
    expect(score.pengungkit.points).toBe(42.75);
    expect(score.hasil.birokrasiBersih.points).toBe(18.25);
    expect(score.hasil.pelayananPrima.points).toBe(14);
    expect(score.wbk.ready).toBe(true);
    expect(score.wbk.requirements.every((r) => r.met === true && r.gap === 0)).toBe(true);
    // One hundredth of an index below: IPAK 3.59 → 15.70625 → 15.71 < 15.75, needs +0.01.
    const below = computeZiScore(ZI_2024, inputs(values({ [SDM]: 0.875, [AKUN]: 1 }, 0.6), 3.59, "C", 3.2), { priorPredicate: "none" });
    expect(failing(below.wbk.requirements)).toEqual(["total", "birokrasiBersih", "ipakPoints"]);
    expect(below.wbk.requirements.find((r) => r.key === "ipakPoints")).toMatchObject({ actual: 15.71, gap: 0.04, indexGap: 0.01 });
  });

  it("pengungkit exactly 40 meets its threshold", () => {
    // Every area at 2/3 would not be exact; instead Pelayanan 0.6 (6) and the rest 0.68:
    // (8 + 7 + 10 + 10 + 15) × 0.68 = 34, + 6 = 40.00.
    const score = computeZiScore(ZI_2024, inputs(values({ [YAN]: 0.6 }, 0.68), 4, "A", 4), { priorPredicate: "none" });
    expect(score.pengungkit.points).toBe(40);
    expect(score.wbk.requirements.find((r) => r.key === "pengungkitTotal")).toMatchObject({ met: true, gap: 0 });
  });

  it("leaves figures null and readiness undecided when inputs are missing", () => {
    const subareas = values({}, 1);
    subareas.reform[AWAS]!["Mekanisme Pengendalian"] = null;
    const score = computeZiScore(ZI_2024, inputs(subareas, null, "A", 4), { priorPredicate: "wbk" });
    const awas = score.pengungkit.areas.find((a) => a.area === AWAS)!;
    expect(awas.components.reform.points).toBeNull();
    expect(awas.components.pemenuhan.points).toBe(7.5);
    expect(awas.points).toBeNull();
    expect(score.pengungkit.points).toBeNull();
    expect(score.hasil.birokrasiBersih.ipak).toMatchObject({ index: null, points: null, source: "missing" });
    expect(score.hasil.birokrasiBersih.points).toBeNull();
    expect(score.total).toBeNull();
    expect(score.wbk.ready).toBeNull();
    expect(score.wbbm.ready).toBeNull();
    expect(failing(score.wbk.requirements)).toEqual(["total", "pengungkitTotal", `areaShare:${AWAS}`, "birokrasiBersih", "ipakPoints"]);
    expect(score.wbk.requirements.find((r) => r.key === "ipakPoints")).toMatchObject({ met: null, gap: null, actualIndex: null });
    // A requirement that certainly fails decides, whatever is missing.
    const worse = computeZiScore(ZI_2024, inputs(subareas, null, "E", 4), { priorPredicate: "wbk" });
    expect(worse.wbk.ready).toBe(false);
  });

  it("requires an earlier WBK for WBBM", () => {
    // A perfect sheet: 60 + 40 = 100.
    const perfect = inputs(values({}, 1), 4, "A", 4);
    const none = computeZiScore(ZI_2024, perfect, { priorPredicate: "none" });
    expect(none.total).toBe(100);
    expect(none.wbk.ready).toBe(true);
    expect(none.wbbm.ready).toBe(false);
    expect(failing(none.wbbm.requirements)).toEqual(["predicate"]);
    expect(none.wbbm.requirements.at(-1)).toMatchObject({ key: "predicate", required: "wbk", actual: "none", met: false });
    expect(computeZiScore(ZI_2024, perfect, { priorPredicate: "wbk" }).wbbm.ready).toBe(true);
    expect(computeZiScore(ZI_2024, perfect, { priorPredicate: "wbbm" }).wbbm.ready).toBe(true);
  });

  it("marks where IPAK and IPKP came from", () => {
    const score = computeZiScore(
      ZI_2024,
      { ...inputs(values({}, 1), null, "A", null), ipak: { index: 3.7, source: "internal" }, ipkp: { index: 3.1, source: "external" } },
      { priorPredicate: "none" },
    );
    expect(score.hasil.birokrasiBersih.ipak.source).toBe("internal");
    expect(score.hasil.pelayananPrima.ipkp.source).toBe("external");
    // 3.7 ÷ 4 × 17.5 = 16.1875 → 16.19; 3.1 → 13.5625 → 13.56 (under 14.00, needs +0.10 of index).
    expect(score.hasil.birokrasiBersih.ipak.points).toBe(16.19);
    expect(score.wbk.requirements.find((r) => r.key === "ipkpPoints")).toMatchObject({ actual: 13.56, gap: 0.44, indexGap: 0.1 });
  });
});
