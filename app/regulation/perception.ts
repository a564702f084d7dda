/**
 * The perception surveys of the Zona Integritas evaluation (docs/perception.md):
 * SPAK (Survei Persepsi Anti Korupsi) → IPAK and SPKP (Survei Persepsi Kualitas Pelayanan)
 * → IPKP, each item answered 1–6. The sources do not publish how a 1–6 mean becomes the 0–4
 * index the LKE uses; this profile uses index = mean ÷ 6 × 4 and every page that shows the
 * index says so. These are the unit's internal monitoring figures, never the official
 * external survey (and never BPS's IPAK, TI's CPI or KPK's SPI).
 */

export const SPAK_ITEMS = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"] as const;
export const SPKP_ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"] as const;
type SpakItem = (typeof SPAK_ITEMS)[number];
type SpkpItem = (typeof SPKP_ITEMS)[number];
export type PerceptionItem = SpakItem | SpkpItem;
export const PERCEPTION_ITEMS: readonly PerceptionItem[] = [...SPAK_ITEMS, ...SPKP_ITEMS];

export interface PerceptionProfile {
  id: string;
  title: string;
  /** Item codes with the statement each stands for (the UI translates them by code). */
  spak: ReadonlyArray<{ code: SpakItem; topic: string }>;
  spkp: ReadonlyArray<{ code: SpkpItem; topic: string }>;
  /** Answers run from scale.min to scale.max (6 = best for both surveys). */
  scale: { min: number; max: number };
  /** index = mean ÷ scale.max × indexMax. */
  indexMax: number;
}

export const PERCEPTION_2021: PerceptionProfile = {
  id: "permenpanrb-90-2021-perception",
  title: "PermenPANRB No. 90 Tahun 2021 (SPAK/SPKP, pemantauan internal)",
  spak: [
    { code: "a1", topic: "Diskriminasi pelayanan" },
    { code: "a2", topic: "Pilih kasih (suku, agama, almamater, politik)" },
    { code: "a3", topic: "Kecurangan pelayanan (menyerobot antrean, di luar prosedur)" },
    { code: "a4", topic: "Menerima uang di luar tarif resmi" },
    { code: "a5", topic: "Menerima barang" },
    { code: "a6", topic: "Menerima fasilitas atau balas jasa" },
    { code: "a7", topic: "Pungutan liar" },
    { code: "a8", topic: "Calo / perantara" },
  ],
  spkp: [
    { code: "q1", topic: "Informasi pelayanan tersedia" },
    { code: "q2", topic: "Persyaratan sesuai yang dipublikasikan" },
    { code: "q3", topic: "Prosedur mudah" },
    { code: "q4", topic: "Waktu penyelesaian sesuai standar" },
    { code: "q5", topic: "Biaya sesuai tarif yang dipublikasikan" },
    { code: "q6", topic: "Sarana / kanal daring nyaman" },
    { code: "q7", topic: "Petugas merespons dengan cepat" },
    { code: "q8", topic: "Kanal pengaduan dan konsultasi mudah digunakan" },
  ],
  scale: { min: 1, max: 6 },
  indexMax: 4,
};

export const CURRENT_PERCEPTION_PROFILE = PERCEPTION_2021;
