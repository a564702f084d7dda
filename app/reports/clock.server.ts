/**
 * The database side of a report's clock: the columns that make up a ReportClock (for selects)
 * and the holiday set the working-day functions take. One place, used by the reporter pages,
 * the queue, the case actions and the holiday administration.
 */
import type { Database } from "../../db/client";
import { holidays, reports } from "../../db/schema";

export const reportClockColumns = {
  status: reports.status,
  outcome: reports.outcome,
  receivedOn: reports.receivedOn,
  triagedOn: reports.triagedOn,
  triageDueOn: reports.triageDueOn,
  verifiedOn: reports.verifiedOn,
  followUpDueOn: reports.followUpDueOn,
  followedUpOn: reports.followedUpOn,
  closeDueOn: reports.closeDueOn,
  closedOn: reports.closedOn,
};

/** Every public holiday and cuti bersama, as a set of dates (a few dozen rows a year). */
export async function holidaySet(db: Database): Promise<Set<string>> {
  const rows = await db.select({ day: holidays.day }).from(holidays);
  return new Set(rows.map((row) => row.day));
}
