/**
 * What the moderator's case forms share: the failed submission the action sends back, stable
 * field ids, the error summary at the top of the page, and each form's errors and values.
 */
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldErrorsOf, FormMessage, TextAreaField } from "~/components/forms";
import type { FormFailure } from "~/utils/form-result.server";
import { EXTERNAL_REFERENCE_MAX, NOTE_MAX, REASON_MAX, SUMMARY_MAX, type CaseworkIntent } from "~/reports/casework-schema";

/** The failed submission: which form, for redaction the file it was about (id), its errors and values. */
export type CaseFailure = FormFailure<CaseworkIntent, string>;

/** The bounds the error messages name. */
const MESSAGE_LIMITS = { max: NOTE_MAX, reasonMax: REASON_MAX, summaryMax: SUMMARY_MAX, referenceMax: EXTERNAL_REFERENCE_MAX };

/** A stable id for a field of one of the case forms, so the error summary can link to it. */
export function fieldId(intent: string, field: string, scope?: string | null): string {
  // Errors of a whole redaction area point at its first number.
  const target = field === "fileId" || field === "areas" ? "areas[0].x" : /^areas\[\d+\]$/.test(field) ? `${field}.x` : field;
  return `${intent}${scope ? `-${scope}` : ""}-${target}`.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Every error of the failed form, each linking to its field; form-level errors as plain text. */
export function CaseErrorSummary({ failed }: { failed: CaseFailure }) {
  const { t } = useTranslation("casework");
  const { intent } = failed;
  // Without a known form there is no field to link to: every error is then text.
  const linked = intent ? fieldErrorsOf(failed.errors) : [];
  const unlinked = intent ? (failed.errors[""] ?? []) : Object.values(failed.errors).flat();
  return (
    <ErrorSummary
      title={t("errors.summary")}
      formErrors={unlinked}
      fieldErrors={linked}
      translate={(key) => t(key, MESSAGE_LIMITS)}
      fieldId={(field) => fieldId(intent ?? "", field, intent === "redact" ? failed.id : null)}
    />
  );
}

/** The errors and typed values of one form, when the failed submission was that form's. */
export function useCaseForm(intent: CaseworkIntent, failed: CaseFailure | undefined) {
  const { t } = useTranslation("casework");
  const mine = failed?.intent === intent ? failed : undefined;
  const errorsOf = (field: string) => mine?.errors[field]?.map((key) => t(key, MESSAGE_LIMITS));
  return {
    id: (field: string) => fieldId(intent, field),
    errorsOf,
    valueOf: (field: string, fallback = "") => (mine ? (mine.values[field] ?? fallback) : fallback),
    formErrors: <FormMessage errors={errorsOf("")} />,
  };
}

/** The reason every status move records (the reporter may see it): the same field on each form. */
export function ReasonField({ form, label, rows, fallback = "" }: { form: ReturnType<typeof useCaseForm>; label: string; rows: number; fallback?: string }) {
  const { t } = useTranslation("casework");
  return (
    <TextAreaField
      id={form.id("reason")}
      label={label}
      hint={t("reason.hint")}
      name="reason"
      rows={rows}
      maxLength={REASON_MAX}
      defaultValue={form.valueOf("reason", fallback)}
      errors={form.errorsOf("reason")}
    />
  );
}
