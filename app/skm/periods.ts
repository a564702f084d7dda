/**
 * Reporting periods for the SKM: a year ("2026"), a semester ("2026-S1"), a quarter
 * ("2026-Q3") or a month ("2026-03"), each an inclusive date range. Pure.
 */
type PeriodKind = "year" | "semester" | "quarter" | "month";

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** Semester 1–2, quarter 1–4 or month 1–12; absent for a year. */
  index?: number;
  from: string;
  to: string;
  /** Calendar months the period spans (for scaling a unit's "people served" figure). */
  months: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function span(key: string, kind: PeriodKind, year: number, firstMonth: number, months: number, index?: number): Period {
  return {
    key,
    kind,
    year,
    ...(index === undefined ? {} : { index }),
    from: `${year}-${pad(firstMonth)}-01`,
    to: lastDay(year, firstMonth + months - 1),
    months,
  };
}

export function parsePeriod(key: string): Period | null {
  const match = /^(\d{4})(?:-(?:S([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  if (match[2]) return span(key, "semester", year, (Number(match[2]) - 1) * 6 + 1, 6, Number(match[2]));
  if (match[3]) return span(key, "quarter", year, (Number(match[3]) - 1) * 3 + 1, 3, Number(match[3]));
  if (match[4]) return span(key, "month", year, Number(match[4]), 1, Number(match[4]));
  return span(key, "year", year, 1, 12);
}

/** The periods a reader can choose, newest first: this year and last, their semesters, quarters and months up to today. */
export function recentPeriods(today: string): Period[] {
  const year = Number(today.slice(0, 4));
  const keys: string[] = [];
  for (const y of [year, year - 1]) {
    keys.push(String(y));
    for (const s of [2, 1]) keys.push(`${y}-S${s}`);
    for (const q of [4, 3, 2, 1]) keys.push(`${y}-Q${q}`);
    for (let m = 12; m >= 1; m--) keys.push(`${y}-${pad(m)}`);
  }
  return keys.map((k) => parsePeriod(k)!).filter((p) => p.from <= today);
}

/** The months of a period, as month periods, in order. */
export function monthsOf(period: Period): Period[] {
  const first = Number(period.from.slice(5, 7));
  return Array.from({ length: period.months }, (_, i) => parsePeriod(`${period.year}-${pad(first + i)}`)!);
}

/** People served in a period, scaled from a figure per month, quarter, semester or year. */
export function populationFor(period: Period, served: { perPeriod: number | null; period: "month" | "quarter" | "semester" | "year" }): number | null {
  if (served.perPeriod === null) return null;
  const monthsPer = { month: 1, quarter: 3, semester: 6, year: 12 }[served.period];
  return Math.round((served.perPeriod / monthsPer) * period.months);
}
