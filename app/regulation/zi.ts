/**
 * The Zona Integritas regulation profile: PermenPANRB No. 90 Tahun 2021 with the 2024 LKE
 * sub-area weights (docs/zona-integritas.md; the worksheet in tests/fixtures/lke-2024.json). Every weight,
 * threshold and conversion of the ZI score lives here; a score records the profile id.
 * Note from the source: the first reform sub-area of Peningkatan Kualitas Pelayanan Publik
 * is read as "Upaya dan/atau Inovasi Pelayanan Publik" at 2.5, which makes the area sum to 5.
 * The LKE questions of each sub-area are the portal's rendering of the official items, in
 * Indonesian; docs/zona-integritas.md ("The LKE questions") says where they come from.
 */

export type LkeComponentKey = "pemenuhan" | "reform";
export type PerformanceGrade = "A" | "B" | "C" | "D" | "E";

/** How an LKE item is answered: Ya/Tidak, a letter A–C, A–D or A–E, or a percentage 0–100. */
export type LkeScale = "yn" | "abc" | "abcd" | "abcde" | "percent";

/** One LKE question (butir) of a sub-area, in the LKE's Indonesian, with its answer scale. */
export interface LkeQuestion {
  text: string;
  scale: LkeScale;
  /** What each answer means, where the LKE defines it. */
  guide?: string;
}

interface LkeSubarea {
  name: string;
  /** Points of the sub-area; its score is weight × the mean of its items' values (0–1). */
  weight: number;
  questions: readonly LkeQuestion[];
}

export interface LkeArea {
  /** Area name as in the LKE; the same name appears in both components. */
  area: string;
  weight: number;
  subareas: readonly LkeSubarea[];
}

/** How an LKE item answer maps to a value 0–1. */
interface LkeScaleDefinition {
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
  scales: Readonly<Record<Exclude<LkeScale, "percent">, LkeScaleDefinition>>;
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
        {
          name: "Penyusunan Tim Kerja",
          weight: 0.5,
          questions: [
            { text: "Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas.", scale: "yn" },
            { text: "Penentuan anggota tim dipilih melalui prosedur/mekanisme yang jelas.", scale: "abc" },
          ],
        },
        {
          name: "Rencana Pembangunan Zona Integritas",
          weight: 1,
          questions: [
            { text: "Terdapat dokumen rencana kerja pembangunan Zona Integritas menuju WBK/WBBM.", scale: "yn" },
            { text: "Dalam dokumen pembangunan terdapat target-target prioritas yang relevan dengan tujuan pembangunan WBK/WBBM.", scale: "yn" },
            { text: "Terdapat mekanisme atau media untuk menyosialisasikan pembangunan WBK/WBBM.", scale: "yn" },
          ],
        },
        {
          name: "Pemantauan dan Evaluasi Pembangunan WBK/WBBM",
          weight: 1,
          questions: [
            { text: "Seluruh kegiatan pembangunan telah dilaksanakan sesuai dengan rencana.", scale: "abcd" },
            { text: "Terdapat monitoring dan evaluasi terhadap pembangunan Zona Integritas.", scale: "abcd" },
            { text: "Hasil monitoring dan evaluasi telah ditindaklanjuti.", scale: "abcd" },
          ],
        },
        {
          name: "Perubahan Pola Pikir dan Budaya Kerja",
          weight: 1.5,
          questions: [
            { text: "Pimpinan berperan sebagai role model dalam pelaksanaan pembangunan WBK/WBBM.", scale: "yn" },
            { text: "Sudah ditetapkan agen perubahan.", scale: "abc" },
            { text: "Telah dibangun budaya kerja dan pola pikir di lingkungan organisasi.", scale: "yn" },
            { text: "Anggota organisasi terlibat dalam pembangunan Zona Integritas menuju WBK/WBBM.", scale: "abc" },
          ],
        },
      ],
    },
    {
      area: "Penataan Tatalaksana",
      weight: 3.5,
      subareas: [
        {
          name: "Prosedur Operasional Tetap (SOP) Kegiatan Utama",
          weight: 1,
          questions: [
            { text: "SOP mengacu pada peta proses bisnis instansi.", scale: "abcd" },
            { text: "Prosedur operasional tetap (SOP) telah diterapkan.", scale: "abcd" },
            { text: "Prosedur operasional tetap (SOP) telah dievaluasi.", scale: "abcd" },
          ],
        },
        {
          name: "Sistem Pemerintahan Berbasis Elektronik (SPBE)",
          weight: 2,
          questions: [
            { text: "Sistem pengukuran kinerja unit sudah menggunakan teknologi informasi.", scale: "abcd" },
            { text: "Operasionalisasi manajemen SDM sudah menggunakan teknologi informasi.", scale: "abcd" },
            { text: "Pemberian pelayanan kepada publik sudah menggunakan teknologi informasi.", scale: "abcd" },
            { text: "Telah dilakukan monitoring dan evaluasi terhadap pemanfaatan teknologi informasi dalam pengukuran kinerja unit, operasionalisasi SDM, dan pemberian layanan kepada publik.", scale: "abcd" },
          ],
        },
        {
          name: "Keterbukaan Informasi Publik",
          weight: 0.5,
          questions: [
            { text: "Kebijakan tentang keterbukaan informasi publik telah diterapkan.", scale: "abc" },
            { text: "Telah dilakukan monitoring dan evaluasi pelaksanaan kebijakan keterbukaan informasi publik.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penataan Sistem Manajemen SDM Aparatur",
      weight: 5,
      subareas: [
        {
          name: "Perencanaan Kebutuhan Pegawai",
          weight: 0.25,
          questions: [
            { text: "Kebutuhan pegawai yang disusun oleh unit kerja mengacu pada peta jabatan dan hasil analisis beban kerja untuk masing-masing jabatan.", scale: "abcd" },
            { text: "Penempatan pegawai hasil rekrutmen murni mengacu pada kebutuhan pegawai yang telah disusun per jabatan.", scale: "abcd" },
            { text: "Telah dilakukan monitoring dan evaluasi terhadap penempatan pegawai rekrutmen untuk memenuhi kebutuhan jabatan dalam organisasi dan dampaknya pada kinerja.", scale: "abcd" },
          ],
        },
        {
          name: "Pola Mutasi Internal",
          weight: 0.5,
          questions: [
            { text: "Dalam pengembangan karier pegawai telah dilakukan mutasi pegawai antarjabatan.", scale: "abcd" },
            { text: "Mutasi pegawai antarjabatan telah memperhatikan kompetensi jabatan dan mengikuti pola mutasi yang telah ditetapkan.", scale: "abcd" },
            { text: "Telah dilakukan monitoring dan evaluasi terhadap kegiatan mutasi dalam kaitannya dengan perbaikan kinerja.", scale: "abcd" },
          ],
        },
        {
          name: "Pengembangan Pegawai Berbasis Kompetensi",
          weight: 1.25,
          questions: [
            { text: "Unit kerja melakukan Training Need Analysis untuk pengembangan kompetensi.", scale: "abc" },
            { text: "Rencana pengembangan kompetensi pegawai telah mempertimbangkan hasil pengelolaan kinerja pegawai.", scale: "abcd" },
            { text: "Pegawai di unit kerja telah memperoleh kesempatan/hak untuk mengikuti diklat maupun pengembangan kompetensi lainnya.", scale: "abcd" },
            { text: "Unit kerja melakukan upaya pengembangan kompetensi pegawai (lembaga pelatihan, in-house training, coaching, mentoring, dan lain-lain).", scale: "abcd" },
            { text: "Telah dilakukan monitoring dan evaluasi terhadap hasil pengembangan kompetensi dalam kaitannya dengan perbaikan kinerja.", scale: "abcd" },
          ],
        },
        {
          name: "Penetapan Kinerja Individu",
          weight: 2,
          questions: [
            { text: "Terdapat penetapan kinerja individu yang terkait dengan kinerja organisasi.", scale: "abcd" },
            { text: "Ukuran kinerja individu telah sesuai dengan indikator kinerja individu level di atasnya.", scale: "abcd" },
            { text: "Pengukuran kinerja individu dilakukan secara periodik.", scale: "abcd" },
            { text: "Hasil penilaian kinerja individu telah dijadikan dasar pemberian reward (pengembangan karier individu, penghargaan, dan lain-lain).", scale: "abcd" },
          ],
        },
        {
          name: "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku",
          weight: 0.75,
          questions: [
            { text: "Aturan disiplin/kode etik/kode perilaku telah dilaksanakan/diimplementasikan.", scale: "abc" },
          ],
        },
        {
          name: "Sistem Informasi Kepegawaian",
          weight: 0.25,
          questions: [
            { text: "Data informasi kepegawaian unit kerja telah dimutakhirkan secara berkala.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penguatan Akuntabilitas",
      weight: 5,
      subareas: [
        {
          name: "Keterlibatan Pimpinan",
          weight: 2.5,
          questions: [
            { text: "Pimpinan terlibat secara langsung pada saat penyusunan perencanaan.", scale: "abc" },
            { text: "Pimpinan terlibat secara langsung pada saat penyusunan penetapan kinerja.", scale: "abc" },
            { text: "Pimpinan memantau pencapaian kinerja secara berkala.", scale: "abc" },
          ],
        },
        {
          name: "Pengelolaan Akuntabilitas Kinerja",
          weight: 2.5,
          questions: [
            { text: "Dokumen perencanaan sudah ada.", scale: "yn" },
            { text: "Dokumen perencanaan telah berorientasi hasil.", scale: "abc" },
            { text: "Terdapat Indikator Kinerja Utama (IKU).", scale: "yn" },
            { text: "Indikator kinerja telah SMART.", scale: "abc" },
            { text: "Laporan kinerja telah disusun tepat waktu.", scale: "yn" },
            { text: "Pelaporan kinerja telah memberikan informasi tentang kinerja.", scale: "yn" },
            { text: "Terdapat upaya peningkatan kapasitas SDM yang menangani akuntabilitas kinerja.", scale: "abc" },
            { text: "Pengelola akuntabilitas kinerja memahami Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP).", scale: "abc" },
          ],
        },
      ],
    },
    {
      area: "Penguatan Pengawasan",
      weight: 7.5,
      subareas: [
        {
          name: "Pengendalian Gratifikasi",
          weight: 1.5,
          questions: [
            { text: "Telah dilakukan public campaign tentang pengendalian gratifikasi.", scale: "abc" },
            { text: "Pengendalian gratifikasi telah diimplementasikan.", scale: "abc" },
          ],
        },
        {
          name: "Penerapan SPIP",
          weight: 1.5,
          questions: [
            { text: "Telah dibangun lingkungan pengendalian.", scale: "abcd" },
            { text: "Telah dilakukan penilaian risiko atas pelaksanaan kebijakan.", scale: "abcd" },
            { text: "Telah dilakukan kegiatan pengendalian untuk meminimalkan risiko yang telah diidentifikasi.", scale: "abcd" },
            { text: "SPI telah diinformasikan dan dikomunikasikan kepada seluruh pihak terkait.", scale: "abcd" },
          ],
        },
        {
          name: "Pengaduan Masyarakat",
          weight: 1.5,
          questions: [
            { text: "Kebijakan pengaduan masyarakat telah diimplementasikan.", scale: "abc" },
            { text: "Penanganan pengaduan masyarakat telah diimplementasikan.", scale: "abcd" },
            { text: "Telah dilakukan monitoring dan evaluasi atas penanganan pengaduan masyarakat.", scale: "abcd" },
            { text: "Hasil evaluasi atas penanganan pengaduan masyarakat telah ditindaklanjuti.", scale: "abcd" },
          ],
        },
        {
          name: "Whistle-Blowing System",
          weight: 1.5,
          questions: [
            { text: "Whistle-Blowing System telah disosialisasikan dan diimplementasikan.", scale: "abc" },
            { text: "Telah dilakukan evaluasi atas penerapan Whistle-Blowing System.", scale: "abc" },
            { text: "Hasil evaluasi atas penerapan Whistle-Blowing System telah ditindaklanjuti.", scale: "abc" },
          ],
        },
        {
          name: "Penanganan Benturan Kepentingan",
          weight: 1.5,
          questions: [
            { text: "Telah terdapat identifikasi/pemetaan benturan kepentingan dalam tugas fungsi utama.", scale: "abc" },
            { text: "Penanganan benturan kepentingan telah disosialisasikan/diinternalisasikan.", scale: "abcd" },
            { text: "Penanganan benturan kepentingan telah diimplementasikan.", scale: "abcd" },
            { text: "Telah dilakukan evaluasi atas penanganan benturan kepentingan.", scale: "abcd" },
            { text: "Hasil evaluasi atas penanganan benturan kepentingan telah ditindaklanjuti.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Peningkatan Kualitas Pelayanan Publik",
      weight: 5,
      subareas: [
        {
          name: "Standar Pelayanan",
          weight: 1,
          questions: [
            { text: "Terdapat kebijakan standar pelayanan.", scale: "abc" },
            { text: "Standar pelayanan telah dimaklumatkan.", scale: "abc" },
            { text: "Terdapat SOP bagi pelaksanaan standar pelayanan.", scale: "abcd" },
            { text: "Telah dilakukan reviu dan perbaikan atas standar pelayanan dan SOP.", scale: "abc" },
          ],
        },
        {
          name: "Budaya Pelayanan Prima",
          weight: 1,
          questions: [
            { text: "Telah dilakukan upaya peningkatan kemampuan dan/atau kompetensi tentang penerapan budaya pelayanan prima.", scale: "abc" },
            { text: "Informasi tentang pelayanan mudah diakses melalui berbagai media.", scale: "abcd" },
            { text: "Telah terdapat sistem pemberian penghargaan dan sanksi bagi petugas pemberi pelayanan.", scale: "abc" },
            { text: "Telah terdapat sistem pemberian kompensasi kepada penerima layanan bila layanan tidak sesuai standar.", scale: "abc" },
            { text: "Terdapat sarana layanan terpadu/terintegrasi.", scale: "abc" },
            { text: "Terdapat inovasi pelayanan.", scale: "abc" },
          ],
        },
        {
          name: "Pengelolaan Pengaduan",
          weight: 1,
          questions: [
            { text: "Tersedia media/kanal pengaduan pelayanan publik.", scale: "abc" },
            { text: "Pengaduan pelayanan ditangani dan ditindaklanjuti.", scale: "abcd" },
            { text: "Hasil penanganan pengaduan dievaluasi dan ditindaklanjuti.", scale: "abcd" },
          ],
        },
        {
          name: "Penilaian Kepuasan terhadap Pelayanan",
          weight: 1,
          questions: [
            { text: "Telah dilakukan survei kepuasan masyarakat terhadap pelayanan.", scale: "abcde", guide: "A: survei 4 kali setahun (tiap triwulan); B: 3 kali; C: 2 kali; D: 1 kali; E: tidak pernah." },
            { text: "Hasil survei kepuasan masyarakat dapat diakses secara terbuka.", scale: "abc", guide: "A: dipublikasikan secara daring dan luring; B: hanya salah satunya; C: tidak dipublikasikan." },
            { text: "Dilakukan tindak lanjut atas hasil survei kepuasan masyarakat.", scale: "abc" },
          ],
        },
        {
          name: "Pemanfaatan Teknologi Informasi",
          weight: 1,
          questions: [
            { text: "Telah menerapkan teknologi informasi dalam memberikan pelayanan.", scale: "abc" },
            { text: "Telah membangun database pelayanan yang terintegrasi.", scale: "abc" },
            { text: "Telah terdapat perbaikan dan inovasi pelayanan melalui pemanfaatan teknologi informasi.", scale: "abc" },
          ],
        },
      ],
    },
    ],
    reform: [
    {
      area: "Manajemen Perubahan",
      weight: 4,
      subareas: [
        {
          name: "Komitmen dalam Perubahan",
          weight: 2,
          questions: [
            { text: "Agen perubahan telah membuat perubahan yang konkret di unit kerja (dalam satu tahun).", scale: "abcd" },
            { text: "Perubahan yang dibuat agen perubahan telah terintegrasi dalam sistem manajemen.", scale: "abcd" },
          ],
        },
        {
          name: "Komitmen Pimpinan",
          weight: 1,
          questions: [
            { text: "Pimpinan memiliki komitmen dalam pembangunan Zona Integritas (kebijakan, alokasi sumber daya, dan keterlibatan langsung).", scale: "abcd" },
          ],
        },
        {
          name: "Membangun Budaya Kerja",
          weight: 1,
          questions: [
            { text: "Unit kerja membangun budaya kerja positif dan menerapkan nilai-nilai organisasi dalam pelaksanaan tugas sehari-hari.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penataan Tatalaksana",
      weight: 3.5,
      subareas: [
        {
          name: "Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan",
          weight: 0.5,
          questions: [
            { text: "Telah disusun peta proses bisnis yang mendorong penyederhanaan jabatan.", scale: "abcd" },
          ],
        },
        {
          name: "SPBE yang Terintegrasi",
          weight: 1,
          questions: [
            { text: "Implementasi SPBE telah terintegrasi dan mendorong pelayanan publik yang lebih cepat dan efisien.", scale: "abcd" },
            { text: "Implementasi SPBE telah terintegrasi dan mendorong pelaksanaan pelayanan internal organisasi yang lebih cepat dan efisien.", scale: "abcd" },
          ],
        },
        {
          name: "Transformasi Digital Memberikan Nilai Manfaat",
          weight: 2,
          questions: [
            { text: "Transformasi digital pada proses bisnis utama telah memberikan nilai manfaat bagi unit kerja secara optimal.", scale: "abcd" },
            { text: "Transformasi digital pada administrasi pemerintahan telah memberikan nilai manfaat bagi unit kerja secara optimal.", scale: "abcd" },
            { text: "Transformasi digital pada pelayanan publik telah memberikan nilai manfaat bagi unit kerja secara optimal.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penataan Sistem Manajemen SDM Aparatur",
      weight: 5,
      subareas: [
        {
          name: "Kinerja Individu",
          weight: 1.5,
          questions: [
            { text: "Hasil penilaian kinerja individu telah mendorong pencapaian kinerja unit kerja.", scale: "abcd" },
          ],
        },
        {
          name: "Assessment Pegawai",
          weight: 1.5,
          questions: [
            { text: "Hasil assessment telah dijadikan pertimbangan untuk mutasi dan pengembangan karier pegawai.", scale: "abcd" },
          ],
        },
        {
          name: "Pelanggaran Disiplin Pegawai",
          weight: 2,
          questions: [
            { text: "Terdapat penurunan pelanggaran disiplin pegawai.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penguatan Akuntabilitas",
      weight: 5,
      subareas: [
        {
          name: "Meningkatnya Capaian Kinerja Unit Kerja",
          weight: 2,
          questions: [
            { text: "Persentase sasaran kinerja unit kerja dengan capaian 100 % atau lebih.", scale: "percent" },
          ],
        },
        {
          name: "Pemberian Reward and Punishment",
          weight: 1.5,
          questions: [
            { text: "Hasil capaian/monitoring kinerja telah dijadikan dasar pemberian reward and punishment.", scale: "abcd" },
          ],
        },
        {
          name: "Kerangka Logis Kinerja",
          weight: 1.5,
          questions: [
            { text: "Terdapat penjenjangan kinerja (cascading) yang mengacu pada kinerja utama organisasi.", scale: "abcd" },
          ],
        },
      ],
    },
    {
      area: "Penguatan Pengawasan",
      weight: 7.5,
      subareas: [
        {
          name: "Mekanisme Pengendalian",
          weight: 2.5,
          questions: [
            { text: "Telah dilakukan reviu oleh atasan langsung atas pelaksanaan kegiatan utama sebagai mekanisme pengendalian.", scale: "abcd" },
          ],
        },
        {
          name: "Penanganan Pengaduan Masyarakat",
          weight: 3,
          questions: [
            { text: "Persentase penanganan pengaduan masyarakat: jumlah pengaduan yang ditindaklanjuti dibagi jumlah pengaduan yang harus ditindaklanjuti.", scale: "percent" },
          ],
        },
        {
          name: "Penyampaian Laporan Harta Kekayaan",
          weight: 2,
          questions: [
            { text: "Persentase penyampaian LHKPN oleh pegawai yang wajib.", scale: "percent" },
            { text: "Persentase penyampaian LHKASN oleh pegawai yang wajib.", scale: "percent" },
          ],
        },
      ],
    },
    {
      area: "Peningkatan Kualitas Pelayanan Publik",
      weight: 5,
      subareas: [
        {
          name: "Upaya dan/atau Inovasi Pelayanan Publik",
          weight: 2.5,
          questions: [
            { text: "Upaya dan/atau inovasi telah mendorong perbaikan pelayanan publik (persyaratan, prosedur, waktu, biaya, produk, kompetensi dan perilaku pelaksana, sarana dan prasarana).", scale: "abcd" },
            { text: "Upaya dan/atau inovasi telah mempermudah perizinan/pelayanan bagi masyarakat.", scale: "abcd" },
          ],
        },
        {
          name: "Penanganan Pengaduan Pelayanan dan Konsultasi",
          weight: 2.5,
          questions: [
            { text: "Penanganan pengaduan dan konsultasi pelayanan dilakukan melalui berbagai kanal secara cepat dan tuntas.", scale: "abcd" },
            { text: "Hasil penanganan pengaduan dan konsultasi dipublikasikan dan digunakan untuk perbaikan pelayanan.", scale: "abcd" },
          ],
        },
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

const ZI_PROFILES: readonly ZiProfile[] = [ZI_2024];
export const CURRENT_ZI_PROFILE = ZI_2024;

export function ziProfileById(id: string): ZiProfile | undefined {
  return ZI_PROFILES.find((p) => p.id === id);
}
