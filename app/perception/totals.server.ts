/**
 * The perception survey's running totals (perception_daily_totals), kept and read by the
 * running-totals engine (app/stats/running-totals.server.ts) as the SKM's are.
 */
import type { Database } from "../../db/client";
import { perceptionDailyTotals, perceptionResponses } from "../../db/schema";
import { PERCEPTION_ITEMS, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "../regulation/perception";
import type { RunningTotals } from "../stats/running-totals";
import { monthlyTotals, periodTotals, type RunningTotalsTables } from "../stats/running-totals.server";
import type { PerceptionTotals } from "./formula";

/** Respondents who answered at least one SPAK item / one SPKP item, and the sixteen items. */
export const PERCEPTION_TOTALS: RunningTotalsTables<PerceptionItem, "spakRespondents" | "spkpRespondents"> = {
  responses: perceptionResponses,
  totals: perceptionDailyTotals,
  items: PERCEPTION_ITEMS,
  counters: { spakRespondents: SPAK_ITEMS, spkpRespondents: SPKP_ITEMS },
};

const asPerceptionTotals = ({ respondents, items }: RunningTotals<PerceptionItem, "spakRespondents" | "spkpRespondents">): PerceptionTotals => ({
  ...respondents,
  items,
});

/** Totals of the given units from `from` to `to` (inclusive local dates). */
export async function perceptionPeriodTotals(db: Database, unitIds: readonly number[], from: string, to: string): Promise<PerceptionTotals> {
  return asPerceptionTotals(await periodTotals(db, PERCEPTION_TOTALS, unitIds, from, to));
}

/** Totals per unit and month ("YYYY-MM") between two local dates (inclusive), in one query. */
export async function perceptionMonthlyTotals(
  db: Database,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<Array<{ unitId: number; month: string; totals: PerceptionTotals }>> {
  const rows = await monthlyTotals(db, PERCEPTION_TOTALS, unitIds, from, to);
  return rows.map((row) => ({ unitId: row.unitId, month: row.month, totals: asPerceptionTotals(row.totals) }));
}
