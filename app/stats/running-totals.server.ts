/**
 * One engine for the per-unit, per-day running totals of a survey (SKM ratings, perception
 * surveys). Every write adds to the totals in the same transaction as the responses; reads of
 * an index use only the totals, so their cost depends on units × days, never on the number of
 * responses. The responses stay the source of truth: `rebuildTotals` recomputes the totals
 * from them. A survey describes its two tables and its layout (running-totals.ts) once.
 *
 * The tables follow one convention: responses have `id`, `unitId`, `respondedOn` and one
 * column per item; totals have `unitId`, `day` and `slot` (their primary key), one column per
 * counter and `<item>Sum` / `<item>Count` per item.
 *
 * Slots: a unit and day has up to TOTALS_SLOTS rows. Each write adds to one slot picked at
 * random, so that concurrent ratings of one unit (a queue at the counter, a QR poster) do not
 * all wait for the lock on one row; every read sums the slots (and a rebuild writes slot 0 only).
 */
import { and, between, getTableColumns, getTableName, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { queryRows, type Database } from "../../db/client";
import {
  addAnswers,
  emptyRunningTotals,
  fromColumns,
  snake,
  toColumns,
  totalColumns,
  type RunningTotals,
  type TotalsLayout,
} from "./running-totals";

interface RunningTotalsTables<Item extends string = string, Counter extends string = string> extends TotalsLayout<Item, Counter> {
  responses: PgTable;
  totals: PgTable;
}

interface ResponseRow<Item extends string> {
  unitId: number;
  /** Local date of the response, YYYY-MM-DD. */
  respondedOn: string;
  answers: Record<Item, number | null>;
}

/** Rows per unit and day that concurrent writers spread over (see the header). */
const TOTALS_SLOTS = 8;

const randomSlot = () => Math.floor(Math.random() * TOTALS_SLOTS);

function column(table: PgTable, key: string): PgColumn {
  const found = (getTableColumns(table) as Record<string, PgColumn>)[key];
  if (!found) throw new Error(`${getTableName(table)} has no column ${key}`);
  return found;
}

/**
 * Stores responses (each with its other columns as they are) and adds them to the running
 * totals; returns the new responses' ids in order. Call inside a transaction (pass its handle):
 * the rows and the totals commit together or not at all.
 */
export async function storeWithTotals<Item extends string, Counter extends string>(
  tx: Database,
  survey: RunningTotalsTables<Item, Counter>,
  responses: ReadonlyArray<ResponseRow<Item>>,
): Promise<number[]> {
  if (responses.length === 0) return [];
  const ids: number[] = [];
  // Batches keep each statement well under PostgreSQL's parameter limit.
  for (let i = 0; i < responses.length; i += 1000) {
    const batch = responses.slice(i, i + 1000);
    const inserted = await tx
      .insert(survey.responses)
      .values(batch.map(({ answers, ...rest }) => ({ ...rest, ...answers })) as never)
      .returning({ id: column(survey.responses, "id") });
    ids.push(...inserted.map((r) => r.id as number));
  }

  const byUnitDay = new Map<string, { unitId: number; day: string; totals: RunningTotals<Item, Counter> }>();
  for (const r of responses) {
    const key = `${r.unitId}:${r.respondedOn}`;
    const group = byUnitDay.get(key) ?? { unitId: r.unitId, day: r.respondedOn, totals: emptyRunningTotals(survey) };
    group.totals = addAnswers(survey, group.totals, r.answers);
    byUnitDay.set(key, group);
  }
  // One slot for the whole call: each key still appears once per statement.
  const slot = randomSlot();
  const groups = [...byUnitDay.values()].map(({ unitId, day, totals }) => ({ unitId, day, slot, ...toColumns(survey, totals) }));
  const table = getTableName(survey.totals);
  const increments = Object.fromEntries(
    totalColumns(survey).map((c) => [c, sql.raw(`"${table}"."${snake(c)}" + excluded."${snake(c)}"`)]),
  );
  // One statement per batch of unit-days (each key once per statement, as ON CONFLICT requires).
  for (let i = 0; i < groups.length; i += 500) {
    await tx
      .insert(survey.totals)
      .values(groups.slice(i, i + 500) as never)
      .onConflictDoUpdate({ target: [column(survey.totals, "unitId"), column(survey.totals, "day"), column(survey.totals, "slot")], set: increments });
  }
  return ids;
}

/**
 * Stores one response and adds it to the running totals in a single statement (one round
 * trip, atomic without a transaction): `WITH response AS (INSERT … RETURNING id), totals AS
 * (INSERT … ON CONFLICT DO UPDATE) …`. `alsoWith` adds further data-modifying statements to
 * the same statement, given the subquery that yields the new response's id (a submission
 * token, a suggestion, a rate-limit hit): if any of them fails (a unique violation of a
 * token sent twice), nothing is stored. Returns the new response's id.
 */
export async function storeOneWithTotals<Item extends string, Counter extends string>(
  db: Database,
  survey: RunningTotalsTables<Item, Counter>,
  response: ResponseRow<Item>,
  alsoWith: (responseId: SQL) => SQL[] = () => [],
): Promise<number> {
  const { answers, ...rest } = response;
  const values: Record<string, unknown> = { ...(rest as Record<string, unknown>), ...answers };
  for (const key of Object.keys(values)) column(survey.responses, key);
  const responseColumns = Object.keys(values);
  const totals = toColumns(survey, addAnswers(survey, emptyRunningTotals(survey), answers));
  const totalKeys = Object.keys(totals);
  const totalsTable = getTableName(survey.totals);
  const ident = (name: string) => sql.raw(`"${snake(name)}"`);
  const list = (parts: SQL[]) => sql.join(parts, sql`, `);
  const responseId = sql`(SELECT id FROM response)`;
  const extra = alsoWith(responseId).map((statement, i) => sql`, ${sql.raw(`also_${i}`)} AS (${statement})`);
  const statement = sql`WITH response AS (
      INSERT INTO ${survey.responses} (${list(responseColumns.map(ident))})
      VALUES (${list(responseColumns.map((k) => sql`${values[k]}`))}) RETURNING id
    ), totals AS (
      INSERT INTO ${survey.totals} (unit_id, day, slot, ${list(totalKeys.map(ident))})
      VALUES (${response.unitId}, ${response.respondedOn}, ${randomSlot()}, ${list(totalKeys.map((k) => sql`${totals[k]}`))})
      ON CONFLICT (unit_id, day, slot) DO UPDATE SET ${list(totalKeys.map((k) => sql.raw(`"${snake(k)}" = "${totalsTable}"."${snake(k)}" + excluded."${snake(k)}"`)))}
    )${sql.join(extra, sql``)}
    SELECT id FROM response`;
  const rows = await queryRows<{ id: number | string }>(db, statement);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`${getTableName(survey.responses)}: response not stored`);
  return Number(id);
}

/** Recomputes every running total of the survey from its responses. */
export async function rebuildTotals(db: Database, survey: RunningTotalsTables): Promise<{ days: number }> {
  const counters = Object.entries(survey.counters).map(([counter, among]) => ({
    column: snake(counter),
    value: among === null ? "count(*)" : `count(*) FILTER (WHERE num_nonnulls(${among.map(snake).join(", ")}) > 0)`,
  }));
  const columns = [...counters.map((c) => c.column), ...survey.items.map((i) => `${snake(i)}_sum, ${snake(i)}_count`)].join(", ");
  const values = [...counters.map((c) => c.value), ...survey.items.map((i) => `coalesce(sum(${snake(i)}), 0), count(${snake(i)})`)].join(", ");
  const totals = getTableName(survey.totals);
  return db.transaction(async (tx) => {
    await tx.delete(survey.totals);
    await tx.execute(
      sql.raw(
        `INSERT INTO ${totals} (unit_id, day, ${columns})
         SELECT unit_id, responded_on, ${values} FROM ${getTableName(survey.responses)} GROUP BY unit_id, responded_on`,
      ),
    );
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(survey.totals);
    return { days: row?.n ?? 0 };
  });
}

/** `sum(column)` of every totals column, keyed by column. */
function sums(survey: RunningTotalsTables, sum: (c: PgColumn) => SQL<string>): Record<string, SQL<string>> {
  return Object.fromEntries(totalColumns(survey).map((c) => [c, sum(column(survey.totals, c))]));
}

/** Totals of some units over an inclusive date range (local dates), from the running totals only. */
export async function periodTotals<Item extends string, Counter extends string>(
  db: Database,
  survey: RunningTotalsTables<Item, Counter>,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<RunningTotals<Item, Counter>> {
  if (unitIds.length === 0) return emptyRunningTotals(survey);
  const [row] = await db
    .select(sums(survey, (c) => sql<string>`coalesce(sum(${c}), 0)::bigint`))
    .from(survey.totals)
    .where(and(inArray(column(survey.totals, "unitId"), [...unitIds]), between(column(survey.totals, "day"), from, to)));
  return fromColumns(survey, row);
}

interface MonthlyTotals<Item extends string = string, Counter extends string = string> {
  unitId: number;
  /** "YYYY-MM" */
  month: string;
  totals: RunningTotals<Item, Counter>;
}

/** Totals per unit and month of some units between two local dates (inclusive), in one grouped query. */
export async function monthlyTotals<Item extends string, Counter extends string>(
  db: Database,
  survey: RunningTotalsTables<Item, Counter>,
  unitIds: readonly number[],
  from: string,
  to: string,
): Promise<Array<MonthlyTotals<Item, Counter>>> {
  if (unitIds.length === 0) return [];
  const unitId = column(survey.totals, "unitId");
  const day = column(survey.totals, "day");
  const rows = await db
    .select({
      unitId,
      month: sql<string>`to_char(${day}, 'YYYY-MM')`,
      ...sums(survey, (c) => sql<string>`sum(${c})::bigint`),
    })
    .from(survey.totals)
    .where(and(inArray(unitId, [...unitIds]), between(day, from, to)))
    .groupBy(unitId, sql`2`);
  return rows.map((row) => ({ unitId: Number(row.unitId), month: row.month, totals: fromColumns(survey, row) }));
}
