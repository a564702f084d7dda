/**
 * Published aggregates (pure): the SKM index, the perception indices, the respondent profile
 * and the ZI readiness, exactly as every page, printable report, API and download shows them.
 * Totals come per unit and month from the running totals; they are added up here into the
 * calendar periods of a year and the region, and published under the one rule of
 * app/publication/suppression.ts (docs/decisions/010 and 011).
 */
import { computePerception, emptyPerceptionTotals, type PerceptionTotals } from "../perception/formula";
import { ALL_PERIODS, PERIOD_LINES, periodsOfMonth, suppress, type Line } from "../publication/suppression";
import { CURRENT_PERCEPTION_PROFILE, PERCEPTION_ITEMS, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "../regulation/perception";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { computeIkm, emptyTotals, type ElementTotals } from "../skm/formula";
import type { Requirement, ZiScore } from "../zi/score-types";

export interface SkmCell {
  respondents: number;
  totals: ElementTotals;
}

export interface PerceptionCell {
  totals: PerceptionTotals;
}

export const emptySkmCell = (): SkmCell => ({ respondents: 0, totals: emptyTotals() });
const emptyPerceptionCell = (): PerceptionCell => ({ totals: emptyPerceptionTotals() });

export function addSkm(a: SkmCell, b: SkmCell): SkmCell {
  const totals = { ...a.totals };
  for (const e of SKM_ELEMENTS) totals[e] = { sum: a.totals[e].sum + b.totals[e].sum, count: a.totals[e].count + b.totals[e].count };
  return { respondents: a.respondents + b.respondents, totals };
}

function addPerception(a: PerceptionCell, b: PerceptionCell): PerceptionCell {
  const items = { ...a.totals.items };
  for (const i of PERCEPTION_ITEMS) items[i] = { sum: a.totals.items[i].sum + b.totals.items[i].sum, count: a.totals.items[i].count + b.totals.items[i].count };
  return {
    totals: {
      spakRespondents: a.totals.spakRespondents + b.totals.spakRespondents,
      spkpRespondents: a.totals.spkpRespondents + b.totals.spkpRespondents,
      items,
    },
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A unit id, or "*" for all the units of the region together. */
type UnitOrAll = number | "*";

/** One month of one unit, from the running totals. */
export interface MonthlyCell<T> {
  unitId: number;
  /** 1–12 */
  month: number;
  cell: T;
}

const cellKey = (unit: UnitOrAll, period: string) => `${unit}|${period}`;

/**
 * A region's year as one table per measure family: cells per unit (and "*") and calendar
 * period, each a vector of counts, added up from the months; the lines are the region total
 * = its units and each period = its parts. Returns the cells and the keys to hide.
 */
function regionYearTable<T>(
  unitIds: readonly number[],
  monthly: ReadonlyArray<MonthlyCell<T>>,
  vector: (cell: T) => number[],
  withRegionTotal: boolean,
  min: number,
  empty: () => T,
  add: (a: T, b: T) => T,
): { cells: Map<string, T>; hidden: Set<string> } {
  const unitKeys: UnitOrAll[] = withRegionTotal ? [...unitIds, "*"] : [...unitIds];
  const cells = new Map<string, T>();
  for (const u of unitKeys) for (const p of ALL_PERIODS) cells.set(cellKey(u, p), empty());
  const known = new Set(unitIds);
  for (const row of monthly) {
    if (!known.has(row.unitId)) continue;
    for (const u of withRegionTotal ? [row.unitId, "*" as const] : [row.unitId]) {
      for (const p of periodsOfMonth(row.month)) cells.set(cellKey(u, p), add(cells.get(cellKey(u, p))!, row.cell));
    }
  }
  const lines: Line[] = [];
  for (const u of unitKeys) for (const line of PERIOD_LINES) lines.push({ total: cellKey(u, line.total), parts: line.parts.map((p) => cellKey(u, p)) });
  if (withRegionTotal) for (const p of ALL_PERIODS) lines.push({ total: cellKey("*", p), parts: unitIds.map((u) => cellKey(u, p)) });
  const counts = new Map([...cells].map(([k, c]) => [k, vector(c)]));
  return { cells, hidden: suppress(counts, lines, min) };
}

interface PublishedSkmIndex {
  /** null when the cell is not published (it would let a reader narrow someone down). */
  respondents: number | null;
  published: boolean;
  ikm: number | null;
  score: number | null;
  grade: "A" | "B" | "C" | "D" | null;
  performance: string | null;
  nrr: Record<SkmElement, number | null> | null;
}

const HIDDEN_SKM: PublishedSkmIndex = { respondents: null, published: false, ikm: null, score: null, grade: null, performance: null, nrr: null };

/**
 * The published SKM figures of a cell. Respondents and every unsur's answers are at least
 * `min` or zero (the suppression made sure), so the index is published whenever there are
 * respondents; six decimals for NRR and IKM, everywhere.
 */
function publishSkmCell(cell: SkmCell): PublishedSkmIndex {
  if (cell.respondents === 0) return { ...HIDDEN_SKM, respondents: 0 };
  const result = computeIkm(cell.totals, SKM_2017);
  return {
    respondents: cell.respondents,
    published: true,
    ikm: result.ikm === null ? null : round(result.ikm, 6),
    score: result.score,
    grade: result.grade?.grade ?? null,
    performance: result.grade?.performance ?? null,
    nrr: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, result.nrr[e] === null ? null : round(result.nrr[e], 6)])) as Record<SkmElement, number | null>,
  };
}

export interface SkmTable {
  /** The cell of a unit (or "*", the region) for a table period ("Y", "S1", "Q2", "M05"). */
  cell(unit: UnitOrAll, period: string): PublishedSkmIndex;
  /** Respondents of a cell before publication: only for the profile table, never shown. */
  respondents(unit: number, period: string): number;
}

export function buildSkmTable(unitIds: readonly number[], monthly: ReadonlyArray<MonthlyCell<SkmCell>>, min: number): SkmTable {
  const { cells, hidden } = regionYearTable(
    unitIds,
    monthly,
    (c) => [c.respondents, ...SKM_ELEMENTS.map((e) => c.totals[e].count)],
    true,
    min,
    emptySkmCell,
    addSkm,
  );
  const published = new Map([...cells].map(([k, c]) => [k, hidden.has(k) ? HIDDEN_SKM : publishSkmCell(c)]));
  return {
    cell: (unit, period) => published.get(cellKey(unit, period)) ?? HIDDEN_SKM,
    respondents: (unit, period) => cells.get(cellKey(unit, period))?.respondents ?? 0,
  };
}

interface PublishedPerceptionIndex {
  /** null when the cell is not published. */
  respondents: number | null;
  published: boolean;
  /** Mean answer on the 1–6 scale (six decimals) and the 0–4 index (two decimals). */
  mean: number | null;
  index: number | null;
  /** Mean answer per item (six decimals). */
  items: Record<string, number | null> | null;
}

interface PublishedPerception {
  profileId: string;
  ipak: PublishedPerceptionIndex;
  ipkp: PublishedPerceptionIndex;
}

const HIDDEN_PERCEPTION: PublishedPerceptionIndex = { respondents: null, published: false, mean: null, index: null, items: null };

export interface PerceptionTable {
  cell(unit: number, period: string): PublishedPerception;
}

/**
 * IPAK and IPKP of a region's units for a year. Each survey is its own table (a cell may
 * publish one and not the other); no region total is published, so the lines are the periods.
 */
export function buildPerceptionTable(unitIds: readonly number[], monthly: ReadonlyArray<MonthlyCell<PerceptionCell>>, min: number): PerceptionTable {
  const survey = (respondents: (c: PerceptionCell) => number, items: readonly PerceptionItem[]) =>
    regionYearTable(unitIds, monthly, (c) => [respondents(c), ...items.map((i) => c.totals.items[i].count)], false, min, emptyPerceptionCell, addPerception);
  const spak = survey((c) => c.totals.spakRespondents, SPAK_ITEMS);
  const spkp = survey((c) => c.totals.spkpRespondents, SPKP_ITEMS);
  const published = new Map<string, PublishedPerception>();
  for (const [k, c] of spak.cells) {
    const result = computePerception(c.totals, CURRENT_PERCEPTION_PROFILE);
    const one = (index: typeof result.ipak, hidden: boolean): PublishedPerceptionIndex => {
      if (hidden) return HIDDEN_PERCEPTION;
      if (index.respondents === 0) return { ...HIDDEN_PERCEPTION, respondents: 0 };
      return {
        respondents: index.respondents,
        published: true,
        mean: index.mean === null ? null : round(index.mean, 6),
        index: index.index,
        items: Object.fromEntries(Object.entries(index.itemMeans).map(([item, mean]) => [item, mean === null ? null : round(mean, 6)])),
      };
    };
    published.set(k, { profileId: result.profileId, ipak: one(result.ipak, spak.hidden.has(k)), ipkp: one(result.ipkp, spkp.hidden.has(k)) });
  }
  const none = { profileId: CURRENT_PERCEPTION_PROFILE.id, ipak: HIDDEN_PERCEPTION, ipkp: HIDDEN_PERCEPTION };
  return { cell: (unit, period) => published.get(cellKey(unit, period)) ?? none };
}

export const PROFILE_DIMENSIONS = {
  sex: ["L", "P"],
  ageBand: ["lt20", "20_29", "30_39", "40_49", "50_59", "gte60"],
  education: ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"],
  occupation: ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"],
} as const;
export type ProfileDimension = keyof typeof PROFILE_DIMENSIONS;

/**
 * How a unit's respondents split by where they rated and by their answer to the coercion
 * question ("true" = someone from the office asked for a good rating or watched). Each adds up
 * to the unit's respondents, so each is protected like a profile question (a source count is a
 * figure that can be subtracted from the total). The coercion answers are published only as a
 * share (publishSources), never as counts.
 */
export const SOURCE_DIMENSIONS = {
  source: ["web", "kiosk", "paper"],
  coercion: ["true", "false"],
} as const;
export type SourceDimension = keyof typeof SOURCE_DIMENSIONS;

/** One month's count of a unit's respondents with one answer (null = not said) to a profile question. */
export interface ProfileCount<D extends string = ProfileDimension> {
  month: number;
  dimension: D;
  value: string | null;
  count: number;
}

/** A profile row: the answer (null = not said) and its count, null when not published. */
export type ProfileRow = { value: string | null; count: number | null };

export interface ProfileTable<D extends string = ProfileDimension> {
  /** The breakdown of a period, or null when the period's SKM is not published. */
  period(period: string): Record<D, ProfileRow[]> | null;
}

/**
 * Who answered, per profile question, for a unit's year. Each question's answers add up to
 * the unit's respondents of the period (a cell of the SKM table, whose state is decided
 * there and kept), and each answer's months add up to its quarters and year. A breakdown is
 * shown only where the SKM cell is published; inside it, answers are protected like any cell.
 * `dimensions` is the respondent profile by default, or SOURCE_DIMENSIONS.
 */
export function buildProfileTable<D extends string = ProfileDimension>(
  skm: SkmTable,
  unitId: number,
  rows: ReadonlyArray<ProfileCount<D>>,
  min: number,
  dimensions: Readonly<Record<D, readonly string[]>> = PROFILE_DIMENSIONS as unknown as Record<D, readonly string[]>,
): ProfileTable<D> {
  const names = Object.keys(dimensions) as D[];
  const totalKey = (p: string) => `T|${p}`;
  const key = (d: D, v: string | null, p: string) => `${d}|${v ?? ""}|${p}`;
  const counts = new Map<string, number>();
  // A period whose SKM is not published has no breakdown; one without respondents has zeros.
  const shown = (p: string) => skm.cell(unitId, p).respondents !== null;
  for (const p of ALL_PERIODS) {
    counts.set(totalKey(p), skm.respondents(unitId, p));
    for (const d of names) for (const v of [...dimensions[d], null]) counts.set(key(d, v, p), 0);
  }
  for (const row of rows) {
    for (const p of periodsOfMonth(row.month)) {
      const k = key(row.dimension, row.value, p);
      if (counts.has(k)) counts.set(k, counts.get(k)! + row.count);
    }
  }
  const lines: Line[] = PERIOD_LINES.map((l) => ({ total: totalKey(l.total), parts: l.parts.map(totalKey) }));
  const preHidden: string[] = ALL_PERIODS.filter((p) => !shown(p)).map(totalKey);
  for (const d of names) {
    for (const v of [...dimensions[d], null]) {
      for (const l of PERIOD_LINES) lines.push({ total: key(d, v, l.total), parts: l.parts.map((p) => key(d, v, p)) });
      for (const p of ALL_PERIODS) if (!shown(p)) preHidden.push(key(d, v, p));
    }
    for (const p of ALL_PERIODS) lines.push({ total: totalKey(p), parts: [...dimensions[d], null].map((v) => key(d, v, p)) });
  }
  const hidden = suppress(counts, lines, min, { hidden: preHidden, frozen: ALL_PERIODS.map(totalKey) });
  return {
    period(p) {
      if (!skm.cell(unitId, p).published) return null;
      return Object.fromEntries(
        names.map((d) => [d, [...dimensions[d], null].map((v): ProfileRow => ({ value: v, count: hidden.has(key(d, v, p)) ? null : counts.get(key(d, v, p))! }))]),
      ) as Record<D, ProfileRow[]>;
    },
  };
}

export interface PublishedSources {
  /** Respondents per source (web, kiosk, paper), null where the count is not published. */
  bySource: ProfileRow[];
  /** Share (0–1, two decimals) of "yes" among those who answered the coercion question; null when not published. */
  coercionShare: number | null;
}

/**
 * The published split by source and the coercion share of a period. The share is published
 * only where both its counts are (a share of a hidden cell is hidden too), and not at all when
 * nobody answered the question.
 */
export function publishSources(breakdown: Record<SourceDimension, ProfileRow[]> | null): PublishedSources | null {
  if (!breakdown) return null;
  const count = (value: string) => breakdown.coercion.find((r) => r.value === value)?.count ?? null;
  const yes = count("true");
  const no = count("false");
  const coercionShare = yes === null || no === null || yes + no === 0 ? null : round(yes / (yes + no), 2);
  return { bySource: breakdown.source.filter((r) => r.value !== null), coercionShare };
}

/** The latest submitted ZI score of a unit. */
export interface UnitZi {
  year: number;
  profileId: string;
  score: ZiScore;
}

/** The requirements a readiness has not met (met === false), in the profile's order. */
export function unmet(readiness: { requirements: readonly Requirement[] }): Requirement[] {
  return readiness.requirements.filter((r) => r.met === false);
}

export type Predicate = "none" | "wbk" | "wbbm";

/**
 * The best WBK candidate: among units that hold no predicate yet and have a submitted ZI
 * score with a total, the highest total (ties: the name first in alphabetical order).
 */
export function bestWbkCandidate<T extends { name: string; predicate: Predicate; zi: UnitZi | null }>(units: readonly T[]): T | null {
  const eligible = units.filter((u) => u.predicate === "none" && u.zi !== null && u.zi.score.total !== null);
  eligible.sort((a, b) => b.zi!.score.total! - a.zi!.score.total! || a.name.localeCompare(b.name));
  return eligible[0] ?? null;
}
