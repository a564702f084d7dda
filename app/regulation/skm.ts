/**
 * The SKM regulation profile: PermenPANRB No. 14 Tahun 2017 (Survei Kepuasan Masyarakat).
 * Numbers live here and nowhere else; every computed index records the profile id.
 * Rules and their sources: docs/skm.md. The 2004 table (14 elements, weight 0.071) is obsolete.
 */

/** Unsur (elements) in the order the product uses everywhere: form, storage, import, API. */
export const SKM_ELEMENTS = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

export interface GradeBand {
  grade: "A" | "B" | "C" | "D";
  /** Lowest converted score (25–100, two decimals) of the band. */
  minScore: number;
  /** Mutu pelayanan / kinerja unit label key (translated in the UI). */
  performance: "sangatBaik" | "baik" | "kurangBaik" | "tidakBaik";
}

export interface SkmProfile {
  id: string;
  title: string;
  elements: ReadonlyArray<{ code: SkmElement; name: string }>;
  /** Answers run from `scale.min` to `scale.max`. */
  scale: { min: number; max: number };
  /** Converted score = IKM × this (25: the 1–4 index becomes 25–100). */
  conversionFactor: number;
  /** Highest band first; classify on the converted score rounded to two decimals. */
  grades: readonly GradeBand[];
  /** Krejcie & Morgan minimum sample: chi-square (1 df, 95%), population proportion, margin. */
  sample: { chiSquare: number; proportion: number; margin: number };
}

export const SKM_2017: SkmProfile = {
  id: "permenpanrb-14-2017",
  title: "PermenPANRB No. 14 Tahun 2017",
  elements: [
    { code: "u1", name: "Persyaratan" },
    { code: "u2", name: "Sistem, mekanisme, dan prosedur" },
    { code: "u3", name: "Waktu penyelesaian" },
    { code: "u4", name: "Biaya/tarif" },
    { code: "u5", name: "Produk spesifikasi jenis pelayanan" },
    { code: "u6", name: "Kompetensi pelaksana" },
    { code: "u7", name: "Perilaku pelaksana" },
    { code: "u8", name: "Sarana dan prasarana" },
    { code: "u9", name: "Penanganan pengaduan, saran dan masukan" },
  ],
  scale: { min: 1, max: 4 },
  conversionFactor: 25,
  grades: [
    { grade: "A", minScore: 88.31, performance: "sangatBaik" },
    { grade: "B", minScore: 76.61, performance: "baik" },
    { grade: "C", minScore: 65.0, performance: "kurangBaik" },
    { grade: "D", minScore: 25.0, performance: "tidakBaik" },
  ],
  sample: { chiSquare: 3.841, proportion: 0.5, margin: 0.05 },
};
