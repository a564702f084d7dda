/**
 * Pieces of the structure admin screens' change forms. Each form posts its id as `intent`
 * to the route's action, under a heading of its own, with form-level errors above its fields.
 */
import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TIME_ZONES, ZONE_ABBREVIATIONS } from "~/org/admin-schema";
import { ConformSelectField, ConformTextField } from "~/components/conform-fields";
import { FormMessage, SubmitRow } from "~/components/forms";

export function IntentFormSection<Schema extends Record<string, unknown>>({
  form,
  heading,
  intro,
  unavailable,
  submit,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  heading: string;
  /** Shown under the heading. */
  intro?: ReactNode;
  /** Why the form cannot be used yet, shown instead of it. */
  unavailable?: ReactNode;
  submit: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("admin");
  const headingId = `${form.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {intro}
      {unavailable ?? (
        <>
          <FormMessage errors={form.errors?.map((e) => t(e))} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value={form.id} />
            {children}
            <SubmitRow label={submit} primary />
          </Form>
        </>
      )}
    </section>
  );
}

/** The part of a new record's address; every structure record's is checked and hinted the same way. */
export function SlugField<FormSchema extends Record<string, unknown>>({ field }: { field: FieldMetadata<string, FormSchema, string[]> }) {
  const { t } = useTranslation("admin");
  return <ConformTextField field={field} type="text" label={t("fields.slug")} hint={t("fields.slugHint")} translateError={t} autoComplete="off" spellCheck={false} />;
}

/** A region's code and time zone, set when it is created and changed by installation admins. */
export function RegionCodeAndZoneFields<FormSchema extends Record<string, unknown>>({
  code,
  timeZone,
}: {
  code: FieldMetadata<string, FormSchema, string[]>;
  timeZone: FieldMetadata<string, FormSchema, string[]>;
}) {
  const { t } = useTranslation("admin");
  return (
    <>
      <ConformTextField
        field={code}
        type="text"
        label={t("fields.code")}
        hint={t("fields.regionCodeHint")}
        translateError={t}
        autoComplete="off"
        inputMode="decimal"
      />
      <ConformSelectField
        field={timeZone}
        label={t("fields.timeZone")}
        translateError={t}
        options={TIME_ZONES.map((zone) => ({ value: zone, label: t(`timeZones.${ZONE_ABBREVIATIONS[zone]}`) }))}
      />
    </>
  );
}
