/**
 * The IKM (Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017, pure:
 *   NRR (nilai rata-rata) per unsur = sum of its answers ÷ number of answers to it;
 *   IKM (1–4) = mean of the nine NRRs, each weighted exactly 1/9;
 *   score (25–100) = IKM × 25, rounded half up to two decimals; grade from the score.
 * Input is per-element sums and counts, so the same function serves raw responses and the
 * running totals kept per unit and period. The score is rounded with exact rational
 * arithmetic: a result exactly on a grade boundary is never pushed across it by floating point.
 */
import { SKM_ELEMENTS, type GradeBand, type SkmElement, type SkmProfile } from "../regulation/skm";
import { addItemAnswers, emptyRunningTotals, type ItemTotal, type TotalsLayout } from "../stats/running-totals";

export type ElementTotals = Record<SkmElement, ItemTotal>;

export interface IkmResult {
  profileId: string;
  nrr: Record<SkmElement, number | null>;
  /** Null when some unsur has no answer at all: the regulation's mean needs all nine. */
  ikm: number | null;
  score: number | null;
  grade: GradeBand | null;
}

/** The SKM's running totals: one respondent counter (every response) and the nine unsur. */
export const SKM_LAYOUT: TotalsLayout<SkmElement, "respondents"> = { items: SKM_ELEMENTS, counters: { respondents: null } };

export function emptyTotals(): ElementTotals {
  return emptyRunningTotals(SKM_LAYOUT).items;
}

/** Adds one response (null = an unanswered question) to running totals. */
export function addResponse(totals: ElementTotals, answers: Record<SkmElement, number | null>): ElementTotals {
  return addItemAnswers(SKM_ELEMENTS, totals, answers);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** The IKM as an exact fraction: (1/9) Σ sum_i / count_i. */
function exactIkm(totals: ElementTotals): { numerator: bigint; denominator: bigint } {
  let numerator = 0n;
  let denominator = 1n;
  for (const element of SKM_ELEMENTS) {
    const { sum, count } = totals[element];
    // numerator/denominator + sum/count
    numerator = numerator * BigInt(count) + BigInt(sum) * denominator;
    denominator *= BigInt(count);
    const divisor = gcd(numerator, denominator);
    numerator /= divisor;
    denominator /= divisor;
  }
  return { numerator, denominator: denominator * BigInt(SKM_ELEMENTS.length) };
}

function gradeFor(score: number, profile: SkmProfile): GradeBand {
  const band = profile.grades.find((g) => score >= g.minScore);
  const lowest = profile.grades[profile.grades.length - 1];
  if (!band && !lowest) throw new Error(`profile ${profile.id} has no grades`);
  return band ?? (lowest as GradeBand);
}

export function computeIkm(totals: ElementTotals, profile: SkmProfile): IkmResult {
  const nrr = Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, totals[e].count > 0 ? totals[e].sum / totals[e].count : null]),
  ) as Record<SkmElement, number | null>;
  if (SKM_ELEMENTS.some((e) => totals[e].count === 0)) {
    return { profileId: profile.id, nrr, ikm: null, score: null, grade: null };
  }
  const { numerator, denominator } = exactIkm(totals);
  const factor = BigInt(profile.conversionFactor * 100);
  // hundredths of the score, rounded half up: floor((2·f·n + d) / 2d)
  const hundredths = (2n * factor * numerator + denominator) / (2n * denominator);
  const score = Number(hundredths) / 100;
  return {
    profileId: profile.id,
    nrr,
    ikm: Number(numerator) / Number(denominator),
    score,
    grade: gradeFor(score, profile),
  };
}

/**
 * Krejcie & Morgan (1970) minimum sample for a population, as their table gives it
 * (the closed form, rounded to the nearest whole respondent): 100 → 80, 1,000 → 278.
 */
export function minimumSample(population: number, profile: SkmProfile): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const { chiSquare, proportion, margin } = profile.sample;
  const pq = proportion * (1 - proportion);
  const size = (chiSquare * population * pq) / (margin * margin * (population - 1) + chiSquare * pq);
  return Math.min(Math.round(size), Math.ceil(population));
}
