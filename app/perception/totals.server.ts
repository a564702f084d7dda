/**
 * The perception survey's running totals (perception_daily_totals), kept and read by the
 * running-totals engine (app/stats/running-totals.server.ts) as the SKM's are.
 */
import type { Database } from "../../db/client";
import { perceptionDailyTotals, perceptionResponses } from "../../db/schema";
import { monthlyTotals, periodTotals } from "../stats/running-totals.server";
import { fromRunningTotals, PERCEPTION_LAYOUT, type PerceptionTotals } from "./formula";

/** The perception survey's tables, with its layout (formula.ts). */
export const PERCEPTION_TOTALS = { ...PERCEPTION_LAYOUT, responses: perceptionResponses, totals: perceptionDailyTotals };

/** Totals of the given units from `from` to `to` (inclusive local dates). */
export async function perceptionPeriodTotals(db: Database, unitIds: readonly number[], from: string, to: string): Promise<PerceptionTotals> {
  return fromRunningTotals(await periodTotals(db, PERCEPTION_TOTALS, unitIds, from, to));
}

/** Totals per unit and month ("YYYY-MM") between two local dates (inclusive), in one query. */
export async function perceptionMonthlyTotals(
  db: Database,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<Array<{ unitId: number; month: string; totals: PerceptionTotals }>> {
  const rows = await monthlyTotals(db, PERCEPTION_TOTALS, unitIds, from, to);
  return rows.map((row) => ({ unitId: row.unitId, month: row.month, totals: fromRunningTotals(row.totals) }));
}
