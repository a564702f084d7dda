/**
 * IPAK and IPKP from SPAK / SPKP answers (pure). Each survey's mean is the equal-weight
 * mean of its item means (as the SKM's NRR per unsur), over the items that were answered in
 * the period: an item nobody answered is left out and the others keep equal weights, so one
 * skipped statement does not withhold a unit's index (docs/perception.md). The index on 0–4
 * is mean ÷ 6 × 4 (the conversion of the perception profile), rounded half up to two decimals
 * with exact rational arithmetic so a boundary such as 3.60 is never missed by a
 * floating-point error.
 */
import {
  PERCEPTION_ITEMS,
  SPAK_ITEMS,
  SPKP_ITEMS,
  type PerceptionItem,
  type PerceptionProfile,
} from "../regulation/perception";
import { addAnswers, emptyRunningTotals, type ItemTotal, type RunningTotals, type TotalsLayout } from "../stats/running-totals";

export interface PerceptionTotals {
  /** Respondents who answered at least one SPAK item, and at least one SPKP item. */
  spakRespondents: number;
  spkpRespondents: number;
  items: Record<PerceptionItem, ItemTotal>;
}

interface SurveyIndex {
  respondents: number;
  /** Mean answer (1–6) per item; null for an item nobody answered. */
  itemMeans: Record<string, number | null>;
  /** Mean of the means of the answered items (1–6), null when no item has an answer. */
  mean: number | null;
  /** The 0–4 index, two decimals; null when `mean` is null. */
  index: number | null;
  /** Items of the survey nobody answered in the period, left out of `mean`. */
  unanswered: string[];
}

export interface PerceptionResult {
  profileId: string;
  ipak: SurveyIndex;
  ipkp: SurveyIndex;
}

type Counter = "spakRespondents" | "spkpRespondents";

/** The running totals of both surveys: respondents who answered at least one SPAK / SPKP item, and the sixteen items. */
export const PERCEPTION_LAYOUT: TotalsLayout<PerceptionItem, Counter> = {
  items: PERCEPTION_ITEMS,
  counters: { spakRespondents: SPAK_ITEMS, spkpRespondents: SPKP_ITEMS },
};

/** Perception totals from the running-totals engine's shape. */
export function fromRunningTotals({ respondents, items }: RunningTotals<PerceptionItem, Counter>): PerceptionTotals {
  return { spakRespondents: respondents.spakRespondents, spkpRespondents: respondents.spkpRespondents, items };
}

export function emptyPerceptionTotals(): PerceptionTotals {
  return fromRunningTotals(emptyRunningTotals(PERCEPTION_LAYOUT));
}

/** Adds one response (null = item not answered) to the totals, returning new totals. */
export function addPerceptionResponse(
  totals: PerceptionTotals,
  answers: Partial<Record<PerceptionItem, number | null>>,
): PerceptionTotals {
  const { spakRespondents, spkpRespondents, items } = totals;
  return fromRunningTotals(addAnswers(PERCEPTION_LAYOUT, { respondents: { spakRespondents, spkpRespondents }, items }, answers));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function surveyIndex(
  items: readonly PerceptionItem[],
  totals: PerceptionTotals,
  respondents: number,
  profile: PerceptionProfile,
): SurveyIndex {
  const itemMeans = Object.fromEntries(
    items.map((i) => [i, totals.items[i].count > 0 ? totals.items[i].sum / totals.items[i].count : null]),
  );
  const answered = items.filter((i) => totals.items[i].count > 0);
  const unanswered = items.filter((i) => totals.items[i].count === 0);
  if (answered.length === 0) return { respondents, itemMeans, mean: null, index: null, unanswered };
  // mean = (1/k) Σ sum_i / count_i over the k answered items, as an exact fraction
  let numerator = 0n;
  let denominator = 1n;
  for (const item of answered) {
    const { sum, count } = totals.items[item];
    numerator = numerator * BigInt(count) + BigInt(sum) * denominator;
    denominator *= BigInt(count);
    const divisor = gcd(numerator, denominator);
    numerator /= divisor;
    denominator /= divisor;
  }
  denominator *= BigInt(answered.length);
  // index hundredths = round_half_up(100 · indexMax · n / (scaleMax · d))
  const top = 100n * BigInt(profile.indexMax) * numerator;
  const bottom = BigInt(profile.scale.max) * denominator;
  const hundredths = (2n * top + bottom) / (2n * bottom);
  return {
    respondents,
    itemMeans,
    mean: Number(numerator) / Number(denominator),
    index: Number(hundredths) / 100,
    unanswered,
  };
}

export function computePerception(totals: PerceptionTotals, profile: PerceptionProfile): PerceptionResult {
  return {
    profileId: profile.id,
    ipak: surveyIndex(
      profile.spak.map((i) => i.code),
      totals,
      totals.spakRespondents,
      profile,
    ),
    ipkp: surveyIndex(
      profile.spkp.map((i) => i.code),
      totals,
      totals.spkpRespondents,
      profile,
    ),
  };
}
