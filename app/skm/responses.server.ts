/**
 * Writing SKM responses and reading their totals. Every write adds to the per-unit, per-day
 * running totals in the same transaction; reads of an index use only those totals, so their
 * cost depends on units × days, never on the number of responses.
 */
import { and, between, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmDailyTotals, skmResponses } from "../../db/schema";
import { SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { addResponse, emptyTotals, type ElementTotals } from "./formula";

export interface NewResponse {
  unitId: number;
  serviceId: number | null;
  /** Local date of the visit, YYYY-MM-DD. */
  respondedOn: string;
  source: "web" | "paper";
  profileId: string;
  sex: "L" | "P" | null;
  ageBand: "lt20" | "20_29" | "30_39" | "40_49" | "50_59" | "gte60" | null;
  education: "SD" | "SMP" | "SMA" | "D3" | "S1" | "S2" | "S3" | null;
  occupation: "PNS" | "TNI" | "POLRI" | "SWASTA" | "WIRAUSAHA" | "PELAJAR" | "LAINNYA" | null;
  answers: Record<SkmElement, number | null>;
}

const sumColumn = (e: SkmElement) => `${e}Sum` as const;
const countColumn = (e: SkmElement) => `${e}Count` as const;

/**
 * Stores responses and adds them to the running totals. Call inside a transaction (pass its
 * handle): the rows and the totals commit together or not at all.
 */
export async function storeResponses(tx: Database, responses: readonly NewResponse[]): Promise<number[]> {
  if (responses.length === 0) return [];
  const ids: number[] = [];
  // Batches keep each statement well under PostgreSQL's parameter limit.
  for (let i = 0; i < responses.length; i += 1000) {
    const batch = responses.slice(i, i + 1000);
    const inserted = await tx
      .insert(skmResponses)
      .values(batch.map(({ answers, ...rest }) => ({ ...rest, ...answers })))
      .returning({ id: skmResponses.id });
    ids.push(...inserted.map((r) => r.id));
  }

  const byUnitDay = new Map<string, { unitId: number; day: string; respondents: number; totals: ElementTotals }>();
  for (const r of responses) {
    const key = `${r.unitId}:${r.respondedOn}`;
    const group = byUnitDay.get(key) ?? { unitId: r.unitId, day: r.respondedOn, respondents: 0, totals: emptyTotals() };
    group.respondents += 1;
    group.totals = addResponse(group.totals, r.answers);
    byUnitDay.set(key, group);
  }
  const groups = [...byUnitDay.values()].map((group) => ({
    unitId: group.unitId,
    day: group.day,
    respondents: group.respondents,
    ...Object.fromEntries(
      SKM_ELEMENTS.flatMap((e) => [
        [sumColumn(e), group.totals[e].sum],
        [countColumn(e), group.totals[e].count],
      ]),
    ),
  }));
  const increments = Object.fromEntries(
    ["respondents", ...SKM_ELEMENTS.flatMap((e) => [sumColumn(e), countColumn(e)])].map((column) => [
      column,
      sql.raw(`"skm_daily_totals"."${snake(column)}" + excluded."${snake(column)}"`),
    ]),
  );
  // One statement per batch of unit-days (each key once per statement, as ON CONFLICT requires).
  for (let i = 0; i < groups.length; i += 500) {
    await tx
      .insert(skmDailyTotals)
      .values(groups.slice(i, i + 500))
      .onConflictDoUpdate({ target: [skmDailyTotals.unitId, skmDailyTotals.day], set: increments });
  }
  return ids;
}

function snake(column: string): string {
  return column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Recomputes every running total from the responses (they are the source of truth). */
export async function rebuildDailyTotals(db: Database): Promise<{ days: number }> {
  return db.transaction(async (tx) => {
    await tx.delete(skmDailyTotals);
    const sums = SKM_ELEMENTS.map((e) => `coalesce(sum(${e}), 0), count(${e})`).join(", ");
    const columns = SKM_ELEMENTS.map((e) => `${e}_sum, ${e}_count`).join(", ");
    await tx.execute(
      sql.raw(
        `INSERT INTO skm_daily_totals (unit_id, day, respondents, ${columns})
         SELECT unit_id, responded_on, count(*), ${sums} FROM skm_responses GROUP BY unit_id, responded_on`,
      ),
    );
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(skmDailyTotals);
    return { days: row?.n ?? 0 };
  });
}

export interface PeriodTotals {
  respondents: number;
  totals: ElementTotals;
}

/** Totals of some units over an inclusive date range, from the running totals only. */
export async function periodTotals(db: Database, unitIds: readonly number[], from: string, to: string): Promise<PeriodTotals> {
  if (unitIds.length === 0) return { respondents: 0, totals: emptyTotals() };
  const selection = {
    respondents: sql<number>`coalesce(sum(${skmDailyTotals.respondents}), 0)::bigint`,
    ...Object.fromEntries(
      SKM_ELEMENTS.flatMap((e) => [
        [sumColumn(e), sql<number>`coalesce(sum(${skmDailyTotals[sumColumn(e)]}), 0)::bigint`],
        [countColumn(e), sql<number>`coalesce(sum(${skmDailyTotals[countColumn(e)]}), 0)::bigint`],
      ]),
    ),
  } as Record<string, ReturnType<typeof sql<number>>>;
  const [row] = await db
    .select(selection)
    .from(skmDailyTotals)
    .where(and(inArray(skmDailyTotals.unitId, [...unitIds]), between(skmDailyTotals.day, from, to)));
  const totals = Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, { sum: Number(row?.[sumColumn(e)] ?? 0), count: Number(row?.[countColumn(e)] ?? 0) }]),
  ) as ElementTotals;
  return { respondents: Number(row?.respondents ?? 0), totals };
}
