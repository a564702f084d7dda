/**
 * Anonymous statistics of back-door reports, and the suppression rule that publishes them
 * (pure; shared/domain/reporting.md: aggregates only above a minimum count;
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
 */
import { REPORT_CATEGORIES, type ReportCategory } from "./form-schema";
import { followedUpOnTime, type ReportClock } from "./status-machine";

/** A total and the cells that add up to it. */
export interface Line {
  total: string;
  parts: readonly string[];
}

interface Problem {
  values: Int32Array;
  totals: Int32Array;
  parts: Int32Array[];
  /** For each cell, the lines it belongs to (as a part or as the total). */
  linesOf: number[][];
  min: number;
}

const sensitive = (problem: Problem, cell: number) => problem.values[cell]! > 0 && problem.values[cell]! < problem.min;

/**
 * The cells a reader can know: the published ones, and any hidden one that is a known total
 * minus the other known parts of its line (or a total whose parts are all known). A sensitive
 * cell (1 to min − 1) is never counted as derivable here: the leak check catches the line
 * that would reveal it.
 */
function knownCells(problem: Problem, hidden: Uint8Array): Uint8Array {
  const known = new Uint8Array(hidden.length);
  for (let i = 0; i < hidden.length; i++) known[i] = hidden[i] ? 0 : 1;
  const queue = problem.parts.map((_, i) => i);
  const learn = (cell: number) => {
    known[cell] = 1;
    queue.push(...problem.linesOf[cell]!);
  };
  while (queue.length > 0) {
    const line = queue.pop()!;
    const total = problem.totals[line]!;
    let unknown = -1;
    let unknownCount = 0;
    for (const part of problem.parts[line]!) {
      if (!known[part]) {
        unknown = part;
        unknownCount += 1;
      }
    }
    if (known[total] && unknownCount === 1 && !sensitive(problem, unknown)) learn(unknown);
    else if (!known[total] && unknownCount === 0 && !sensitive(problem, total)) learn(total);
  }
  return known;
}

const bySize = (problem: Problem) => (a: number, b: number) => problem.values[a]! - problem.values[b]! || a - b;

/**
 * For a hidden cell a reader can still recompute: the published cell to hide so that no line
 * recomputes it any more (the smallest non-zero one; when that one is itself recomputed, the
 * cell that pins it in turn), or -1 if there is none.
 */
function breakDerivation(problem: Problem, cell: number, known: Uint8Array, hidden: Uint8Array, visited: Set<number>): number {
  visited.add(cell);
  for (const line of problem.linesOf[cell]!) {
    const members = [problem.totals[line]!, ...problem.parts[line]!];
    if (members.some((m) => m !== cell && !known[m])) continue;
    const candidates = members.filter((m) => m !== cell && problem.values[m]! > 0 && !visited.has(m)).sort(bySize(problem));
    for (const candidate of candidates) {
      const pick = hidden[candidate] ? breakDerivation(problem, candidate, known, hidden, visited) : candidate;
      if (pick !== -1) return pick;
    }
  }
  return -1;
}

/**
 * The cells to hide for the lines that leak now (a line whose total is known and whose unknown
 * parts count fewer than `min` together); empty when nothing leaks. Cells hidden earlier in the
 * same pass count as unknown, so one hide can settle several lines.
 */
function nextHides(problem: Problem, hidden: Uint8Array): number[] {
  const known = knownCells(problem, hidden);
  const picked: number[] = [];
  for (let line = 0; line < problem.parts.length; line++) {
    const total = problem.totals[line]!;
    if (!known[total]) continue;
    let unknownSum = 0;
    let unknownCount = 0;
    for (const part of problem.parts[line]!) {
      if (!known[part]) {
        unknownSum += problem.values[part]!;
        unknownCount += 1;
      }
    }
    if (unknownCount === 0 || unknownSum >= problem.min) continue;
    const target = [...problem.parts[line]!].filter((p) => known[p] && problem.values[p]! > 0).sort(bySize(problem))[0] ?? total;
    const cell = hidden[target] ? breakDerivation(problem, target, known, hidden, new Set()) : target;
    if (cell === -1) continue;
    hidden[cell] = 1;
    known[cell] = 0;
    picked.push(cell);
  }
  return picked;
}

/**
 * The keys to hide: every count from 1 to `min` − 1; then, until no line leaks, for a line
 * whose total a reader knows and whose unknown parts count fewer than `min` together, the
 * smallest known non-zero part of that line (hiding a zero would not help), or its total.
 * "Known" includes hidden cells that can be recomputed through other lines; when the cell to
 * hide is one of those, a published cell of the line that recomputes it is hidden instead.
 */
export function suppress(counts: ReadonlyMap<string, number>, lines: readonly Line[], min: number): Set<string> {
  const keys = [...counts.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const id = (key: string) => {
    const found = index.get(key);
    if (found === undefined) throw new Error(`line refers to an unknown cell ${key}`);
    return found;
  };
  const problem: Problem = {
    values: Int32Array.from(keys.map((k) => counts.get(k)!)),
    totals: Int32Array.from(lines.map((l) => id(l.total))),
    parts: lines.map((l) => Int32Array.from(l.parts.map(id))),
    linesOf: keys.map(() => []),
    min,
  };
  lines.forEach((l, i) => {
    for (const cell of [id(l.total), ...l.parts.map(id)]) problem.linesOf[cell]!.push(i);
  });
  const hidden = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) if (sensitive(problem, i)) hidden[i] = 1;
  while (nextHides(problem, hidden).length > 0);
  return new Set(keys.filter((_, i) => hidden[i]));
}

/** The periods of a year a report table covers: "Y", "S1"–"S2", "Q1"–"Q4", "M01"–"M12". */
const YEAR_PARTS = {
  year: ["Y"],
  semester: ["S1", "S2"],
  quarter: ["Q1", "Q2", "Q3", "Q4"],
  month: ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"],
} as const;

/** The periods a period of the year is made of (semester → quarters, quarter → months …). */
function periodLines(): Array<{ total: string; parts: string[] }> {
  const month = (m: number) => `M${String(m).padStart(2, "0")}`;
  const lines = [
    { total: "Y", parts: ["S1", "S2"] },
    { total: "Y", parts: ["Q1", "Q2", "Q3", "Q4"] },
    { total: "Y", parts: YEAR_PARTS.month.slice() },
  ];
  for (const s of [1, 2]) lines.push({ total: `S${s}`, parts: [`Q${2 * s - 1}`, `Q${2 * s}`] });
  for (const s of [1, 2]) lines.push({ total: `S${s}`, parts: [1, 2, 3, 4, 5, 6].map((m) => month((s - 1) * 6 + m)) });
  for (const q of [1, 2, 3, 4]) lines.push({ total: `Q${q}`, parts: [1, 2, 3].map((m) => month((q - 1) * 3 + m)) });
  return lines;
}
const PERIOD_LINES = periodLines();
const ALL_PERIODS: readonly string[] = [...YEAR_PARTS.year, ...YEAR_PARTS.semester, ...YEAR_PARTS.quarter, ...YEAR_PARTS.month];

/** "unit" is a unit id, "none" (reporter did not know the unit) or "*" (all). */
export type UnitKey = number | "none" | "*";
export type CategoryKey = ReportCategory | "*";

const key = (unit: UnitKey, category: CategoryKey | "due" | "onTime", period: string) => `${unit}|${category}|${period}`;

/** One group of reports in the source data: unit, category, month, and the follow-up tally. */
export interface ReportCount {
  unit: number | null;
  category: ReportCategory;
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
export type Published = { value: number; published: true } | { value: null; published: false };

export interface OnTimeShare {
  due: number | null;
  onTime: number | null;
  /** onTime ÷ due, four decimals; null when held back or nothing was due. */
  share: number | null;
  published: boolean;
}

export interface ReportStats {
  min: number;
  count(unit: UnitKey, category: CategoryKey, period: string): Published;
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
  const onTimes = new Map<string, number>();
  for (const row of rows) {
    const month = `M${String(row.month).padStart(2, "0")}`;
    const periods = ["Y", `S${row.month <= 6 ? 1 : 2}`, `Q${Math.ceil(row.month / 3)}`, month];
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
  }
  for (const u of [...unitKeys, "*" as const]) {
    for (const c of [...REPORT_CATEGORIES, "*" as const, "due" as const]) {
      for (const line of PERIOD_LINES) lines.push({ total: key(u, c, line.total), parts: line.parts.map((p) => key(u, c, p)) });
    }
  }
  const hidden = suppress(counts, lines, min);

  return {
    min,
    count(unit, category, period) {
      const k = key(unit, category, period);
      const value = counts.get(k);
      if (value === undefined || hidden.has(k)) return { value: null, published: false };
      return { value, published: true };
    },
    onTime(unit, period) {
      const k = key(unit, "due", period);
      const due = counts.get(k);
      if (due === undefined || hidden.has(k)) return { due: null, onTime: null, share: null, published: false };
      const onTime = onTimes.get(key(unit, "onTime", period)) ?? 0;
      return { due, onTime, share: due === 0 ? null : Math.round((onTime / due) * 10_000) / 10_000, published: true };
    },
  };
}

/** The period key of the report table for a reporting period of the SKM ("2026-Q3" → "Q3"). */
export function tablePeriod(period: { kind: "year" | "semester" | "quarter" | "month"; index?: number }): string {
  switch (period.kind) {
    case "year":
      return "Y";
    case "semester":
      return `S${period.index}`;
    case "quarter":
      return `Q${period.index}`;
    case "month":
      return `M${String(period.index).padStart(2, "0")}`;
  }
}
