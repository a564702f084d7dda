/**
 * What the LKE worksheet page shows of a sheet (display data, no framework): every sub-area of
 * the profile with its weight, scored value and points, how many items and evidence links were
 * entered and which of the portal's figures evidence it; and the submissions as a history.
 * Pure: the sheet, its answers and its score come from sheets.server.ts.
 */
import type { LkeComponentKey, ZiProfile } from "../regulation/zi";
import { evidenceFor, type EvidenceKind } from "./evidence";
import type { ZiScore } from "./score-types";

/** What the worksheet counts of a sub-area's answer. */
export interface AnswerCounts {
  items: readonly unknown[];
  evidence: readonly string[];
}

interface WorksheetSubarea {
  name: string;
  weight: number;
  value: number | null;
  points: number | null;
  items: number;
  evidenceLinks: number;
  /** The sub-area's address under the sheet: component/area index/sub-area index. */
  path: string;
  evidence: EvidenceKind[];
}

export interface WorksheetComponent {
  component: LkeComponentKey;
  areas: { area: string; weight: number; subareas: WorksheetSubarea[] }[];
}

const COMPONENTS = ["pemenuhan", "reform"] as const satisfies readonly LkeComponentKey[];

/** The pengungkit tables of the sheet, in the profile's order. */
export function worksheetComponents(
  profile: ZiProfile,
  score: ZiScore,
  answerOf: (component: LkeComponentKey, area: string, subarea: string) => AnswerCounts | undefined,
): WorksheetComponent[] {
  return COMPONENTS.map((component) => ({
    component,
    areas: profile.pengungkit[component].map((area, areaIndex) => ({
      area: area.area,
      weight: area.weight,
      subareas: area.subareas.map((sub, subIndex) => {
        const answer = answerOf(component, area.area, sub.name);
        const scored = score.pengungkit.areas.find((a) => a.area === area.area)?.components[component].subareas[subIndex];
        return {
          name: sub.name,
          weight: sub.weight,
          value: scored?.value ?? null,
          points: scored?.points ?? null,
          items: answer?.items.length ?? 0,
          evidenceLinks: answer?.evidence.length ?? 0,
          path: `${component}/${areaIndex}/${subIndex}`,
          evidence: evidenceFor(component, area.area, sub.name),
        };
      }),
    })),
  }));
}

export interface WorksheetSubmission {
  version: number;
  total: number | null;
  profileId: string;
  /** ISO instant, formatted in the unit's time zone by the page. */
  submittedAt: string;
}

export function worksheetHistory(submissions: readonly { version: number; total: number | null; profileId: string; submittedAt: Date }[]): WorksheetSubmission[] {
  return submissions.map((s) => ({ version: s.version, total: s.total, profileId: s.profileId, submittedAt: s.submittedAt.toISOString() }));
}

/** The confirmation the page shows after a redirect, from its `done` query parameter. */
export function worksheetDone(done: string | null): "saved" | "submitted" | null {
  return done === "saved" || done === "submitted" ? done : null;
}
