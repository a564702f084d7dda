/**
 * The portal's own figures for the LKE items it can evidence, for one unit and one calendar
 * year: the report channel and its caseload, reports resolved and followed up on time, SKM
 * quarters held and published, and suggestions answered. Counts only: nothing here
 * reveals a report's content or a person.
 */
import { and, between, count, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reports, skmDailyTotals, skmSuggestions } from "../../db/schema";
import { dueCondition } from "../reports/stats.server";
import { skmQuarterGrade, type PortalEvidence } from "./evidence";

/** `today`: the unit's local date; a report still inside its follow-up deadline is not yet due. */
export async function portalEvidence(db: Database, unitId: number, year: number, disclosureMin: number, today: string): Promise<PortalEvidence> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const dueRule = dueCondition(today);
  const [reportRow] = await db
    .select({
      received: count(),
      // The same rule as the published report statistics (reports/stats.server.ts).
      due: sql<number>`count(*) filter (where ${dueRule})`,
      resolved: sql<number>`count(*) filter (where ${dueRule} and ${reports.followedUpOn} is not null)`,
      onTime: sql<number>`count(*) filter (where ${dueRule} and ${reports.followedUpOn} <= ${reports.followUpDueOn})`,
    })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), between(reports.receivedOn, from, to)));
  const quarterRows = await db
    .select({
      quarter: sql<number>`extract(quarter from ${skmDailyTotals.day})::int`,
      respondents: sql<number>`sum(${skmDailyTotals.respondents})::bigint`,
    })
    .from(skmDailyTotals)
    .where(and(eq(skmDailyTotals.unitId, unitId), between(skmDailyTotals.day, from, to)))
    .groupBy(sql`1`);
  const [suggestionRow] = await db
    .select({ published: count(), answered: count(skmSuggestions.reply) })
    .from(skmSuggestions)
    .where(and(eq(skmSuggestions.unitId, unitId), eq(skmSuggestions.status, "published"), between(skmSuggestions.submittedOn, from, to)));
  // The LKE counts surveys held; the disclosure threshold only decides what the portal publishes.
  const held = quarterRows.filter((q) => Number(q.respondents) > 0).map((q) => Number(q.quarter)).sort();
  const publishedQuarters = quarterRows.filter((q) => Number(q.respondents) >= disclosureMin).map((q) => Number(q.quarter)).sort();
  const due = Number(reportRow?.due ?? 0);
  const resolved = Number(reportRow?.resolved ?? 0);
  const onTime = Number(reportRow?.onTime ?? 0);
  const published = Number(suggestionRow?.published ?? 0);
  return {
    reportsReceived: Number(reportRow?.received ?? 0),
    followUp: { due, resolved, share: due === 0 ? null : resolved / due, onTime, onTimeShare: due === 0 ? null : onTime / due },
    skmQuarters: held,
    skmGrade: skmQuarterGrade(held.length),
    publishedQuarters,
    suggestions: { published, answered: Number(suggestionRow?.answered ?? 0), share: published === 0 ? null : Number(suggestionRow?.answered ?? 0) / published },
  };
}
