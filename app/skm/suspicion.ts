/**
 * When a web rating needs a challenge (captcha) and when it is refused: the thresholds live
 * here, in one place, and docs/integrity.md describes them. An ordinary resident never meets a
 * challenge; it is asked only when one of these signals fires, and nothing is stored until it
 * is passed. Counts are of ratings already stored, before the one being sent.
 */
import type { SkmSettings } from "../utils/env.server";

/** More than this many ratings of one unit from one client key within one ten-minute window. */
export const BURST_WINDOW_SECONDS = 600;
export const BURST_MAX_FREE = 3;
/** More than this many ratings of one unit from one client key on one day. */
export const DAILY_MAX_FREE = 5;
/** The hard ceiling: from one client key, for one unit, per day; beyond it the answer is 429. */
export const DAILY_CEILING = 50;
/**
 * A unit's ratings today above a multiple of its median day over the last VOLUME_DAYS days, and
 * at least a minimum today (a quiet unit's busy morning is not a signal): both are settings,
 * SKM_UNIT_DAY_MULTIPLE and SKM_UNIT_DAY_MIN (config.skm).
 */
export const VOLUME_DAYS = 28;

export interface RatingCounts {
  /** Ratings of the unit from this client key in the current ten-minute window. */
  clientBurst: number;
  /** Ratings of the unit from this client key today. */
  clientToday: number;
  /** Ratings of the unit today, all sources that count live (web and kiosk). */
  unitToday: number;
  /** The unit's ratings on each of the last VOLUME_DAYS days before today (missing days are 0). */
  unitPastDays: readonly number[];
}

export type RatingSignal = "burst" | "clientDay" | "unitVolume";

export interface RatingVerdict {
  /** Over the hard ceiling: refused (429) whatever the challenge. */
  refused: boolean;
  /** The signals that fired; any one asks for the challenge. */
  signals: RatingSignal[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Whether the next rating under these counts is refused, challenged, or free. */
export function ratingVerdict(counts: RatingCounts, volume: SkmSettings): RatingVerdict {
  const signals: RatingSignal[] = [];
  if (counts.clientBurst >= BURST_MAX_FREE) signals.push("burst");
  if (counts.clientToday >= DAILY_MAX_FREE) signals.push("clientDay");
  const past = [...counts.unitPastDays, ...Array<number>(Math.max(0, VOLUME_DAYS - counts.unitPastDays.length)).fill(0)].slice(0, VOLUME_DAYS);
  if (counts.unitToday >= volume.unitDayMin && counts.unitToday > volume.unitDayMultiple * median(past)) signals.push("unitVolume");
  return { refused: counts.clientToday >= DAILY_CEILING, signals };
}

/** The ten-minute slot of a local time of day ("HH:MM"): 0 for 00:00–00:09, 143 for 23:50–23:59. */
export function slotOf(localTime: string): number {
  const [hours = 0, minutes = 0] = localTime.split(":").map(Number);
  return hours * 6 + Math.floor(minutes / 10);
}
