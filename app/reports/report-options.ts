/**
 * The report form's choices, shaped for display: the units a link may preselect, the years a
 * reporter may pick and the services listed under each unit.
 */
import { localDate } from "../utils/calendar";
import { UNKNOWN_UNIT, YEARS_BACK } from "./form-schema";

/** The latest calendar date anywhere in Indonesia: a month is "in the future" only after it. */
export function latestToday(now?: Date): string {
  return localDate("Asia/Jayapura", now);
}

interface ServiceOption {
  id: number;
  name: string;
}

export interface UnitOption {
  /** "<region slug>/<unit slug>". */
  key: string;
  name: string;
  services: ServiceOption[];
}

export interface RegionOption {
  slug: string;
  name: string;
  agencies: Array<{ name: string; units: UnitOption[] }>;
}

/** The unit a `?unit=` link asks for, if it is one of the form's choices; otherwise none. */
export function preselectedUnit(regions: readonly RegionOption[], asked: string | null): string {
  const keys = new Set(regions.flatMap((r) => [`${r.slug}/${UNKNOWN_UNIT}`, ...r.agencies.flatMap((a) => a.units.map((u) => u.key))]));
  return asked !== null && keys.has(asked) ? asked : "";
}

/** This year and the YEARS_BACK before it, newest first. */
export function yearChoices(thisYear: number): number[] {
  return Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
}

/**
 * The service list's groups, one per unit that has services. While filtering (once the script
 * runs) only the chosen unit's services remain, and none for "I do not know the unit"; with
 * no unit chosen, or without filtering, every unit's services are listed.
 */
export function serviceGroups(regions: readonly RegionOption[], chosenUnit: string, filtering: boolean): Array<{ unit: UnitOption; label: string }> {
  return regions
    .flatMap((region) => region.agencies.flatMap((agency) => agency.units.map((unit) => ({ unit, label: `${region.name} · ${unit.name}` }))))
    .filter(({ unit }) => unit.services.length > 0 && (!filtering || chosenUnit === "" || unit.key === chosenUnit));
}
