/**
 * Working days for the reports' time limits (pure): Monday–Friday, minus the public holidays
 * and cuti bersama the installation keeps (table `holidays`). Dates are "YYYY-MM-DD" local
 * dates; no time of day is ever involved.
 */

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date `days` working days after `start` (the start day itself never counts). */
export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  const cursor = toUtc(start);
  let left = days;
  while (left > 0) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isWorkingDay(fromUtc(cursor), holidays)) left -= 1;
  }
  return fromUtc(cursor);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  const cursor = toUtc(from);
  const end = toUtc(to);
  let count = 0;
  while (cursor < end) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isWorkingDay(fromUtc(cursor), holidays)) count += 1;
  }
  return count;
}
