/** The case page before signing in: the receipt code, and nothing of the typed code kept. */
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorsOf, ProtectionBox, type Translate } from "./report-fields";
import { ErrorSummary, TextField } from "~/components/forms";

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
      <Form method="post" action="/report/case" reloadDocument className="receipt-sign-in">
        <input type="hidden" name="intent" value="signIn" />
        <TextField
          id="code"
          name="code"
          label={t("signIn.code")}
          hint={t("signIn.codeHint")}
          errors={codeErrors?.map((e) => t(e))}
          errorsAs="line"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
        />
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
