/**
 * Writing perception responses. Every write adds to the per-unit, per-day running totals
 * (perception_daily_totals) in the same transaction, as the SKM does; reads of an index use
 * only those totals. The responses remain the source of truth: the rebuild recomputes the
 * totals from them.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { perceptionDailyTotals, perceptionResponses } from "../../db/schema";
import { PERCEPTION_ITEMS, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "../regulation/perception";
import { addPerceptionResponse, emptyPerceptionTotals, type PerceptionTotals } from "./formula";
import { countColumn, sumColumn } from "./totals.server";

export interface NewPerceptionResponse {
  unitId: number;
  /** Local date (the region's time zone), YYYY-MM-DD; never a time. */
  respondedOn: string;
  profileId: string;
  answers: Record<PerceptionItem, number | null>;
}

function snake(column: string): string {
  return column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const TOTAL_COLUMNS = ["spakRespondents", "spkpRespondents", ...PERCEPTION_ITEMS.flatMap((i) => [sumColumn(i), countColumn(i)])];

/**
 * Stores responses and adds them to the running totals. Call inside a transaction (pass its
 * handle): the rows and the totals commit together or not at all.
 */
export async function storePerceptionResponses(tx: Database, responses: readonly NewPerceptionResponse[]): Promise<void> {
  if (responses.length === 0) return;
  // Batches keep each statement well under PostgreSQL's parameter limit.
  for (let i = 0; i < responses.length; i += 1000) {
    await tx.insert(perceptionResponses).values(
      responses.slice(i, i + 1000).map(({ answers, ...rest }) => ({ ...rest, ...answers })),
    );
  }

  const byUnitDay = new Map<string, { unitId: number; day: string; totals: PerceptionTotals }>();
  for (const r of responses) {
    const key = `${r.unitId}:${r.respondedOn}`;
    const group = byUnitDay.get(key) ?? { unitId: r.unitId, day: r.respondedOn, totals: emptyPerceptionTotals() };
    group.totals = addPerceptionResponse(group.totals, r.answers);
    byUnitDay.set(key, group);
  }
  const groups = [...byUnitDay.values()].map(({ unitId, day, totals }) => ({
    unitId,
    day,
    spakRespondents: totals.spakRespondents,
    spkpRespondents: totals.spkpRespondents,
    ...Object.fromEntries(
      PERCEPTION_ITEMS.flatMap((i) => [
        [sumColumn(i), totals.items[i].sum],
        [countColumn(i), totals.items[i].count],
      ]),
    ),
  }));
  const increments = Object.fromEntries(
    TOTAL_COLUMNS.map((column) => [
      column,
      sql.raw(`"perception_daily_totals"."${snake(column)}" + excluded."${snake(column)}"`),
    ]),
  );
  // One statement per batch of unit-days (each key once per statement, as ON CONFLICT requires).
  for (let i = 0; i < groups.length; i += 500) {
    await tx
      .insert(perceptionDailyTotals)
      .values(groups.slice(i, i + 500))
      .onConflictDoUpdate({ target: [perceptionDailyTotals.unitId, perceptionDailyTotals.day], set: increments });
  }
}

/** Recomputes every perception running total from the responses. */
export async function rebuildPerceptionTotals(db: Database): Promise<{ days: number }> {
  return db.transaction(async (tx) => {
    await tx.delete(perceptionDailyTotals);
    const answered = (items: readonly string[]) => `count(*) FILTER (WHERE num_nonnulls(${items.join(", ")}) > 0)`;
    const sums = PERCEPTION_ITEMS.map((i) => `coalesce(sum(${i}), 0), count(${i})`).join(", ");
    const columns = PERCEPTION_ITEMS.map((i) => `${i}_sum, ${i}_count`).join(", ");
    await tx.execute(
      sql.raw(
        `INSERT INTO perception_daily_totals (unit_id, day, spak_respondents, spkp_respondents, ${columns})
         SELECT unit_id, responded_on, ${answered(SPAK_ITEMS)},
                ${answered(SPKP_ITEMS)}, ${sums}
         FROM perception_responses GROUP BY unit_id, responded_on`,
      ),
    );
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(perceptionDailyTotals);
    return { days: row?.n ?? 0 };
  });
}
