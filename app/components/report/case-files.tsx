/** The case's photos, each a link, and the form to add more while the case has room. */
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReporterCase } from "~/reports/case.server";
import { useCaseFormat } from "./case-format";
import { errorsOf, EvidenceInput, type Translate } from "./report-fields";
import { ErrorSummary } from "~/components/forms";

export function CaseFiles({
  report,
  maxFiles,
  maxMegabytes,
  result,
}: {
  report: Pick<ReporterCase, "files" | "fileCount">;
  maxFiles: number;
  maxMegabytes: number;
  result: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("reports");
  const format = useCaseFormat();
  const tr: Translate = (key, options) => t(key, options);
  const filesForm = errorsOf(result);
  return (
    <>
      <h2>{t("case.filesHeading")}</h2>
      {report.files.length ? (
        <ul className="case-files">
          {report.files.map((file) => (
            <li key={file.id}>
              <a href={`/report/case/files/${file.id}`}>{t("case.fileLink", { number: file.seq, date: format.date(file.addedOn) })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("case.noFiles")}</p>
      )}
      {report.fileCount < maxFiles ? (
        <Form method="post" action="/report/case" encType="multipart/form-data" reloadDocument>
          <input type="hidden" name="intent" value="files" />
          <ErrorSummary title={t("form.errorSummary")} formErrors={filesForm.formErrors} fieldErrors={filesForm.fieldErrors} labelOf={() => t("form.files")} translate={tr} formErrorsAsTitle />
          <EvidenceInput
            maxFiles={maxFiles - report.fileCount}
            maxMegabytes={maxMegabytes}
            errors={filesForm.fieldErrors.find(([name]) => name === "files")?.[1]}
            t={tr}
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {t("case.addFiles")}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t("case.filesFull")}</p>
      )}
    </>
  );
}
