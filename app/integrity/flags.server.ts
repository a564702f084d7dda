/**
 * Reading the figures behind the integrity flags (app/integrity/flags.ts) of a unit and period,
 * and recording an evaluator's review of a flag. Only stored aggregates and answers are read:
 * responses (date, source, device, answers), the ten-minute slot counts and the per-day keyed
 * client counts. A flag or its review never changes a rating.
 */
import { and, asc, between, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { integrityFlagReviews, regions, skmClientDayCounts, skmResponses, skmSlotCounts, staff, units } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Reach } from "../auth/policy";
import { unitsInReach } from "../auth/reach.server";
import { keptTables, publishedVersion } from "../publication/kept-tables.server";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { computeIkm, type ElementTotals } from "../skm/formula";
import { parsePeriod, populationFor, type Period } from "../skm/periods";
import { isoWeekday } from "../utils/calendar";
import {
  BURST_SLOT_MIN,
  HEAVY_CLIENT_DAY,
  integrityFlags,
  PREVIOUS_PERIODS,
  slotClosed,
  type Flag,
  type FlagKind,
  type PeriodFigures,
  type PreviousFigures,
} from "./flags";

type Source = "web" | "kiosk" | "paper";

interface SourceRow {
  source: Source;
  respondents: number;
  straightLined: number;
  coercionYes: number;
  coercionAnswered: number;
  totals: ElementTotals;
}

const allSame = sql`(${skmResponses.u1} IS NOT NULL AND ${skmResponses.u1} = ${skmResponses.u2} AND ${skmResponses.u1} = ${skmResponses.u3}
  AND ${skmResponses.u1} = ${skmResponses.u4} AND ${skmResponses.u1} = ${skmResponses.u5} AND ${skmResponses.u1} = ${skmResponses.u6}
  AND ${skmResponses.u1} = ${skmResponses.u7} AND ${skmResponses.u1} = ${skmResponses.u8} AND ${skmResponses.u1} = ${skmResponses.u9})`;

/** Per source: respondents, straight-lined answers, coercion answers and the unsur totals. */
async function bySource(db: Database, unitId: number, from: string, to: string): Promise<SourceRow[]> {
  const sums = Object.fromEntries(
    SKM_ELEMENTS.flatMap((e) => [
      [`${e}Sum`, sql<number>`coalesce(sum(${skmResponses[e]}), 0)::int`],
      [`${e}Count`, sql<number>`count(${skmResponses[e]})::int`],
    ]),
  ) as Record<string, ReturnType<typeof sql<number>>>;
  const rows = await db
    .select({
      source: skmResponses.source,
      respondents: sql<number>`count(*)::int`,
      straightLined: sql<number>`count(*) filter (where ${allSame})::int`,
      coercionYes: sql<number>`count(*) filter (where ${skmResponses.coercion})::int`,
      coercionAnswered: sql<number>`count(${skmResponses.coercion})::int`,
      ...sums,
    })
    .from(skmResponses)
    .where(and(eq(skmResponses.unitId, unitId), between(skmResponses.respondedOn, from, to)))
    .groupBy(skmResponses.source);
  return rows.map((row) => {
    const r = row as unknown as Record<string, number>;
    return {
      source: row.source,
      respondents: row.respondents,
      straightLined: row.straightLined,
      coercionYes: row.coercionYes,
      coercionAnswered: row.coercionAnswered,
      totals: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum: r[`${e}Sum`] ?? 0, count: r[`${e}Count`] ?? 0 }])) as ElementTotals,
    };
  });
}

function merge(rows: readonly SourceRow[]): ElementTotals {
  return Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, { sum: rows.reduce((n, r) => n + r.totals[e].sum, 0), count: rows.reduce((n, r) => n + r.totals[e].count, 0) }]),
  ) as ElementTotals;
}

const scoreOf = (rows: readonly SourceRow[]) => (rows.length === 0 ? null : computeIkm(merge(rows), SKM_2017).score);
const sum = (rows: readonly SourceRow[], key: "respondents" | "straightLined" | "coercionYes" | "coercionAnswered") => rows.reduce((n, r) => n + r[key], 0);

/** The periods of the same kind before this one, newest first. */
function previousPeriods(period: Period, count = PREVIOUS_PERIODS): Period[] {
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    if (period.kind === "year") keys.push(String(period.year - i));
    else if (period.kind === "quarter") {
      const n = period.year * 4 + (period.index! - 1) - i;
      keys.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`);
    } else if (period.kind === "month") {
      const n = period.year * 12 + (period.index! - 1) - i;
      keys.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`);
    } else {
      const n = period.year * 2 + (period.index! - 1) - i;
      keys.push(`${Math.floor(n / 2)}-S${(n % 2) + 1}`);
    }
  }
  return keys.map((k) => parsePeriod(k)).filter((p): p is Period => p !== null);
}

export interface UnitForFlags {
  id: number;
  openingHours: ReadonlyArray<{ days: number[]; opens: string; closes: string }>;
  servedPerPeriod: number | null;
  servedPeriod: "month" | "quarter" | "semester" | "year";
}

export async function unitForFlags(db: Database, unitId: number): Promise<UnitForFlags | null> {
  const [unit] = await db
    .select({ id: units.id, openingHours: units.openingHours, servedPerPeriod: units.servedPerPeriod, servedPeriod: units.servedPeriod })
    .from(units)
    .where(eq(units.id, unitId));
  return unit ?? null;
}

/** Everything stored about the unit in the period that the flags read. */
async function periodFigures(db: Database, unit: UnitForFlags, period: Period): Promise<PeriodFigures> {
  const sources = await bySource(db, unit.id, period.from, period.to);
  const of = (source: Source) => sources.filter((r) => r.source === source);

  const slots = await db
    .select({ day: skmSlotCounts.day, slot: skmSlotCounts.slot, ratings: skmSlotCounts.ratings })
    .from(skmSlotCounts)
    .where(and(eq(skmSlotCounts.unitId, unit.id), between(skmSlotCounts.day, period.from, period.to)));
  const [clients] = await db
    .select({
      heavy: sql<number>`coalesce(sum(${skmClientDayCounts.ratings}) filter (where ${skmClientDayCounts.ratings} > ${HEAVY_CLIENT_DAY}), 0)::int`,
      largest: sql<number>`coalesce(max(${skmClientDayCounts.ratings}), 0)::int`,
    })
    .from(skmClientDayCounts)
    .where(and(eq(skmClientDayCounts.unitId, unit.id), between(skmClientDayCounts.day, period.from, period.to)));
  const [device] = await db
    .select({ largest: sql<number>`coalesce(max(n), 0)::int` })
    .from(
      db
        .select({ n: sql<number>`count(*)`.as("n") })
        .from(skmResponses)
        .where(and(eq(skmResponses.unitId, unit.id), between(skmResponses.respondedOn, period.from, period.to), sql`${skmResponses.kioskId} IS NOT NULL`))
        .groupBy(skmResponses.kioskId)
        .as("devices"),
    );

  return {
    respondents: sum(sources, "respondents"),
    bySource: { web: sum(of("web"), "respondents"), kiosk: sum(of("kiosk"), "respondents"), paper: sum(of("paper"), "respondents") },
    score: scoreOf(sources),
    scoreBySource: { web: scoreOf(of("web")), kiosk: scoreOf(of("kiosk")) },
    straightLined: sum(sources, "straightLined"),
    coercionYes: sum(sources, "coercionYes"),
    coercionAnswered: sum(sources, "coercionAnswered"),
    slotRatings: slots.reduce((n, s) => n + s.ratings, 0),
    outsideHours: slots.filter((s) => slotClosed(unit.openingHours, isoWeekday(s.day), s.slot)).reduce((n, s) => n + s.ratings, 0),
    largestSlot: slots.reduce((n, s) => Math.max(n, s.ratings), 0),
    burstSlots: slots.filter((s) => s.ratings >= BURST_SLOT_MIN).length,
    heavyClientRatings: clients?.heavy ?? 0,
    largestClientDay: clients?.largest ?? 0,
    largestDevice: device?.largest ?? 0,
    served: populationFor(period, { perPeriod: unit.servedPerPeriod, period: unit.servedPeriod }),
  };
}

async function previousFigures(db: Database, unitId: number, period: Period): Promise<PreviousFigures[]> {
  return Promise.all(
    previousPeriods(period).map(async (p) => {
      const rows = await bySource(db, unitId, p.from, p.to);
      return { respondents: sum(rows, "respondents"), score: scoreOf(rows), straightLined: sum(rows, "straightLined") };
    }),
  );
}

interface FlagReview {
  flag: string;
  note: string;
  reviewedOn: string;
  reviewer: string | null;
}

export interface UnitPeriodFlags {
  period: string;
  figures: PeriodFigures;
  flags: Array<Flag & { review: FlagReview | null }>;
}

/** The flags of one unit and period with the figures behind them and any reviews. */
export async function unitPeriodFlags(db: Database, unit: UnitForFlags, period: Period): Promise<UnitPeriodFlags> {
  const [figures, previous, reviews] = await Promise.all([
    periodFigures(db, unit, period),
    previousFigures(db, unit.id, period),
    db
      .select({
        flag: integrityFlagReviews.flag,
        note: integrityFlagReviews.note,
        reviewedOn: integrityFlagReviews.reviewedOn,
        reviewer: staff.displayName,
      })
      .from(integrityFlagReviews)
      .leftJoin(staff, eq(staff.id, integrityFlagReviews.reviewedBy))
      .where(and(eq(integrityFlagReviews.unitId, unit.id), eq(integrityFlagReviews.period, period.key))),
  ]);
  const flags = integrityFlags(figures, previous).map((flag) => ({ ...flag, review: reviews.find((r) => r.flag === flag.kind) ?? null }));
  return { period: period.key, figures, flags };
}

/**
 * Whether the unit has any flag in the period (for the public data-quality note). The flags
 * read about ten queries over the period's responses; the answer is kept like the published
 * tables, until the data version moves (app/publication/kept-tables.server.ts).
 */
export async function periodFlagged(db: Database, unitId: number, period: Period): Promise<boolean> {
  const version = await publishedVersion(db);
  return keptTables(db).get(`flagged|${unitId}|${period.key}`, version, async () => {
    const unit = await unitForFlags(db, unitId);
    if (!unit) return false;
    return (await unitPeriodFlags(db, unit, period)).flags.length > 0;
  });
}

export interface Reviewer {
  staffId: number;
  role: string;
  regionId: number;
}

/**
 * An evaluator marks a unit's flag for a period as reviewed, with a note (a second review of the
 * same flag replaces the note). Audited; the note is not copied into the audit row.
 */
export async function reviewFlag(
  db: Database,
  reviewer: Reviewer,
  input: { unitId: number; period: string; flag: FlagKind; note: string },
  today: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(integrityFlagReviews)
      .values({ unitId: input.unitId, period: input.period, flag: input.flag, note: input.note, reviewedBy: reviewer.staffId, reviewedOn: today })
      .onConflictDoUpdate({
        target: [integrityFlagReviews.unitId, integrityFlagReviews.period, integrityFlagReviews.flag],
        set: { note: input.note, reviewedBy: reviewer.staffId, reviewedOn: today },
      });
    await recordAudit(tx, {
      actorStaffId: reviewer.staffId,
      actorRole: reviewer.role,
      action: "integrity.flag.review",
      objectType: "unit",
      objectId: input.unitId,
      regionId: reviewer.regionId,
      details: { period: input.period, flag: input.flag },
    });
  });
}

export interface ReachedUnit extends UnitForFlags {
  name: string;
  slug: string;
  regionSlug: string;
  regionName: string;
}

/** The active units within a reach (policy.ts decides the reach), by region and name. */
export async function unitsReached(db: Database, r: Reach): Promise<ReachedUnit[]> {
  const condition = unitsInReach(r);
  if (condition === null) return [];
  return db
    .select({
      id: units.id,
      name: units.name,
      slug: units.slug,
      regionSlug: regions.slug,
      regionName: regions.name,
      openingHours: units.openingHours,
      servedPerPeriod: units.servedPerPeriod,
      servedPeriod: units.servedPeriod,
    })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(units.active, true), condition))
    .orderBy(asc(regions.name), asc(units.name));
}
