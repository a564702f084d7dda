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
import { lkeSheets, lkeSubmissions, skmResponses } from "../../db/schema";
import { perceptionMonthlyTotals } from "../perception/totals.server";
import { keptTables, publishedState, publishedVersion, tableKey, type PublishedState } from "../publication/kept-tables.server";
import { monthlyTotals } from "../skm/responses.server";
import type { ZiScore } from "../zi/score-types";
import {
  buildPerceptionTable,
  buildProfileTable,
  buildSkmTable,
  PROFILE_DIMENSIONS,
  SOURCE_DIMENSIONS,
  type MonthlyCell,
  type PerceptionCell,
  type PerceptionTable,
  type ProfileCount,
  type ProfileDimension,
  type ProfileTable,
  type SkmCell,
  type SkmTable,
  type SourceDimension,
  type UnitZi,
} from "./published";
import { withProvisional } from "../zi/score";

interface Monthly<T> {
  unitId: number;
  /** "YYYY-MM" */
  month: string;
  cell: T;
}

/** SKM totals per unit and month between two local dates (inclusive). */
async function skmMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<SkmCell>>> {
  const rows = await monthlyTotals(db, unitIds, from, to);
  return rows.map(({ unitId, month, totals }) => ({ unitId, month, cell: totals }));
}

/** SPAK/SPKP totals per unit and month between two local dates (inclusive). */
async function perceptionMonthly(db: Database, unitIds: readonly number[], from: string, to: string): Promise<Array<Monthly<PerceptionCell>>> {
  const rows = await perceptionMonthlyTotals(db, unitIds, from, to);
  return rows.map(({ unitId, month, totals }) => ({ unitId, month, cell: { totals } }));
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

type Tables<T> = (regionId: number, year: number) => T;

/**
 * One table per region and year: kept ones reused (app/publication/kept-tables.server.ts),
 * the others built from the months of their regions' years, read in one query. With the
 * region's unit ids and the data version read together, a page whose tables are all kept
 * costs one query here.
 */
async function tables<C, T>(
  db: Database,
  kind: string,
  min: number,
  regionIds: readonly number[],
  years: readonly number[],
  read: (db: Database, unitIds: readonly number[], from: string, to: string) => Promise<Array<Monthly<C>>>,
  build: (unitIds: readonly number[], monthly: ReadonlyArray<MonthlyCell<C>>) => T,
  state: PublishedState | undefined,
): Promise<Tables<T>> {
  const { version, unitsByRegion } = state ?? (await publishedState(db, regionIds));
  const keeper = keptTables(db);
  const found = new Map<string, Promise<T>>();
  const missing: Array<{ regionId: number; year: number; key: string }> = [];
  for (const [regionId, ids] of unitsByRegion) {
    for (const year of years) {
      const key = tableKey(kind, regionId, year, min, ids);
      const kept = keeper.lookup<T>(key, version);
      if (kept) found.set(`${regionId}|${year}`, kept);
      else missing.push({ regionId, year, key });
    }
  }
  if (missing.length > 0) {
    const missingYears = missing.map((m) => m.year);
    const all = [...new Set(missing.flatMap((m) => unitsByRegion.get(m.regionId)!))];
    const rows = read(db, all, `${Math.min(...missingYears)}-01-01`, `${Math.max(...missingYears)}-12-31`);
    for (const { regionId, year, key } of missing) {
      const ids = unitsByRegion.get(regionId)!;
      const table = rows.then((rows) => {
        const own = new Set(ids);
        const monthly = rows
          .filter((r) => own.has(r.unitId) && r.month.startsWith(`${year}-`))
          .map((r) => ({ unitId: r.unitId, month: Number(r.month.slice(5, 7)), cell: r.cell }));
        return build(ids, monthly);
      });
      found.set(`${regionId}|${year}`, keeper.keep(key, version, table));
    }
  }
  const keys = [...found.keys()];
  const values = await Promise.all(found.values());
  const built = new Map(keys.map((k, i) => [k, values[i]!]));
  return (regionId, year) => {
    const table = built.get(`${regionId}|${year}`);
    if (table === undefined) throw new Error(`no table read for region ${regionId} and year ${year}`);
    return table;
  };
}

/**
 * The published SKM tables of some regions and years (kept, or built in two queries). A page
 * that reads several kinds of table passes the `state` of its regions read once.
 */
export function skmTables(db: Database, min: number, regionIds: readonly number[], years: readonly number[], state?: PublishedState): Promise<Tables<SkmTable>> {
  return tables(db, "skm", min, regionIds, years, skmMonthly, (ids, monthly) => buildSkmTable(ids, monthly, min), state);
}

/** The published IPAK/IPKP tables of some regions and years (kept, or built in two queries). */
export function perceptionTables(
  db: Database,
  min: number,
  regionIds: readonly number[],
  years: readonly number[],
  state?: PublishedState,
): Promise<Tables<PerceptionTable>> {
  return tables(db, "perception", min, regionIds, years, perceptionMonthly, (ids, monthly) => buildPerceptionTable(ids, monthly, min), state);
}

/**
 * A unit's respondents of a year per month and answer of each column: the only published
 * figures read from the responses themselves (a busy unit has some hundred thousand a year),
 * so they are kept under the data version like the region tables (ADR 027; the responses
 * table moves the version).
 */
async function breakdownCounts<D extends ProfileDimension | SourceDimension>(db: Database, unitId: number, year: number, dimensions: readonly D[]) {
  const version = await publishedVersion(db);
  return keptTables(db).get(`breakdown|${unitId}|${year}|${dimensions.join(",")}`, version, () => readBreakdownCounts(db, unitId, year, dimensions));
}

/**
 * The counts above in one pass over the unit's responses of the year (GROUPING SETS: one
 * grouping per column) instead of one pass per column.
 */
async function readBreakdownCounts<D extends ProfileDimension | SourceDimension>(db: Database, unitId: number, year: number, dimensions: readonly D[]): Promise<Array<ProfileCount<D>>> {
  const month = sql`extract(month from ${skmResponses.respondedOn})::int`;
  const rows = await db
    .select({
      month: sql<number>`${month}`,
      ...Object.fromEntries(dimensions.map((d) => [d, sql<string | null>`${skmResponses[d]}::text`])),
      ...Object.fromEntries(dimensions.map((d) => [`${d}Grouped`, sql<number>`grouping(${skmResponses[d]})`])),
      count: sql<string>`count(*)::bigint`,
    })
    .from(skmResponses)
    .where(and(eq(skmResponses.unitId, unitId), between(skmResponses.respondedOn, `${year}-01-01`, `${year}-12-31`)))
    .groupBy(sql`GROUPING SETS (${sql.join(dimensions.map((d) => sql`(${month}, ${skmResponses[d]})`), sql`, `)})`);
  return rows.map((row): ProfileCount<D> => {
    const r = row as Record<string, unknown>;
    // grouping() is 0 for the column the row is grouped by, 1 for the others.
    const dimension = dimensions.find((d) => Number(r[`${d}Grouped`]) === 0)!;
    return { month: Number(r.month), dimension, value: (r[dimension] as string | null) ?? null, count: Number(r.count) };
  });
}

/** A unit's respondent profile for a year, published against its SKM table (one query). */
export async function profileTable(db: Database, min: number, skm: SkmTable, unitId: number, year: number): Promise<ProfileTable> {
  const counts = await breakdownCounts(db, unitId, year, Object.keys(PROFILE_DIMENSIONS) as ProfileDimension[]);
  return buildProfileTable(skm, unitId, counts, min);
}

/**
 * A unit's respondents of a year by source (web, kiosk, paper) and by answer to the coercion
 * question, published against its SKM table like the profile (one query).
 */
export async function sourceTable(db: Database, min: number, skm: SkmTable, unitId: number, year: number): Promise<ProfileTable<SourceDimension>> {
  const counts = await breakdownCounts(db, unitId, year, Object.keys(SOURCE_DIMENSIONS) as SourceDimension[]);
  return buildProfileTable(skm, unitId, counts, min, SOURCE_DIMENSIONS);
}
