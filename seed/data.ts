/**
 * The organisation structure that a fresh installation starts with: the first tenant
 * (Kota Palangka Raya) and a second region of the same province, so that every feature
 * is multi-tenant from day one. Names are the official Indonesian ones; slugs are stable
 * URL parts and must never change once published.
 *
 * Addresses and contact details are not seeded: they must come from the units themselves
 * (admin screens), not from guesses.
 */
import type { OpeningHoursRule } from "#db/schema";

interface SeedService {
  slug: string;
  name: string;
}
export interface SeedUnit {
  slug: string;
  name: string;
  services: SeedService[];
  /** Demo only: a plausible yearly visitor figure so that sample sizes can be shown. */
  demoServedPerYear: number;
  demoHours: "office" | "health";
}
interface SeedAgency {
  slug: string;
  name: string;
  shortName?: string;
  units: SeedUnit[];
}
interface SeedRegion {
  slug: string;
  name: string;
  kind: "provinsi" | "kabupaten" | "kota";
  code: string;
  timeZone: string;
  agencies: SeedAgency[];
}
export interface SeedProvince {
  slug: string;
  name: string;
  code: string;
  regions: SeedRegion[];
}

const civilRegistryServices: SeedService[] = [
  { slug: "ktp-el", name: "KTP-el (Kartu Tanda Penduduk elektronik)" },
  { slug: "kartu-keluarga", name: "Kartu Keluarga" },
  { slug: "akta-kelahiran", name: "Akta Kelahiran" },
  { slug: "akta-kematian", name: "Akta Kematian" },
  { slug: "kia", name: "Kartu Identitas Anak (KIA)" },
  { slug: "pindah-datang", name: "Surat Pindah / Datang" },
];

const permitServices: SeedService[] = [
  { slug: "pbg", name: "Persetujuan Bangunan Gedung (PBG)" },
  { slug: "perizinan-berusaha", name: "Perizinan Berusaha (NIB melalui OSS)" },
  { slug: "sip-tenaga-kesehatan", name: "Surat Izin Praktik Tenaga Kesehatan" },
  { slug: "izin-reklame", name: "Izin Reklame" },
];

const revenueServices: SeedService[] = [
  { slug: "pbb-p2", name: "PBB-P2 (Pajak Bumi dan Bangunan Perdesaan dan Perkotaan)" },
  { slug: "bphtb", name: "BPHTB (Bea Perolehan Hak atas Tanah dan Bangunan)" },
  { slug: "pajak-daerah", name: "Pajak Daerah" },
];

const healthCentreServices: SeedService[] = [
  { slug: "rawat-jalan", name: "Rawat Jalan" },
  { slug: "surat-keterangan-sehat", name: "Surat Keterangan Sehat" },
  { slug: "imunisasi", name: "Imunisasi" },
];

const districtOfficeServices: SeedService[] = [
  { slug: "surat-keterangan", name: "Surat Keterangan (domisili dan lainnya)" },
  { slug: "legalisasi", name: "Legalisasi Dokumen" },
];

export const seedProvinces: SeedProvince[] = [
  {
    slug: "kalimantan-tengah",
    name: "Kalimantan Tengah",
    code: "62",
    regions: [
      {
        slug: "kota-palangka-raya",
        name: "Kota Palangka Raya",
        kind: "kota",
        code: "62.71",
        timeZone: "Asia/Jakarta",
        agencies: [
          {
            slug: "disdukcapil",
            name: "Dinas Kependudukan dan Pencatatan Sipil",
            shortName: "Disdukcapil",
            units: [
              {
                slug: "disdukcapil",
                name: "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya",
                services: civilRegistryServices,
                demoServedPerYear: 36_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "dpmptsp",
            name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            shortName: "DPMPTSP",
            units: [
              {
                slug: "dpmptsp",
                name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya",
                services: permitServices,
                demoServedPerYear: 9_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "dishub",
            name: "Dinas Perhubungan",
            shortName: "Dishub",
            units: [
              {
                slug: "dishub-pengujian-kendaraan",
                name: "UPT Pengujian Kendaraan Bermotor Dinas Perhubungan Kota Palangka Raya",
                services: [
                  { slug: "uji-kir", name: "Uji Berkala Kendaraan Bermotor (KIR)" },
                  { slug: "izin-parkir", name: "Izin Parkir" },
                ],
                demoServedPerYear: 7_500,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "bapenda",
            name: "Badan Pendapatan Daerah",
            shortName: "Bapenda",
            units: [
              {
                slug: "bapenda",
                name: "Badan Pendapatan Daerah Kota Palangka Raya",
                services: revenueServices,
                demoServedPerYear: 14_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "dinkes",
            name: "Dinas Kesehatan",
            shortName: "Dinkes",
            units: [
              {
                slug: "puskesmas-pahandut",
                name: "Puskesmas Pahandut",
                services: healthCentreServices,
                demoServedPerYear: 24_000,
                demoHours: "health",
              },
              {
                slug: "puskesmas-jekan-raya",
                name: "Puskesmas Jekan Raya",
                services: healthCentreServices,
                demoServedPerYear: 26_000,
                demoHours: "health",
              },
            ],
          },
          {
            slug: "kecamatan-pahandut",
            name: "Kecamatan Pahandut",
            units: [
              {
                slug: "kecamatan-pahandut",
                name: "Kantor Camat Pahandut",
                services: districtOfficeServices,
                demoServedPerYear: 4_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "kecamatan-jekan-raya",
            name: "Kecamatan Jekan Raya",
            units: [
              {
                slug: "kecamatan-jekan-raya",
                name: "Kantor Camat Jekan Raya",
                services: districtOfficeServices,
                demoServedPerYear: 5_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "dinsos",
            name: "Dinas Sosial",
            shortName: "Dinsos",
            units: [
              {
                slug: "dinsos",
                name: "Dinas Sosial Kota Palangka Raya",
                services: [
                  { slug: "dtks", name: "Pendaftaran Data Terpadu Kesejahteraan Sosial (DTKS)" },
                  { slug: "sktm", name: "Surat Keterangan Tidak Mampu (SKTM)" },
                ],
                demoServedPerYear: 6_000,
                demoHours: "office",
              },
            ],
          },
        ],
      },
      {
        slug: "kabupaten-kotawaringin-timur",
        name: "Kabupaten Kotawaringin Timur",
        kind: "kabupaten",
        code: "62.02",
        timeZone: "Asia/Jakarta",
        agencies: [
          {
            slug: "disdukcapil",
            name: "Dinas Kependudukan dan Pencatatan Sipil",
            shortName: "Disdukcapil",
            units: [
              {
                slug: "disdukcapil",
                name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kotawaringin Timur",
                services: civilRegistryServices,
                demoServedPerYear: 30_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "dpmptsp",
            name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            shortName: "DPMPTSP",
            units: [
              {
                slug: "dpmptsp",
                name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kotawaringin Timur",
                services: permitServices,
                demoServedPerYear: 6_000,
                demoHours: "office",
              },
            ],
          },
          {
            slug: "bapenda",
            name: "Badan Pendapatan Daerah",
            shortName: "Bapenda",
            units: [
              {
                slug: "bapenda",
                name: "Badan Pendapatan Daerah Kabupaten Kotawaringin Timur",
                services: revenueServices,
                demoServedPerYear: 10_000,
                demoHours: "office",
              },
            ],
          },
        ],
      },
    ],
  },
];

/** Demo opening hours: the usual front-office hours of a city department and of a health centre. */
export const demoOpeningHours: Record<SeedUnit["demoHours"], OpeningHoursRule[]> = {
  office: [
    { days: [1, 2, 3, 4], opens: "08:00", closes: "15:00" },
    { days: [5], opens: "08:00", closes: "11:00" },
  ],
  health: [
    { days: [1, 2, 3, 4], opens: "07:30", closes: "14:00" },
    { days: [5], opens: "07:30", closes: "11:00" },
    { days: [6], opens: "07:30", closes: "12:30" },
  ],
};

/**
 * Demo staff, one per role, seeded only with DEMO_DATA on. They share one password and have
 * no authenticator yet: the first sign-in enrols one, as for any new account.
 */
export const DEMO_STAFF_PASSWORD = "pintu-depan-demo";

export interface SeedStaff {
  email: string;
  displayName: string;
  role: "admin" | "moderator" | "unit_manager" | "evaluator" | "province_monitor";
  /** Region slug (admin, moderator, evaluator), "region/unit" (unit_manager), province slug (province_monitor). */
  scope: string | null;
  homeUnit?: string;
}

export const demoStaff: SeedStaff[] = [
  { email: "admin@demo.pintudepan.id", displayName: "Admin Instalasi (demo)", role: "admin", scope: null },
  { email: "admin.palangkaraya@demo.pintudepan.id", displayName: "Admin Kota Palangka Raya (demo)", role: "admin", scope: "kota-palangka-raya" },
  { email: "moderator@demo.pintudepan.id", displayName: "Moderator Inspektorat (demo)", role: "moderator", scope: "kota-palangka-raya" },
  {
    email: "pengelola.disdukcapil@demo.pintudepan.id",
    displayName: "Pengelola Disdukcapil (demo)",
    role: "unit_manager",
    scope: "kota-palangka-raya/disdukcapil",
    homeUnit: "kota-palangka-raya/disdukcapil",
  },
  { email: "evaluator@demo.pintudepan.id", displayName: "Evaluator TPI (demo)", role: "evaluator", scope: "kota-palangka-raya" },
  { email: "pemantau.kalteng@demo.pintudepan.id", displayName: "Pemantau Provinsi Kalimantan Tengah (demo)", role: "province_monitor", scope: "kalimantan-tengah" },
];
