/** The form of a unit's details: name, agency, contacts, opening hours, people served, Zona Integritas predicate, status. */
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ConformSelectField, ConformTextAreaField, ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { TextField } from "~/components/forms";
import { IntentFormSection } from "~/components/structure/form-pieces";
import { LIMITS, SERVED_PERIODS, ZI_PREDICATES, unitUpdateSchema } from "~/org/admin-schema";
import type { AdminUnit } from "~/org/admin.server";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const initialString = (value: unknown) => (typeof value === "string" ? value : "");
const initialList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

export function UnitDetailsForm({
  unit,
  agencies,
  lastResult,
}: {
  unit: AdminUnit;
  agencies: ReadonlyArray<{ id: number; name: string }>;
  lastResult: LastResult;
}) {
  const { t } = useTranslation("admin");
  const rules = Array.from({ length: LIMITS.hoursRules }, (_, i) => unit.openingHours[i]);
  const [form, fields] = useZodForm(unitUpdateSchema, {
    id: "update-unit",
    lastResult,
    defaultValue: {
      name: unit.name,
      agencyId: String(unit.agencyId),
      address: unit.address ?? "",
      phone: unit.phone ?? "",
      email: unit.email ?? "",
      hours: rules.map((rule) => ({ days: rule ? rule.days.map(String) : [], opens: rule?.opens ?? "", closes: rule?.closes ?? "" })),
      servedPerPeriod: unit.servedPerPeriod === null ? "" : String(unit.servedPerPeriod),
      servedPeriod: unit.servedPeriod,
      active: unit.active ? "on" : "",
      ziPredicate: unit.ziPredicate,
      ziPredicateYear: unit.ziPredicateYear === null ? "" : String(unit.ziPredicateYear),
    },
    validate: "onBlur",
  });
  const errors = (list: string[] | undefined) => list?.map((e) => t(e));
  const hourRows = fields.hours.getFieldList();
  return (
    <IntentFormSection form={form} heading={t("unit.editHeading")} intro={<p className="hint">{t("unit.slugFixed", { slug: unit.slug })}</p>} submit={t("unit.save")}>
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <ConformSelectField
        field={fields.agencyId}
        label={t("fields.agency")}
        hint={t("fields.agencyHint")}
        translateError={t}
        options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
      />
      <ConformTextAreaField field={fields.address} label={t("fields.address")} translateError={t} rows={3} autoComplete="off" />
      <ConformTextField field={fields.phone} type="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} translateError={t} autoComplete="off" />
      <ConformTextField field={fields.email} type="email" label={t("fields.email")} hint={t("fields.emailHint")} translateError={t} autoComplete="off" />

      <fieldset aria-describedby="update-unit-hours-hint">
        <legend>{t("hours.legend")}</legend>
        <p id="update-unit-hours-hint" className="hint">
          {t("hours.hint")}
        </p>
        {fields.hours.errors?.length ? (
          <ul className="field-errors" role="alert">
            {errors(fields.hours.errors)?.map((e) => <li key={e}>{e}</li>)}
          </ul>
        ) : null}
        {hourRows.map((row, index) => {
          const rule = row.getFieldset();
          const checked = initialList(rule.days.initialValue);
          const daysErrorId = `${rule.days.id}-error`;
          return (
            <fieldset key={`${index}-${row.key ?? ""}`} className="admin-hours-rule">
              <legend>{t("hours.rule", { number: index + 1 })}</legend>
              <fieldset aria-describedby={rule.days.errors?.length ? daysErrorId : undefined} className="admin-days">
                <legend>{t("hours.days")}</legend>
                {WEEKDAYS.map((day) => (
                  <label key={day} className="checkbox">
                    <input type="checkbox" name={rule.days.name} value={String(day)} defaultChecked={checked.includes(String(day))} />
                    {t(`days.${day}`)}
                  </label>
                ))}
                {rule.days.errors?.length ? (
                  <ul id={daysErrorId} className="field-errors">
                    {errors(rule.days.errors)?.map((e) => <li key={e}>{e}</li>)}
                  </ul>
                ) : null}
              </fieldset>
              <div className="admin-times">
                <TextField
                  label={t("hours.opens")}
                  errors={errors(rule.opens.errors)}
                  id={rule.opens.id}
                  type="time"
                  name={rule.opens.name}
                  defaultValue={initialString(rule.opens.initialValue)}
                />
                <TextField
                  label={t("hours.closes")}
                  errors={errors(rule.closes.errors)}
                  id={rule.closes.id}
                  type="time"
                  name={rule.closes.name}
                  defaultValue={initialString(rule.closes.initialValue)}
                />
              </div>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t("served.legend")}</legend>
        <p className="hint">{t("served.hint")}</p>
        <ConformTextField field={fields.servedPerPeriod} type="number" label={t("served.number")} translateError={t} inputMode="numeric" min={0} />
        <ConformSelectField
          field={fields.servedPeriod}
          label={t("served.period")}
          translateError={t}
          options={SERVED_PERIODS.map((period) => ({ value: period, label: t(`served.periods.${period}`) }))}
        />
      </fieldset>

      <fieldset>
        <legend>{t("zi.legend")}</legend>
        <p className="hint">{t("zi.hint")}</p>
        <ConformSelectField
          field={fields.ziPredicate}
          label={t("zi.predicate")}
          translateError={t}
          options={ZI_PREDICATES.map((predicate) => ({ value: predicate, label: t(`zi.predicates.${predicate}`) }))}
        />
        <ConformTextField field={fields.ziPredicateYear} type="number" label={t("zi.year")} translateError={t} inputMode="numeric" min={2000} max={2100} />
      </fieldset>

      <div className="field admin-check">
        <label className="checkbox">
          <input {...getInputProps(fields.active, { type: "checkbox", ariaAttributes: false })} key={fields.active.key} />
          {t("unit.active")}
        </label>
        <p className="hint">{t("unit.activeHint")}</p>
      </div>
    </IntentFormSection>
  );
}

