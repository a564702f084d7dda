/**
 * The shape of a computed Zona Integritas score. It is what `lke_submissions.score` holds,
 * what GET /api/v1/units/{region}/{unit}/zi returns (with the unit and year around it) and
 * what the dashboards read. Points are rounded half up to two decimals (values 0–1 to four)
 * for display; requirements were judged on the unrounded values. null = input missing.
 */
import type { LkeComponentKey, PerformanceGrade } from "../regulation/zi";

export interface SubareaScore {
  name: string;
  weight: number;
  /** Mean of the item values, 0–1, half up to four decimals as shown; null when not scored. */
  value: number | null;
  points: number | null;
}

export interface AreaScore {
  area: string;
  /** Pemenuhan + reform weight of the area. */
  weight: number;
  components: Record<LkeComponentKey, { weight: number; points: number | null; subareas: SubareaScore[] }>;
  points: number | null;
  /** points ÷ weight, 0–1 (four decimals). */
  share: number | null;
}

/** Where an IPAK/IPKP value came from: the official external survey, or the portal's monitoring. */
export type IndexSource = "external" | "internal" | "missing";

export interface HasilScore {
  birokrasiBersih: {
    weight: number;
    points: number | null;
    ipak: { index: number | null; source: IndexSource; points: number | null; weight: number };
    capaianKinerja: { grade: PerformanceGrade | null; points: number | null; weight: number };
  };
  pelayananPrima: {
    weight: number;
    points: number | null;
    ipkp: { index: number | null; source: IndexSource; points: number | null; weight: number };
  };
  points: number | null;
}

type RequirementKey =
  | "total"
  | "pengungkitTotal"
  | "areaShare"
  | "birokrasiBersih"
  | "ipakPoints"
  | "capaianKinerjaPoints"
  | "ipkpPoints"
  | "predicate";

export interface Requirement {
  key: RequirementKey;
  /** For "areaShare": the area the requirement is about (one requirement per area). */
  area?: string;
  /** The threshold (points; a share 0–1 for areaShare; for ipak/ipkp also the index). */
  required: number | string | null;
  actual: number | string | null;
  /** For ipakPoints / ipkpPoints: the index needed and the index reached (0–4). */
  requiredIndex?: number;
  actualIndex?: number | null;
  met: boolean | null;
  /**
   * Points still missing (a share 0–1 for areaShare), rounded up to the shown precision; 0 when
   * met; null when the input is missing, and for "predicate", which has no amount.
   */
  gap: number | null;
  /** For "areaShare": the points the share means for this area, the points reached and missing. */
  requiredPoints?: number;
  actualPoints?: number | null;
  gapPoints?: number | null;
  /** For ipakPoints / ipkpPoints: the index still missing (0 when met). */
  indexGap?: number | null;
}

export interface Readiness {
  /**
   * True only when every requirement is met; false as soon as one is not; null when none
   * fails but an input is missing.
   */
  ready: boolean | null;
  /**
   * True when the verdict rests on the portal's internal monitoring for IPAK or IPKP (no
   * official survey figure entered): provisional, not the official survey.
   */
  provisional: boolean;
  requirements: Requirement[];
}

export interface ZiScore {
  profileId: string;
  pengungkit: { weight: number; points: number | null; areas: AreaScore[] };
  hasil: HasilScore;
  total: number | null;
  /** IPAK or IPKP is the portal's internal monitoring; each index says its source in `hasil`. */
  provisional: boolean;
  wbk: Readiness;
  wbbm: Readiness;
}
