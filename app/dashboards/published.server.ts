/**
 * The one query layer of published aggregates, shared by the dashboards and open data. Every
 * read is one grouped query over a set of units (never one query per unit) on the running
 * totals (skm_daily_totals, perception_daily_totals) and lke_submissions, so a page costs
 * the same whatever the number of responses. Publication rules are in published.ts.
 */
import { and, between, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lkeSheets, lkeSubmissions, perceptionDailyTotals, skmDailyTotals } from "../../db/schema";
import { PERCEPTION_ITEMS } from "../regulation/perception";
import { SKM_ELEMENTS } from "../regulation/skm";
import type { ZiScore } from "../zi/score-types";
import { withProvisional } from "../zi/score";
import type { PerceptionCell, SkmCell, UnitZi } from "./published";

type Aggregate = ReturnType<typeof sql<string>>;

const skmColumns: Record<string, Aggregate> = Object.fromEntries(
  SKM_ELEMENTS.flatMap((e) => [
    [`${e}Sum`, sql<string>`sum(${skmDailyTotals[`${e}Sum`]})::bigint`],
    [`${e}Count`, sql<string>`sum(${skmDailyTotals[`${e}Count`]})::bigint`],
  ]),
);

const perceptionColumns: Record<string, Aggregate> = Object.fromEntries(
  PERCEPTION_ITEMS.flatMap((i) => [
    [`${i}Sum`, sql<string>`sum(${perceptionDailyTotals[`${i}Sum`]})::bigint`],
    [`${i}Count`, sql<string>`sum(${perceptionDailyTotals[`${i}Count`]})::bigint`],
  ]),
);

export interface Monthly<T> {
  unitId: number;
  /** "YYYY-MM" */
  month: string;
  cell: T;
}

/** SKM totals per unit and month between two local dates (inclusive). */
export async function skmMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<SkmCell>>> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      unitId: skmDailyTotals.unitId,
      month: sql<string>`to_char(${skmDailyTotals.day}, 'YYYY-MM')`,
      respondents: sql<string>`sum(${skmDailyTotals.respondents})::bigint`,
      ...skmColumns,
    })
    .from(skmDailyTotals)
    .where(and(inArray(skmDailyTotals.unitId, [...unitIds]), between(skmDailyTotals.day, from, to)))
    .groupBy(skmDailyTotals.unitId, sql`2`);
  return rows.map((row) => {
    const values = row as unknown as Record<string, string>;
    return {
      unitId: row.unitId,
      month: row.month,
      cell: {
        respondents: Number(row.respondents),
        totals: Object.fromEntries(
          SKM_ELEMENTS.map((e) => [e, { sum: Number(values[`${e}Sum`]), count: Number(values[`${e}Count`]) }]),
        ) as SkmCell["totals"],
      },
    };
  });
}

/** SPAK/SPKP totals per unit and month between two local dates (inclusive). */
export async function perceptionMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<PerceptionCell>>> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      unitId: perceptionDailyTotals.unitId,
      month: sql<string>`to_char(${perceptionDailyTotals.day}, 'YYYY-MM')`,
      spakRespondents: sql<string>`sum(${perceptionDailyTotals.spakRespondents})::bigint`,
      spkpRespondents: sql<string>`sum(${perceptionDailyTotals.spkpRespondents})::bigint`,
      ...perceptionColumns,
    })
    .from(perceptionDailyTotals)
    .where(and(inArray(perceptionDailyTotals.unitId, [...unitIds]), between(perceptionDailyTotals.day, from, to)))
    .groupBy(perceptionDailyTotals.unitId, sql`2`);
  return rows.map((row) => {
    const values = row as unknown as Record<string, string>;
    return {
      unitId: row.unitId,
      month: row.month,
      cell: {
        totals: {
          spakRespondents: Number(row.spakRespondents),
          spkpRespondents: Number(row.spkpRespondents),
          items: Object.fromEntries(
            PERCEPTION_ITEMS.map((i) => [i, { sum: Number(values[`${i}Sum`]), count: Number(values[`${i}Count`]) }]),
          ) as PerceptionCell["totals"]["items"],
        },
      },
    };
  });
}

/**
 * The latest submitted ZI score of each unit: its latest year with a submission, and the
 * latest version of that year. `year` limits it to one year (open data per year).
 */
export async function latestZiScores(db: Database, unitIds: readonly number[], year?: number): Promise<Map<number, UnitZi>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([lkeSheets.unitId], {
      unitId: lkeSheets.unitId,
      year: lkeSheets.year,
      profileId: lkeSubmissions.profileId,
      score: lkeSubmissions.score,
    })
    .from(lkeSubmissions)
    .innerJoin(lkeSheets, eq(lkeSheets.id, lkeSubmissions.sheetId))
    .where(and(inArray(lkeSheets.unitId, [...unitIds]), year === undefined ? undefined : eq(lkeSheets.year, year)))
    .orderBy(lkeSheets.unitId, desc(lkeSheets.year), desc(lkeSubmissions.version));
  return new Map(rows.map((r) => [r.unitId, { year: r.year, profileId: r.profileId, score: withProvisional(r.score as unknown as ZiScore) }]));
}
