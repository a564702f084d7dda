/**
 * The Zona Integritas score (pure): pengungkit (sub-area weight × value) plus hasil (IPAK,
 * capaian kinerja, IPKP), and readiness for WBK and WBBM against every threshold of the
 * regulation profile.
 *
 * Exactness (docs/zona-integritas.md, "Rounding and thresholds"): a sub-area value is the exact
 * mean of its items (5 of 6 = 5/6, not 0.8333), and every product and sum is an exact fraction
 * (app/zi/exact.ts), as the evaluators' worksheet carries full precision through its cells.
 * Only the figures shown are rounded, half up to two decimals (a value 0–1 to four). A
 * requirement is judged on the unrounded value against its threshold (≥): a total of 74.995
 * is shown as 75.00 and does not pass WBK; a value exactly on a threshold passes.
 */
import { CURRENT_ZI_PROFILE, type LkeArea, type LkeComponentKey, type LkeScale, type PerformanceGrade, type ZiProfile, type ZiThresholds } from "../regulation/zi";
import { add, div, exact, fromDecimal, gte, mul, roundHalfUp, roundUp, sub, ZERO, type Exact, type Fraction } from "./exact";
import type { AreaScore, HasilScore, IndexSource, Readiness, Requirement, SubareaScore, ZiScore } from "./score-types";

export type ZiPredicate = "none" | "wbk" | "wbbm";
export type LkeItemScale = LkeScale;
export const LKE_ITEM_SCALES: readonly LkeItemScale[] = ["yn", "abc", "abcd", "abcde", "percent"];

/**
 * A sub-area's value 0–1: an exact fraction (the mean of its items), or a decimal with at most
 * four decimals (a fraction entered directly or imported); null when not scored.
 */
export type SubareaInput = Fraction | number | null;

/** Sub-area values by component, then area, then sub-area name. */
export type SubareaValues = Record<LkeComponentKey, Record<string, Record<string, SubareaInput>>>;

export interface IndexInput {
  index: number | null;
  source: IndexSource;
}

export interface ZiInputs {
  subareas: SubareaValues;
  capaianKinerja: PerformanceGrade | null;
  ipak: IndexInput;
  ipkp: IndexInput;
}

export interface LkeItem {
  scale: LkeItemScale;
  /** "Y"/"T", a letter, or a percentage 0–100 as text. */
  answer: string;
  /** The position (0-based) of the profile's LKE question the row answers, when it answers one. */
  question?: number;
}

/** An item's value 0–1, or null when the answer does not belong to the scale. */
export function lkeItemValue(scale: LkeItemScale, answer: string, profile: ZiProfile = CURRENT_ZI_PROFILE): number | null {
  if (scale === "percent") {
    const text = answer.trim();
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
    const percent = Number(text);
    return percent <= 100 ? percent / 100 : null;
  }
  const values = profile.scales[scale].answers;
  return Object.hasOwn(values, answer) ? (values[answer] ?? null) : null;
}

/**
 * The exact mean of the items' values (every item value has at most four decimals, so the
 * mean is their sum in ten-thousandths over 10 000 × the count); null without items or when an
 * answer does not fit its scale.
 */
export function subareaFraction(items: readonly LkeItem[], profile: ZiProfile = CURRENT_ZI_PROFILE): Fraction | null {
  const values = items.map((item) => lkeItemValue(item.scale, item.answer, profile));
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const sum = values.reduce<number>((total, value) => total + Math.round((value ?? 0) * 10_000), 0);
  return { num: sum, den: 10_000 * values.length };
}

/** The sub-area value as shown and stored beside the items: half up to four decimals. */
export function subareaValue(items: readonly LkeItem[], profile: ZiProfile = CURRENT_ZI_PROFILE): number | null {
  const fraction = subareaFraction(items, profile);
  return fraction === null ? null : roundHalfUp(exact(fraction), 4);
}

function exactValue(value: SubareaInput): Exact | null {
  if (value === null) return null;
  return typeof value === "number" ? fromDecimal(value, 4) : exact(value);
}

/** Shown figures: points half up to two decimals. */
const shown = (value: Exact | null) => (value === null ? null : roundHalfUp(value, 2));

function requirement(key: Requirement["key"], required: Exact, actual: Exact | null, extra: Partial<Requirement> = {}): Requirement {
  const base = { key, required: roundHalfUp(required, 2) };
  if (actual === null) return { ...base, actual: null, met: null, gap: null, ...extra };
  const met = gte(actual, required);
  // What is missing is rounded up: adding a gap shown as 0.00 would never reach the threshold.
  return { ...base, actual: shown(actual), met, gap: met ? 0 : roundUp(sub(required, actual), 2), ...extra };
}

function indexPoints(index: number, part: number, indexMax: number): Exact {
  return div(mul(fromDecimal(index, 2), fromDecimal(part, 2)), fromDecimal(indexMax, 0));
}

function readiness(profile: ZiProfile, thresholds: ZiThresholds, exacts: ExactTotals, score: Omit<ZiScore, "wbk" | "wbbm" | "provisional">, priorPredicate: ZiPredicate): Readiness {
  const hasil = score.hasil;
  const requirements: Requirement[] = [
    requirement("total", fromDecimal(thresholds.total, 2), exacts.total),
    requirement("pengungkitTotal", fromDecimal(thresholds.pengungkitTotal, 2), exacts.pengungkit),
  ];
  const share = fromDecimal(thresholds.areaShare, 4);
  score.pengungkit.areas.forEach((area, i) => {
    const points = exacts.areas[i] ?? null;
    const needed = mul(fromDecimal(area.weight, 2), share);
    const met = points === null ? null : gte(points, needed);
    const actualShare = points === null || area.weight === 0 ? null : div(points, fromDecimal(area.weight, 2));
    requirements.push({
      key: "areaShare",
      area: area.area,
      required: thresholds.areaShare,
      actual: area.share,
      requiredPoints: roundHalfUp(needed, 2),
      actualPoints: area.points,
      met,
      gap: met === null || actualShare === null ? null : met ? 0 : roundUp(sub(share, actualShare), 4),
      gapPoints: points === null || met === null ? null : met ? 0 : roundUp(sub(needed, points), 2),
    });
  });
  requirements.push(requirement("birokrasiBersih", fromDecimal(thresholds.birokrasiBersih, 2), exacts.birokrasiBersih));
  const indexRequirement = (key: "ipakPoints" | "ipkpPoints", thresholdPoints: number, part: HasilScore["pelayananPrima"]["ipkp"], actual: Exact | null) => {
    const threshold = fromDecimal(thresholdPoints, 2);
    // The smallest two-decimal index whose points reach the threshold.
    const needed = roundUp(div(mul(threshold, fromDecimal(profile.indexMax, 0)), fromDecimal(part.weight, 2)), 2);
    return requirement(key, threshold, actual, {
      requiredIndex: needed,
      actualIndex: part.index,
      indexGap: part.index === null ? null : part.index >= needed ? 0 : roundHalfUp(sub(fromDecimal(needed, 2), fromDecimal(part.index, 2)), 2),
    });
  };
  requirements.push(indexRequirement("ipakPoints", thresholds.ipakPoints, hasil.birokrasiBersih.ipak, exacts.ipak));
  requirements.push(requirement("capaianKinerjaPoints", fromDecimal(thresholds.capaianKinerjaPoints, 2), exacts.capaianKinerja));
  requirements.push(indexRequirement("ipkpPoints", thresholds.ipkpPoints, hasil.pelayananPrima.ipkp, exacts.ipkp));
  if (thresholds.requiresPredicate !== null) {
    // WBBM builds on WBK: a unit holding WBK (or already WBBM) meets it.
    const met = priorPredicate !== "none";
    requirements.push({ key: "predicate", required: thresholds.requiresPredicate, actual: priorPredicate, met, gap: null });
  }
  const ready = decide(requirements);
  return { ready, provisional: usesInternalIndex(hasil), requirements };
}

/** Not ready as soon as one requirement fails; undecided (null) while an input is missing. */
function decide(requirements: readonly Requirement[]): boolean | null {
  if (requirements.some((r) => r.met === false)) return false;
  if (requirements.some((r) => r.met === null)) return null;
  return true;
}

/**
 * A verdict is provisional when IPAK or IPKP is the portal's internal monitoring rather than the
 * official survey: the figure is not the one the evaluators will use. Read from the sources,
 * so scores stored before the flag existed answer the same.
 */
function usesInternalIndex(hasil: HasilScore): boolean {
  return hasil.birokrasiBersih.ipak.source === "internal" || hasil.pelayananPrima.ipkp.source === "internal";
}

/** A stored score with its provisional flags, whenever it was computed. */
export function withProvisional(score: ZiScore): ZiScore {
  const provisional = usesInternalIndex(score.hasil);
  return { ...score, provisional, wbk: { ...score.wbk, provisional }, wbbm: { ...score.wbbm, provisional } };
}

function sumOrNull(values: ReadonlyArray<Exact | null>): Exact | null {
  let total = ZERO;
  for (const value of values) {
    if (value === null) return null;
    total = add(total, value);
  }
  return total;
}

function areaList(profile: ZiProfile): string[] {
  const names: string[] = [];
  for (const component of ["pemenuhan", "reform"] as const) {
    for (const area of profile.pengungkit[component]) if (!names.includes(area.area)) names.push(area.area);
  }
  return names;
}

/** The unrounded figures the requirements are judged on. */
interface ExactTotals {
  total: Exact | null;
  pengungkit: Exact | null;
  areas: Array<Exact | null>;
  birokrasiBersih: Exact | null;
  ipak: Exact | null;
  capaianKinerja: Exact | null;
  ipkp: Exact | null;
}

export function computeZiScore(profile: ZiProfile, inputs: ZiInputs, options: { priorPredicate: ZiPredicate }): ZiScore {
  const areaExacts: Array<Exact | null> = [];
  const areas: AreaScore[] = areaList(profile).map((name) => {
    const components = {} as AreaScore["components"];
    const componentExacts: Array<Exact | null> = [];
    let weight = 0;
    for (const component of ["pemenuhan", "reform"] as const) {
      const area: LkeArea | undefined = profile.pengungkit[component].find((a) => a.area === name);
      const subareas: SubareaScore[] = [];
      const points: Array<Exact | null> = [];
      for (const sub of area?.subareas ?? []) {
        const value = exactValue(inputs.subareas[component]?.[name]?.[sub.name] ?? null);
        const product = value === null ? null : mul(fromDecimal(sub.weight, 2), value);
        points.push(product);
        subareas.push({ name: sub.name, weight: sub.weight, value: value === null ? null : roundHalfUp(value, 4), points: shown(product) });
      }
      const total = sumOrNull(points);
      componentExacts.push(total);
      weight += area?.weight ?? 0;
      components[component] = { weight: area?.weight ?? 0, points: shown(total), subareas };
    }
    const total = sumOrNull(componentExacts);
    areaExacts.push(total);
    return {
      area: name,
      weight,
      components,
      points: shown(total),
      share: total === null || weight === 0 ? null : roundHalfUp(div(total, fromDecimal(weight, 2)), 4),
    };
  });
  const pengungkit = sumOrNull(areaExacts);

  const { birokrasiBersih, pelayananPrima } = profile.hasil;
  const ipak = inputs.ipak.index === null ? null : indexPoints(inputs.ipak.index, birokrasiBersih.ipak, profile.indexMax);
  const capaian =
    inputs.capaianKinerja === null
      ? null
      : mul(fromDecimal(birokrasiBersih.capaianKinerja, 2), fromDecimal(profile.capaianKinerjaGrades[inputs.capaianKinerja], 4));
  const ipkp = inputs.ipkp.index === null ? null : indexPoints(inputs.ipkp.index, pelayananPrima.ipkp, profile.indexMax);
  const bersih = sumOrNull([ipak, capaian]);
  const hasilTotal = sumOrNull([bersih, ipkp]);
  const total = sumOrNull([pengungkit, hasilTotal]);

  const hasil: HasilScore = {
    birokrasiBersih: {
      weight: birokrasiBersih.weight,
      points: shown(bersih),
      ipak: { index: inputs.ipak.index, source: inputs.ipak.index === null ? "missing" : inputs.ipak.source, points: shown(ipak), weight: birokrasiBersih.ipak },
      capaianKinerja: { grade: inputs.capaianKinerja, points: shown(capaian), weight: birokrasiBersih.capaianKinerja },
    },
    pelayananPrima: {
      weight: pelayananPrima.weight,
      points: shown(ipkp),
      ipkp: { index: inputs.ipkp.index, source: inputs.ipkp.index === null ? "missing" : inputs.ipkp.source, points: shown(ipkp), weight: pelayananPrima.ipkp },
    },
    points: shown(hasilTotal),
  };
  const base = {
    profileId: profile.id,
    pengungkit: { weight: profile.pengungkitWeight, points: shown(pengungkit), areas },
    hasil,
    total: shown(total),
  };
  const exacts: ExactTotals = { total, pengungkit, areas: areaExacts, birokrasiBersih: bersih, ipak, capaianKinerja: capaian, ipkp };
  return {
    ...base,
    provisional: usesInternalIndex(hasil),
    wbk: readiness(profile, profile.thresholds.wbk, exacts, base, options.priorPredicate),
    wbbm: readiness(profile, profile.thresholds.wbbm, exacts, base, options.priorPredicate),
  };
}
