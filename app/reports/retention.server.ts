/**
 * Retention: the content of a report closed more than `retentionDays` ago is removed (the
 * narrative and amounts, messages, files, forwarded summaries, reasons); the row stays with
 * what the anonymous statistics need (region, unit, service, category, month, status,
 * outcome, dates). Idempotent; run by housekeeping.
 */
import { and, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reportEvents, reportFiles, reportForwards, reportMessages, reports } from "../../db/schema";
import { addDays } from "../utils/calendar";
import type { Config } from "../utils/env.server";

/** Purges reports closed before `today` minus the retention period; returns how many. */
export async function purgeClosedReports(db: Database, config: Pick<Config, "reports">, today: string): Promise<number> {
  const cutoff = addDays(today, -config.reports.retentionDays);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(sql`${reports.status} = 'closed'`, lt(reports.closedOn, cutoff), isNull(reports.purgedOn)));
    const ids = due.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.delete(reportMessages).where(inArray(reportMessages.reportId, ids));
    await tx.delete(reportFiles).where(inArray(reportFiles.reportId, ids));
    await tx.delete(reportForwards).where(inArray(reportForwards.reportId, ids));
    await tx.update(reportEvents).set({ publicReason: null }).where(inArray(reportEvents.reportId, ids));
    await tx.update(reports).set({ content: null, purgedOn: today }).where(inArray(reports.id, ids));
    return ids.length;
  });
}
