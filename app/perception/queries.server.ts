/**
 * A unit's IPAK and IPKP over a period, as published: the unit's internal monitoring figures
 * (never the official external survey), each survey disclosed only when its own respondents
 * reach the disclosure threshold. Read from the running totals only.
 */
import type { Database } from "../../db/client";
import { CURRENT_PERCEPTION_PROFILE } from "../regulation/perception";
import { computePerception, type SurveyIndex } from "./formula";
import { perceptionPeriodTotals } from "./totals.server";

type PublishedSurvey = { index: number | null; mean: number | null; items: Record<string, number | null> };

export type PublishedPerception =
  | { unit: string; from: string; to: string; respondents: { ipak: number; ipkp: number }; published: false; profile: string; monitoring: "internal" }
  | {
      unit: string;
      from: string;
      to: string;
      respondents: { ipak: number; ipkp: number };
      published: true;
      profile: string;
      monitoring: "internal";
      /** null when that survey's respondents are below the threshold. */
      ipak: PublishedSurvey | null;
      ipkp: PublishedSurvey | null;
    };

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

function published(survey: SurveyIndex, disclosureMin: number): PublishedSurvey | null {
  if (survey.respondents < disclosureMin) return null;
  return {
    index: survey.index,
    mean: survey.mean === null ? null : round6(survey.mean),
    items: Object.fromEntries(Object.entries(survey.itemMeans).map(([item, mean]) => [item, mean === null ? null : round6(mean)])),
  };
}

export async function publishedUnitPerception(
  db: Database,
  unit: { id: number; slug: string; regionSlug: string },
  period: { from: string; to: string },
  disclosureMin: number,
): Promise<PublishedPerception> {
  const profile = CURRENT_PERCEPTION_PROFILE;
  const totals = await perceptionPeriodTotals(db, [unit.id], period.from, period.to);
  const base = {
    unit: `${unit.regionSlug}/${unit.slug}`,
    from: period.from,
    to: period.to,
    respondents: { ipak: totals.spakRespondents, ipkp: totals.spkpRespondents },
    profile: profile.id,
    monitoring: "internal" as const,
  };
  if (totals.spakRespondents < disclosureMin && totals.spkpRespondents < disclosureMin) return { ...base, published: false };
  const result = computePerception(totals, profile);
  return { ...base, published: true, ipak: published(result.ipak, disclosureMin), ipkp: published(result.ipkp, disclosureMin) };
}
