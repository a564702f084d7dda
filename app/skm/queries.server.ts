/** The SKM index of a unit over a period, as published (disclosure threshold applied). */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, services, units } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { computeIkm } from "./formula";
import { periodTotals } from "./responses.server";

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

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export type PublishedSkm =
  | { unit: string; from: string; to: string; respondents: number; published: false }
  | {
      unit: string;
      from: string;
      to: string;
      respondents: number;
      published: true;
      nrr: Record<SkmElement, number | null>;
      ikm: number | null;
      score: number | null;
      grade: "A" | "B" | "C" | "D" | null;
      profile: string;
    };

export async function publishedUnitSkm(
  db: Database,
  unit: { id: number; slug: string; regionSlug: string },
  period: { from: string; to: string },
  disclosureMin: number,
): Promise<PublishedSkm> {
  const { respondents, totals } = await periodTotals(db, [unit.id], period.from, period.to);
  const address = `${unit.regionSlug}/${unit.slug}`;
  if (respondents < disclosureMin) return { unit: address, ...period, respondents, published: false };
  const result = computeIkm(totals, SKM_2017);
  return {
    unit: address,
    ...period,
    respondents,
    published: true,
    nrr: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, result.nrr[e] === null ? null : round6(result.nrr[e])])) as Record<
      SkmElement,
      number | null
    >,
    ikm: result.ikm === null ? null : round6(result.ikm),
    score: result.score,
    grade: result.grade?.grade ?? null,
    profile: result.profileId,
  };
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
