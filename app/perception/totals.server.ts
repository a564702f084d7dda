/** Reads the perception running totals (perception_daily_totals) over a date range. */
import { and, between, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { perceptionDailyTotals } from "../../db/schema";
import { PERCEPTION_ITEMS, type PerceptionItem } from "../regulation/perception";
import type { PerceptionTotals } from "./formula";

export const sumColumn = (item: PerceptionItem) => `${item}Sum` as const;
export const countColumn = (item: PerceptionItem) => `${item}Count` as const;

/** Totals of the given units from `from` to `to` (inclusive local dates). */
export async function perceptionPeriodTotals(
  db: Database,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<PerceptionTotals> {
  const selection: Record<string, ReturnType<typeof sql<number>>> = {
    spakRespondents: sql<number>`coalesce(sum(${perceptionDailyTotals.spakRespondents}), 0)::bigint`,
    spkpRespondents: sql<number>`coalesce(sum(${perceptionDailyTotals.spkpRespondents}), 0)::bigint`,
  };
  for (const item of PERCEPTION_ITEMS) {
    selection[sumColumn(item)] = sql<number>`coalesce(sum(${perceptionDailyTotals[sumColumn(item)]}), 0)::bigint`;
    selection[countColumn(item)] = sql<number>`coalesce(sum(${perceptionDailyTotals[countColumn(item)]}), 0)::bigint`;
  }
  const rows =
    unitIds.length === 0
      ? []
      : await db
          .select(selection)
          .from(perceptionDailyTotals)
          .where(and(inArray(perceptionDailyTotals.unitId, [...unitIds]), between(perceptionDailyTotals.day, from, to)));
  const row = rows[0];
  const items = Object.fromEntries(
    PERCEPTION_ITEMS.map((i) => [i, { sum: Number(row?.[sumColumn(i)] ?? 0), count: Number(row?.[countColumn(i)] ?? 0) }]),
  ) as PerceptionTotals["items"];
  return {
    spakRespondents: Number(row?.spakRespondents ?? 0),
    spkpRespondents: Number(row?.spkpRespondents ?? 0),
    items,
  };
}
