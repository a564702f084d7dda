/** The case page before signing in: the receipt code, and nothing of the typed code kept. */
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorsOf, ProtectionBox, type Translate } from "./report-fields";
import { ErrorSummary } from "~/components/forms";

export function SignInForm({ result }: { result: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("reports");
  const { formErrors, fieldErrors } = errorsOf(result);
  const tr: Translate = (key, options) => t(key, options);
  const codeErrors = fieldErrors.find(([name]) => name === "code")?.[1];
  return (
    <div className="container narrow">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <ErrorSummary title={t("form.errorSummary")} formErrors={formErrors} fieldErrors={fieldErrors} labelOf={() => t("signIn.code")} translate={tr} formErrorsAsTitle />
      <Form method="post" className="receipt-sign-in">
        <input type="hidden" name="intent" value="signIn" />
        <div className={codeErrors ? "field field-invalid" : "field"}>
          <label htmlFor="code">{t("signIn.code")}</label>
          <p id="code-hint" className="hint">
            {t("signIn.codeHint")}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            required
            aria-invalid={codeErrors ? true : undefined}
            aria-describedby={codeErrors ? "code-hint code-error" : "code-hint"}
          />
          {codeErrors ? (
            <p id="code-error" className="field-errors">
              {codeErrors.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("signIn.submit")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/report">{t("signIn.newReport")}</Link>
      </p>
      <ProtectionBox />
    </div>
  );
}
