import { localDate } from "~/utils/calendar";

/**
 * The days the server may have stamped on something it did just now in a region's time zone:
 * today there, or the day before when the request straddled local midnight. Whole-app tests
 * compare stored dates with this rather than with a date taken when the file started.
 */
export function daysOfJustNow(timeZone = "Asia/Jakarta", now = new Date()): string[] {
  return [localDate(timeZone, new Date(now.getTime() - 60_000)), localDate(timeZone, now)];
}
