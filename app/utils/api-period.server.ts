/**
 * The period of the public API's period endpoints: a calendar period only (a year, a
 * semester, a quarter or a month), as `?period=2026|2026-S1|2026-Q2|2026-05`, or as
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` when the two dates span exactly one such period. Any other
 * window could be set against a neighbouring one to single out a few respondents
 * (docs/decisions/011-one-publication-rule.md), so it is refused.
 */
import { parsePeriod, type Period } from "../skm/periods";

/** The accepted forms, listed in the error message. */
export const PERIOD_FORMS = "period=2026, period=2026-S1, period=2026-Q2, period=2026-05, from=2026-01-01&to=2026-03-31";

export type PeriodQuery = { ok: true; period: Period } | { ok: false };

/** The calendar periods of a year: the year, its semesters, quarters and months. */
function periodsOfYear(year: number): Period[] {
  const keys = [String(year), `${year}-S1`, `${year}-S2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
  for (let m = 1; m <= 12; m++) keys.push(`${year}-${String(m).padStart(2, "0")}`);
  return keys.map((k) => parsePeriod(k)).filter((p): p is Period => p !== null);
}

export function parsePeriodQuery(url: URL): PeriodQuery {
  const key = url.searchParams.get("period");
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");
  if (key !== null) {
    const period = from === null && to === null ? parsePeriod(key) : null;
    return period ? { ok: true, period } : { ok: false };
  }
  if (from === null || to === null || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return { ok: false };
  const period = periodsOfYear(Number(from.slice(0, 4))).find((p) => p.from === from && p.to === to);
  return period ? { ok: true, period } : { ok: false };
}
