/** Forwarding a case: where to, the summary that leaves the portal, and which files go with it. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, SelectField, SubmitRow, TextAreaField, TextField } from "~/components/forms";
import { EXTERNAL_REFERENCE_MAX, SUMMARY_MAX } from "~/reports/casework-schema";
import type { CasePageView } from "~/reports/casework.server";
import type { ForwardFact } from "~/reports/forward-summary";
import { useCalendarFormat } from "~/components/calendar-format";
import { ReasonField, useCaseForm, type CaseFailure } from "./form-state";

/** One fact of a forward as a line in the page's language (the summary and the dossier). */
export function useForwardFactLine(): (fact: ForwardFact) => string {
  const { t, i18n } = useTranslation("casework");
  const { month } = useCalendarFormat();
  const line = (fact: ForwardFact): string => {
    switch (fact.fact) {
      case "intro":
        return t("forward.suggested.intro", { reference: fact.reference });
      case "unit":
        return t("forward.suggested.unit", { unit: fact.unit ?? t("case.unitUnknown"), region: fact.region });
      case "category":
        return t("forward.suggested.category", { category: t(`categories.${fact.category}`) });
      case "service":
        return t("forward.suggested.service", { service: fact.service });
      case "month":
        return t("forward.suggested.month", { month: month(fact.month) });
      case "amount":
        return t("forward.suggested.amount", { amount: fact.amount.toLocaleString(i18n.language) });
      case "tariff":
        return t("forward.suggested.tariff", { amount: fact.amount.toLocaleString(i18n.language) });
    }
  };
  return line;
}

/** The suggested summary in the page's language, from the facts forward-summary.ts allows. */
function useSuggestedSummary(facts: ForwardFact[]): string {
  const line = useForwardFactLine();
  return facts.map(line).join("\n");
}

export function ForwardForm({ detail, failed }: { detail: Pick<CasePageView, "files" | "forwardFacts" | "destinations">; failed: CaseFailure | undefined }) {
  const { t } = useTranslation("casework");
  const suggested = useSuggestedSummary(detail.forwardFacts);
  const form = useCaseForm("forward", failed);
  const { id, errorsOf, valueOf, formErrors } = form;
  return (
    <Form method="post" aria-labelledby="forward-legend">
      <fieldset>
        <legend id="forward-legend">{t("forward.legend")}</legend>
        <p className="hint">{t("forward.hint")}</p>
        <input type="hidden" name="intent" value="forward" />
        {formErrors}
        <SelectField
          id={id("destination")}
          label={t("forward.destination")}
          name="destination"
          defaultValue={valueOf("destination")}
          options={[{ value: "", label: t("forward.choose") }, ...detail.destinations.map((d) => ({ value: d, label: t(`destinations.${d}`) }))]}
          errors={errorsOf("destination")}
        />
        <TextAreaField
          id={id("summary")}
          label={t("forward.summary")}
          hint={t("forward.summaryHint")}
          name="summary"
          rows={8}
          maxLength={SUMMARY_MAX}
          defaultValue={valueOf("summary", suggested)}
          errors={errorsOf("summary")}
        />
        {detail.files.length > 0 ? (
          <fieldset id={id("fileIds")}>
            <legend>{t("forward.files")}</legend>
            {detail.files.map((file) => (
              <label key={file.id} className="checkbox">
                <input type="checkbox" name="fileIds" value={file.id} /> {t("files.item", { seq: file.seq })} —{" "}
                {file.hasRedacted ? t("forward.redactedCopy") : t("forward.notRedacted")}
              </label>
            ))}
            {errorsOf("fileIds") ? <FormMessage errors={errorsOf("fileIds")} /> : null}
          </fieldset>
        ) : null}
        <TextField
          id={id("externalReference")}
          label={t("forward.externalReference")}
          name="externalReference"
          maxLength={EXTERNAL_REFERENCE_MAX}
          defaultValue={valueOf("externalReference")}
          errors={errorsOf("externalReference")}
        />
        <ReasonField form={form} label={t("forward.reason")} rows={2} fallback={t("forward.defaultReason")} />
        <SubmitRow label={t("forward.submit")} primary />
      </fieldset>
    </Form>
  );
}
