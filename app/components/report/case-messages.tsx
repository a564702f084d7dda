/** The messages between the reporter and the moderators, and the reporter's reply form. */
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReporterCase } from "~/reports/case.server";
import { MESSAGE_MAX } from "~/reports/form-schema";
import { useCaseFormat } from "./case-format";
import { errorsOf, type Translate } from "./report-fields";
import { ErrorSummary, TextAreaField } from "~/components/forms";

export function CaseMessages({ report, result }: { report: Pick<ReporterCase, "messages" | "status">; result: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("reports");
  const format = useCaseFormat();
  const tr: Translate = (key, options) => t(key, options);
  const message = errorsOf(result);
  return (
    <>
      <h2>{t("case.messagesHeading")}</h2>
      {report.messages.length === 0 ? <p>{t("case.noMessages")}</p> : null}
      <ol className="case-messages">
        {report.messages.map((m, index) => (
          <li key={index} className={m.kind === "question" ? "message-question" : "message-reporter"}>
            <p className="hint">
              {t(m.kind === "question" ? "case.fromModerator" : "case.fromYou")} · {format.date(m.createdOn)}
            </p>
            <p className="case-narrative">{m.body}</p>
          </li>
        ))}
      </ol>

      {/* A full page post, even after a client-side move here. Once sent, the server
          redirects to the page without the typed text, so the box is empty and a shared phone
          does not keep showing what was written; refused, it comes back with the text and
          the error. The action is the page itself, without the "sent" notice of a reload. */}
      <Form method="post" action="/report/case" reloadDocument>
        <input type="hidden" name="intent" value="message" />
        <ErrorSummary title={t("form.errorSummary")} formErrors={message.formErrors} fieldErrors={message.fieldErrors} labelOf={() => t("case.messageLabel")} translate={tr} formErrorsAsTitle />
        <TextAreaField
          id="body"
          name="body"
          label={t("case.messageLabel")}
          hint={t(report.status === "needs_info" ? "case.messageHintNeedsInfo" : "case.messageHint")}
          errors={message.fieldErrors.flatMap(([, errors]) => errors.map((e) => t(e)))}
          errorsAs="line"
          rows={5}
          maxLength={MESSAGE_MAX}
          required
          defaultValue={typeof message.typed.body === "string" ? message.typed.body : ""}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("case.send")}
          </button>
        </div>
      </Form>
    </>
  );
}
