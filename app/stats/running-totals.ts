/**
 * The shape of a survey's running totals, pure. A survey (the SKM's nine unsur, the
 * perception survey's SPAK and SPKP items) keeps, per unit and day, a sum and a count of the
 * answers to each item (null = unanswered) and one or more respondent counters. The database
 * side is running-totals.server.ts; each survey describes its layout once and uses both.
 */

export interface ItemTotal {
  sum: number;
  count: number;
}

/** What a survey's totals hold: its items and its respondent counters. */
export interface TotalsLayout<Item extends string = string, Counter extends string = string> {
  items: readonly Item[];
  /**
   * Respondent counters by column: `null` counts every response, a list of items counts the
   * responses that answered at least one of them.
   */
  counters: Readonly<Record<Counter, readonly Item[] | null>>;
}

export interface RunningTotals<Item extends string = string, Counter extends string = string> {
  respondents: Record<Counter, number>;
  items: Record<Item, ItemTotal>;
}

/** A camelCase column key as its snake_case SQL name. */
export function snake(column: string): string {
  return column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const sumColumn = <Item extends string>(item: Item) => `${item}Sum` as const;
const countColumn = <Item extends string>(item: Item) => `${item}Count` as const;

function counterNames<Counter extends string>(layout: TotalsLayout<string, Counter>): Counter[] {
  return Object.keys(layout.counters) as Counter[];
}

/** Every totals column kept besides the unit and day: the counters, then each item's sum and count. */
export function totalColumns(layout: TotalsLayout): string[] {
  return [...counterNames(layout), ...layout.items.flatMap((i) => [sumColumn(i), countColumn(i)])];
}

export function emptyRunningTotals<Item extends string, Counter extends string>(layout: TotalsLayout<Item, Counter>): RunningTotals<Item, Counter> {
  return {
    respondents: Object.fromEntries(counterNames(layout).map((c) => [c, 0])) as Record<Counter, number>,
    items: Object.fromEntries(layout.items.map((i) => [i, { sum: 0, count: 0 }])) as Record<Item, ItemTotal>,
  };
}

type Answers<Item extends string> = Partial<Record<Item, number | null>>;

const answered = <Item extends string>(answers: Answers<Item>, item: Item) => answers[item] !== null && answers[item] !== undefined;

/** Adds one response's answers (null or absent = unanswered) to per-item totals, returning new totals. */
export function addItemAnswers<Item extends string>(
  items: readonly Item[],
  totals: Record<Item, ItemTotal>,
  answers: Answers<Item>,
): Record<Item, ItemTotal> {
  const next = { ...totals };
  for (const item of items) {
    if (answered(answers, item)) next[item] = { sum: next[item].sum + answers[item]!, count: next[item].count + 1 };
  }
  return next;
}

/** Adds one response's answers (null or absent = unanswered) to totals, returning new totals. */
export function addAnswers<Item extends string, Counter extends string>(
  layout: TotalsLayout<Item, Counter>,
  totals: RunningTotals<Item, Counter>,
  answers: Answers<Item>,
): RunningTotals<Item, Counter> {
  const respondents = { ...totals.respondents };
  for (const counter of counterNames(layout)) {
    const among = layout.counters[counter];
    if (among === null || among.some((item) => answered(answers, item))) respondents[counter] += 1;
  }
  return { respondents, items: addItemAnswers(layout.items, totals.items, answers) };
}

/** Totals as one row of column values, keyed as totalColumns names them. */
export function toColumns<Item extends string, Counter extends string>(
  layout: TotalsLayout<Item, Counter>,
  totals: RunningTotals<Item, Counter>,
): Record<string, number> {
  return {
    ...totals.respondents,
    ...Object.fromEntries(layout.items.flatMap((i) => [[sumColumn(i), totals.items[i].sum], [countColumn(i), totals.items[i].count]])),
  };
}

/** Totals from one row of column values (numbers or the strings bigint sums come back as; missing = 0). */
export function fromColumns<Item extends string, Counter extends string>(
  layout: TotalsLayout<Item, Counter>,
  row: Readonly<Record<string, unknown>> | undefined,
): RunningTotals<Item, Counter> {
  const value = (column: string) => Number(row?.[column] ?? 0);
  return {
    respondents: Object.fromEntries(counterNames(layout).map((c) => [c, value(c)])) as Record<Counter, number>,
    items: Object.fromEntries(layout.items.map((i) => [i, { sum: value(sumColumn(i)), count: value(countColumn(i)) }])) as Record<Item, ItemTotal>,
  };
}
