/**
 * Form fields with row numbers (`hours[0].opens`, `ids[3]`) become arrays when conform parses
 * a form. A hostile name such as `u1[50000000]`, a few bytes in any form post, would make it
 * build an array that long, which validation and the error reply (sent back to the page) then
 * walk hole by hole: seconds of blocked process and a reply of hundreds of megabytes. No form
 * here has anywhere near MAX_ROWS rows, so such fields are dropped unread.
 *
 * Conform also joins the values of a repeated name with `Array.prototype.concat`, one copy of
 * the whole array per value: `a=1&` forty thousand times took seconds of blocked process, two
 * million times minutes. `parseWithZod` below hands conform each name once, with all its values
 * already in one array, which gives the same payload in linear time; the request guard
 * (request-guard.server.ts) bounds the number of values long before that matters.
 *
 * `parseWithZod` below is conform's with both in front; every form uses it (ESLint forbids
 * importing conform's own).
 */
import { parseWithZod as conformParseWithZod } from "@conform-to/zod";

export const MAX_ROWS = 1000;

const ROW_NUMBER = /\[(\d+)\]/g;

export function withinRowLimit(name: string): boolean {
  for (const match of name.matchAll(ROW_NUMBER)) {
    const row = match[1] ?? "";
    if (row.length > 4 || Number(row) >= MAX_ROWS) return false;
  }
  return true;
}

/** The form without the fields whose row numbers are out of any form's range. */
export function withoutHugeRows(form: FormData | URLSearchParams): FormData | URLSearchParams {
  const names = [...form.keys()];
  if (names.every(withinRowLimit)) return form;
  if (form instanceof URLSearchParams) {
    return new URLSearchParams([...form.entries()].filter(([name]) => withinRowLimit(name)));
  }
  const kept = new FormData();
  for (const [name, value] of form.entries()) if (withinRowLimit(name)) kept.append(name, value);
  return kept;
}

type Value = FormDataEntryValue;

/**
 * The form with every name once: its only value, or all its values in order. Conform reads a
 * payload only through `get` and `entries`, and takes an array value as the list it would
 * otherwise have built one concat at a time.
 */
function groupedByName(form: FormData | URLSearchParams): Pick<FormData, "get"> & { entries(): IterableIterator<[string, Value | Value[]]> } {
  const values = new Map<string, Value[]>();
  for (const [name, value] of form.entries()) {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return {
    get: (name: string) => values.get(name)?.[0] ?? null,
    entries: () => [...values].map(([name, list]): [string, Value | Value[]] => [name, list.length === 1 ? (list[0] as Value) : list]).values(),
  };
}

export const parseWithZod = ((payload: FormData | URLSearchParams, options: Parameters<typeof conformParseWithZod>[1]) =>
  // The grouped form has the two methods conform uses, not FormData's whole interface.
  conformParseWithZod(groupedByName(withoutHugeRows(payload)) as unknown as FormData, options)) as typeof conformParseWithZod;
