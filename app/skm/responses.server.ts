/**
 * Writing SKM responses and reading their totals, through the running-totals engine
 * (app/stats/running-totals.server.ts): every write adds to the per-unit, per-day running
 * totals in the same transaction; reads of an index use only those totals, so their cost
 * depends on units × days, never on the number of responses.
 */
import type { SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmDailyTotals, skmResponses } from "../../db/schema";
import type { SkmElement } from "../regulation/skm";
import {
  monthlyTotals as surveyMonthlyTotals,
  periodTotals as surveyPeriodTotals,
  rebuildTotals,
  storeOneWithTotals,
  storeWithTotals,
} from "../stats/running-totals.server";
import type { RunningTotals } from "../stats/running-totals";
import { SKM_LAYOUT, type ElementTotals } from "./formula";

export interface NewResponse {
  unitId: number;
  serviceId: number | null;
  /** Local date of the visit, YYYY-MM-DD. */
  respondedOn: string;
  source: "web" | "paper" | "kiosk";
  /** The counter kiosk of a `kiosk` response. */
  kioskId?: number | null;
  profileId: string;
  sex: "L" | "P" | null;
  ageBand: "lt20" | "20_29" | "30_39" | "40_49" | "50_59" | "gte60" | null;
  education: "SD" | "SMP" | "SMA" | "D3" | "S1" | "S2" | "S3" | null;
  occupation: "PNS" | "TNI" | "POLRI" | "SWASTA" | "WIRAUSAHA" | "PELAJAR" | "LAINNYA" | null;
  answers: Record<SkmElement, number | null>;
  /** The optional coercion question (web form): true = yes, false = no; absent or null = not answered. */
  coercion?: boolean | null;
}

/** The SKM's tables, with its layout (formula.ts). */
const SKM_TOTALS = { ...SKM_LAYOUT, responses: skmResponses, totals: skmDailyTotals };

/**
 * Stores responses and adds them to the running totals. Call inside a transaction (pass its
 * handle): the rows and the totals commit together or not at all.
 */
export function storeResponses(tx: Database, responses: readonly NewResponse[]): Promise<number[]> {
  return storeWithTotals(tx, SKM_TOTALS, responses);
}

/**
 * Stores one response with its running totals in a single statement, with further statements
 * that need its id (see storeOneWithTotals). Returns the new response's id.
 */
export function storeOneResponse(db: Database, response: NewResponse, alsoWith: (responseId: SQL) => SQL[]): Promise<number> {
  return storeOneWithTotals(db, SKM_TOTALS, response, alsoWith);
}

/** Recomputes every running total from the responses (they are the source of truth). */
export function rebuildDailyTotals(db: Database): Promise<{ days: number }> {
  return rebuildTotals(db, SKM_TOTALS);
}

export interface PeriodTotals {
  respondents: number;
  totals: ElementTotals;
}

const asPeriodTotals = ({ respondents, items }: RunningTotals<SkmElement, "respondents">): PeriodTotals => ({
  respondents: respondents.respondents,
  totals: items,
});

/** Totals of some units over an inclusive date range, from the running totals only. */
export async function periodTotals(db: Database, unitIds: readonly number[], from: string, to: string): Promise<PeriodTotals> {
  return asPeriodTotals(await surveyPeriodTotals(db, SKM_TOTALS, unitIds, from, to));
}

/** Totals per unit and month ("YYYY-MM") between two local dates (inclusive), in one query. */
export async function monthlyTotals(
  db: Database,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<Array<{ unitId: number; month: string; totals: PeriodTotals }>> {
  const rows = await surveyMonthlyTotals(db, SKM_TOTALS, unitIds, from, to);
  return rows.map((row) => ({ unitId: row.unitId, month: row.month, totals: asPeriodTotals(row.totals) }));
}
