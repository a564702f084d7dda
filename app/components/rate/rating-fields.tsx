/** The rating form's fields: radio groups with large tap targets, and the optional profile selects. */
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ChoiceFrame, SelectField } from "~/components/forms";
import { SKM_ELEMENTS } from "~/regulation/skm";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The label of a rating form field, for the error summary. */
export function labelOf(name: string, t: Translate): string {
  if ((SKM_ELEMENTS as readonly string[]).includes(name)) return t(`questions.${name}.name`);
  const labels: Record<string, string> = {
    serviceId: "form.service",
    sex: "form.sex",
    ageBand: "form.age",
    education: "form.education",
    occupation: "form.occupation",
    suggestion: "form.suggestion",
    token: "form.submit",
  };
  return t(labels[name] ?? "form.submit");
}

/** A radio group in a fieldset: big tap targets, keyboard-friendly, errors tied to the group. */
export function ChoiceGroup({
  name,
  legend,
  field,
  options,
  scale,
}: {
  name: string;
  legend: string;
  field: FieldMetadata<unknown>;
  options: ReadonlyArray<{ value: string; label: string }>;
  scale?: boolean;
}) {
  const { t } = useTranslation("skm");
  const chosen = typeof field.initialValue === "string" ? field.initialValue : undefined;
  return (
    <ChoiceFrame id={name} legend={legend} errors={field.errors?.map((e) => t(e))} className={scale ? "choice-scale" : undefined}>
      {options.map((option) => {
        const id = `${name}-${option.value || "skip"}`;
        return (
          <div key={id} className="choice">
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              defaultChecked={chosen === option.value}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </ChoiceFrame>
  );
}

/** An optional profile question: a select whose first choice skips it. */
export function SelectRow({
  name,
  label,
  field,
  options,
}: {
  name: string;
  label: string;
  field: FieldMetadata<unknown>;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const { t } = useTranslation("skm");
  return (
    <SelectField
      id={name}
      name={name}
      label={label}
      errors={field.errors?.map((e) => t(e))}
      errorsAs="line"
      defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
      options={[{ value: "", label: t("form.skip") }, ...options]}
    />
  );
}
