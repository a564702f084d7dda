/**
 * Anonymous statistics of back-door reports, and the suppression rule that publishes them
 * (pure; aggregates only above a minimum count: docs/open-data.md, "The suppression rule";
 * docs/decisions/010-published-aggregates.md).
 *
 * A region's reports of one year form one table of counts keyed by unit (or "no unit"),
 * category and period (the year, its semesters, quarters and months), with every total:
 * per unit, per category, per period and for the whole region. A cell is published only
 * when it counts no report or at least `min` reports (primary suppression: "nobody reported
 * this" discloses nobody; 1 to min − 1 reports could point to the few who did). Because totals
 * are published too, a hidden cell could be recomputed by subtraction; so in every "line" (a
 * total and the cells that add up to it, e.g. a unit's year = its four quarters) whose total a
 * reader can know, the cells the reader cannot know must together count at least `min`.
 * Where they do not, the smallest published cell of the line is hidden as well
 * (complementary suppression), until no line leaks. Because year, quarter and month tables are
 * protected together, a reader cannot recover a hidden month from the published year and the
 * other months either.
 *
 * The region's reports are also counted by channel (the public form, or a moderator recording
 * a phone call, a letter…). Those cells add up to the same region totals, so their lines join
 * the same suppression run: a channel's count is published on the same terms as any other
 * cell, and no channel can be recovered from the region total and the other channels.
 */
import { REPORT_CATEGORIES, REPORT_CHANNELS, type ReportCategory, type ReportChannel } from "./form-schema";
import { ALL_PERIODS, PERIOD_LINES, periodsOfMonth, suppress, type Line } from "../publication/suppression";
import { followedUpOnTime, type ReportClock } from "./status-machine";

/** "unit" is a unit id, "none" (reporter did not know the unit) or "*" (all). */
export type UnitKey = number | "none" | "*";
type CategoryKey = ReportCategory | "*";

const key = (unit: UnitKey, category: CategoryKey | "due" | "onTime", period: string) => `${unit}|${category}|${period}`;
/** A region-wide count of one channel (its own key space beside the unit × category cells). */
const channelKey = (channel: ReportChannel, period: string) => `*|channel:${channel}|${period}`;

/** One group of reports in the source data: unit, category, month, and the follow-up tally. */
export interface ReportCount {
  unit: number | null;
  category: ReportCategory;
  channel: ReportChannel;
  /** Month of receipt, 1–12. */
  month: number;
  reports: number;
  /** Reports whose follow-up was due (see `followUpTally`) and those followed up in time. */
  due: number;
  onTime: number;
}

/**
 * Whether a report counts in the on-time share: it "had to be followed up" once verified and
 * either followed up or past its deadline (a report still within its deadline is not yet
 * late and is left out); on time per the status machine's `followedUpOnTime`.
 */
export function followUpTally(clock: ReportClock, today: string): { due: boolean; onTime: boolean } {
  const onTime = followedUpOnTime(clock);
  if (onTime === null) return { due: false, onTime: false };
  const due = clock.followedUpOn !== null || (clock.followUpDueOn !== null && clock.followUpDueOn < today);
  return { due, onTime: due && onTime };
}

/** A published count, or null with the reason it is held back. */
type Published = { value: number; published: true } | { value: null; published: false };

interface OnTimeShare {
  due: number | null;
  onTime: number | null;
  /** onTime ÷ due, four decimals; null when held back or nothing was due. */
  share: number | null;
  published: boolean;
}

export interface ReportStats {
  min: number;
  count(unit: UnitKey, category: CategoryKey, period: string): Published;
  /** The region's reports of one channel in a period. */
  channel(channel: ReportChannel, period: string): Published;
  onTime(unit: UnitKey, period: string): OnTimeShare;
}

/**
 * Builds a region's year of published report statistics from grouped counts. `units` lists
 * every unit of the region (so a unit without reports is a published or hidden zero, like
 * any other cell); reports without a unit appear only in "none" and in the region totals.
 */
export function buildReportStats(units: readonly number[], rows: readonly ReportCount[], min: number): ReportStats {
  const unitKeys: UnitKey[] = [...units, "none"];
  const counts = new Map<string, number>();
  const add = (k: string, n: number) => counts.set(k, (counts.get(k) ?? 0) + n);
  // Every cell exists, with zero where nothing was reported: a zero is a figure like any other.
  for (const u of [...unitKeys, "*" as const]) {
    for (const c of [...REPORT_CATEGORIES, "*" as const]) for (const p of ALL_PERIODS) counts.set(key(u, c, p), 0);
    for (const p of ALL_PERIODS) counts.set(key(u, "due", p), 0);
  }
  for (const ch of REPORT_CHANNELS) for (const p of ALL_PERIODS) counts.set(channelKey(ch, p), 0);
  const onTimes = new Map<string, number>();
  for (const row of rows) {
    const periods = periodsOfMonth(row.month);
    for (const p of periods) add(channelKey(row.channel, p), row.reports);
    for (const u of [row.unit ?? "none", "*"] as const) {
      for (const c of [row.category, "*"] as const) for (const p of periods) add(key(u, c, p), row.reports);
      for (const p of periods) {
        add(key(u, "due", p), row.due);
        onTimes.set(key(u, "onTime", p), (onTimes.get(key(u, "onTime", p)) ?? 0) + row.onTime);
      }
    }
  }

  const lines: Line[] = [];
  for (const p of ALL_PERIODS) {
    for (const u of [...unitKeys, "*" as const]) lines.push({ total: key(u, "*", p), parts: REPORT_CATEGORIES.map((c) => key(u, c, p)) });
    for (const c of [...REPORT_CATEGORIES, "*" as const]) lines.push({ total: key("*", c, p), parts: unitKeys.map((u) => key(u, c, p)) });
    lines.push({ total: key("*", "due", p), parts: unitKeys.map((u) => key(u, "due", p)) });
    lines.push({ total: key("*", "*", p), parts: REPORT_CHANNELS.map((ch) => channelKey(ch, p)) });
  }
  for (const ch of REPORT_CHANNELS) {
    for (const line of PERIOD_LINES) lines.push({ total: channelKey(ch, line.total), parts: line.parts.map((p) => channelKey(ch, p)) });
  }
  for (const u of [...unitKeys, "*" as const]) {
    for (const c of [...REPORT_CATEGORIES, "*" as const, "due" as const]) {
      for (const line of PERIOD_LINES) lines.push({ total: key(u, c, line.total), parts: line.parts.map((p) => key(u, c, p)) });
    }
  }
  const hidden = suppress(counts, lines, min);

  const published = (k: string): Published => {
    const value = counts.get(k);
    if (value === undefined || hidden.has(k)) return { value: null, published: false };
    return { value, published: true };
  };
  return {
    min,
    count: (unit, category, period) => published(key(unit, category, period)),
    channel: (channel, period) => published(channelKey(channel, period)),
    onTime(unit, period) {
      const k = key(unit, "due", period);
      const due = counts.get(k);
      if (due === undefined || hidden.has(k)) return { due: null, onTime: null, share: null, published: false };
      const onTime = onTimes.get(key(unit, "onTime", period)) ?? 0;
      return { due, onTime, share: due === 0 ? null : Math.round((onTime / due) * 10_000) / 10_000, published: true };
    },
  };
}
