/**
 * What the public unit, region and province pages show, assembled from the published
 * aggregates (published.server.ts, reports/stats.server.ts). A page costs a fixed number of
 * grouped queries, whatever the number of units or responses.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { provinces, regions, units } from "../../db/schema";
import { publishedState } from "../publication/kept-tables.server";
import { tablePeriod } from "../publication/suppression";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { REPORT_CATEGORIES } from "../reports/form-schema";
import type { ReportStats } from "../reports/stats";
import { regionReportStats } from "../reports/stats.server";
import { minimumSample } from "../skm/formula";
import { monthsOf, parsePeriod, populationFor, type Period } from "../skm/periods";
import { bestWbkCandidate, publishSources, unmet, type Predicate, type SkmTable, type UnitZi } from "./published";
import { latestZiScores, perceptionTables, profileTable, skmTables, sourceTable } from "./published.server";

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

/**
 * A unit's SKM for a period as its page and printable report show it: the published cell,
 * sample adequacy, the three weakest unsur and the months of the period, all from the table
 * of the unit's region and year.
 */
function unitSkm(table: SkmTable, unit: { id: number; servedPerPeriod: number | null; servedPeriod: "month" | "quarter" | "semester" | "year" }, period: Period) {
  const index = table.cell(unit.id, tablePeriod(period));
  const population = populationFor(period, { perPeriod: unit.servedPerPeriod, period: unit.servedPeriod });
  const minimum = population === null || !index.published ? null : minimumSample(population, SKM_2017);
  const nrr = index.nrr;
  const priorities = nrr
    ? SKM_ELEMENTS.filter((e) => nrr[e] !== null)
        .sort((a, b) => nrr[a]! - nrr[b]!)
        .slice(0, 3)
        .map((element) => ({ element, nrr: nrr[element]! }))
    : [];
  const trend = monthsOf(period).map((month) => {
    const cell = table.cell(unit.id, tablePeriod(month));
    return { key: month.key, respondents: cell.respondents, score: cell.score };
  });
  return {
    ...index,
    population,
    minimumSample: minimum,
    sampleTooSmall: minimum !== null && index.respondents !== null && index.respondents < minimum,
    priorities,
    trend,
    profile: SKM_2017.id,
  };
}

interface DashboardUnit {
  id: number;
  regionId: number;
  servedPerPeriod: number | null;
  servedPeriod: "month" | "quarter" | "semester" | "year";
}

async function findDashboardUnit(db: Database, unitId: number) {
  const [unit] = await db
    .select({
      id: units.id,
      regionId: units.regionId,
      predicate: units.ziPredicate,
      predicateYear: units.ziPredicateYear,
      servedPerPeriod: units.servedPerPeriod,
      servedPeriod: units.servedPeriod,
    })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new Error(`unit ${unitId} vanished`);
  return unit;
}

export async function unitDashboard(db: Database, disclosureMin: number, unitId: number, period: Period, today: string) {
  const unit = await findDashboardUnit(db, unitId);
  const quarters = recentQuarters(today, TREND_YEARS);
  // Each year is a table of its own: the trend's quarters are cells of their year's table.
  const years = [...new Set([...quarters.map((q) => q.year), period.year])];
  const [state, zi] = await Promise.all([publishedState(db, [unit.regionId]), latestZiScores(db, [unit.id])]);
  const [skm, perception, stats] = await Promise.all([
    skmTables(db, disclosureMin, [unit.regionId], years, state),
    perceptionTables(db, disclosureMin, [unit.regionId], years, state),
    regionReportStats(db, disclosureMin, unit.regionId, period.year, today, state),
  ]);
  const trend = quarters.map((q) => {
    const indices = perception(unit.regionId, q.year).cell(unit.id, tablePeriod(q));
    return { key: q.key, year: q.year, index: q.index!, skm: skm(unit.regionId, q.year).cell(unit.id, tablePeriod(q)), ipak: indices.ipak, ipkp: indices.ipkp };
  });
  const current = perception(unit.regionId, period.year).cell(unit.id, tablePeriod(period));
  return {
    predicate: unit.predicate,
    predicateYear: unit.predicateYear,
    skm: unitSkm(skm(unit.regionId, period.year), unit, period),
    perception: { ipak: current.ipak, ipkp: current.ipkp },
    reports: reportSummary(stats, unit.id, period),
    zi: ziSummary(zi.get(unit.id) ?? null, unit.predicate),
    trend,
  };
}

/** The printable SKM report of a unit for a period: its SKM and, where published, who answered. */
export async function unitReport(db: Database, disclosureMin: number, unitId: number, period: Period) {
  const unit: DashboardUnit = await findDashboardUnit(db, unitId);
  const table = (await skmTables(db, disclosureMin, [unit.regionId], [period.year]))(unit.regionId, period.year);
  const skm = unitSkm(table, unit, period);
  const profile = skm.published ? (await profileTable(db, disclosureMin, table, unit.id, period.year)).period(tablePeriod(period)) : null;
  const sources = skm.published ? publishSources((await sourceTable(db, disclosureMin, table, unit.id, period.year)).period(tablePeriod(period))) : null;
  return { skm, profile, sources };
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
  const [state, zi] = await Promise.all([publishedState(db, [regionId]), latestZiScores(db, ids)]);
  const [skmOf, perceptionOf, stats] = await Promise.all([
    skmTables(db, disclosureMin, [regionId], [period.year], state),
    perceptionTables(db, disclosureMin, [regionId], [period.year], state),
    regionReportStats(db, disclosureMin, regionId, period.year, today, state),
  ]);
  const skm = skmOf(regionId, period.year);
  const perception = perceptionOf(regionId, period.year);
  const key = tablePeriod(period);
  const best = bestWbkCandidate(list.map((unit) => ({ ...unit, zi: zi.get(unit.id) ?? null })));
  const rows = list.map((unit) => {
    const indices = perception.cell(unit.id, key);
    return {
      slug: unit.slug,
      name: unit.name,
      predicate: unit.predicate,
      predicateYear: unit.predicateYear,
      skm: skm.cell(unit.id, key),
      ipak: indices.ipak,
      ipkp: indices.ipkp,
      reports: stats.count(unit.id, "*", key),
      onTime: stats.onTime(unit.id, key),
      zi: ziSummary(zi.get(unit.id) ?? null, unit.predicate),
    };
  });
  return {
    units: rows,
    overall: skm.cell("*", key),
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
  const [skm, zi] = await Promise.all([
    skmTables(
      db,
      disclosureMin,
      regionList.map((r) => r.id),
      [period.year],
    ),
    latestZiScores(db, ids),
  ]);
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
      skm: skm(region.id, period.year).cell("*", tablePeriod(period)),
    };
  });
  const best = bestWbkCandidate(candidates);
  const bestRegion = best ? regionList.find((r) => r.id === best.regionId)! : null;
  return {
    regions: rows,
    best: best && bestRegion ? { slug: best.slug, name: best.name, total: best.zi!.score.total, regionSlug: bestRegion.slug, regionName: bestRegion.name } : null,
  };
}

type ApiUnit = { id: number; slug: string; regionId: number; regionSlug: string };

/**
 * The SKM API's answer for a unit and a calendar period: the unit's cell of its region's
 * table. A cell that is not published says so with `respondents: null` (its count could pin
 * down a hidden neighbour); a period without ratings says `respondents: 0`.
 */
export async function unitSkmApi(db: Database, disclosureMin: number, unit: ApiUnit, period: Period) {
  const table = (await skmTables(db, disclosureMin, [unit.regionId], [period.year]))(unit.regionId, period.year);
  const cell = table.cell(unit.id, tablePeriod(period));
  const base = { unit: `${unit.regionSlug}/${unit.slug}`, period: period.key, from: period.from, to: period.to, profile: SKM_2017.id };
  if (!cell.published) return { ...base, respondents: cell.respondents, published: false as const };
  return { ...base, respondents: cell.respondents, published: true as const, nrr: cell.nrr, ikm: cell.ikm, score: cell.score, grade: cell.grade };
}

/** The perception API's answer: the unit's IPAK and IPKP cells, each published on its own. */
export async function unitPerceptionApi(db: Database, disclosureMin: number, unit: ApiUnit, period: Period) {
  const table = (await perceptionTables(db, disclosureMin, [unit.regionId], [period.year]))(unit.regionId, period.year);
  const cell = table.cell(unit.id, tablePeriod(period));
  const survey = (index: typeof cell.ipak) => (index.published ? { index: index.index, mean: index.mean, items: index.items } : null);
  return {
    unit: `${unit.regionSlug}/${unit.slug}`,
    period: period.key,
    from: period.from,
    to: period.to,
    respondents: { ipak: cell.ipak.respondents, ipkp: cell.ipkp.respondents },
    published: cell.ipak.published || cell.ipkp.published,
    profile: cell.profileId,
    monitoring: "internal" as const,
    ipak: survey(cell.ipak),
    ipkp: survey(cell.ipkp),
  };
}
