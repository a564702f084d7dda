/** The anonymous report form: what happened, where, when, the evidence, and the captcha. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChallengeField } from "~/components/captcha";
import type { Challenge } from "~/security/challenge.server";
import { useNonce } from "~/components/nonce";
import { ASKED_BY, NARRATIVE_MAX, PAID, REPORT_CATEGORIES, UNKNOWN_UNIT } from "~/reports/form-schema";
import { serviceGroups, type RegionOption } from "~/reports/report-options";
import { EvidenceInput, ProtectionBox, type Translate } from "./report-fields";
import { ChoiceFrame, ErrorSummary, FieldFrame, SelectField, TextAreaField, TextField } from "~/components/forms";

/** What the shared fields need to know of the form: the value typed before, and the errors. */
export type FieldState = { value: (name: string) => string; errors: (name: string) => readonly string[] | undefined };

/** The field state of a conform form. */
export function fieldsOf(fields: Record<string, { initialValue?: unknown; errors?: string[] } | undefined>): FieldState {
  return {
    value: (name) => {
      const initial = fields[name]?.initialValue;
      return typeof initial === "string" ? initial : "";
    },
    errors: (name) => fields[name]?.errors,
  };
}

/** The form sent back after a refusal; `filesDropped` when the chosen photos were not kept. */
export type FormReply = {
  kind: "form";
  result: SubmissionResult<string[]>;
  filesDropped: boolean;
  challenge?: Challenge;
  /** The form token the challenge is bound to: the form keeps sending it. */
  token?: string;
};

type ReportFormProps = {
  regions: RegionOption[];
  preselected: string;
  years: number[];
  token: string;
  /** Whether a challenge, when asked, is hCaptcha's (a third party) or the portal's own. */
  hcaptcha: boolean;
  maxFiles: number;
  maxMegabytes: number;
  reply: FormReply | undefined;
};

/** The label of each field, for the error summary. */
export const REPORT_LABELS: Record<string, string> = {
  category: "form.category",
  unit: "form.unit",
  serviceId: "form.service",
  month: "form.month",
  year: "form.year",
  amountAsked: "form.amountAsked",
  officialTariff: "form.officialTariff",
  paid: "form.paid",
  askedBy: "form.askedBy",
  narrative: "form.narrative",
  files: "form.files",
  token: "form.submit",
};

export function ReportForm({ regions, preselected, years, token, hcaptcha, maxFiles, maxMegabytes, reply }: ReportFormProps) {
  const { t } = useTranslation("reports");
  const nonce = useNonce();
  const [form, fields] = useForm({ lastResult: reply?.result, shouldValidate: "onSubmit" });
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.id) as Array<[string, string[]]>;
  const value = (name: string) => {
    const initial = fields[name]?.initialValue;
    return typeof initial === "string" ? initial : "";
  };
  const tr: Translate = (key, options) => t(key, options);

  return (
    <div className="container narrow">
      <h1>{t("form.title")}</h1>
      {/* On a phone the notice below is long: what went wrong comes first. */}
      <ErrorSummary title={t("form.errorSummary")} formErrors={form.errors ?? []} fieldErrors={fieldErrors} labelOf={(name) => t(REPORT_LABELS[name] ?? "form.submit")} translate={tr} formErrorsAsTitle />
      {/* Every post is a full page load, which always empties the file field. */}
      {reply?.filesDropped ? (
        <p className="form-message" role="status">
          {t("form.filesAgain")}
        </p>
      ) : null}
      <p>{t("form.intro")}</p>
      <p className="hint">
        {t("form.notIntegrity")} <Link to="/rate">{t("form.notIntegrityLink")}</Link>
      </p>
      <ProtectionBox />

      {/* A full page post even after a client-side move here, so that the answer is the same
          page, with the same plain script, as without JavaScript. */}
      <Form method="post" encType="multipart/form-data" reloadDocument {...getFormProps(form)}>
        <input type="hidden" name="token" value={reply?.token ?? (value("token") || token)} />

        <ReportFields regions={regions} preselected={preselected} years={years} maxFiles={maxFiles} maxMegabytes={maxMegabytes} fields={fieldsOf(fields)} />

        {/* A trap for bots: hidden from people and from assistive technology. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <p className="hint">{t(hcaptcha ? "form.challengeNoticeHcaptcha" : "form.challengeNotice")}</p>
        {reply?.challenge ? (
          <ChallengeField
            challenge={reply.challenge}
            nonce={nonce}
            text={{
              heading: t("challenge.heading"),
              question: reply.challenge.kind === "question" ? t("challenge.question", { left: reply.challenge.left, right: reply.challenge.right }) : "",
              hcaptchaNotice: t("challenge.hcaptchaNotice"),
              noScript: t("challenge.noScript"),
            }}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("form.submit")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/report/case">{t("form.haveCode")}</Link>
      </p>
    </div>
  );
}

type ReportFieldsProps = Pick<ReportFormProps, "regions" | "preselected" | "years" | "maxFiles" | "maxMegabytes"> & { fields: FieldState };

/**
 * The facts of a report, the same on the public form and on the moderators' intake form:
 * what happened, where, when, the amounts, who asked, the account and the photos. No field
 * asks who the reporter is.
 */
export function ReportFields({ regions, preselected, years, maxFiles, maxMegabytes, fields }: ReportFieldsProps) {
  const { t } = useTranslation("reports");
  const tr: Translate = (key, options) => t(key, options);
  const value = fields.value;
  const errorOf = fields.errors;
  const errorTexts = (name: string) => errorOf(name)?.map((e) => t(e));
  const [chosenUnit, setChosenUnit] = useState(value("unit") || preselected);
  // The first render matches the server's (every unit's services, grouped per unit); once
  // React runs (the staff's intake form), only the chosen unit's services remain, and none for
  // "I do not know the unit". The public form ships no framework: its plain script does the
  // same with the groups' `data-unit` (public/enhance/report.js).
  const [filtering, setFiltering] = useState(false);
  useEffect(() => setFiltering(true), []);
  const groups = serviceGroups(regions, chosenUnit, filtering);
  return (
    <>
      <ChoiceFrame id="category" legend={t("form.category")} errors={errorTexts("category")}>
        {REPORT_CATEGORIES.map((category) => (
          <div key={category} className="choice choice-explained">
            <input type="radio" id={`category-${category}`} name="category" value={category} defaultChecked={value("category") === category} aria-describedby={`category-${category}-hint`} />
            <label htmlFor={`category-${category}`}>
              <strong>{t(`categories.${category}.name`)}</strong>
              <span id={`category-${category}-hint`} className="hint">
                {t(`categories.${category}.hint`)}
              </span>
            </label>
          </div>
        ))}
      </ChoiceFrame>

      <FieldFrame id="unit" label={t("form.unit")} hint={t("form.unitHint")} errors={errorTexts("unit")} errorsAs="line">
        {(control) => (
          <select {...control} name="unit" defaultValue={chosenUnit} onChange={(event) => setChosenUnit(event.target.value)}>
            <option value="">{t("form.choose")}</option>
            {regions.map((region) => [
              <optgroup key={region.slug} label={region.name}>
                <option value={`${region.slug}/${UNKNOWN_UNIT}`}>{t("form.unknownUnit", { region: region.name })}</option>
              </optgroup>,
              ...region.agencies.map((agency) => (
                <optgroup key={`${region.slug}:${agency.name}`} label={`${region.name} · ${agency.name}`}>
                  {agency.units.map((unit) => (
                    <option key={unit.key} value={unit.key}>
                      {unit.name}
                    </option>
                  ))}
                </optgroup>
              )),
            ])}
          </select>
        )}
      </FieldFrame>

      <FieldFrame id="serviceId" label={t("form.service")} hint={t("form.serviceHint")} errors={errorTexts("serviceId")} errorsAs="line">
        {(control) => (
          <select {...control} name="serviceId" defaultValue={value("serviceId")}>
            <option value="">{t("form.serviceNone")}</option>
            {groups.map(({ unit, label }) => (
              <optgroup key={unit.key} label={label} data-unit={unit.key}>
                {unit.services.map((service) => (
                  <option key={service.id} value={String(service.id)}>
                    {service.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FieldFrame>

      <fieldset className="choice-group report-when">
        <legend>{t("form.when")}</legend>
        <p className="hint">{t("form.whenHint")}</p>
        <SelectField
          id="month"
          name="month"
          label={t("form.month")}
          errors={errorTexts("month")}
          errorsAs="line"
          defaultValue={value("month")}
          options={[{ value: "", label: t("form.skip") }, ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t(`months.${i + 1}`) }))]}
        />
        <SelectField
          id="year"
          name="year"
          label={t("form.year")}
          errors={errorTexts("year")}
          errorsAs="line"
          defaultValue={value("year")}
          options={[{ value: "", label: t("form.skip") }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
        />
      </fieldset>

      {(["amountAsked", "officialTariff"] as const).map((name) => (
        <TextField
          key={name}
          id={name}
          name={name}
          label={t(REPORT_LABELS[name]!)}
          hint={t("form.amountHint")}
          errors={errorTexts(name)}
          errorsAs="line"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          defaultValue={value(name)}
        />
      ))}

      <ChoiceFrame id="paid" legend={t("form.paid")} errors={errorTexts("paid")}>
        {PAID.map((answer) => (
          <div key={answer} className="choice">
            <input type="radio" id={`paid-${answer}`} name="paid" value={answer} defaultChecked={value("paid") === answer} />
            <label htmlFor={`paid-${answer}`}>{t(`paid.${answer}`)}</label>
          </div>
        ))}
      </ChoiceFrame>

      <SelectField
        id="askedBy"
        name="askedBy"
        label={t("form.askedBy")}
        hint={t("form.askedByHint")}
        errors={errorTexts("askedBy")}
        errorsAs="line"
        defaultValue={value("askedBy")}
        options={[{ value: "", label: t("form.skip") }, ...ASKED_BY.map((role) => ({ value: role, label: t(`askedBy.${role}`) }))]}
      />

      <TextAreaField
        id="narrative"
        name="narrative"
        label={t("form.narrative")}
        hint={t("form.narrativeHint")}
        errors={errorTexts("narrative")}
        errorsAs="line"
        rows={8}
        maxLength={NARRATIVE_MAX}
        defaultValue={value("narrative")}
      />

      <EvidenceInput maxFiles={maxFiles} maxMegabytes={maxMegabytes} errors={errorOf("files")} t={tr} />
    </>
  );
}
