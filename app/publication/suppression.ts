/**
 * The one suppression rule of everything the portal publishes (pure; docs/decisions/011-one-publication-rule.md,
 * after 010): no published figure, alone or added to and subtracted from any other published
 * figure, may let a reader work out the answers, sums or counts of fewer than `min` people.
 *
 * A table is a set of cells (each a vector of counts: the people in the cell, and for
 * indices the number of answers to each question) and "lines": a total and the cells that add
 * up to it (a region = its units, a quarter = its months, a unit-period = its profile
 * categories). A cell is sensitive when any of its counts is 1 to min − 1 ("nobody" discloses
 * nobody, so zero is published). Because totals are published too, a hidden cell could be
 * recomputed by subtraction; so in every line whose total a reader can know, the cells the
 * reader cannot know must together count at least `min` (or nothing, for the secondary
 * counts); where they do not, the smallest published cell of the line is hidden as well
 * (complementary suppression), until no line leaks.
 */

/** A total and the cells that add up to it. */
export interface Line {
  total: string;
  parts: readonly string[];
}

interface Problem {
  /** cells × measures, row-major. */
  values: Int32Array;
  measures: number;
  totals: Int32Array;
  parts: Int32Array[];
  /** For each cell, the lines it belongs to (as a part or as the total). */
  linesOf: number[][];
  frozen: Uint8Array;
  min: number;
}

const value = (problem: Problem, cell: number, measure = 0) => problem.values[cell * problem.measures + measure]!;

function sensitive(problem: Problem, cell: number): boolean {
  for (let m = 0; m < problem.measures; m++) {
    const v = value(problem, cell, m);
    if (v > 0 && v < problem.min) return true;
  }
  return false;
}

function nonZero(problem: Problem, cell: number): boolean {
  for (let m = 0; m < problem.measures; m++) if (value(problem, cell, m) !== 0) return true;
  return false;
}

/**
 * The cells a reader can know: the published ones, and any hidden one that is a known total
 * minus the other known parts of its line (or a total whose parts are all known). A sensitive
 * cell is never counted as derivable here: the leak check catches the line that would reveal it.
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

const bySize = (problem: Problem) => (a: number, b: number) => value(problem, a) - value(problem, b) || a - b;

const hideable = (problem: Problem, cell: number) => !problem.frozen[cell] && nonZero(problem, cell);

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
    const candidates = members.filter((m) => m !== cell && hideable(problem, m) && !visited.has(m)).sort(bySize(problem));
    for (const candidate of candidates) {
      const pick = hidden[candidate] ? breakDerivation(problem, candidate, known, hidden, visited) : candidate;
      if (pick !== -1) return pick;
    }
  }
  return -1;
}

/** Whether the cells of a line a reader does not know count too few together. */
function lineLeaks(problem: Problem, line: number, known: Uint8Array): boolean {
  let unknownCount = 0;
  const sums = new Array<number>(problem.measures).fill(0);
  for (const part of problem.parts[line]!) {
    if (known[part]) continue;
    unknownCount += 1;
    for (let m = 0; m < problem.measures; m++) sums[m]! += value(problem, part, m);
  }
  if (unknownCount === 0) return false;
  // The people of the hidden group: fewer than min (even none) is a leak. Their answers to
  // one question: 1 to min − 1 is (nobody answered it discloses nobody).
  if (sums[0]! < problem.min) return true;
  return sums.some((sum, m) => m > 0 && sum > 0 && sum < problem.min);
}

/**
 * The cells to hide for the lines that leak now; empty when nothing leaks. Cells hidden
 * earlier in the same pass count as unknown, so one hide can settle several lines.
 */
function nextHides(problem: Problem, hidden: Uint8Array): number[] {
  const known = knownCells(problem, hidden);
  const picked: number[] = [];
  for (let line = 0; line < problem.parts.length; line++) {
    const total = problem.totals[line]!;
    if (!known[total] || !lineLeaks(problem, line, known)) continue;
    const candidates = [...problem.parts[line]!].filter((p) => known[p] && hideable(problem, p)).sort(bySize(problem));
    const target = candidates[0] ?? total;
    if (problem.frozen[target] && !hidden[target]) continue;
    const cell = hidden[target] ? breakDerivation(problem, target, known, hidden, new Set()) : target;
    if (cell === -1) continue;
    hidden[cell] = 1;
    known[cell] = 0;
    picked.push(cell);
  }
  return picked;
}

export interface SuppressOptions {
  /** Cells hidden whatever their counts (e.g. a profile whose unit-period is not published). */
  hidden?: Iterable<string>;
  /** Cells whose state is decided elsewhere: never hidden here (e.g. another table's totals). */
  frozen?: Iterable<string>;
}

/**
 * The keys to hide: every sensitive cell; then, until no line leaks, for a line whose total a
 * reader knows and whose unknown parts count too few together, the smallest known non-zero
 * part of that line (hiding a zero would not help), or its total. "Known" includes hidden
 * cells that can be recomputed through other lines; when the cell to hide is one of those, a
 * published cell of the line that recomputes it is hidden instead. A cell is a count or a
 * vector of counts (the first one the people, the others their answers per question).
 */
export function suppress(
  counts: ReadonlyMap<string, number | readonly number[]>,
  lines: readonly Line[],
  min: number,
  options: SuppressOptions = {},
): Set<string> {
  const keys = [...counts.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const id = (key: string) => {
    const found = index.get(key);
    if (found === undefined) throw new Error(`line refers to an unknown cell ${key}`);
    return found;
  };
  const vectors = keys.map((k) => {
    const v = counts.get(k)!;
    return typeof v === "number" ? [v] : v;
  });
  const measures = Math.max(1, ...vectors.map((v) => v.length));
  const values = new Int32Array(keys.length * measures);
  vectors.forEach((v, i) => v.forEach((n, m) => (values[i * measures + m] = n)));
  const frozen = new Uint8Array(keys.length);
  for (const key of options.frozen ?? []) frozen[id(key)] = 1;
  const problem: Problem = {
    values,
    measures,
    totals: Int32Array.from(lines.map((l) => id(l.total))),
    parts: lines.map((l) => Int32Array.from(l.parts.map(id))),
    linesOf: keys.map(() => []),
    frozen,
    min,
  };
  lines.forEach((l, i) => {
    for (const cell of [id(l.total), ...l.parts.map(id)]) problem.linesOf[cell]!.push(i);
  });
  const hidden = new Uint8Array(keys.length);
  for (const key of options.hidden ?? []) hidden[id(key)] = 1;
  for (let i = 0; i < keys.length; i++) if (!frozen[i] && sensitive(problem, i)) hidden[i] = 1;
  while (nextHides(problem, hidden).length > 0);
  return new Set(keys.filter((_, i) => hidden[i]));
}

/**
 * The periods of a year a table covers: "Y", "S1"–"S2", "Q1"–"Q4", "M01"–"M12" (the public
 * calendar grid; nothing public adds years together, so each year is a table of its own).
 */
const YEAR_PARTS = {
  year: ["Y"],
  semester: ["S1", "S2"],
  quarter: ["Q1", "Q2", "Q3", "Q4"],
  month: ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"],
} as const;

export const ALL_PERIODS: readonly string[] = [...YEAR_PARTS.year, ...YEAR_PARTS.semester, ...YEAR_PARTS.quarter, ...YEAR_PARTS.month];

const monthKey = (m: number) => `M${String(m).padStart(2, "0")}`;

/** Each period of the year as the sum of its parts (year → semesters, quarters, months …). */
function periodLines(): Line[] {
  const lines: Line[] = [
    { total: "Y", parts: ["S1", "S2"] },
    { total: "Y", parts: ["Q1", "Q2", "Q3", "Q4"] },
    { total: "Y", parts: YEAR_PARTS.month.slice() },
  ];
  for (const s of [1, 2]) lines.push({ total: `S${s}`, parts: [`Q${2 * s - 1}`, `Q${2 * s}`] });
  for (const s of [1, 2]) lines.push({ total: `S${s}`, parts: [1, 2, 3, 4, 5, 6].map((m) => monthKey((s - 1) * 6 + m)) });
  for (const q of [1, 2, 3, 4]) lines.push({ total: `Q${q}`, parts: [1, 2, 3].map((m) => monthKey((q - 1) * 3 + m)) });
  return lines;
}
export const PERIOD_LINES: readonly Line[] = periodLines();

/** The periods of the year a month (1–12) belongs to: the year, its semester, quarter, month. */
export function periodsOfMonth(month: number): string[] {
  return ["Y", `S${month <= 6 ? 1 : 2}`, `Q${Math.ceil(month / 3)}`, monthKey(month)];
}

/** The table key of a calendar period ("2026-Q3" → "Q3", a year → "Y"). */
export function tablePeriod(period: { kind: "year" | "semester" | "quarter" | "month"; index?: number }): string {
  switch (period.kind) {
    case "year":
      return "Y";
    case "semester":
      return `S${period.index}`;
    case "quarter":
      return `Q${period.index}`;
    case "month":
      return monthKey(period.index!);
  }
}
