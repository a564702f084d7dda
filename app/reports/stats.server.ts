/**
 * Reads a region's reports of one year as grouped counts (one query, at most units × 7
 * categories × 6 channels × 12 months rows whatever the number of reports) and publishes them with the
 * suppression rule of stats.ts. Purged reports keep their statistics fields and still count.
 */
import { and, between, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reports } from "../../db/schema";
import { publishedState, type PublishedState } from "../publication/kept-tables.server";
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
 * built for every request. They are not kept like the region's SKM tables: keeping them would
 * need a data version that filings and moderators' actions move, and a counter moved by those
 * would order them within the day in a dump of the database (ADR 015, ADR 027). `state`, when
 * given, is the region's state read once for the whole page (its unit ids).
 */
export async function regionReportStats(
  db: Database,
  disclosureMin: number,
  regionId: number,
  year: number,
  today: string,
  state?: PublishedState,
): Promise<ReportStats> {
  const { unitsByRegion } = state ?? (await publishedState(db, [regionId]));
  return readReportStats(db, disclosureMin, regionId, unitsByRegion.get(regionId)!, year, today);
}

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
    .where(and(eq(reports.regionId, regionId), between(reports.receivedOn, `${year}-01-01`, `${year}-12-31`)))
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
