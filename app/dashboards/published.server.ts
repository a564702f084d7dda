/**
 * The one query layer of published aggregates, shared by the dashboards and open data. Every
 * read is one grouped query over a set of units (never one query per unit) on the running
 * totals (skm_daily_totals, perception_daily_totals) and lke_submissions, so a page costs
 * the same whatever the number of responses. Publication rules are in published.ts: every
 * figure is published from the table of its region and year, so the unit, region and province
 * pages, the printable report, the APIs and the downloads cannot disagree.
 */
import { and, between, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lkeSheets, lkeSubmissions, perceptionDailyTotals, skmDailyTotals, skmResponses, units } from "../../db/schema";
import { PERCEPTION_ITEMS } from "../regulation/perception";
import { SKM_ELEMENTS } from "../regulation/skm";
import type { ZiScore } from "../zi/score-types";
import {
  buildPerceptionTable,
  buildProfileTable,
  buildSkmTable,
  PROFILE_DIMENSIONS,
  type MonthlyCell,
  type PerceptionCell,
  type PerceptionTable,
  type ProfileCount,
  type ProfileDimension,
  type ProfileTable,
  type SkmCell,
  type SkmTable,
  type UnitZi,
} from "./published";
import { withProvisional } from "../zi/score";

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

interface Monthly<T> {
  unitId: number;
  /** "YYYY-MM" */
  month: string;
  cell: T;
}

/** SKM totals per unit and month between two local dates (inclusive). */
async function skmMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<SkmCell>>> {
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
async function perceptionMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<PerceptionCell>>> {
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

/** Every unit of some regions (active or not: their responses count in the region's totals). */
async function unitsByRegion(db: Database, regionIds: readonly number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(regionIds.map((r) => [r, []]));
  if (regionIds.length === 0) return result;
  const rows = await db.select({ id: units.id, regionId: units.regionId }).from(units).where(inArray(units.regionId, [...regionIds]));
  for (const row of rows) result.get(row.regionId)!.push(row.id);
  return result;
}

type Tables<T> = (regionId: number, year: number) => T;

/** Reads the months of some regions' years in two queries and builds one table per region and year. */
async function tables<C, T>(
  db: Database,
  regionIds: readonly number[],
  years: readonly number[],
  read: (db: Database, unitIds: readonly number[], from: string, to: string) => Promise<Array<Monthly<C>>>,
  build: (unitIds: readonly number[], monthly: ReadonlyArray<MonthlyCell<C>>) => T,
): Promise<Tables<T>> {
  const byRegion = await unitsByRegion(db, regionIds);
  const all = [...byRegion.values()].flat();
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows = await read(db, all, `${first}-01-01`, `${last}-12-31`);
  const built = new Map<string, T>();
  for (const [regionId, ids] of byRegion) {
    for (const year of years) {
      const own = new Set(ids);
      const monthly = rows
        .filter((r) => own.has(r.unitId) && r.month.startsWith(`${year}-`))
        .map((r) => ({ unitId: r.unitId, month: Number(r.month.slice(5, 7)), cell: r.cell }));
      built.set(`${regionId}|${year}`, build(ids, monthly));
    }
  }
  return (regionId, year) => {
    const table = built.get(`${regionId}|${year}`);
    if (table === undefined) throw new Error(`no table read for region ${regionId} and year ${year}`);
    return table;
  };
}

/** The published SKM tables of some regions and years (two queries). */
export function skmTables(db: Database, min: number, regionIds: readonly number[], years: readonly number[]): Promise<Tables<SkmTable>> {
  return tables(db, regionIds, years, skmMonthly, (ids, monthly) => buildSkmTable(ids, monthly, min));
}

/** The published IPAK/IPKP tables of some regions and years (two queries). */
export function perceptionTables(db: Database, min: number, regionIds: readonly number[], years: readonly number[]): Promise<Tables<PerceptionTable>> {
  return tables(db, regionIds, years, perceptionMonthly, (ids, monthly) => buildPerceptionTable(ids, monthly, min));
}

/**
 * A unit's respondent profile for a year, published against its SKM table: one grouped query
 * on the unit's responses of the year per profile question (four queries in all).
 */
export async function profileTable(db: Database, min: number, skm: SkmTable, unitId: number, year: number): Promise<ProfileTable> {
  const dimensions = Object.keys(PROFILE_DIMENSIONS) as ProfileDimension[];
  const counts = await Promise.all(
    dimensions.map(async (dimension) => {
      const column = skmResponses[dimension];
      const rows = await db
        .select({
          month: sql<number>`extract(month from ${skmResponses.respondedOn})::int`,
          value: sql<string | null>`${column}::text`,
          count: sql<string>`count(*)::bigint`,
        })
        .from(skmResponses)
        .where(and(eq(skmResponses.unitId, unitId), between(skmResponses.respondedOn, `${year}-01-01`, `${year}-12-31`)))
        .groupBy(sql`1`, column);
      return rows.map((r): ProfileCount => ({ month: Number(r.month), dimension, value: r.value, count: Number(r.count) }));
    }),
  );
  return buildProfileTable(skm, unitId, counts.flat(), min);
}
