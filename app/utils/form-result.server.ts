/**
 * What a form action hands back on a mistake (see docs/decisions/018): which of the page's
 * forms failed, the item it was about, its errors and what was typed, to show beside that form.
 */
import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";

export interface FormFailure<Intent extends string = string, Id extends number | string = number> {
  /** The form the request was about, or null when it named none the page knows. */
  intent: Intent | null;
  /** The item the form was about (a row's id, a file's id), when it could be read. */
  id: Id | null;
  /** Field name → message keys; "" holds errors of the form as a whole. */
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

export function failure<Intent extends string = string, Id extends number | string = number>(
  outcome: Omit<FormFailure<Intent, Id>, "values"> & { values?: Record<string, string> },
  status: 400 | 403 | 404 | 409 = 400,
) {
  return data<FormFailure<Intent, Id>>({ ...outcome, values: outcome.values ?? {} }, { status });
}

/** The item id a form carried, if it is a plausible one (for showing errors beside it). */
function formId(formData: FormData): number | null {
  const value = formData.get("id");
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** The errors of a refused submission, by field (fields without a message left out). */
export function submissionErrors(submission: Submission<unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(submission.reply().error ?? {})) if (messages?.length) errors[field] = messages;
  return errors;
}

/**
 * What was typed, to put back in the form that failed: every text field but `omitted` (the
 * intent and lists of ids), each cut at `max` characters (the request guard bounds the body too).
 */
export function typedValues(formData: FormData, omitted: readonly string[] = ["intent"], max = 10_000): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, value] of formData) if (typeof value === "string" && !omitted.includes(field)) values[field] = value.slice(0, max);
  return values;
}

export function invalid(intent: string, formData: FormData, submission: Submission<unknown>) {
  return failure({ intent, id: formId(formData), errors: submissionErrors(submission), values: typedValues(formData, ["intent", "ids"]) });
}
