/** The anonymous report form: what happened, where, when, the evidence, and the captcha. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CaptchaField } from "~/components/captcha";
import { useNonce } from "~/components/nonce";
import { ASKED_BY, NARRATIVE_MAX, PAID, REPORT_CATEGORIES, UNKNOWN_UNIT } from "~/reports/form-schema";
import { serviceGroups, type RegionOption } from "~/reports/report-options";
import { EvidenceInput, ProtectionBox, type Translate } from "./report-fields";
import { ErrorSummary } from "~/components/forms";

/** The form sent back after a refusal; `filesDropped` when the chosen photos were not kept. */
export type FormReply = { kind: "form"; result: SubmissionResult<string[]>; filesDropped: boolean };

type ReportFormProps = {
  regions: RegionOption[];
  preselected: string;
  years: number[];
  token: string;
  captchaSiteKey: string | null;
  maxFiles: number;
  maxMegabytes: number;
  reply: FormReply | undefined;
};

const LABELS: Record<string, string> = {
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

export function ReportForm({ regions, preselected, years, token, captchaSiteKey, maxFiles, maxMegabytes, reply }: ReportFormProps) {
  const { t } = useTranslation("reports");
  const nonce = useNonce();
  const [form, fields] = useForm({ lastResult: reply?.result, shouldValidate: "onSubmit" });
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.id) as Array<[string, string[]]>;
  const value = (name: string) => {
    const initial = fields[name]?.initialValue;
    return typeof initial === "string" ? initial : "";
  };
  const tr: Translate = (key, options) => t(key, options);
  const errorOf = (name: string) => fields[name]?.errors;
  const [chosenUnit, setChosenUnit] = useState(value("unit") || preselected);
  // The first render matches the server's (every unit's services, grouped); once the script
  // runs, only the chosen unit's services remain, and none for "I do not know the unit".
  const [filtering, setFiltering] = useState(false);
  useEffect(() => setFiltering(true), []);
  const groups = serviceGroups(regions, chosenUnit, filtering);

  return (
    <div className="container narrow">
      <h1>{t("form.title")}</h1>
      {/* On a phone the notice below is long: what went wrong comes first. */}
      <ErrorSummary title={t("form.errorSummary")} formErrors={form.errors ?? []} fieldErrors={fieldErrors} labelOf={(name) => t(LABELS[name] ?? "form.submit")} translate={tr} formErrorsAsTitle />
      {reply?.filesDropped ? <FilesAgainNotice text={t("form.filesAgain")} /> : null}
      <p>{t("form.intro")}</p>
      <p className="hint">
        {t("form.notIntegrity")} <Link to="/rate">{t("form.notIntegrityLink")}</Link>
      </p>
      <ProtectionBox />

      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="token" value={value("token") || token} />

        <fieldset id="category" className={`choice-group${errorOf("category") ? " field-invalid" : ""}`} aria-describedby={errorOf("category") ? "category-error" : undefined}>
          <legend>{t("form.category")}</legend>
          {errorOf("category") ? (
            <p id="category-error" className="field-errors">
              {errorOf("category")!.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
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
        </fieldset>

        <SelectShell name="unit" label={t("form.unit")} hint={t("form.unitHint")} errors={errorOf("unit")} t={tr}>
          <select
            id="unit"
            name="unit"
            defaultValue={chosenUnit}
            onChange={(event) => setChosenUnit(event.target.value)}
            aria-invalid={errorOf("unit") ? true : undefined} aria-describedby={errorOf("unit") ? "unit-hint unit-error" : "unit-hint"}>
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
        </SelectShell>

        <SelectShell name="serviceId" label={t("form.service")} hint={t("form.serviceHint")} errors={errorOf("serviceId")} t={tr}>
          <select id="serviceId" name="serviceId" defaultValue={value("serviceId")} aria-invalid={errorOf("serviceId") ? true : undefined} aria-describedby={errorOf("serviceId") ? "serviceId-hint serviceId-error" : "serviceId-hint"}>
            <option value="">{t("form.serviceNone")}</option>
            {groups.map(({ unit, label }) => (
              <optgroup key={unit.key} label={label}>
                {unit.services.map((service) => (
                  <option key={service.id} value={String(service.id)}>
                    {service.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </SelectShell>

        <fieldset className="choice-group report-when">
          <legend>{t("form.when")}</legend>
          <p className="hint">{t("form.whenHint")}</p>
          <SelectShell name="month" label={t("form.month")} errors={errorOf("month")} t={tr}>
            <select id="month" name="month" defaultValue={value("month")} aria-invalid={errorOf("month") ? true : undefined} aria-describedby={errorOf("month") ? "month-error" : undefined}>
              <option value="">{t("form.skip")}</option>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={String(m)}>
                  {t(`months.${m}`)}
                </option>
              ))}
            </select>
          </SelectShell>
          <SelectShell name="year" label={t("form.year")} errors={errorOf("year")} t={tr}>
            <select id="year" name="year" defaultValue={value("year")} aria-invalid={errorOf("year") ? true : undefined} aria-describedby={errorOf("year") ? "year-error" : undefined}>
              <option value="">{t("form.skip")}</option>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </SelectShell>
        </fieldset>

        {(["amountAsked", "officialTariff"] as const).map((name) => (
          <SelectShell key={name} name={name} label={t(LABELS[name]!)} hint={t("form.amountHint")} errors={errorOf(name)} t={tr}>
            <input
              id={name}
              name={name}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={40}
              defaultValue={value(name)}
              aria-invalid={errorOf(name) ? true : undefined}
              aria-describedby={errorOf(name) ? `${name}-hint ${name}-error` : `${name}-hint`}
            />
          </SelectShell>
        ))}

        <fieldset id="paid" className={`choice-group${errorOf("paid") ? " field-invalid" : ""}`} aria-describedby={errorOf("paid") ? "paid-error" : undefined}>
          <legend>{t("form.paid")}</legend>
          {errorOf("paid") ? (
            <p id="paid-error" className="field-errors">
              {errorOf("paid")!.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
          {PAID.map((answer) => (
            <div key={answer} className="choice">
              <input type="radio" id={`paid-${answer}`} name="paid" value={answer} defaultChecked={value("paid") === answer} />
              <label htmlFor={`paid-${answer}`}>{t(`paid.${answer}`)}</label>
            </div>
          ))}
        </fieldset>

        <SelectShell name="askedBy" label={t("form.askedBy")} hint={t("form.askedByHint")} errors={errorOf("askedBy")} t={tr}>
          <select
            id="askedBy"
            name="askedBy"
            defaultValue={value("askedBy")}
            aria-invalid={errorOf("askedBy") ? true : undefined}
            aria-describedby={errorOf("askedBy") ? "askedBy-hint askedBy-error" : "askedBy-hint"}
          >
            <option value="">{t("form.skip")}</option>
            {ASKED_BY.map((role) => (
              <option key={role} value={role}>
                {t(`askedBy.${role}`)}
              </option>
            ))}
          </select>
        </SelectShell>

        <SelectShell name="narrative" label={t("form.narrative")} hint={t("form.narrativeHint")} errors={errorOf("narrative")} t={tr}>
          <textarea
            id="narrative"
            name="narrative"
            rows={8}
            maxLength={NARRATIVE_MAX}
            defaultValue={value("narrative")}
            aria-invalid={errorOf("narrative") ? true : undefined}
            aria-describedby={errorOf("narrative") ? "narrative-hint narrative-error" : "narrative-hint"}
          />
        </SelectShell>

        <EvidenceInput maxFiles={maxFiles} maxMegabytes={maxMegabytes} errors={errorOf("files")} t={tr} />

        {/* A trap for bots: hidden from people and from assistive technology. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <CaptchaField siteKey={captchaSiteKey} nonce={nonce} notice={t("form.captchaNotice")} />
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

/**
 * Said when the server could not keep the chosen photos. Without JavaScript the browser has
 * emptied the file field; with it the photos are often still chosen, and then nothing is said.
 */
function FilesAgainNotice({ text }: { text: string }) {
  const [stillChosen, setStillChosen] = useState(false);
  useEffect(() => {
    const input = document.getElementById("files");
    setStillChosen(input instanceof HTMLInputElement && (input.files?.length ?? 0) > 0);
  }, []);
  if (stillChosen) return null;
  return (
    <p className="form-message" role="status">
      {text}
    </p>
  );
}

/** A labelled control with its hint and errors (the control itself carries aria-describedby). */
function SelectShell({
  name,
  label,
  hint,
  errors,
  t,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: readonly string[] | undefined;
  t: Translate;
  children: React.ReactNode;
}) {
  return (
    <div className={errors ? "field field-invalid" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      {errors ? (
        <p id={`${name}-error`} className="field-errors">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
