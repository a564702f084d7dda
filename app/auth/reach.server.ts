/**
 * The policy's reach (`reach` in policy.ts) as a condition for list queries. This module only
 * translates: which units an action reaches is decided in policy.ts.
 */
import { and, inArray, notInArray, or, type SQL } from "drizzle-orm";
import { regions, units } from "../../db/schema";
import type { Reach } from "./policy";

/** Units within a reach, as a condition on `units` (joined with `regions`); null when nothing is reached. */
export function unitsInReach(r: Reach): SQL | undefined | null {
  if (r.all) return r.excludedUnitIds.size > 0 ? notIn(r.excludedUnitIds) : undefined;
  const parts: SQL[] = [];
  if (r.provinceIds.size > 0) parts.push(inArray(regions.provinceId, [...r.provinceIds]));
  if (r.regionIds.size > 0) parts.push(inArray(units.regionId, [...r.regionIds]));
  if (r.unitIds.size > 0) parts.push(inArray(units.id, [...r.unitIds]));
  if (parts.length === 0) return null;
  const scope = or(...parts)!;
  return r.excludedUnitIds.size > 0 ? and(scope, notIn(r.excludedUnitIds)) : scope;
}

function notIn(ids: Set<number>): SQL {
  return notInArray(units.id, [...ids]);
}
