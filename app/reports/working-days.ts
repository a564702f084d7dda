/**
 * Working days for the reports' time limits (pure): Monday–Friday, minus the public holidays
 * and cuti bersama the installation keeps (table `holidays`). Dates are "YYYY-MM-DD" local
 * dates; no time of day is ever involved.
 */
import { addDays, daysBetween, isoWeekday } from "../utils/calendar";

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = isoWeekday(date);
  return weekday !== 6 && weekday !== 7 && !holidays.has(date);
}

/** The date `days` working days after `start` (the start day itself never counts). */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  let cursor = start;
  let left = days;
  while (left > 0) {
    cursor = addDays(cursor, 1);
    if (isWorkingDay(cursor, holidays)) left -= 1;
  }
  return cursor;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  const span = daysBetween(from, to);
  let count = 0;
  for (let day = 1; day <= span; day += 1) {
    if (isWorkingDay(addDays(from, day), holidays)) count += 1;
  }
  return count;
}

/**
 * The latest deadline that is at least `days` working days behind `today`: a report whose
 * deadline is on or before it is overdue by `days` working days or more.
 */
export function overdueCutoff(today: string, days: number, holidays: ReadonlySet<string>): string {
  let cursor = today;
  let counted = 0;
  while (counted < days) {
    if (isWorkingDay(cursor, holidays)) counted += 1;
    cursor = addDays(cursor, -1);
  }
  return cursor;
}

/** A deadline passed by `days` working days or more (the escalation rule of staff alerts). */
export function overdueBy(dueOn: string, today: string, days: number, holidays: ReadonlySet<string>): boolean {
  return dueOn < today && workingDaysBetween(dueOn, today, holidays) >= days;
}
