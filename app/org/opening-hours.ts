/**
 * Opening hours, as stored on a unit, turned into lines a person reads:
 * [{days:[1,2,3,4], opens:"08:00", closes:"15:00"}] → "Senin–Kamis: 08:00–15:00".
 * Pure: weekday names come from Intl in the reader's language.
 */
import type { OpeningHoursRule } from "../../db/schema";

export interface OpeningHoursLine {
  days: string;
  hours: string;
}

const weekdayNames = new Map<string, string>();

// 2024-01-01 was a Monday: ISO weekday n falls on 2024-01-0n. Named once per locale and day.
function weekdayName(isoDay: number, locale: string): string {
  const key = `${locale}|${isoDay}`;
  let name = weekdayNames.get(key);
  if (name === undefined) {
    name = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, isoDay)));
    weekdayNames.set(key, name);
  }
  return name;
}

/** Groups consecutive days into ranges: [1,2,3,5] → [[1,3],[5,5]]. */
export function dayRanges(days: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges;
}

export function formatOpeningHours(rules: readonly OpeningHoursRule[], locale: string): OpeningHoursLine[] {
  return rules
    .filter((rule) => rule.days.length > 0)
    .map((rule) => ({
      days: dayRanges(rule.days)
        .map(([from, to]) =>
          from === to ? weekdayName(from, locale) : `${weekdayName(from, locale)}–${weekdayName(to, locale)}`,
        )
        .join(", "),
      hours: `${rule.opens}–${rule.closes}`,
    }));
}
