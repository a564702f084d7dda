/** Units and services as the SKM rating form and the public API find them. */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, services, units } from "../../db/schema";

export async function findUnit(db: Database, regionSlug: string, unitSlug: string) {
  const [unit] = await db
    .select({ id: units.id, slug: units.slug, regionId: regions.id, regionSlug: regions.slug, timeZone: regions.timeZone })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(regions.slug, regionSlug), eq(units.slug, unitSlug)));
  return unit ?? null;
}

export async function unitServices(db: Database, unitId: number) {
  return db.select({ id: services.id, slug: services.slug, name: services.name }).from(services).where(eq(services.unitId, unitId));
}

/** A unit with its active services, for the rating form. */
export async function unitForRating(db: Database, regionSlug: string, unitSlug: string) {
  const [unit] = await db
    .select({ id: units.id, slug: units.slug, name: units.name, regionSlug: regions.slug, timeZone: regions.timeZone })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(regions.slug, regionSlug), eq(units.slug, unitSlug), eq(units.active, true)));
  if (!unit) return null;
  const list = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(eq(services.unitId, unit.id), eq(services.active, true)))
    .orderBy(asc(services.position), asc(services.name));
  return { ...unit, services: list };
}
