/**
 * Integrity flags of a unit's SKM ratings for one period (pure). They are computed from what is
 * stored (dates, sources, counts, answers) plus aggregate counts: ratings per ten-minute slot of
 * the day, ratings per keyed client hash per day, ratings per kiosk device. No flag names or
 * needs an identity. A flag asks a person to look: it never hides, deletes or reweighs ratings.
 * docs/integrity.md explains each flag and its thresholds; change them here only.
 */
import { DAILY_MAX_FREE } from "../skm/suspicion";

/** A ten-minute slot with at least this many live ratings is a burst. */
export const BURST_SLOT_MIN = 15;
/** Live ratings given while the unit is closed: at least this many… */
const OUTSIDE_HOURS_MIN = 10;
/** …and at least this share of the period's live ratings. */
const OUTSIDE_HOURS_SHARE = 0.2;
/** All nine answers the same: at least this many… */
const STRAIGHT_MIN = 10;
/** …and a share above both this floor and STRAIGHT_FACTOR × its share in the previous periods. */
const STRAIGHT_SHARE_FLOOR = 0.3;
const STRAIGHT_FACTOR = 2;
/** The index score (25–100) this many points above the mean of the previous periods… */
const JUMP_POINTS = 10;
/** …with at least this many respondents in the period. */
const JUMP_MIN_RESPONDENTS = 30;
/** How many previous periods of the same kind the comparisons read. */
export const PREVIOUS_PERIODS = 3;
/**
 * Ratings from client keys that gave more than HEAVY_CLIENT_DAY ratings on a day: the same day
 * count beyond which the rating form asks for the challenge (app/skm/suspicion.ts), so the flag
 * and the challenge call one client "heavy" at one mark…
 */
export const HEAVY_CLIENT_DAY = DAILY_MAX_FREE;
/** …at least this many, and at least this share of the period's web ratings. */
const HEAVY_CLIENT_MIN = 10;
const HEAVY_CLIENT_SHARE = 0.2;
/** One kiosk device giving at least this share of all the period's ratings… */
const DEVICE_SHARE = 0.6;
/** …with at least this many ratings. */
const DEVICE_MIN = 30;
/** Kiosk score this many points above the web score, each source with at least SPLIT_MIN respondents. */
const SPLIT_POINTS = 10;
const SPLIT_MIN = 30;
/** "Yes" to the coercion question: at least this many, and this share of those who answered it. */
const COERCION_MIN = 3;
const COERCION_SHARE = 0.1;

export const FLAG_KINDS = [
  "burst",
  "outsideHours",
  "moreThanServed",
  "straightLining",
  "indexJump",
  "oneClient",
  "oneDevice",
  "kioskSplit",
  "coercion",
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** What is stored about one unit in one period, as the flags read it. */
export interface PeriodFigures {
  respondents: number;
  bySource: { web: number; kiosk: number; paper: number };
  /** Index score (25–100) of the period, null when it cannot be computed. */
  score: number | null;
  /** Score of the web and kiosk ratings separately. */
  scoreBySource: { web: number | null; kiosk: number | null };
  /** Responses with all nine unsur answered with the same value. */
  straightLined: number;
  coercionYes: number;
  coercionAnswered: number;
  /** Live ratings counted in ten-minute slots, those in slots the unit is closed, and the largest slot. */
  slotRatings: number;
  outsideHours: number;
  largestSlot: number;
  burstSlots: number;
  /** Web ratings from client keys with more than HEAVY_CLIENT_DAY ratings on one day, and the largest day of one key. */
  heavyClientRatings: number;
  largestClientDay: number;
  /** The most ratings one kiosk device gave in the period. */
  largestDevice: number;
  /** People served in the period (the unit's figure scaled to it), null when unknown. */
  served: number | null;
}

/** The previous periods of the same kind, newest first, as far as they are known. */
export interface PreviousFigures {
  respondents: number;
  score: number | null;
  straightLined: number;
}

export interface Flag {
  kind: FlagKind;
  /** The figures behind the flag, by name, for staff pages. */
  figures: Record<string, number | null>;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function integrityFlags(now: PeriodFigures, previous: readonly PreviousFigures[]): Flag[] {
  const flags: Flag[] = [];
  const recent = previous.slice(0, PREVIOUS_PERIODS);

  if (now.largestSlot >= BURST_SLOT_MIN) {
    flags.push({ kind: "burst", figures: { largestSlot: now.largestSlot, burstSlots: now.burstSlots, threshold: BURST_SLOT_MIN } });
  }

  if (now.outsideHours >= OUTSIDE_HOURS_MIN && share(now.outsideHours, now.slotRatings) >= OUTSIDE_HOURS_SHARE) {
    flags.push({ kind: "outsideHours", figures: { outsideHours: now.outsideHours, liveRatings: now.slotRatings, share: round(share(now.outsideHours, now.slotRatings)) } });
  }

  if (now.served !== null && now.respondents > now.served) {
    flags.push({ kind: "moreThanServed", figures: { respondents: now.respondents, served: now.served } });
  }

  const straightShare = share(now.straightLined, now.respondents);
  const usualRespondents = recent.reduce((n, p) => n + p.respondents, 0);
  const usualShare = usualRespondents > 0 ? share(recent.reduce((n, p) => n + p.straightLined, 0), usualRespondents) : null;
  if (now.straightLined >= STRAIGHT_MIN && straightShare > STRAIGHT_SHARE_FLOOR && (usualShare === null || straightShare > STRAIGHT_FACTOR * usualShare)) {
    flags.push({
      kind: "straightLining",
      figures: { straightLined: now.straightLined, respondents: now.respondents, share: round(straightShare), usualShare: usualShare === null ? null : round(usualShare) },
    });
  }

  const previousScores = recent.map((p) => p.score).filter((s): s is number => s !== null);
  if (now.score !== null && now.respondents >= JUMP_MIN_RESPONDENTS && previousScores.length > 0) {
    const mean = previousScores.reduce((a, b) => a + b, 0) / previousScores.length;
    if (now.score - mean >= JUMP_POINTS) flags.push({ kind: "indexJump", figures: { score: now.score, previousMean: round(mean), points: round(now.score - mean) } });
  }

  if (now.heavyClientRatings >= HEAVY_CLIENT_MIN && share(now.heavyClientRatings, now.bySource.web) >= HEAVY_CLIENT_SHARE) {
    flags.push({
      kind: "oneClient",
      figures: { heavyClientRatings: now.heavyClientRatings, webRatings: now.bySource.web, share: round(share(now.heavyClientRatings, now.bySource.web)), largestClientDay: now.largestClientDay },
    });
  }

  if (now.largestDevice >= DEVICE_MIN && share(now.largestDevice, now.respondents) >= DEVICE_SHARE) {
    flags.push({ kind: "oneDevice", figures: { largestDevice: now.largestDevice, respondents: now.respondents, share: round(share(now.largestDevice, now.respondents)) } });
  }

  const { web, kiosk } = now.scoreBySource;
  if (web !== null && kiosk !== null && now.bySource.web >= SPLIT_MIN && now.bySource.kiosk >= SPLIT_MIN && kiosk - web >= SPLIT_POINTS) {
    flags.push({ kind: "kioskSplit", figures: { kioskScore: kiosk, webScore: web, kioskRatings: now.bySource.kiosk, webRatings: now.bySource.web } });
  }

  if (now.coercionYes >= COERCION_MIN && share(now.coercionYes, now.coercionAnswered) >= COERCION_SHARE) {
    flags.push({ kind: "coercion", figures: { yes: now.coercionYes, answered: now.coercionAnswered, share: round(share(now.coercionYes, now.coercionAnswered)) } });
  }
  return flags;
}

export interface OpeningRule {
  days: readonly number[];
  opens: string;
  closes: string;
}

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
};

/**
 * Whether a unit is closed during a whole ten-minute slot of a day (ISO weekday 1–7). A slot
 * that overlaps opening hours at all counts as open; a unit with no hours recorded is never
 * "closed" (nothing to compare against).
 */
export function slotClosed(rules: readonly OpeningRule[], isoWeekday: number, slot: number): boolean {
  if (rules.length === 0) return false;
  const start = slot * 10;
  const end = start + 10;
  return !rules.some((rule) => rule.days.includes(isoWeekday) && minutesOf(rule.opens) < end && minutesOf(rule.closes) > start);
}

/** The period keys a flag review may name: a month, a quarter or a year. */
export function isFlagPeriod(key: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(key);
}
