/**
 * Form fields with row numbers (`hours[0].opens`, `ids[3]`) become arrays when a form is
 * parsed. A hostile name such as `ids[50000000]` would make the parser build an array that
 * long, which validation and the error reply then walk hole by hole, holding the process for
 * minutes. No form here has anywhere near MAX_ROWS rows, so such fields are dropped unread.
 */
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
export function withoutHugeRows(form: FormData): FormData {
  const kept = new FormData();
  for (const [name, value] of form.entries()) if (withinRowLimit(name)) kept.append(name, value);
  return kept;
}
