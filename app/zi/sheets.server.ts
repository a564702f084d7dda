/**
 * The one module that reads and writes LKE worksheets (lke_sheets, lke_answers) and their
 * submissions (lke_submissions). A sheet is the editable current state; a submission is a
 * snapshot of its inputs and score with the profile that produced it. Every change is written
 * in one transaction with its audit record; audit details name the unit, year and sub-area,
 * never the evaluator's notes.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lkeAnswers, lkeSheets, lkeSubmissions, regions, units } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Reach } from "../auth/policy";
import { unitsInReach } from "../auth/reach.server";
import type { FoundUnit } from "../org/queries.server";
import { computePerception } from "../perception/formula";
import { perceptionPeriodTotals } from "../perception/totals.server";
import { CURRENT_PERCEPTION_PROFILE } from "../regulation/perception";
import { CURRENT_ZI_PROFILE, ziProfileById, type LkeComponentKey, type PerformanceGrade, type ZiProfile } from "../regulation/zi";
import { computeZiScore, subareaFraction, subareaValue, type IndexInput, type LkeItem, type SubareaInput, type SubareaValues, type ZiInputs, type ZiPredicate, withProvisional } from "./score";
import type { ZiScore } from "./score-types";

/** Who makes a change: a staff member in a role, or a command-line tool ("system"). */
export interface Author {
  staffId: number | null;
  role: string;
}

/** A unit as `findUnitByAddress` finds it: with its predicate, region and province. */
export type ZiUnit = FoundUnit;

/** The predicate the unit held before the year evaluated (one earned that year or later does not count). */
function priorPredicate(unit: Pick<ZiUnit, "ziPredicate" | "ziPredicateYear">, year: number): ZiPredicate {
  if (unit.ziPredicateYear !== null && unit.ziPredicateYear >= year) return "none";
  return unit.ziPredicate;
}

/** Units within reach with their sheet of the year: status and the last submitted total. */
export async function listSheets(db: Database, r: Reach, year: number) {
  const scope = unitsInReach(r);
  if (scope === null) return [];
  const rows = await db
    .select({
      unitId: units.id,
      unitName: units.name,
      unitSlug: units.slug,
      regionName: regions.name,
      regionSlug: regions.slug,
      sheetId: lkeSheets.id,
      status: lkeSheets.status,
    })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .leftJoin(lkeSheets, and(eq(lkeSheets.unitId, units.id), eq(lkeSheets.year, year)))
    .where(and(scope, eq(units.active, true)))
    .orderBy(asc(regions.name), asc(units.name));
  const sheetIds = rows.flatMap((row) => (row.sheetId === null ? [] : [row.sheetId]));
  const latest = await latestSubmissions(db, sheetIds);
  return rows.map((row) => {
    const submission = row.sheetId === null ? undefined : latest.get(row.sheetId);
    return {
      ...row,
      version: submission?.version ?? null,
      total: submission?.score.total ?? null,
      wbkReady: submission?.score.wbk.ready ?? null,
      wbbmReady: submission?.score.wbbm.ready ?? null,
      provisional: submission?.score.provisional ?? false,
    };
  });
}

async function latestSubmissions(db: Database, sheetIds: number[]) {
  if (sheetIds.length === 0) return new Map<number, { version: number; score: ZiScore }>();
  const rows = await db
    .selectDistinctOn([lkeSubmissions.sheetId], { sheetId: lkeSubmissions.sheetId, version: lkeSubmissions.version, score: lkeSubmissions.score })
    .from(lkeSubmissions)
    .where(inArray(lkeSubmissions.sheetId, sheetIds))
    .orderBy(lkeSubmissions.sheetId, desc(lkeSubmissions.version));
  return new Map(rows.map((row) => [row.sheetId, { version: row.version, score: withProvisional(row.score as unknown as ZiScore) }]));
}

export interface SubareaAnswer {
  value: number | null;
  items: LkeItem[];
  note: string | null;
  evidence: string[];
}

const answerKey = (component: LkeComponentKey, area: string, subarea: string) => `${component}|${area}|${subarea}`;

/** The sheet of a unit and year (null before its first save), its answers and its submissions. */
export async function loadSheet(db: Database, unitId: number, year: number) {
  const [sheet] = await db.select().from(lkeSheets).where(and(eq(lkeSheets.unitId, unitId), eq(lkeSheets.year, year)));
  if (!sheet) return { sheet: null, answers: new Map<string, SubareaAnswer>(), submissions: [] };
  const answerRows = await db.select().from(lkeAnswers).where(eq(lkeAnswers.sheetId, sheet.id));
  const submissions = await db
    .select({ version: lkeSubmissions.version, profileId: lkeSubmissions.profileId, score: lkeSubmissions.score, submittedAt: lkeSubmissions.submittedAt })
    .from(lkeSubmissions)
    .where(eq(lkeSubmissions.sheetId, sheet.id))
    .orderBy(desc(lkeSubmissions.version));
  const answers = new Map<string, SubareaAnswer>(
    answerRows.map((row) => [
      answerKey(row.component, row.area, row.subarea),
      { value: row.value, items: row.items, note: row.note, evidence: row.evidence },
    ]),
  );
  return {
    sheet,
    answers,
    submissions: submissions.map((s) => ({ version: s.version, profileId: s.profileId, total: (s.score as unknown as ZiScore).total, submittedAt: s.submittedAt })),
  };
}

type LoadedSheet = Awaited<ReturnType<typeof loadSheet>>;

export function answerOf(loaded: LoadedSheet, component: LkeComponentKey, area: string, subarea: string): SubareaAnswer | undefined {
  return loaded.answers.get(answerKey(component, area, subarea));
}

/** The portal's own IPAK / IPKP for the unit and year, when enough people answered. */
export async function internalIndices(db: Database, unitId: number, year: number, disclosureMin: number) {
  const totals = await perceptionPeriodTotals(db, [unitId], `${year}-01-01`, `${year}-12-31`);
  const result = computePerception(totals, CURRENT_PERCEPTION_PROFILE);
  const disclosed = (survey: typeof result.ipak) => (survey.respondents >= disclosureMin ? survey.index : null);
  return { ipak: disclosed(result.ipak), ipkp: disclosed(result.ipkp) };
}

function indexInput(external: number | null, internal: number | null): IndexInput {
  if (external !== null) return { index: external, source: "external" };
  if (internal !== null) return { index: internal, source: "internal" };
  return { index: null, source: "missing" };
}

/**
 * A sub-area's value as the score takes it: the exact mean of its items (the stored value is
 * only that mean to four decimals, for display), or the fraction entered when it has none.
 */
function exactInput(answer: SubareaAnswer | undefined, profile: ZiProfile): SubareaInput {
  if (!answer) return null;
  return answer.items.length > 0 ? subareaFraction(answer.items, profile) : answer.value;
}

/** The score inputs of a sheet as it stands; official IPAK/IPKP win over the portal's monitoring. */
function sheetInputs(profile: ZiProfile, loaded: LoadedSheet, internal: { ipak: number | null; ipkp: number | null }): ZiInputs {
  const subareas = { pemenuhan: {}, reform: {} } as SubareaValues;
  for (const component of ["pemenuhan", "reform"] as const) {
    for (const area of profile.pengungkit[component]) {
      subareas[component][area.area] = Object.fromEntries(area.subareas.map((s) => [s.name, exactInput(answerOf(loaded, component, area.area, s.name), profile)]));
    }
  }
  return {
    subareas,
    capaianKinerja: loaded.sheet?.capaianKinerja ?? null,
    ipak: indexInput(loaded.sheet?.ipakExternal ?? null, internal.ipak),
    ipkp: indexInput(loaded.sheet?.ipkpExternal ?? null, internal.ipkp),
  };
}

export function sheetProfile(loaded: LoadedSheet): ZiProfile {
  return (loaded.sheet && ziProfileById(loaded.sheet.profileId)) || CURRENT_ZI_PROFILE;
}

/** The sheet as it stands: its inputs and the score they give today. */
export async function currentScore(db: Database, unit: ZiUnit, year: number, disclosureMin: number) {
  const loaded = await loadSheet(db, unit.id, year);
  const profile = sheetProfile(loaded);
  const internal = await internalIndices(db, unit.id, year, disclosureMin);
  const inputs = sheetInputs(profile, loaded, internal);
  const predicate = priorPredicate(unit, year);
  return { loaded, profile, internal, inputs, predicate, score: computeZiScore(profile, inputs, { priorPredicate: predicate }) };
}

/** The sheet's id, created (as a draft of the current profile) on the first change. */
export async function sheetFor(tx: Database, unitId: number, year: number, author: Author): Promise<number> {
  await tx
    .insert(lkeSheets)
    .values({ unitId, year, profileId: CURRENT_ZI_PROFILE.id, updatedBy: author.staffId })
    .onConflictDoNothing({ target: [lkeSheets.unitId, lkeSheets.year] });
  const [row] = await tx.select({ id: lkeSheets.id }).from(lkeSheets).where(and(eq(lkeSheets.unitId, unitId), eq(lkeSheets.year, year)));
  return row!.id;
}

/** Any change returns a submitted sheet to draft; the last submission stays the published one. */
async function touch(tx: Database, sheetId: number, author: Author) {
  await tx.update(lkeSheets).set({ status: "draft", updatedAt: new Date(), updatedBy: author.staffId }).where(eq(lkeSheets.id, sheetId));
}

export interface SubareaChange {
  component: LkeComponentKey;
  area: string;
  subarea: string;
  items: LkeItem[];
  /** The fraction entered directly, used when there are no items. */
  value: number | null;
  note: string | null;
  evidence: string[];
}

type UnitRef = Pick<ZiUnit, "id" | "regionId" | "regionSlug" | "slug">;

/** The audit record of a sheet change: the unit and year always, never a note. */
async function auditSheet(tx: Database, author: Author, unit: UnitRef, year: number, sheetId: number, action: string, details: Record<string, unknown>) {
  await recordAudit(tx, {
    actorStaffId: author.staffId,
    actorRole: author.role,
    action,
    objectType: "lke_sheet",
    objectId: sheetId,
    regionId: unit.regionId,
    details: { unit: `${unit.regionSlug}/${unit.slug}`, year, ...details },
  });
}

/** Writes a sub-area inside the caller's transaction; returns its value. */
export async function writeSubarea(tx: Database, author: Author, unit: UnitRef, year: number, sheetId: number, change: SubareaChange) {
  // Stored to four decimals for display; the score recomputes the exact mean from the items.
  const value = change.items.length > 0 ? subareaValue(change.items) : change.value;
  const row = { value, items: change.items, note: change.note, evidence: change.evidence };
  await tx
    .insert(lkeAnswers)
    .values({ sheetId, component: change.component, area: change.area, subarea: change.subarea, ...row })
    .onConflictDoUpdate({ target: [lkeAnswers.sheetId, lkeAnswers.component, lkeAnswers.area, lkeAnswers.subarea], set: row });
  await touch(tx, sheetId, author);
  await auditSheet(tx, author, unit, year, sheetId, "lke.subarea.saved", {
    component: change.component,
    area: change.area,
    subarea: change.subarea,
    items: change.items.length,
    value,
  });
  return value;
}

export async function saveSubarea(db: Database, author: Author, unit: UnitRef, year: number, change: SubareaChange) {
  return db.transaction(async (tx) => writeSubarea(tx, author, unit, year, await sheetFor(tx, unit.id, year, author), change));
}

export interface HasilChange {
  capaianKinerja: PerformanceGrade | null;
  ipak: number | null;
  ipkp: number | null;
}

/** Writes the hasil inputs inside the caller's transaction. */
export async function writeHasil(tx: Database, author: Author, unit: UnitRef, year: number, sheetId: number, change: HasilChange) {
  await tx.update(lkeSheets).set({ capaianKinerja: change.capaianKinerja, ipakExternal: change.ipak, ipkpExternal: change.ipkp }).where(eq(lkeSheets.id, sheetId));
  await touch(tx, sheetId, author);
  await auditSheet(tx, author, unit, year, sheetId, "lke.hasil.saved", { ...change });
}

export async function saveHasil(db: Database, author: Author, unit: UnitRef, year: number, change: HasilChange) {
  await db.transaction(async (tx) => writeHasil(tx, author, unit, year, await sheetFor(tx, unit.id, year, author), change));
}

export type SubmitOutcome = { ok: true; version: number; score: ZiScore } | { ok: false; error: "incomplete" | "unchanged" };

/**
 * Submits the sheet inside the caller's transaction: computes the score, stores it with the
 * inputs as the next version and marks the sheet submitted. Refused while an input is
 * missing, or when nothing changed since the last submission.
 */
export async function submitWithin(tx: Database, author: Author, unit: ZiUnit, year: number, disclosureMin: number): Promise<SubmitOutcome> {
  // Two submissions at once wait for each other instead of both taking the same version.
  await tx.select({ id: lkeSheets.id }).from(lkeSheets).where(and(eq(lkeSheets.unitId, unit.id), eq(lkeSheets.year, year))).for("update");
  const { loaded, profile, inputs, predicate, score } = await currentScore(tx, unit, year, disclosureMin);
  if (score.total === null || !loaded.sheet) return { ok: false, error: "incomplete" };
  if (loaded.sheet.status === "submitted") return { ok: false, error: "unchanged" };
  const version = (loaded.submissions[0]?.version ?? 0) + 1;
  await tx.insert(lkeSubmissions).values({
    sheetId: loaded.sheet.id,
    version,
    profileId: profile.id,
    inputs: { ...inputs, priorPredicate: predicate } as unknown as Record<string, unknown>,
    score: score as unknown as Record<string, unknown>,
    submittedBy: author.staffId,
  });
  await tx.update(lkeSheets).set({ status: "submitted" }).where(eq(lkeSheets.id, loaded.sheet.id));
  await auditSheet(tx, author, unit, year, loaded.sheet.id, "lke.submitted", { version, profile: profile.id, total: score.total });
  return { ok: true, version, score };
}

export async function submitSheet(db: Database, author: Author, unit: ZiUnit, year: number, disclosureMin: number): Promise<SubmitOutcome> {
  return db.transaction((tx) => submitWithin(tx, author, unit, year, disclosureMin));
}

/** The latest submitted score of a unit and year, for the public API. */
export async function latestSubmission(db: Database, unitId: number, year: number) {
  const [row] = await db
    .select({ version: lkeSubmissions.version, profileId: lkeSubmissions.profileId, score: lkeSubmissions.score, submittedAt: lkeSubmissions.submittedAt })
    .from(lkeSubmissions)
    .innerJoin(lkeSheets, eq(lkeSheets.id, lkeSubmissions.sheetId))
    .where(and(eq(lkeSheets.unitId, unitId), eq(lkeSheets.year, year)))
    .orderBy(desc(lkeSubmissions.version))
    .limit(1);
  return row ? { ...row, score: withProvisional(row.score as unknown as ZiScore) } : null;
}
