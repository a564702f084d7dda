/**
 * Demo perception responses (SPAK/SPKP) for the first tenant over the same year as the demo
 * ratings, so the internal-monitoring IPAK and IPKP have something to show. Deterministic (a
 * seeded generator), never used with DEMO_DATA=off. Disdukcapil lands near IPAK 3.7 / IPKP 3.4
 * and DPMPTSP near 3.65 / 3.65 (around the WBK thresholds 3.60 and 3.20); others lower, two
 * of them below 3.20; Dinas Sosial stays below the disclosure threshold.
 */
import { and, eq, sql } from "drizzle-orm";
import { CURRENT_PERCEPTION_PROFILE, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "../app/regulation/perception";
import { rebuildPerceptionTotals, storePerceptionResponses, type NewPerceptionResponse } from "../app/perception/responses.server";
import { localDate } from "../app/skm/import.server";
import type { Database } from "#db/client";
import { perceptionResponses, regions, units } from "#db/schema";
import { demoRandom } from "./demo-random";

/** Target index (0–4) of each survey per unit, and how many respondents a month. */
const DEMO_UNITS: Record<string, { ipak: number; ipkp: number; perMonth: number }> = {
  disdukcapil: { ipak: 3.7, ipkp: 3.4, perMonth: 16 },
  dpmptsp: { ipak: 3.65, ipkp: 3.65, perMonth: 10 },
  "dishub-pengujian-kendaraan": { ipak: 3.05, ipkp: 3.0, perMonth: 6 },
  bapenda: { ipak: 3.35, ipkp: 3.25, perMonth: 6 },
  "puskesmas-pahandut": { ipak: 3.5, ipkp: 3.45, perMonth: 7 },
  "puskesmas-jekan-raya": { ipak: 3.45, ipkp: 3.3, perMonth: 7 },
  "kecamatan-pahandut": { ipak: 3.15, ipkp: 3.1, perMonth: 3 },
  "kecamatan-jekan-raya": { ipak: 3.3, ipkp: 3.25, perMonth: 3 },
};
/** A handful in the whole year: below the threshold. */
const DINSOS_RESPONSES = 3;

/** Brokers and illegal levies are what residents meet most; each survey's offsets sum to zero. */
const ITEM_OFFSET: Record<PerceptionItem, number> = {
  a1: 0.1, a2: 0.2, a3: -0.05, a4: 0, a5: 0.15, a6: 0.1, a7: -0.2, a8: -0.3,
  q1: 0.1, q2: 0.05, q3: 0, q4: -0.2, q5: 0.15, q6: -0.1, q7: 0.1, q8: -0.1,
};

export async function seedDemoPerception(tx: Database, regionSlug = "kota-palangka-raya"): Promise<number> {
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(perceptionResponses);
  if ((existing?.n ?? 0) > 0) return 0;
  const [region] = await tx.select({ id: regions.id, timeZone: regions.timeZone }).from(regions).where(eq(regions.slug, regionSlug));
  if (!region) return 0;
  const today = localDate(region.timeZone);
  const random = demoRandom(90_2021);
  const scaleMax = CURRENT_PERCEPTION_PROFILE.scale.max;

  /** An answer whose expected value is `mean` (1–6): the two nearest values, sometimes one step either side. */
  const answer = (mean: number): number => {
    const clamped = Math.min(scaleMax, Math.max(1, mean));
    const low = Math.floor(clamped);
    const value = low + (random() < clamped - low ? 1 : 0);
    const jitter = random();
    if (value > 1 && value < scaleMax && jitter < 0.1) return value - 1;
    if (value > 1 && value < scaleMax && jitter > 0.9) return value + 1;
    return value;
  };
  const answers = (targets: { ipak: number; ipkp: number }) => {
    const survey = random();
    // Most answer both surveys; a few only one of them.
    const spak = survey > 0.05;
    const spkp = survey < 0.95;
    const result = {} as Record<PerceptionItem, number | null>;
    for (const item of SPAK_ITEMS) {
      result[item] = spak && random() > 0.05 ? answer((targets.ipak / 4) * scaleMax + ITEM_OFFSET[item]) : null;
    }
    for (const item of SPKP_ITEMS) {
      result[item] = spkp && random() > 0.05 ? answer((targets.ipkp / 4) * scaleMax + ITEM_OFFSET[item]) : null;
    }
    if ([...SPAK_ITEMS, ...SPKP_ITEMS].every((i) => result[i] === null)) result.a1 = answer((targets.ipak / 4) * scaleMax);
    return result;
  };

  const unitId = async (slug: string) =>
    (await tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, region.id), eq(units.slug, slug))))[0]?.id;
  const responses: NewPerceptionResponse[] = [];
  const add = (id: number, day: string, targets: { ipak: number; ipkp: number }) => {
    if (day <= today) responses.push({ unitId: id, respondedOn: day, profileId: CURRENT_PERCEPTION_PROFILE.id, answers: answers(targets) });
  };

  for (const [slug, profile] of Object.entries(DEMO_UNITS)) {
    const id = await unitId(slug);
    if (id === undefined) continue;
    for (let monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
      const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
      first.setUTCMonth(first.getUTCMonth() - monthsAgo);
      const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      for (let i = 0; i < profile.perMonth; i++) {
        add(id, `${first.toISOString().slice(0, 8)}${String(1 + Math.floor(random() * daysInMonth)).padStart(2, "0")}`, profile);
      }
    }
  }
  const dinsos = await unitId("dinsos");
  if (dinsos !== undefined) {
    for (let i = 0; i < DINSOS_RESPONSES; i++) {
      const day = new Date(`${today}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() - 30 - i * 97);
      add(dinsos, day.toISOString().slice(0, 10), { ipak: 3.3, ipkp: 3.2 });
    }
  }

  await storePerceptionResponses(tx, responses);
  // The running totals come from the same rebuild the maintenance command runs.
  await rebuildPerceptionTotals(tx);
  return responses.length;
}
