/**
 * Form fields with row numbers (`hours[0].opens`, `ids[3]`) become arrays when conform parses
 * a form. A hostile name such as `u1[50000000]`, a few bytes in any form post, would make it
 * build an array that long, which validation and the error reply (sent back to the page) then
 * walk hole by hole: seconds of blocked process and a reply of hundreds of megabytes. No form
 * here has anywhere near MAX_ROWS rows, so such fields are dropped unread.
 *
 * `parseWithZod` below is conform's with that filter in front; every form uses it (ESLint
 * forbids importing conform's own).
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

export const parseWithZod = ((payload: FormData | URLSearchParams, options: Parameters<typeof conformParseWithZod>[1]) =>
  conformParseWithZod(withoutHugeRows(payload), options)) as typeof conformParseWithZod;
