/**
 * Reads a region's reports of one year as grouped counts (one query, at most units × 7
 * categories × 6 channels × 12 months rows whatever the number of reports) and publishes them with the
 * suppression rule of stats.ts. Purged reports keep their statistics fields and still count.
 */
import { and, between, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reports } from "../../db/schema";
import { keptTables, publishedState, tableKey, type PublishedState } from "../publication/kept-tables.server";
import type { ReportCategory } from "./form-schema";
import { buildReportStats, type ReportStats } from "./stats";

/**
 * The SQL form of `followUpTally` (stats.ts): due once verified and either followed up or past
 * its follow-up deadline; on time when followed up no later than that deadline.
 */
export const dueCondition = (today: string) =>
  sql`${reports.verifiedOn} is not null and ${reports.followUpDueOn} is not null and (${reports.followedUpOn} is not null or ${reports.followUpDueOn} < ${today}::date)`;

/**
 * A region's published report statistics of a year as of `today` (which reports are due),
 * kept per process like the region's SKM tables (app/publication/kept-tables.server.ts) but
 * under a version of their own, read from the reports themselves: the shared data version is a
 * counter that writes move, and a counter moved by filings or by moderators' actions would
 * order them within the day in a dump of the database (ADR 015, ADR 027). `state`, when given,
 * is the region's state read once for the whole page (its unit ids).
 */
export async function regionReportStats(
  db: Database,
  disclosureMin: number,
  regionId: number,
  year: number,
  today: string,
  state?: PublishedState,
): Promise<ReportStats> {
  const [{ unitsByRegion }, version] = await Promise.all([state ?? publishedState(db, [regionId]), reportsVersion(db, regionId, year)]);
  const regionUnits = unitsByRegion.get(regionId)!;
  const key = tableKey("reports", regionId, year, disclosureMin, regionUnits, today);
  return keptTables(db).get(key, version, () => readReportStats(db, disclosureMin, regionId, regionUnits, year, today));
}

/**
 * What a region's reports of a year look like, learnt by reading only: how many there are,
 * and the newest transaction that wrote one of them (PostgreSQL's system column `xmin`, which
 * every insert and update sets on the row it writes). A filing, a change or a deletion moves
 * it, and nothing is written or counted to learn it, so no dump can order anything by it.
 * (After some four billion transactions the ids wrap around and a change could leave the
 * maximum as it was: the keeper's maximum age still rebuilds the table within 15 s.)
 */
async function reportsVersion(db: Database, regionId: number, year: number): Promise<string> {
  const [row] = await db
    .select({ count: sql<string>`count(*)::text`, newest: sql<string>`coalesce(max("reports"."xmin"::text::bigint), 0)::text` })
    .from(reports)
    .where(inRegionYear(regionId, year));
  return `${row!.count}:${row!.newest}`;
}

const inRegionYear = (regionId: number, year: number) => and(eq(reports.regionId, regionId), between(reports.receivedOn, `${year}-01-01`, `${year}-12-31`));

async function readReportStats(db: Database, disclosureMin: number, regionId: number, regionUnits: readonly number[], year: number, today: string): Promise<ReportStats> {
  const due = dueCondition(today);
  const rows = await db
    .select({
      unit: reports.unitId,
      category: reports.category,
      channel: reports.channel,
      month: sql<number>`extract(month from ${reports.receivedOn})::int`,
      reports: sql<string>`count(*)::bigint`,
      due: sql<string>`count(*) filter (where ${due})::bigint`,
      onTime: sql<string>`count(*) filter (where ${due} and ${reports.followedUpOn} <= ${reports.followUpDueOn})::bigint`,
    })
    .from(reports)
    .where(inRegionYear(regionId, year))
    .groupBy(reports.unitId, reports.category, reports.channel, sql`4`);
  return buildReportStats(
    regionUnits,
    rows.map((r) => ({
      unit: r.unit,
      category: r.category as ReportCategory,
      channel: r.channel,
      month: Number(r.month),
      reports: Number(r.reports),
      due: Number(r.due),
      onTime: Number(r.onTime),
    })),
    disclosureMin,
  );
}
