/**
 * Public holidays and cuti bersama (table `holidays`): the days the reports' time limits skip.
 * One installation-wide list, kept by installation admins; every change is audited.
 */
import { and, asc, eq, gte, lte, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { holidays, reports } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { SignedInStaff } from "../auth/session.server";
import { holidaySet, reportClockColumns } from "./clock.server";
import { recomputeDeadlines, type ReportClock, type SlaSettings } from "./status-machine";

export async function holidaysOfYear(db: Database, year: number) {
  return db
    .select({ day: holidays.day, name: holidays.name })
    .from(holidays)
    .where(and(gte(holidays.day, `${year}-01-01`), lte(holidays.day, `${year}-12-31`)))
    .orderBy(asc(holidays.day));
}

/** Years that have holidays, plus the given ones, for the year picker. */
export async function holidayYears(db: Database, include: number[]): Promise<number[]> {
  const rows = await db.select({ day: holidays.day }).from(holidays);
  return [...new Set([...include, ...rows.map((row) => Number(row.day.slice(0, 4)))])].sort((a, b) => a - b);
}

/** Adds a holiday; false when that day is already one (nothing written). */
export async function addHoliday(db: Database, signedIn: SignedInStaff, sla: SlaSettings, day: string, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(holidays).values({ day, name }).onConflictDoNothing().returning({ day: holidays.day });
    if (inserted.length === 0) return false;
    await recountOpenDeadlines(tx, sla, day);
    await recordAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole: "admin",
      action: "holiday.added",
      objectType: "holiday",
      objectId: day,
    });
    return true;
  });
}

/** Removes a holiday; false when that day was not one. */
export async function removeHoliday(db: Database, signedIn: SignedInStaff, sla: SlaSettings, day: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(holidays).where(eq(holidays.day, day)).returning({ day: holidays.day });
    if (removed.length === 0) return false;
    await recountOpenDeadlines(tx, sla, day);
    await recordAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole: "admin",
      action: "holiday.removed",
      objectType: "holiday",
      objectId: day,
    });
    return true;
  });
}

/**
 * Counts the pending deadlines of open reports received up to `day` again with the current
 * holidays, so that a holiday entered late still moves the deadlines it falls within.
 */
async function recountOpenDeadlines(tx: Database, sla: SlaSettings, day: string): Promise<void> {
  const set = await holidaySet(tx);
  const open = await tx
    .select({ id: reports.id, ...reportClockColumns })
    .from(reports)
    .where(and(ne(reports.status, "closed"), lte(reports.receivedOn, day)));
  for (const { id, ...clock } of open) {
    const next = recomputeDeadlines(clock as ReportClock, sla, set);
    if (next.triageDueOn === clock.triageDueOn && next.followUpDueOn === clock.followUpDueOn && next.closeDueOn === clock.closeDueOn) continue;
    await tx
      .update(reports)
      .set({ triageDueOn: next.triageDueOn, followUpDueOn: next.followUpDueOn, closeDueOn: next.closeDueOn })
      .where(eq(reports.id, id));
  }
}
