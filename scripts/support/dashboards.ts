/**
 * Activity for the dashboard and open-data tests and the dashboard benchmark: perception
 * responses (stored with their running totals), reports with their clock dates, submitted ZI
 * scores. Shared support code (scripts/support): imports nothing from tests/.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { lkeSheets, lkeSubmissions, reports } from "../../db/schema";
import { storePerceptionResponses, type NewPerceptionResponse } from "../../app/perception/responses.server";
import { CURRENT_PERCEPTION_PROFILE, PERCEPTION_ITEMS, SPAK_ITEMS, type PerceptionItem } from "../../app/regulation/perception";
import { CURRENT_ZI_PROFILE } from "../../app/regulation/zi";
import type { Requirement, ZiScore } from "../../app/zi/score-types";

/**
 * Perception responses on one day, stored with their running totals: one per entry, every
 * SPAK item answered `spak` and every SPKP item `spkp`.
 */
export async function addPerceptionResponses(db: Database, unitId: number, day: string, responses: ReadonlyArray<{ spak: number; spkp: number }>) {
  const spakItems: readonly PerceptionItem[] = SPAK_ITEMS;
  const rows = responses.map(({ spak, spkp }): NewPerceptionResponse => ({
    unitId,
    respondedOn: day,
    profileId: CURRENT_PERCEPTION_PROFILE.id,
    answers: Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, spakItems.includes(i) ? spak : spkp])) as Record<PerceptionItem, number>,
  }));
  await db.transaction((tx) => storePerceptionResponses(tx, rows));
}

/** `count` perception responses on one day, every SPAK item answered `spak`, every SPKP item `spkp`. */
export async function addPerceptionDay(db: Database, unitId: number, day: string, count: number, spak: number, spkp: number) {
  await addPerceptionResponses(db, unitId, day, Array.from({ length: count }, () => ({ spak, spkp })));
  return CURRENT_PERCEPTION_PROFILE.id;
}

export interface ReportSpec {
  regionId: number;
  unitId: number | null;
  category: "pungli" | "calo" | "suap" | "gratifikasi" | "pemerasan" | "diskriminasi" | "lainnya";
  receivedOn: string;
  /** How the follow-up went: not verified; followed up on time; late; or closed as spam. */
  followUp?: "none" | "onTime" | "late" | "spam";
  purged?: boolean;
}

export async function addReports(db: Database, count: number, spec: ReportSpec) {
  const followUp = spec.followUp ?? "none";
  const verified = followUp === "onTime" || followUp === "late";
  for (let i = 0; i < count; i++) {
    await db.insert(reports).values({
      reference: randomUUID().slice(0, 12),
      regionId: spec.regionId,
      unitId: spec.unitId,
      category: spec.category,
      receiptHash: randomUUID(),
      status: followUp === "spam" ? "closed" : verified ? "forwarded" : "received",
      outcome: followUp === "spam" ? "spam" : null,
      receivedOn: spec.receivedOn,
      triageDueOn: spec.receivedOn,
      triagedOn: followUp === "none" ? null : spec.receivedOn,
      verifiedOn: verified ? spec.receivedOn : null,
      followUpDueOn: verified ? "2025-06-30" : null,
      followedUpOn: followUp === "onTime" ? "2025-06-20" : followUp === "late" ? "2025-07-15" : null,
      closedOn: followUp === "spam" ? spec.receivedOn : null,
      content: spec.purged ? null : "sealed",
      purgedOn: spec.purged ? "2026-01-02" : null,
    });
  }
}

/** A requirement as the ZI scoring writes it. */
export function requirement(r: Partial<Requirement> & Pick<Requirement, "key" | "met">): Requirement {
  return { required: null, actual: null, gap: r.met ? 0 : null, ...r };
}

/** A submitted ZI score with the given figures (areas left out: the dashboards do not show them). */
export function ziScore(figures: { total: number; pengungkit: number; hasil: number; wbk: Requirement[]; wbbm: Requirement[]; source?: "external" | "internal" }): ZiScore {
  const source = figures.source ?? "external";
  const provisional = source === "internal";
  const readiness = (requirements: Requirement[]) => ({
    ready: requirements.some((r) => r.met === null) ? null : requirements.every((r) => r.met === true),
    provisional,
    requirements,
  });
  return {
    profileId: CURRENT_ZI_PROFILE.id,
    pengungkit: { weight: 60, points: figures.pengungkit, areas: [] },
    hasil: {
      birokrasiBersih: {
        weight: 22.5,
        points: null,
        ipak: { index: null, source, points: null, weight: 17.5 },
        capaianKinerja: { grade: null, points: null, weight: 5 },
      },
      pelayananPrima: { weight: 17.5, points: null, ipkp: { index: null, source, points: null, weight: 17.5 } },
      points: figures.hasil,
    },
    total: figures.total,
    provisional,
    wbk: readiness(figures.wbk),
    wbbm: readiness(figures.wbbm),
  };
}

export async function addZiSubmission(db: Database, unitId: number, year: number, score: ZiScore, version = 1) {
  const [sheet] = await db
    .insert(lkeSheets)
    .values({ unitId, year, profileId: score.profileId, status: "submitted" })
    .onConflictDoUpdate({ target: [lkeSheets.unitId, lkeSheets.year], set: { status: "submitted" } })
    .returning({ id: lkeSheets.id });
  await db.insert(lkeSubmissions).values({ sheetId: sheet!.id, version, profileId: score.profileId, inputs: {}, score: score as unknown as Record<string, unknown> });
}
