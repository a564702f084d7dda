/** Reads of the organisation structure (regions, agencies, units, services) for public pages. */
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agencies, provinces, regions, services, units } from "../../db/schema";
import { SLUG_PATTERN } from "./admin-schema";

export async function listRegions(db: Database) {
  return db
    .select({
      id: regions.id,
      slug: regions.slug,
      name: regions.name,
      kind: regions.kind,
      provinceName: provinces.name,
      unitCount: count(units.id),
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.id, regions.provinceId))
    .leftJoin(units, and(eq(units.regionId, regions.id), eq(units.active, true)))
    .groupBy(regions.id, provinces.id)
    .orderBy(asc(provinces.name), asc(regions.name));
}

export async function getRegion(db: Database, regionSlug: string) {
  const [region] = await db
    .select({
      id: regions.id,
      slug: regions.slug,
      name: regions.name,
      kind: regions.kind,
      timeZone: regions.timeZone,
      provinceSlug: provinces.slug,
      provinceName: provinces.name,
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.id, regions.provinceId))
    .where(eq(regions.slug, regionSlug));
  if (!region) return null;

  const rows = await db
    .select({
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      unitSlug: units.slug,
      unitName: units.name,
    })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(units.regionId, region.id), eq(units.active, true)))
    .orderBy(asc(agencies.name), asc(units.name));

  const byAgency = new Map<string, { slug: string; name: string; units: Array<{ slug: string; name: string }> }>();
  for (const row of rows) {
    const agency = byAgency.get(row.agencySlug) ?? { slug: row.agencySlug, name: row.agencyName, units: [] };
    agency.units.push({ slug: row.unitSlug, name: row.unitName });
    byAgency.set(row.agencySlug, agency);
  }
  return { ...region, agencies: [...byAgency.values()] };
}

/** What every lookup of a unit by its address gives: the unit, its region, and what a permission check needs. */
const unitColumns = {
  id: units.id,
  slug: units.slug,
  name: units.name,
  regionId: regions.id,
  regionSlug: regions.slug,
  regionName: regions.name,
  provinceId: regions.provinceId,
  timeZone: regions.timeZone,
  ziPredicate: units.ziPredicate,
  ziPredicateYear: units.ziPredicateYear,
};

/** A unit's contact details and service volume, as its public page shows them and the structure admin edits them. */
export const unitContactColumns = {
  address: units.address,
  phone: units.phone,
  email: units.email,
  openingHours: units.openingHours,
  servedPerPeriod: units.servedPerPeriod,
  servedPeriod: units.servedPeriod,
};

/** The public unit page's extra: contact details, agency and province (two more joins). */
const detailColumns = {
  ...unitContactColumns,
  agencyName: agencies.name,
  provinceName: provinces.name,
};

export interface UnitLookup {
  /**
   * Also find a deactivated unit: staff pages, the public APIs and the command-line tools
   * address it by its slugs all the same. Public pages leave this out, and a deactivated
   * unit is not found (404).
   */
  includeInactive?: boolean;
  /** Contact details, agency and province, for the public unit pages. */
  details?: boolean;
  /** The unit's active services in display order. */
  services?: boolean;
}

/** The unit's active services in display order, as a JSON array read with the unit (no second round trip). */
const activeServices = sql<UnitService[]>`(SELECT coalesce(json_agg(json_build_object('id', ${services.id}, 'slug', ${services.slug}, 'name', ${services.name})
  ORDER BY ${services.position}, ${services.name}), '[]'::json) FROM ${services} WHERE ${services.unitId} = ${units.id} AND ${services.active})`;

/** The lookup as one statement: the columns the options ask for. */
function lookupQuery(db: Database, where: SQL | undefined, options: UnitLookup | undefined) {
  const fields = { ...unitColumns, ...(options?.details ? detailColumns : {}), ...(options?.services ? { services: activeServices } : {}) };
  const query = db.select(fields).from(units).innerJoin(regions, eq(regions.id, units.regionId)).$dynamic();
  if (options?.details) query.innerJoin(provinces, eq(provinces.id, regions.provinceId)).innerJoin(agencies, eq(agencies.id, units.agencyId));
  return query.where(where);
}

export type FoundUnit = SelectResultFields<typeof unitColumns>;
interface UnitService {
  id: number;
  slug: string;
  name: string;
}

type FoundUnitWith<O extends UnitLookup> = (O["details"] extends true ? SelectResultFields<typeof unitColumns & typeof detailColumns> : FoundUnit) &
  (O["services"] extends true ? { services: UnitService[] } : unknown);

/**
 * The unit at /{region}/{unit}: one query (two more joins only with `details`, and its
 * services as a JSON array with `services`). A unit slug only means something inside its region. Null for an unknown or
 * (unless `includeInactive`) deactivated unit, and at once for a slug the database could not
 * hold (it checks the same pattern), however long or odd.
 */
export async function findUnitByAddress<O extends UnitLookup = UnitLookup>(
  db: Database,
  regionSlug: string,
  unitSlug: string,
  options?: O,
): Promise<FoundUnitWith<O> | null> {
  if (!SLUG_PATTERN.test(regionSlug) || !SLUG_PATTERN.test(unitSlug)) return null;
  const where = and(eq(regions.slug, regionSlug), eq(units.slug, unitSlug), options?.includeInactive ? undefined : eq(units.active, true));
  const [unit] = await lookupQuery(db, where, options);
  if (!unit) return null;
  // The row has the columns the options asked for (both drivers hand JSON over parsed);
  // TypeScript cannot follow that through the choice of columns.
  return unit as unknown as FoundUnitWith<O>;
}

/** Escapes LIKE wildcards so that a search for "100%" means the characters, not a pattern. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const SEARCH_MAX_LENGTH = 100;
const SEARCH_LIMIT = 25;

/** Units whose name, agency or one of whose services matches the term (case-insensitive). */
export async function searchUnits(db: Database, term: string) {
  const pattern = likePattern(term.trim().slice(0, SEARCH_MAX_LENGTH));
  const matchingServices = db
    .select({ unitId: services.unitId })
    .from(services)
    .where(and(eq(services.active, true), ilike(services.name, pattern)));

  const found = await db
    .select({
      id: units.id,
      slug: units.slug,
      name: units.name,
      agencyName: agencies.name,
      regionSlug: regions.slug,
      regionName: regions.name,
    })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(
      and(
        eq(units.active, true),
        or(
          ilike(units.name, pattern),
          ilike(agencies.name, pattern),
          ilike(sql`coalesce(${agencies.shortName}, '')`, pattern),
          inArray(units.id, matchingServices),
        ),
      ),
    )
    .orderBy(asc(regions.name), asc(units.name))
    .limit(SEARCH_LIMIT);

  if (found.length === 0) return [];
  const serviceRows = await db
    .select({ unitId: services.unitId, name: services.name })
    .from(services)
    .where(
      and(
        inArray(
          services.unitId,
          found.map((u) => u.id),
        ),
        eq(services.active, true),
        ilike(services.name, pattern),
      ),
    )
    .orderBy(asc(services.position));
  return found.map(({ id, ...unit }) => ({
    ...unit,
    matchingServices: serviceRows.filter((s) => s.unitId === id).map((s) => s.name),
  }));
}

/** Every active unit, grouped by region, for the "which unit did you visit?" page. */
export async function listUnitsByRegion(db: Database) {
  const rows = await db
    .select({ regionSlug: regions.slug, regionName: regions.name, unitSlug: units.slug, unitName: units.name })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(units.active, true))
    .orderBy(asc(regions.name), asc(units.name));
  const byRegion = new Map<string, { slug: string; name: string; units: Array<{ slug: string; name: string }> }>();
  for (const row of rows) {
    const region = byRegion.get(row.regionSlug) ?? { slug: row.regionSlug, name: row.regionName, units: [] };
    region.units.push({ slug: row.unitSlug, name: row.unitName });
    byRegion.set(row.regionSlug, region);
  }
  return [...byRegion.values()];
}

/**
 * The published pages (province, region, unit dashboards) a reach covers, for the staff home:
 * an installation-wide reach lists the provinces, the others exactly what they hold.
 */
export async function publishedPagesOf(db: Database, scope: { all: boolean; provinceIds: ReadonlySet<number>; regionIds: ReadonlySet<number>; unitIds: ReadonlySet<number> }) {
  const provinceIds = [...scope.provinceIds];
  const regionIds = [...scope.regionIds];
  const unitIds = [...scope.unitIds];
  const [provinceRows, regionRows, unitRows] = await Promise.all([
    scope.all || provinceIds.length > 0
      ? db
          .select({ slug: provinces.slug, name: provinces.name })
          .from(provinces)
          .where(scope.all ? undefined : inArray(provinces.id, provinceIds))
          .orderBy(asc(provinces.name))
      : [],
    regionIds.length > 0
      ? db.select({ slug: regions.slug, name: regions.name }).from(regions).where(inArray(regions.id, regionIds)).orderBy(asc(regions.name))
      : [],
    unitIds.length > 0
      ? db
          .select({ slug: units.slug, name: units.name, regionSlug: regions.slug })
          .from(units)
          .innerJoin(regions, eq(regions.id, units.regionId))
          .where(inArray(units.id, unitIds))
          .orderBy(asc(units.name))
      : [],
  ]);
  return [
    ...provinceRows.map((p) => ({ to: `/provinces/${p.slug}`, name: p.name })),
    ...regionRows.map((r) => ({ to: `/regions/${r.slug}`, name: r.name })),
    ...unitRows.map((u) => ({ to: `/units/${u.regionSlug}/${u.slug}`, name: u.name })),
  ];
}
