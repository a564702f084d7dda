/** What a moderation form action hands back on a mistake: which form, its errors and values. */
import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";

export interface FormFailure {
  intent: string | null;
  /** The item the form was about, when it could be read. */
  id: number | null;
  /** Field name → message keys; "" holds errors of the form as a whole. */
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

export function failure(outcome: Omit<FormFailure, "values"> & { values?: Record<string, string> }, status: 400 | 403 | 404 = 400) {
  return data<FormFailure>({ ...outcome, values: outcome.values ?? {} }, { status });
}

/** The item id a form carried, if it is a plausible one (for showing errors beside it). */
function formId(formData: FormData): number | null {
  const value = formData.get("id");
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

export function invalid(intent: string, formData: FormData, submission: Submission<unknown>) {
  const reply = submission.reply();
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(reply.error ?? {})) if (messages?.length) errors[field] = messages;
  const values: Record<string, string> = {};
  for (const [field, value] of formData) if (typeof value === "string" && field !== "intent" && field !== "ids") values[field] = value.slice(0, 10_000);
  return failure({ intent, id: formId(formData), errors, values });
}
