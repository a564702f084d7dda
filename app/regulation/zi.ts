/**
 * The Zona Integritas regulation profile: PermenPANRB No. 90 Tahun 2021 with the 2024 LKE
 * sub-area weights (shared/domain/zona-integritas.md and lke-2024.json). Every weight,
 * threshold and conversion of the ZI score lives here; a score records the profile id.
 * Note from the source: the first reform sub-area of Peningkatan Kualitas Pelayanan Publik
 * is read as "Upaya dan/atau Inovasi Pelayanan Publik" at 2.5, which makes the area sum to 5.
 */

export type LkeComponentKey = "pemenuhan" | "reform";
export type PerformanceGrade = "A" | "B" | "C" | "D" | "E";

export interface LkeSubarea {
  name: string;
  /** Points of the sub-area; its score is weight × the mean of its items' values (0–1). */
  weight: number;
}

export interface LkeArea {
  /** Area name as in the LKE; the same name appears in both components. */
  area: string;
  weight: number;
  subareas: readonly LkeSubarea[];
}

/** How an LKE item answer maps to a value 0–1. */
export interface LkeScaleDefinition {
  answers: Readonly<Record<string, number>>;
}

export interface ZiThresholds {
  total: number;
  pengungkitTotal: number;
  /** Each pengungkit area (pemenuhan + reform together) as a share of its weight. */
  areaShare: number;
  birokrasiBersih: number;
  ipakPoints: number;
  capaianKinerjaPoints: number;
  ipkpPoints: number;
  /** The predicate the unit must already hold. */
  requiresPredicate: "wbk" | null;
}

export interface ZiProfile {
  id: string;
  title: string;
  pengungkit: Readonly<Record<LkeComponentKey, readonly LkeArea[]>>;
  pengungkitWeight: number;
  hasil: {
    weight: number;
    birokrasiBersih: { weight: number; ipak: number; capaianKinerja: number };
    pelayananPrima: { weight: number; ipkp: number };
  };
  /** Capaian kinerja grade → share of its points. */
  capaianKinerjaGrades: Readonly<Record<PerformanceGrade, number>>;
  /** IPAK / IPKP enter the LKE as an index on 0–indexMax; points = index ÷ indexMax × part. */
  indexMax: number;
  scales: Readonly<Record<"yn" | "abc" | "abcd" | "abcde", LkeScaleDefinition>>;
  thresholds: { wbk: ZiThresholds; wbbm: ZiThresholds };
}

export const ZI_2024: ZiProfile = {
  id: "permenpanrb-90-2021-lke-2024",
  title: "PermenPANRB No. 90 Tahun 2021, LKE 2024",
  pengungkit: {
    pemenuhan: [
    {
      area: "Manajemen Perubahan",
      weight: 4,
      subareas: [
        { name: "Penyusunan Tim Kerja", weight: 0.5 },
        { name: "Rencana Pembangunan Zona Integritas", weight: 1 },
        { name: "Pemantauan dan Evaluasi Pembangunan WBK/WBBM", weight: 1 },
        { name: "Perubahan Pola Pikir dan Budaya Kerja", weight: 1.5 },
      ],
    },
    {
      area: "Penataan Tatalaksana",
      weight: 3.5,
      subareas: [
        { name: "Prosedur Operasional Tetap (SOP) Kegiatan Utama", weight: 1 },
        { name: "Sistem Pemerintahan Berbasis Elektronik (SPBE)", weight: 2 },
        { name: "Keterbukaan Informasi Publik", weight: 0.5 },
      ],
    },
    {
      area: "Penataan Sistem Manajemen SDM Aparatur",
      weight: 5,
      subareas: [
        { name: "Perencanaan Kebutuhan Pegawai", weight: 0.25 },
        { name: "Pola Mutasi Internal", weight: 0.5 },
        { name: "Pengembangan Pegawai Berbasis Kompetensi", weight: 1.25 },
        { name: "Penetapan Kinerja Individu", weight: 2 },
        { name: "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku", weight: 0.75 },
        { name: "Sistem Informasi Kepegawaian", weight: 0.25 },
      ],
    },
    {
      area: "Penguatan Akuntabilitas",
      weight: 5,
      subareas: [
        { name: "Keterlibatan Pimpinan", weight: 2.5 },
        { name: "Pengelolaan Akuntabilitas Kinerja", weight: 2.5 },
      ],
    },
    {
      area: "Penguatan Pengawasan",
      weight: 7.5,
      subareas: [
        { name: "Pengendalian Gratifikasi", weight: 1.5 },
        { name: "Penerapan SPIP", weight: 1.5 },
        { name: "Pengaduan Masyarakat", weight: 1.5 },
        { name: "Whistle-Blowing System", weight: 1.5 },
        { name: "Penanganan Benturan Kepentingan", weight: 1.5 },
      ],
    },
    {
      area: "Peningkatan Kualitas Pelayanan Publik",
      weight: 5,
      subareas: [
        { name: "Standar Pelayanan", weight: 1 },
        { name: "Budaya Pelayanan Prima", weight: 1 },
        { name: "Pengelolaan Pengaduan", weight: 1 },
        { name: "Penilaian Kepuasan terhadap Pelayanan", weight: 1 },
        { name: "Pemanfaatan Teknologi Informasi", weight: 1 },
      ],
    },
    ],
    reform: [
    {
      area: "Manajemen Perubahan",
      weight: 4,
      subareas: [
        { name: "Komitmen dalam Perubahan", weight: 2 },
        { name: "Komitmen Pimpinan", weight: 1 },
        { name: "Membangun Budaya Kerja", weight: 1 },
      ],
    },
    {
      area: "Penataan Tatalaksana",
      weight: 3.5,
      subareas: [
        { name: "Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan", weight: 0.5 },
        { name: "SPBE yang Terintegrasi", weight: 1 },
        { name: "Transformasi Digital Memberikan Nilai Manfaat", weight: 2 },
      ],
    },
    {
      area: "Penataan Sistem Manajemen SDM Aparatur",
      weight: 5,
      subareas: [
        { name: "Kinerja Individu", weight: 1.5 },
        { name: "Assessment Pegawai", weight: 1.5 },
        { name: "Pelanggaran Disiplin Pegawai", weight: 2 },
      ],
    },
    {
      area: "Penguatan Akuntabilitas",
      weight: 5,
      subareas: [
        { name: "Meningkatnya Capaian Kinerja Unit Kerja", weight: 2 },
        { name: "Pemberian Reward and Punishment", weight: 1.5 },
        { name: "Kerangka Logis Kinerja", weight: 1.5 },
      ],
    },
    {
      area: "Penguatan Pengawasan",
      weight: 7.5,
      subareas: [
        { name: "Mekanisme Pengendalian", weight: 2.5 },
        { name: "Penanganan Pengaduan Masyarakat", weight: 3 },
        { name: "Penyampaian Laporan Harta Kekayaan", weight: 2 },
      ],
    },
    {
      area: "Peningkatan Kualitas Pelayanan Publik",
      weight: 5,
      subareas: [
        { name: "Upaya dan/atau Inovasi Pelayanan Publik", weight: 2.5 },
        { name: "Penanganan Pengaduan Pelayanan dan Konsultasi", weight: 2.5 },
      ],
    },
    ],
  },
  pengungkitWeight: 60,
  hasil: {
    weight: 40,
    birokrasiBersih: { weight: 22.5, ipak: 17.5, capaianKinerja: 5 },
    pelayananPrima: { weight: 17.5, ipkp: 17.5 },
  },
  capaianKinerjaGrades: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 },
  indexMax: 4,
  scales: {
    yn: { answers: { Y: 1, T: 0 } },
    abc: { answers: { A: 1, B: 0.5, C: 0 } },
    abcd: { answers: { A: 1, B: 0.67, C: 0.33, D: 0 } },
    abcde: { answers: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 } },
  },
  thresholds: {
    wbk: {
      total: 75,
      pengungkitTotal: 40,
      areaShare: 0.6,
      birokrasiBersih: 18.25,
      ipakPoints: 15.75,
      capaianKinerjaPoints: 2.5,
      ipkpPoints: 14,
      requiresPredicate: null,
    },
    wbbm: {
      total: 85,
      pengungkitTotal: 48,
      areaShare: 0.75,
      birokrasiBersih: 19.5,
      ipakPoints: 15.75,
      capaianKinerjaPoints: 3.75,
      ipkpPoints: 15.75,
      requiresPredicate: "wbk",
    },
  },
};

export const ZI_PROFILES: readonly ZiProfile[] = [ZI_2024];
export const CURRENT_ZI_PROFILE = ZI_2024;

export function ziProfileById(id: string): ZiProfile | undefined {
  return ZI_PROFILES.find((p) => p.id === id);
}
