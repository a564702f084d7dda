/**
 * The worksheet's hasil inputs: the capaian kinerja grade and the official IPAK / IPKP, each
 * index with the portal's own monitoring figure as a hint. The form only for those who may
 * edit the sheet; a failed save shows its errors and keeps what was typed.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldErrorsOf, FormMessage, SelectField, SubmitRow, TextField } from "~/components/forms";
import { fieldId, useZiFormat } from "~/components/zi-score";
import type { FormFailure } from "~/utils/form-result.server";
import { GRADES } from "~/zi/form-schema";

interface Props {
  saved: { capaianKinerja: string | null; ipak: number | null; ipkp: number | null };
  internal: { ipak: number | null; ipkp: number | null };
  canEdit: boolean;
  /** The failed save (message keys by field, "" for the form; what was typed), when the last post was this form's. */
  failed: Pick<FormFailure, "errors" | "values"> | undefined;
}

export function HasilSection({ saved, internal, canEdit, failed }: Props) {
  const { t } = useTranslation("zi");
  const format = useZiFormat();
  const errorsOf = (field: string) => failed?.errors[field]?.map((key) => t(key));
  const typed = (field: string, value: string | number | null) => failed?.values[field] ?? (value === null ? "" : String(value));
  const internalText = (value: number | null) =>
    value === null ? t("hasil.internalNone") : t("hasil.internal", { value: format.points(value) });

  return (
    <section aria-labelledby="hasil-heading">
      <h2 id="hasil-heading">{t("hasil.heading")}</h2>
      <p>{t("hasil.intro")}</p>
      {canEdit ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="hasil" />
          <ErrorSummary title={t("subarea.errorSummary")} fieldErrors={fieldErrorsOf(failed?.errors)} translate={(key) => t(key)} fieldId={fieldId} />
          <FormMessage errors={failed?.errors[""]?.map((key) => t(key))} />
          <SelectField
            id={fieldId("capaianKinerja")}
            label={t("hasil.capaianKinerja")}
            hint={t("hasil.capaianKinerjaHint")}
            name="capaianKinerja"
            defaultValue={typed("capaianKinerja", saved.capaianKinerja)}
            errors={errorsOf("capaianKinerja")}
            options={[{ value: "", label: t("hasil.notEntered") }, ...GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))]}
          />
          <TextField
            id={fieldId("ipak")}
            label={t("hasil.ipak")}
            hint={`${t("hasil.indexHint")} ${internalText(internal.ipak)}`}
            name="ipak"
            inputMode="decimal"
            defaultValue={typed("ipak", saved.ipak)}
            errors={errorsOf("ipak")}
          />
          <TextField
            id={fieldId("ipkp")}
            label={t("hasil.ipkp")}
            hint={`${t("hasil.indexHint")} ${internalText(internal.ipkp)}`}
            name="ipkp"
            inputMode="decimal"
            defaultValue={typed("ipkp", saved.ipkp)}
            errors={errorsOf("ipkp")}
          />
          <SubmitRow label={t("hasil.save")} />
        </Form>
      ) : null}
    </section>
  );
}
