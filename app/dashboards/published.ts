/**
 * Published aggregates (pure): the SKM index, the perception indices and the ZI readiness as
 * the dashboards and open data show them. Totals come per unit and month from the running
 * totals; they are added up into quarters, years or several units here, and nothing is
 * computed from fewer than `min` respondents (DISCLOSURE_MIN). docs/decisions/010.
 */
import { computePerception, emptyPerceptionTotals, type PerceptionTotals } from "../perception/formula";
import { CURRENT_PERCEPTION_PROFILE, PERCEPTION_ITEMS } from "../regulation/perception";
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
export const emptyPerceptionCell = (): PerceptionCell => ({ totals: emptyPerceptionTotals() });

export function addSkm(a: SkmCell, b: SkmCell): SkmCell {
  const totals = { ...a.totals };
  for (const e of SKM_ELEMENTS) totals[e] = { sum: a.totals[e].sum + b.totals[e].sum, count: a.totals[e].count + b.totals[e].count };
  return { respondents: a.respondents + b.respondents, totals };
}

export function addPerception(a: PerceptionCell, b: PerceptionCell): PerceptionCell {
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

export type BucketKind = "year" | "quarter" | "month";

/** The period key (as in skm/periods.ts) a month "YYYY-MM" belongs to: "2026", "2026-Q2", "2026-05". */
export function bucketOf(month: string, kind: BucketKind): string {
  const year = month.slice(0, 4);
  if (kind === "year") return year;
  if (kind === "month") return month;
  return `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** Adds monthly cells up into the buckets of `kind`, keyed by bucket. */
export function rollUp<T>(monthly: ReadonlyArray<{ month: string; cell: T }>, kind: BucketKind, add: (a: T, b: T) => T): Map<string, T> {
  const result = new Map<string, T>();
  for (const { month, cell } of monthly) {
    const bucket = bucketOf(month, kind);
    const current = result.get(bucket);
    result.set(bucket, current === undefined ? cell : add(current, cell));
  }
  return result;
}

export interface PublishedSkmIndex {
  respondents: number;
  published: boolean;
  ikm: number | null;
  score: number | null;
  grade: "A" | "B" | "C" | "D" | null;
  nrr: Record<SkmElement, number | null> | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function publishSkm(cell: SkmCell, min: number): PublishedSkmIndex {
  if (cell.respondents < min) return { respondents: cell.respondents, published: false, ikm: null, score: null, grade: null, nrr: null };
  const result = computeIkm(cell.totals, SKM_2017);
  return {
    respondents: cell.respondents,
    published: true,
    ikm: result.ikm === null ? null : round(result.ikm, 6),
    score: result.score,
    grade: result.grade?.grade ?? null,
    nrr: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, result.nrr[e] === null ? null : round(result.nrr[e], 6)])) as Record<SkmElement, number | null>,
  };
}

export interface PublishedPerceptionIndex {
  respondents: number;
  published: boolean;
  /** Mean answer on the 1–6 scale (six decimals) and the 0–4 index (two decimals). */
  mean: number | null;
  index: number | null;
}

export interface PublishedPerception {
  profileId: string;
  ipak: PublishedPerceptionIndex;
  ipkp: PublishedPerceptionIndex;
}

export function publishPerception(cell: PerceptionCell, min: number): PublishedPerception {
  const result = computePerception(cell.totals, CURRENT_PERCEPTION_PROFILE);
  const one = (survey: typeof result.ipak): PublishedPerceptionIndex =>
    survey.respondents < min
      ? { respondents: survey.respondents, published: false, mean: null, index: null }
      : { respondents: survey.respondents, published: true, mean: survey.mean === null ? null : round(survey.mean, 6), index: survey.index };
  return { profileId: result.profileId, ipak: one(result.ipak), ipkp: one(result.ipkp) };
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
