/**
 * The SKM as residents and the press see it: a unit's index for a period with its priorities,
 * sample adequacy and monthly trend, and a region's units ranked. Reads the running totals
 * only (one row per unit and day), and publishes nothing below the disclosure threshold.
 */
import { and, between, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmDailyTotals, skmResponses, skmSuggestions, units } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { computeIkm, emptyTotals, minimumSample, type ElementTotals } from "./formula";
import { monthsOf, populationFor, type Period } from "./periods";
import { periodTotals } from "./responses.server";

const totalsColumns = Object.fromEntries(
  SKM_ELEMENTS.flatMap((e) => [
    [`${e}Sum`, sql<string>`sum(${skmDailyTotals[`${e}Sum`]})::bigint`],
    [`${e}Count`, sql<string>`sum(${skmDailyTotals[`${e}Count`]})::bigint`],
  ]),
) as Record<string, ReturnType<typeof sql<string>>>;

function totalsOf(row: Record<string, unknown>): ElementTotals {
  return Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, { sum: Number(row[`${e}Sum`] ?? 0), count: Number(row[`${e}Count`] ?? 0) }]),
  ) as ElementTotals;
}

export interface PublishedIndex {
  respondents: number;
  published: boolean;
  score: number | null;
  ikm: number | null;
  grade: "A" | "B" | "C" | "D" | null;
  performance: string | null;
  nrr: Record<SkmElement, number | null> | null;
}

function publish(respondents: number, totals: ElementTotals, disclosureMin: number): PublishedIndex {
  if (respondents < disclosureMin) {
    return { respondents, published: false, score: null, ikm: null, grade: null, performance: null, nrr: null };
  }
  const result = computeIkm(totals, SKM_2017);
  return {
    respondents,
    published: true,
    score: result.score,
    ikm: result.ikm,
    grade: result.grade?.grade ?? null,
    performance: result.grade?.performance ?? null,
    nrr: result.nrr,
  };
}

export async function unitSkmView(
  db: Database,
  disclosureMin: number,
  unit: { id: number; servedPerPeriod: number | null; servedPeriod: "month" | "quarter" | "semester" | "year" },
  period: Period,
) {
  const { respondents, totals } = await periodTotals(db, [unit.id], period.from, period.to);
  const index = publish(respondents, totals, disclosureMin);

  const monthly = await db
    .select({ month: sql<string>`to_char(${skmDailyTotals.day}, 'YYYY-MM')`, respondents: sql<string>`sum(${skmDailyTotals.respondents})::bigint`, ...totalsColumns })
    .from(skmDailyTotals)
    .where(and(eq(skmDailyTotals.unitId, unit.id), between(skmDailyTotals.day, period.from, period.to)))
    .groupBy(sql`1`);
  const byMonth = new Map(monthly.map((row) => [row.month, row]));
  const trend = monthsOf(period).map((month) => {
    const row = byMonth.get(month.key);
    const published = row ? publish(Number(row.respondents), totalsOf(row), disclosureMin) : publish(0, emptyTotals(), disclosureMin);
    return { key: month.key, respondents: published.respondents, score: published.score };
  });

  const population = populationFor(period, { perPeriod: unit.servedPerPeriod, period: unit.servedPeriod });
  const minimum = population === null ? null : minimumSample(population, SKM_2017);
  const priorities = index.nrr
    ? SKM_ELEMENTS.filter((e) => index.nrr![e] !== null)
        .sort((a, b) => index.nrr![a]! - index.nrr![b]!)
        .slice(0, 3)
        .map((element) => ({ element, nrr: index.nrr![element]! }))
    : [];
  return {
    ...index,
    population,
    minimumSample: minimum,
    sampleTooSmall: minimum !== null && respondents < minimum,
    priorities,
    trend,
    profile: SKM_2017.id,
  };
}

/** Every active unit of a region with its published index for the period, best first. */
export async function regionRanking(db: Database, disclosureMin: number, regionId: number, period: Period) {
  const regionUnits = await db
    .select({ id: units.id, slug: units.slug, name: units.name })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.active, true)));
  if (regionUnits.length === 0) return [];
  const rows = await db
    .select({ unitId: skmDailyTotals.unitId, respondents: sql<string>`sum(${skmDailyTotals.respondents})::bigint`, ...totalsColumns })
    .from(skmDailyTotals)
    .where(and(inArray(skmDailyTotals.unitId, regionUnits.map((u) => u.id)), between(skmDailyTotals.day, period.from, period.to)))
    .groupBy(skmDailyTotals.unitId);
  const byUnit = new Map(rows.map((row) => [row.unitId, row]));
  return regionUnits
    .map((unit) => {
      const row = byUnit.get(unit.id);
      const index = row ? publish(Number(row.respondents), totalsOf(row), disclosureMin) : publish(0, emptyTotals(), disclosureMin);
      return { id: unit.id, slug: unit.slug, name: unit.name, respondents: index.respondents, published: index.published, score: index.score, grade: index.grade };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name));
}

export type ProfileDimension = "sex" | "ageBand" | "education" | "occupation";

/**
 * Who answered, for the printed report: counts per answer of each profile question (null =
 * not said). Reads the unit's raw responses for the period (a report, not a dashboard); cells
 * below the disclosure threshold are returned as null so they print as "fewer than N".
 */
export async function respondentProfile(db: Database, disclosureMin: number, unitId: number, period: Period) {
  const dimensions: ProfileDimension[] = ["sex", "ageBand", "education", "occupation"];
  const result = {} as Record<ProfileDimension, Array<{ value: string | null; count: number | null }>>;
  for (const dimension of dimensions) {
    const column = skmResponses[dimension];
    const rows = await db
      .select({ value: sql<string | null>`${column}::text`, count: sql<string>`count(*)::bigint` })
      .from(skmResponses)
      .where(and(eq(skmResponses.unitId, unitId), between(skmResponses.respondedOn, period.from, period.to)))
      .groupBy(column)
      .orderBy(column);
    result[dimension] = rows.map((row) => ({ value: row.value, count: Number(row.count) >= disclosureMin ? Number(row.count) : null }));
  }
  return result;
}

/** Published suggestions of the period (moderated text only) and how many arrived in all. */
export async function suggestionSummary(db: Database, unitId: number, period: Period) {
  const rows = await db
    .select({ status: skmSuggestions.status, text: skmSuggestions.publishedText, reply: skmSuggestions.reply })
    .from(skmSuggestions)
    .where(and(eq(skmSuggestions.unitId, unitId), between(skmSuggestions.submittedOn, period.from, period.to)))
    .orderBy(skmSuggestions.id);
  return {
    received: rows.length,
    published: rows.filter((r) => r.status === "published" && r.text).map((r) => ({ text: r.text!, reply: r.reply })),
  };
}

/** The index of several units together (an agency, a region) for a period. */
export async function combinedIndex(db: Database, disclosureMin: number, unitIds: readonly number[], period: Period): Promise<PublishedIndex> {
  const { respondents, totals } = await periodTotals(db, unitIds, period.from, period.to);
  return publish(respondents, totals, disclosureMin);
}
