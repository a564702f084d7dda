/**
 * Which LKE sub-areas the portal can evidence, and with which of its figures
 * (shared/domain/zona-integritas.md). Pure: the figures come from evidence.server.ts.
 */
import type { LkeComponentKey } from "../regulation/zi";

export interface PortalEvidence {
  /** Reports received about the unit in the year (the report channel exists for every unit). */
  reportsReceived: number;
  /** Reports that had to be followed up, those followed up on time, and the share (null when none was due). */
  followUp: { due: number; onTime: number; share: number | null };
  /** Quarters (1–4) in which the SKM reached the disclosure threshold. */
  skmQuarters: number[];
  /** The LKE answer those quarters give: 4 = A, 3 = B, 2 = C, 1 = D, none = E. */
  skmGrade: "A" | "B" | "C" | "D" | "E";
  /** Whether SKM results are published on the portal's unit page. */
  resultsPublished: boolean;
  /** Published suggestions of the year and those the unit answered. */
  suggestions: { published: number; answered: number; share: number | null };
}

export type EvidenceKind = "reportChannel" | "followUp" | "skmSurvey" | "suggestionsAnswered" | "channels";

const SKM_QUARTER_GRADES = ["E", "D", "C", "B", "A"] as const;

export function skmQuarterGrade(quarters: number): PortalEvidence["skmGrade"] {
  return SKM_QUARTER_GRADES[Math.max(0, Math.min(4, quarters))]!;
}

const EVIDENCE: ReadonlyArray<{ component: LkeComponentKey; area: string; subarea: string; kinds: EvidenceKind[] }> = [
  { component: "pemenuhan", area: "Penguatan Pengawasan", subarea: "Pengaduan Masyarakat", kinds: ["reportChannel"] },
  { component: "pemenuhan", area: "Penguatan Pengawasan", subarea: "Whistle-Blowing System", kinds: ["reportChannel"] },
  { component: "reform", area: "Penguatan Pengawasan", subarea: "Penanganan Pengaduan Masyarakat", kinds: ["followUp"] },
  { component: "pemenuhan", area: "Peningkatan Kualitas Pelayanan Publik", subarea: "Pengelolaan Pengaduan", kinds: ["skmSurvey", "suggestionsAnswered"] },
  { component: "pemenuhan", area: "Peningkatan Kualitas Pelayanan Publik", subarea: "Penilaian Kepuasan terhadap Pelayanan", kinds: ["skmSurvey", "suggestionsAnswered"] },
  {
    component: "reform",
    area: "Peningkatan Kualitas Pelayanan Publik",
    subarea: "Penanganan Pengaduan Pelayanan dan Konsultasi",
    kinds: ["suggestionsAnswered", "channels"],
  },
];

/** The portal figures to show beside a sub-area (none for most). */
export function evidenceFor(component: LkeComponentKey, area: string, subarea: string): EvidenceKind[] {
  return EVIDENCE.find((e) => e.component === component && e.area === area && e.subarea === subarea)?.kinds ?? [];
}
