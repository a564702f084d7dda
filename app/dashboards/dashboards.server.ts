/**
 * What the public unit, region and province pages show, assembled from the published
 * aggregates (published.server.ts, reports/stats.server.ts). A page costs a fixed number of
 * grouped queries, whatever the number of units or responses.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { provinces, regions, units } from "../../db/schema";
import { REPORT_CATEGORIES } from "../reports/form-schema";
import { tablePeriod, type ReportStats } from "../reports/stats";
import { publishedUnitPerception } from "../perception/queries.server";
import { regionReportStats } from "../reports/stats.server";
import { monthsOf, parsePeriod, type Period } from "../skm/periods";
import {
  addPerception,
  addSkm,
  bestWbkCandidate,
  emptyPerceptionCell,
  emptySkmCell,
  publishPerception,
  publishSkm,
  rollUp,
  unmet,
  type Predicate,
  type UnitZi,
} from "./published";
import { latestZiScores, perceptionMonthly, skmMonthly, type Monthly } from "./published.server";

/** Adds monthly cells up per unit. */
function perUnit<T>(rows: ReadonlyArray<Monthly<T>>, empty: () => T, add: (a: T, b: T) => T): (unitId: number) => T {
  const sums = new Map<number, T>();
  for (const row of rows) sums.set(row.unitId, add(sums.get(row.unitId) ?? empty(), row.cell));
  return (unitId) => sums.get(unitId) ?? empty();
}

/** A unit's ZI figures as published: the latest submitted year, readiness and what is lacking. */
function ziSummary(zi: UnitZi | null, predicate: Predicate) {
  if (!zi) return null;
  // What the unit lacks for the next predicate: WBK first, WBBM once it holds WBK.
  const next: Predicate | null = predicate === "none" ? "wbk" : predicate === "wbk" ? "wbbm" : null;
  return {
    year: zi.year,
    profileId: zi.profileId,
    total: zi.score.total,
    pengungkit: zi.score.pengungkit.points,
    hasil: zi.score.hasil.points,
    wbkReady: zi.score.wbk.ready,
    wbbmReady: zi.score.wbbm.ready,
    provisional: zi.score.provisional,
    next,
    lacking: next === null ? [] : unmet(zi.score[next]),
  };
}

function reportSummary(stats: ReportStats, unit: number | "*", period: Period) {
  const key = tablePeriod(period);
  return {
    total: stats.count(unit, "*", key),
    categories: REPORT_CATEGORIES.map((category) => ({ category, count: stats.count(unit, category, key) })),
    months: monthsOf(period).map((month) => ({ key: month.key, count: stats.count(unit, "*", tablePeriod(month)) })),
    onTime: stats.onTime(unit, key),
  };
}

/** Quarters from the start of `years` years ago to the quarter of `today`, oldest first. */
function recentQuarters(today: string, years: number): Period[] {
  const year = Number(today.slice(0, 4));
  const quarters: Period[] = [];
  for (let y = year - years + 1; y <= year; y++) {
    for (let q = 1; q <= 4; q++) {
      const period = parsePeriod(`${y}-Q${q}`)!;
      if (period.from <= today) quarters.push(period);
    }
  }
  return quarters;
}

const TREND_YEARS = 3;

export async function unitDashboard(db: Database, disclosureMin: number, unitId: number, period: Period, today: string) {
  const [unit] = await db
    .select({ id: units.id, slug: units.slug, regionSlug: regions.slug, regionId: units.regionId, predicate: units.ziPredicate, predicateYear: units.ziPredicateYear })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(units.id, unitId));
  if (!unit) throw new Error(`unit ${unitId} vanished`);
  const quarters = recentQuarters(today, TREND_YEARS);
  const trendFrom = quarters[0]!.from;
  const [skm, perception, current, stats, zi] = await Promise.all([
    skmMonthly(db, [unit.id], trendFrom, today),
    perceptionMonthly(db, [unit.id], trendFrom, today),
    publishedUnitPerception(db, unit, period, disclosureMin),
    regionReportStats(db, disclosureMin, unit.regionId, period.year, today),
    latestZiScores(db, [unit.id]),
  ]);
  // The period's figures as the perception API publishes them (one rule for both).
  const survey = (respondents: number, published: { index: number | null; mean: number | null } | null | undefined) => ({
    respondents,
    published: Boolean(published),
    index: published?.index ?? null,
    mean: published?.mean ?? null,
  });
  const skmByQuarter = rollUp(skm, "quarter", addSkm);
  const perceptionByQuarter = rollUp(perception, "quarter", addPerception);
  const trend = quarters.map((q) => {
    const index = publishSkm(skmByQuarter.get(q.key) ?? emptySkmCell(), disclosureMin);
    const indices = publishPerception(perceptionByQuarter.get(q.key) ?? emptyPerceptionCell(), disclosureMin);
    return { key: q.key, year: q.year, index: q.index!, skm: index, ipak: indices.ipak, ipkp: indices.ipkp };
  });
  return {
    predicate: unit.predicate,
    predicateYear: unit.predicateYear,
    perception: {
      ipak: survey(current.respondents.ipak, current.published ? current.ipak : null),
      ipkp: survey(current.respondents.ipkp, current.published ? current.ipkp : null),
    },
    reports: reportSummary(stats, unit.id, period),
    zi: ziSummary(zi.get(unit.id) ?? null, unit.predicate),
    trend,
  };
}

async function unitsOf(db: Database, regionIds: readonly number[]) {
  if (regionIds.length === 0) return [];
  return db
    .select({ id: units.id, regionId: units.regionId, slug: units.slug, name: units.name, predicate: units.ziPredicate, predicateYear: units.ziPredicateYear })
    .from(units)
    .where(and(inArray(units.regionId, [...regionIds]), eq(units.active, true)))
    .orderBy(asc(units.name));
}

export async function regionDashboard(db: Database, disclosureMin: number, regionId: number, period: Period, today: string) {
  const list = await unitsOf(db, [regionId]);
  const ids = list.map((u) => u.id);
  const [skm, perception, stats, zi] = await Promise.all([
    skmMonthly(db, ids, period.from, period.to),
    perceptionMonthly(db, ids, period.from, period.to),
    regionReportStats(db, disclosureMin, regionId, period.year, today),
    latestZiScores(db, ids),
  ]);
  const skmOf = perUnit(skm, emptySkmCell, addSkm);
  const perceptionOf = perUnit(perception, emptyPerceptionCell, addPerception);
  const key = tablePeriod(period);
  const best = bestWbkCandidate(list.map((unit) => ({ ...unit, zi: zi.get(unit.id) ?? null })));
  const rows = list.map((unit) => {
    const indices = publishPerception(perceptionOf(unit.id), disclosureMin);
    return {
      slug: unit.slug,
      name: unit.name,
      predicate: unit.predicate,
      predicateYear: unit.predicateYear,
      skm: publishSkm(skmOf(unit.id), disclosureMin),
      ipak: indices.ipak,
      ipkp: indices.ipkp,
      reports: stats.count(unit.id, "*", key),
      onTime: stats.onTime(unit.id, key),
      zi: ziSummary(zi.get(unit.id) ?? null, unit.predicate),
    };
  });
  return {
    units: rows,
    best: best ? { slug: best.slug, name: best.name, total: best.zi!.score.total } : null,
    reports: reportSummary(stats, "*", period),
    unknownUnitReports: stats.count("none", "*", tablePeriod(period)),
  };
}

export async function listProvinces(db: Database) {
  return db.select({ slug: provinces.slug, name: provinces.name }).from(provinces).orderBy(asc(provinces.name));
}

/** The province a region belongs to, for the link from the region page. */
export async function findProvince(db: Database, slug: string) {
  const [province] = await db.select({ id: provinces.id, slug: provinces.slug, name: provinces.name }).from(provinces).where(eq(provinces.slug, slug));
  return province ?? null;
}

export async function provinceDashboard(db: Database, disclosureMin: number, provinceId: number, period: Period) {
  const regionList = await db
    .select({ id: regions.id, slug: regions.slug, name: regions.name, kind: regions.kind })
    .from(regions)
    .where(eq(regions.provinceId, provinceId))
    .orderBy(asc(regions.name));
  const list = await unitsOf(
    db,
    regionList.map((r) => r.id),
  );
  const ids = list.map((u) => u.id);
  const [skm, zi] = await Promise.all([skmMonthly(db, ids, period.from, period.to), latestZiScores(db, ids)]);
  const skmOf = perUnit(skm, emptySkmCell, addSkm);
  const candidates = list.map((u) => ({ ...u, zi: zi.get(u.id) ?? null }));
  const rows = regionList.map((region) => {
    const own = candidates.filter((u) => u.regionId === region.id);
    const best = bestWbkCandidate(own);
    return {
      slug: region.slug,
      name: region.name,
      kind: region.kind,
      units: own.length,
      withZi: own.filter((u) => u.zi !== null).length,
      wbkReady: own.filter((u) => u.zi?.score.wbk.ready === true).length,
      wbbmReady: own.filter((u) => u.zi?.score.wbbm.ready === true).length,
      // Of those, the verdicts resting on internal monitoring rather than the official survey.
      wbkReadyProvisional: own.filter((u) => u.zi?.score.wbk.ready === true && u.zi.score.provisional).length,
      wbbmReadyProvisional: own.filter((u) => u.zi?.score.wbbm.ready === true && u.zi.score.provisional).length,
      holdingWbk: own.filter((u) => u.predicate === "wbk").length,
      holdingWbbm: own.filter((u) => u.predicate === "wbbm").length,
      best: best ? { slug: best.slug, name: best.name, total: best.zi!.score.total } : null,
      skm: publishSkm(own.map((u) => skmOf(u.id)).reduce(addSkm, emptySkmCell()), disclosureMin),
    };
  });
  const best = bestWbkCandidate(candidates);
  const bestRegion = best ? regionList.find((r) => r.id === best.regionId)! : null;
  return {
    regions: rows,
    best: best && bestRegion ? { slug: best.slug, name: best.name, total: best.zi!.score.total, regionSlug: bestRegion.slug, regionName: bestRegion.name } : null,
  };
}
