/**
 * The Zona Integritas score (pure): pengungkit (sub-area weight × value) plus hasil (IPAK,
 * capaian kinerja, IPKP), and readiness for WBK and WBBM against every threshold of the
 * regulation profile.
 *
 * Rounding: every quantity is computed exactly in integer millionths of a point (weights have
 * at most two decimals, sub-area values at most four, indices two), so sums carry no
 * floating-point error. Each figure that is shown (sub-area, area, component, total) is then
 * rounded half up to two decimals, and a requirement compares that shown figure with its
 * threshold: what the evaluator reads is what is judged, and a score exactly on a threshold
 * passes.
 */
import { CURRENT_ZI_PROFILE, type LkeArea, type LkeComponentKey, type PerformanceGrade, type ZiProfile, type ZiThresholds } from "../regulation/zi";
import type { AreaScore, HasilScore, IndexSource, Readiness, Requirement, SubareaScore, ZiScore } from "./score-types";

export type ZiPredicate = "none" | "wbk" | "wbbm";
export type LkeItemScale = "yn" | "abc" | "abcd" | "abcde" | "percent";
export const LKE_ITEM_SCALES: readonly LkeItemScale[] = ["yn", "abc", "abcd", "abcde", "percent"];

/** Sub-area values (0–1, or null when not scored) by component, then area, then sub-area name. */
export type SubareaValues = Record<LkeComponentKey, Record<string, Record<string, number | null>>>;

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

const MICRO = 1_000_000;
const toMicro = (points: number) => Math.round(points * MICRO);
/** Half up to hundredths, from millionths (all values here are non-negative). */
const roundMicro = (micro: number) => Math.floor((micro + 5_000) / 10_000) / 100;
const hundredths = (value: number) => Math.round(value * 100) / 100;

/** weight × value in millionths: weight in hundredths × value in ten-thousandths is exact. */
function productMicro(weight: number, value: number): number {
  return Math.round(weight * 100) * Math.round(value * 10_000);
}

export interface LkeItem {
  scale: LkeItemScale;
  /** "Y"/"T", a letter, or a percentage 0–100 as text. */
  answer: string;
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
 * The mean of the items' values, half up to four decimals (the precision a sub-area keeps);
 * null without items or when an answer does not fit its scale.
 */
export function subareaValue(items: readonly LkeItem[], profile: ZiProfile = CURRENT_ZI_PROFILE): number | null {
  const values = items.map((item) => lkeItemValue(item.scale, item.answer, profile));
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const sum = values.reduce<number>((total, value) => total + Math.round((value ?? 0) * 10_000), 0);
  return Math.floor((2 * sum + values.length) / (2 * values.length)) / 10_000;
}

function requirement(
  key: Requirement["key"],
  requiredMicro: number,
  actual: number | null,
  extra: Partial<Requirement> = {},
): Requirement {
  const required = roundMicro(requiredMicro);
  if (actual === null) return { key, required, actual: null, met: null, gap: null, ...extra };
  const met = toMicro(actual) >= requiredMicro;
  return { key, required, actual, met, gap: met ? 0 : hundredths(required - actual), ...extra };
}

/** The smallest index (two decimals) whose shown points reach the threshold. */
function indexNeeded(thresholdMicro: number, partWeight: number, indexMax: number): number {
  let h = 0;
  while (h < indexMax * 100 && toMicro(roundMicro(indexPointsMicro(h / 100, partWeight, indexMax))) < thresholdMicro) h++;
  return h / 100;
}

function indexPointsMicro(index: number, partWeight: number, indexMax: number): number {
  return Math.round((Math.round(index * 100) * Math.round(partWeight * 100) * 100) / indexMax);
}

function readiness(
  profile: ZiProfile,
  thresholds: ZiThresholds,
  score: Omit<ZiScore, "wbk" | "wbbm">,
  priorPredicate: ZiPredicate,
): Readiness {
  const hasil = score.hasil;
  const requirements: Requirement[] = [
    requirement("total", toMicro(thresholds.total), score.total),
    requirement("pengungkitTotal", toMicro(thresholds.pengungkitTotal), score.pengungkit.points),
  ];
  for (const area of score.pengungkit.areas) {
    // The share is judged on points: the area's shown points against weight × share.
    const neededMicro = Math.round(area.weight * 100) * Math.round(thresholds.areaShare * 10_000);
    const { points } = area;
    const met = points === null ? null : toMicro(points) >= neededMicro;
    requirements.push({
      key: "areaShare",
      area: area.area,
      required: thresholds.areaShare,
      actual: area.share,
      requiredPoints: roundMicro(neededMicro),
      actualPoints: points,
      met,
      gap: met === null || area.share === null ? null : met ? 0 : Math.max(0, Math.round((thresholds.areaShare - area.share) * 10_000) / 10_000),
      gapPoints: points === null || met === null ? null : met ? 0 : hundredths(roundMicro(neededMicro) - points),
    });
  }
  requirements.push(requirement("birokrasiBersih", toMicro(thresholds.birokrasiBersih), hasil.birokrasiBersih.points));
  const indexRequirement = (key: "ipakPoints" | "ipkpPoints", thresholdPoints: number, part: HasilScore["pelayananPrima"]["ipkp"]) => {
    const needed = indexNeeded(toMicro(thresholdPoints), part.weight, profile.indexMax);
    return requirement(key, toMicro(thresholdPoints), part.points, {
      requiredIndex: needed,
      actualIndex: part.index,
      indexGap: part.index === null ? null : Math.max(0, hundredths(needed - part.index)),
    });
  };
  requirements.push(indexRequirement("ipakPoints", thresholds.ipakPoints, hasil.birokrasiBersih.ipak));
  requirements.push(
    requirement("capaianKinerjaPoints", toMicro(thresholds.capaianKinerjaPoints), hasil.birokrasiBersih.capaianKinerja.points),
  );
  requirements.push(indexRequirement("ipkpPoints", thresholds.ipkpPoints, hasil.pelayananPrima.ipkp));
  if (thresholds.requiresPredicate !== null) {
    // WBBM builds on WBK: a unit holding WBK (or already WBBM) meets it.
    const met = priorPredicate !== "none";
    requirements.push({ key: "predicate", required: thresholds.requiresPredicate, actual: priorPredicate, met, gap: null });
  }
  return { ready: decide(requirements), requirements };
}

/** Not ready as soon as one requirement fails; undecided (null) while an input is missing. */
function decide(requirements: readonly Requirement[]): boolean | null {
  if (requirements.some((r) => r.met === false)) return false;
  if (requirements.some((r) => r.met === null)) return null;
  return true;
}

function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
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

export function computeZiScore(profile: ZiProfile, inputs: ZiInputs, options: { priorPredicate: ZiPredicate }): ZiScore {
  const areaMicros: Array<number | null> = [];
  const areas: AreaScore[] = areaList(profile).map((name) => {
    const components = {} as AreaScore["components"];
    const componentMicro: Array<number | null> = [];
    let weight = 0;
    for (const component of ["pemenuhan", "reform"] as const) {
      const area: LkeArea | undefined = profile.pengungkit[component].find((a) => a.area === name);
      const subareas: SubareaScore[] = [];
      const micros: Array<number | null> = [];
      for (const sub of area?.subareas ?? []) {
        const value = inputs.subareas[component]?.[name]?.[sub.name] ?? null;
        const micro = value === null ? null : productMicro(sub.weight, value);
        micros.push(micro);
        subareas.push({ name: sub.name, weight: sub.weight, value, points: micro === null ? null : roundMicro(micro) });
      }
      const total = sumOrNull(micros);
      componentMicro.push(total);
      weight += area?.weight ?? 0;
      components[component] = { weight: area?.weight ?? 0, points: total === null ? null : roundMicro(total), subareas };
    }
    const total = sumOrNull(componentMicro);
    areaMicros.push(total);
    const points = total === null ? null : roundMicro(total);
    return {
      area: name,
      weight,
      components,
      points,
      share: points === null || weight === 0 ? null : Math.round((points / weight) * 10_000) / 10_000,
    };
  });
  const pengungkitMicro = sumOrNull(areaMicros);

  const { birokrasiBersih, pelayananPrima } = profile.hasil;
  const ipakMicro = inputs.ipak.index === null ? null : indexPointsMicro(inputs.ipak.index, birokrasiBersih.ipak, profile.indexMax);
  const capaianMicro =
    inputs.capaianKinerja === null ? null : productMicro(birokrasiBersih.capaianKinerja, profile.capaianKinerjaGrades[inputs.capaianKinerja]);
  const ipkpMicro = inputs.ipkp.index === null ? null : indexPointsMicro(inputs.ipkp.index, pelayananPrima.ipkp, profile.indexMax);
  const bersihMicro = sumOrNull([ipakMicro, capaianMicro]);
  const hasilMicro = sumOrNull([bersihMicro, ipkpMicro]);
  const shown = (micro: number | null) => (micro === null ? null : roundMicro(micro));

  const hasil: HasilScore = {
    birokrasiBersih: {
      weight: birokrasiBersih.weight,
      points: shown(bersihMicro),
      ipak: { index: inputs.ipak.index, source: inputs.ipak.index === null ? "missing" : inputs.ipak.source, points: shown(ipakMicro), weight: birokrasiBersih.ipak },
      capaianKinerja: { grade: inputs.capaianKinerja, points: shown(capaianMicro), weight: birokrasiBersih.capaianKinerja },
    },
    pelayananPrima: {
      weight: pelayananPrima.weight,
      points: shown(ipkpMicro),
      ipkp: { index: inputs.ipkp.index, source: inputs.ipkp.index === null ? "missing" : inputs.ipkp.source, points: shown(ipkpMicro), weight: pelayananPrima.ipkp },
    },
    points: shown(hasilMicro),
  };
  const base = {
    profileId: profile.id,
    pengungkit: { weight: profile.pengungkitWeight, points: shown(pengungkitMicro), areas },
    hasil,
    total: shown(sumOrNull([pengungkitMicro, hasilMicro])),
  };
  return {
    ...base,
    wbk: readiness(profile, profile.thresholds.wbk, base, options.priorPredicate),
    wbbm: readiness(profile, profile.thresholds.wbbm, base, options.priorPredicate),
  };
}
