/**
 * Calendar dates and time zones, the one place for them. A calendar date is a "YYYY-MM-DD"
 * string: a day, with no time of day and no zone. It becomes an instant only where a zone
 * says when that day starts (`startOfDay`), and an instant becomes a date only in a zone
 * (`localDate`). Pure: no I/O, no framework; the current instant is passed in by the caller.
 */

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a calendar date starts in UTC (an invalid Date when the text is no date): what a
 * formatter set to UTC writes as that very day, whatever zone it runs in.
 */
export function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date of an instant in UTC. */
function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Is the text a real calendar date "YYYY-MM-DD" (not 2026-02-30, not 2026-2-3)? Year 0 is not
 * one: PostgreSQL's dates have no year 0 (1 BC) and would refuse it.
 */
export function isCalendarDate(text: string): boolean {
  if (!DATE_PATTERN.test(text) || text.startsWith("0000")) return false;
  const at = utcMidnight(text);
  return !Number.isNaN(at.getTime()) && utcDate(at) === text;
}

/** The calendar date of a year, month (1–12) and day: (2026, 3, 1) → "2026-03-01". */
export function calendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date `days` days after `date`, or before it when `days` is negative. */
export function addDays(date: string, days: number): string {
  const at = utcMidnight(date);
  at.setUTCDate(at.getUTCDate() + days);
  return utcDate(at);
}

/** Whole days from `from` to `to`: 1 from one day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);
}

/** The ISO weekday of a date: 1 for Monday to 7 for Sunday. */
export function isoWeekday(date: string): number {
  const day = utcMidnight(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The month a date ("2026-11-02") or month ("2026-11") falls in: "2026-11". */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}

/** The quarter a date or month falls in, as the SKM periods name it: "2026-Q4". */
export function quarterKey(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** The first day of the month a date or month falls in: "2026-11-01". */
export function monthStart(date: string): string {
  return `${monthKey(date)}-01`;
}

type ZonePart = "year" | "month" | "day" | "hour" | "minute" | "second";

/** The wall-clock reading ("2026", "03", "01", "07", …) of an instant in a time zone. */
/** One formatter per time zone: making one costs more than formatting (every rating reads the local date). */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    // Only valid zones get here (an invalid one throws above), and there are a few hundred at most.
    zoneFormats.set(timeZone, format);
  }
  return format;
}

function zoneParts(at: Date, timeZone: string): Record<ZonePart, string> {
  const parts = zoneFormat(timeZone).formatToParts(at);
  const part = (type: ZonePart) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/**
 * The calendar date in a time zone at the instant `now` ("today" there). Callers that answer a
 * request may leave `now` out for the current instant; anything tested passes its own clock.
 */
export function localDate(timeZone: string, now: Date = new Date()): string {
  const { year, month, day } = zoneParts(now, timeZone);
  return `${year}-${month}-${day}`;
}

/** An instant as the wall clock of a time zone reads it: "2024-05-01 13:45:10". */
export function localDateTime(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute, second } = zoneParts(at, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** Minutes that a time zone is ahead of UTC at the instant `at`. */
function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const { year, month, day, hour, minute, second } = zoneParts(at, timeZone);
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as they are.
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  asUtc.setUTCHours(Number(hour), Number(minute), Number(second));
  return Math.round((asUtc.getTime() - at.getTime()) / 60_000);
}

/** The instant a calendar date starts in a time zone (its local midnight). */
export function startOfDay(date: string, timeZone: string): Date {
  const midnightUtc = utcMidnight(date);
  return new Date(midnightUtc.getTime() - zoneOffsetMinutes(timeZone, midnightUtc) * 60_000);
}
