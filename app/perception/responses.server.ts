/**
 * Writing perception responses. Every write adds to the per-unit, per-day running totals
 * (perception_daily_totals) in the same transaction, through the running-totals engine the
 * SKM uses too; reads of an index use only those totals. The responses remain the source of
 * truth: the rebuild recomputes the totals from them.
 */
import type { Database } from "../../db/client";
import type { PerceptionItem } from "../regulation/perception";
import { rebuildTotals, storeWithTotals } from "../stats/running-totals.server";
import { PERCEPTION_TOTALS } from "./totals.server";

export interface NewPerceptionResponse {
  unitId: number;
  /** Local date (the region's time zone), YYYY-MM-DD; never a time. */
  respondedOn: string;
  profileId: string;
  answers: Record<PerceptionItem, number | null>;
}

/**
 * Stores responses and adds them to the running totals. Call inside a transaction (pass its
 * handle): the rows and the totals commit together or not at all.
 */
export async function storePerceptionResponses(tx: Database, responses: readonly NewPerceptionResponse[]): Promise<void> {
  await storeWithTotals(tx, PERCEPTION_TOTALS, responses);
}

/** Recomputes every perception running total from the responses. */
export function rebuildPerceptionTotals(db: Database): Promise<{ days: number }> {
  return rebuildTotals(db, PERCEPTION_TOTALS);
}
