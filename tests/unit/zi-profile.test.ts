/**
 * The ZI regulation profile is data: its weights add up as PermenPANRB 90/2021 says, its
 * thresholds agree with the index conversion, and its sub-areas are exactly those of the
 * LKE 2024 worksheet (tests/fixtures/lke-2024.json).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZI_2024 } from "~/regulation/zi";

interface FixtureArea {
  area: string;
  weight: number;
  subareas: Array<[string, number]>;
}
interface Fixture {
  pengungkit: { pemenuhan: FixtureArea[]; reform: FixtureArea[] };
  hasil: {
    birokrasi_bersih_akuntabel: { weight: number; parts: Array<[string, number]> };
    pelayanan_publik_prima: { weight: number; parts: Array<[string, number]> };
  };
}

const fixture = JSON.parse(readFileSync(path.resolve("tests/fixtures/lke-2024.json"), "utf8")) as Fixture;
// Sums in hundredths, so that 0.25 + 0.5 + … is compared exactly.
const sum = (values: number[]) => values.reduce((total, v) => total + Math.round(v * 100), 0) / 100;

describe("ZI 2024 profile", () => {
  it("has sub-areas that add up to their area, in both components", () => {
    for (const component of ["pemenuhan", "reform"] as const) {
      for (const area of ZI_2024.pengungkit[component]) {
        expect(sum(area.subareas.map((s) => s.weight)), `${component} / ${area.area}`).toBe(area.weight);
      }
    }
  });

  it("splits each area half pemenuhan, half reform, as the domain table says", () => {
    const expected: Record<string, number> = {
      "Manajemen Perubahan": 8,
      "Penataan Tatalaksana": 7,
      "Penataan Sistem Manajemen SDM Aparatur": 10,
      "Penguatan Akuntabilitas": 10,
      "Penguatan Pengawasan": 15,
      "Peningkatan Kualitas Pelayanan Publik": 10,
    };
    const pemenuhan = ZI_2024.pengungkit.pemenuhan;
    const reform = ZI_2024.pengungkit.reform;
    expect(pemenuhan.map((a) => a.area)).toEqual(Object.keys(expected));
    expect(reform.map((a) => a.area)).toEqual(Object.keys(expected));
    for (const [name, total] of Object.entries(expected)) {
      const p = pemenuhan.find((a) => a.area === name)!.weight;
      const r = reform.find((a) => a.area === name)!.weight;
      expect(p, name).toBe(total / 2);
      expect(r, name).toBe(total / 2);
    }
  });

  it("weighs pengungkit 60 and hasil 40, together 100", () => {
    const pengungkit = sum([...ZI_2024.pengungkit.pemenuhan, ...ZI_2024.pengungkit.reform].map((a) => a.weight));
    expect(pengungkit).toBe(60);
    expect(ZI_2024.pengungkitWeight).toBe(60);
    const { birokrasiBersih, pelayananPrima } = ZI_2024.hasil;
    expect(sum([birokrasiBersih.ipak, birokrasiBersih.capaianKinerja])).toBe(birokrasiBersih.weight);
    expect(birokrasiBersih.weight).toBe(22.5);
    expect(pelayananPrima.ipkp).toBe(pelayananPrima.weight);
    expect(sum([birokrasiBersih.weight, pelayananPrima.weight])).toBe(40);
    expect(ZI_2024.hasil.weight).toBe(40);
    expect(ZI_2024.pengungkitWeight + ZI_2024.hasil.weight).toBe(100);
  });

  it("has thresholds consistent with the index conversion (index ÷ 4 × 17.5)", () => {
    const points = (index: number) => (index / ZI_2024.indexMax) * ZI_2024.hasil.birokrasiBersih.ipak;
    expect(points(3.6)).toBeCloseTo(ZI_2024.thresholds.wbk.ipakPoints, 10);
    expect(ZI_2024.thresholds.wbk.ipakPoints).toBe(15.75);
    expect(points(3.2)).toBeCloseTo(ZI_2024.thresholds.wbk.ipkpPoints, 10);
    expect(ZI_2024.thresholds.wbk.ipkpPoints).toBe(14);
    expect(ZI_2024.thresholds.wbbm.ipkpPoints).toBe(15.75);
    // Every threshold fits inside what it measures, and WBBM asks at least as much as WBK.
    for (const key of ["total", "pengungkitTotal", "areaShare", "birokrasiBersih", "ipakPoints", "capaianKinerjaPoints", "ipkpPoints"] as const) {
      expect(ZI_2024.thresholds.wbbm[key], key).toBeGreaterThanOrEqual(ZI_2024.thresholds.wbk[key]);
    }
    expect(ZI_2024.thresholds.wbbm.total).toBeLessThanOrEqual(100);
    expect(ZI_2024.thresholds.wbbm.pengungkitTotal).toBeLessThanOrEqual(60);
    expect(ZI_2024.thresholds.wbbm.birokrasiBersih).toBeLessThanOrEqual(22.5);
    expect(ZI_2024.thresholds.wbbm.capaianKinerjaPoints).toBeLessThanOrEqual(5);
    expect(ZI_2024.thresholds.wbk.requiresPredicate).toBeNull();
    expect(ZI_2024.thresholds.wbbm.requiresPredicate).toBe("wbk");
  });

  it("is exactly the LKE 2024 worksheet (tests/fixtures/lke-2024.json)", () => {
    for (const component of ["pemenuhan", "reform"] as const) {
      const fromProfile = ZI_2024.pengungkit[component].map((a) => ({
        area: a.area,
        weight: a.weight,
        subareas: a.subareas.map((s) => [s.name, s.weight]),
      }));
      expect(fromProfile, component).toEqual(fixture.pengungkit[component]);
    }
    expect(fixture.hasil.birokrasi_bersih_akuntabel).toEqual({
      weight: ZI_2024.hasil.birokrasiBersih.weight,
      parts: [
        ["IPAK", ZI_2024.hasil.birokrasiBersih.ipak],
        ["Capaian Kinerja", ZI_2024.hasil.birokrasiBersih.capaianKinerja],
      ],
    });
    expect(fixture.hasil.pelayanan_publik_prima).toEqual({ weight: ZI_2024.hasil.pelayananPrima.weight, parts: [["IPKP", ZI_2024.hasil.pelayananPrima.ipkp]] });
  });

  it("gives every pengungkit sub-area its LKE questions, in Indonesian, on scales the profile scores", () => {
    const scales = new Set([...Object.keys(ZI_2024.scales), "percent"]);
    for (const component of ["pemenuhan", "reform"] as const) {
      for (const area of ZI_2024.pengungkit[component]) {
        for (const sub of area.subareas) {
          expect(sub.questions.length, sub.name).toBeGreaterThan(0);
          for (const question of sub.questions) {
            expect(question.text.trim().length, sub.name).toBeGreaterThan(10);
            expect(scales.has(question.scale), `${sub.name}: ${question.scale}`).toBe(true);
          }
        }
      }
    }
    // The LKE answers the domain defines: the SKM held 4×/year = A … none = E (five answers),
    // and the complaint-handling share as a percentage.
    const pelayanan = ZI_2024.pengungkit.pemenuhan.find((a) => a.area === "Peningkatan Kualitas Pelayanan Publik")!;
    expect(pelayanan.subareas.find((s) => s.name === "Penilaian Kepuasan terhadap Pelayanan")!.questions[0]!.scale).toBe("abcde");
    const pengawasan = ZI_2024.pengungkit.reform.find((a) => a.area === "Penguatan Pengawasan")!;
    expect(pengawasan.subareas.find((s) => s.name === "Penanganan Pengaduan Masyarakat")!.questions.map((q) => q.scale)).toEqual(["percent"]);
  });
});
