/**
 * Demo SKM ratings for the first tenant: a year of plausible responses so that a newcomer
 * sees living dashboards. Deterministic (a seeded generator), never used with DEMO_DATA=off.
 * Dinas Sosial gets only a few a month, to show figures held back below the threshold.
 */
import { and, eq, sql } from "drizzle-orm";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../app/regulation/skm";
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS } from "../app/skm/form-schema";
import { localDate } from "../app/skm/import.server";
import { storeResponses, type NewResponse } from "../app/skm/responses.server";
import type { Database } from "#db/client";
import { regions, services, skmResponses, skmSuggestions, units } from "#db/schema";
import { demoRandom } from "./demo-random";

/** Mean answer of each unit and how many responses a month. */
const DEMO_UNITS: Record<string, { mean: number; perMonth: number }> = {
  disdukcapil: { mean: 3.1, perMonth: 40 },
  dpmptsp: { mean: 3.3, perMonth: 24 },
  "dishub-pengujian-kendaraan": { mean: 2.6, perMonth: 14 },
  bapenda: { mean: 3.0, perMonth: 14 },
  "puskesmas-pahandut": { mean: 3.45, perMonth: 18 },
  "puskesmas-jekan-raya": { mean: 3.35, perMonth: 18 },
  "kecamatan-pahandut": { mean: 3.2, perMonth: 8 },
  "kecamatan-jekan-raya": { mean: 3.25, perMonth: 8 },
  dinsos: { mean: 3.0, perMonth: 3 },
};

/** Complaint handling and facilities are where local units usually score lowest. */
const ELEMENT_OFFSET: Record<SkmElement, number> = { u1: 0.15, u2: 0, u3: -0.15, u4: 0.45, u5: 0.05, u6: 0, u7: 0.25, u8: -0.3, u9: -0.45 };

export async function seedDemoRatings(tx: Database, regionSlug = "kota-palangka-raya"): Promise<number> {
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(skmResponses);
  if ((existing?.n ?? 0) > 0) return 0;
  const [region] = await tx.select({ id: regions.id, timeZone: regions.timeZone }).from(regions).where(eq(regions.slug, regionSlug));
  if (!region) return 0;
  const today = localDate(region.timeZone);
  const random = demoRandom(62_71);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const responses: NewResponse[] = [];

  for (const [slug, profile] of Object.entries(DEMO_UNITS)) {
    const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, region.id), eq(units.slug, slug)));
    if (!unit) continue;
    const unitServices = await tx.select({ id: services.id }).from(services).where(eq(services.unitId, unit.id));
    for (let monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
      const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
      first.setUTCMonth(first.getUTCMonth() - monthsAgo);
      const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      // A unit improves a little over the year, as a ZI programme hopes.
      const trend = (11 - monthsAgo) * 0.02;
      for (let i = 0; i < profile.perMonth; i++) {
        const day = `${first.toISOString().slice(0, 8)}${String(1 + Math.floor(random() * daysInMonth)).padStart(2, "0")}`;
        if (day > today) continue;
        const answers = Object.fromEntries(
          SKM_ELEMENTS.map((e) => {
            if (random() < 0.03) return [e, null];
            const value = Math.round(profile.mean + ELEMENT_OFFSET[e] + trend + (random() - 0.5) * 1.8);
            return [e, Math.min(4, Math.max(1, value))];
          }),
        ) as Record<SkmElement, number | null>;
        if (SKM_ELEMENTS.every((e) => answers[e] === null)) answers.u1 = 3;
        responses.push({
          unitId: unit.id,
          serviceId: unitServices.length ? pick(unitServices).id : null,
          respondedOn: day,
          source: random() < 0.8 ? "web" : "paper",
          profileId: SKM_2017.id,
          sex: random() < 0.1 ? null : pick(["L", "P"] as const),
          ageBand: random() < 0.1 ? null : pick(AGE_BANDS),
          education: random() < 0.15 ? null : pick(EDUCATIONS),
          occupation: random() < 0.15 ? null : pick(OCCUPATIONS),
          answers,
        });
      }
    }
  }
  const ids = await storeResponses(tx, responses);
  // A few suggestions wait in the moderators' queue; one shows why redaction exists.
  const suggestions = [
    "Antrean KTP-el pagi terlalu panjang, mohon tambah loket pada hari Senin.",
    "Petugas ramah, tetapi papan informasi persyaratan Kartu Keluarga sulit dibaca.",
    "Ada orang di parkiran menawarkan KTP jadi sehari, katanya bisa hubungi 0812-3456-7890.",
    "Ruang tunggu panas, kipas angin banyak yang mati.",
    "Informasi tarif PBG di situs web berbeda dengan yang disampaikan petugas.",
  ];
  for (const [i, text] of suggestions.entries()) {
    const index = responses.length - 1 - i * 7;
    const response = responses[index];
    const responseId = ids[index];
    if (!response || responseId === undefined) continue;
    await tx.insert(skmSuggestions).values({ responseId, unitId: response.unitId, text, submittedOn: response.respondedOn });
  }
  return responses.length;
}
