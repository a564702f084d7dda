/**
 * The open datasets and their fields (pure): the one definition that the downloads write and
 * the data dictionary on /open-data documents, so a field cannot be published undocumented.
 * Meanings are translated as opendata:fields.{dataset}.{field}; units as opendata:units.{unit}.
 */
import { SKM_ELEMENTS } from "../regulation/skm";

type FieldType = "string" | "integer" | "decimal" | "boolean" | "date";

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Unit or scale of the value, if any (a key of opendata:units). */
  unit?: "respondents" | "reports" | "scale4" | "scale6" | "score100" | "share" | "points" | "year";
}

const where: FieldDefinition[] = [
  { name: "region", type: "string" },
  { name: "unit", type: "string" },
  { name: "unit_name", type: "string" },
];
const when: FieldDefinition[] = [
  { name: "period", type: "string" },
  { name: "from", type: "date" },
  { name: "to", type: "date" },
];

export const DATASETS = {
  skm: [
    ...where,
    ...when,
    { name: "respondents", type: "integer", unit: "respondents" },
    { name: "published", type: "boolean" },
    { name: "ikm", type: "decimal", unit: "scale4" },
    { name: "score", type: "decimal", unit: "score100" },
    { name: "grade", type: "string" },
    ...SKM_ELEMENTS.map((e): FieldDefinition => ({ name: `nrr_${e}`, type: "decimal", unit: "scale4" })),
    { name: "respondents_web", type: "integer", unit: "respondents" },
    { name: "respondents_kiosk", type: "integer", unit: "respondents" },
    { name: "respondents_paper", type: "integer", unit: "respondents" },
    { name: "coercion_share", type: "decimal", unit: "share" },
    { name: "profile", type: "string" },
  ],
  perception: [
    ...where,
    ...when,
    { name: "ipak_respondents", type: "integer", unit: "respondents" },
    { name: "ipak_published", type: "boolean" },
    { name: "ipak_mean", type: "decimal", unit: "scale6" },
    { name: "ipak", type: "decimal", unit: "scale4" },
    { name: "ipkp_respondents", type: "integer", unit: "respondents" },
    { name: "ipkp_published", type: "boolean" },
    { name: "ipkp_mean", type: "decimal", unit: "scale6" },
    { name: "ipkp", type: "decimal", unit: "scale4" },
    { name: "profile", type: "string" },
  ],
  reports: [
    ...where,
    ...when,
    { name: "category", type: "string" },
    { name: "reports", type: "integer", unit: "reports" },
    { name: "published", type: "boolean" },
    { name: "follow_up_due", type: "integer", unit: "reports" },
    { name: "followed_up_on_time", type: "integer", unit: "reports" },
    { name: "on_time_share", type: "decimal", unit: "share" },
  ],
  /** The region's reports by the way they came in (region-wide: a unit's channels would be too few). */
  channels: [
    { name: "region", type: "string" },
    ...when,
    { name: "channel", type: "string" },
    { name: "reports", type: "integer", unit: "reports" },
    { name: "published", type: "boolean" },
  ],
  zi: [
    ...where,
    { name: "year", type: "integer", unit: "year" },
    { name: "total", type: "decimal", unit: "points" },
    { name: "pengungkit", type: "decimal", unit: "points" },
    { name: "hasil", type: "decimal", unit: "points" },
    { name: "wbk_ready", type: "boolean" },
    { name: "wbbm_ready", type: "boolean" },
    { name: "provisional", type: "boolean" },
    { name: "ipak_source", type: "string" },
    { name: "ipkp_source", type: "string" },
    { name: "predicate", type: "string" },
    { name: "profile", type: "string" },
  ],
} as const satisfies Record<string, readonly FieldDefinition[]>;

export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
export const FORMATS = ["csv", "json"] as const;
export type Format = (typeof FORMATS)[number];
export const PERIOD_KINDS = ["year", "semester", "quarter", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isDataset(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

export type Row = Record<string, string | number | boolean | null>;
