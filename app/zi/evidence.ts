/**
 * Which LKE sub-areas the portal can evidence, and with which of its figures
 * (docs/zona-integritas.md, "The portal's evidence"). Pure: the figures come from
 * evidence.server.ts.
 */
import type { LkeComponentKey } from "../regulation/zi";

export interface PortalEvidence {
  /** Reports received about the unit in the year (the report channel exists for every unit). */
  reportsReceived: number;
  /**
   * Reports that had to be followed up (`due`); those resolved, i.e. followed up (ditindaklanjuti:
   * forwarded or handled internally), and their share, the LKE's figure; and, beside it, those
   * followed up by their deadline and that share. Shares are null when none was due.
   */
  followUp: { due: number; resolved: number; share: number | null; onTime: number; onTimeShare: number | null };
  /** Quarters (1–4) in which the SKM was held on the portal (at least one response), whatever the count. */
  skmQuarters: number[];
  /** The LKE answer those quarters give: 4 = A, 3 = B, 2 = C, 1 = D, none = E. */
  skmGrade: "A" | "B" | "C" | "D" | "E";
  /**
   * Quarters whose results the portal publishes (those reaching the disclosure threshold).
   * Publication offline (notice board, print, media) is outside what the portal can know.
   */
  publishedQuarters: number[];
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
