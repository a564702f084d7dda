/**
 * The paper questionnaire upload: its form, the answer to an upload (stored, refused with the
 * problems by line, or already imported) and the unit's latest imports.
 */
import { useState, type FormEvent } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { FieldFrame } from "~/components/forms";
import type { ImportProblem } from "~/skm/import";

export type PaperImportReply =
  | { outcome: "imported"; imported: number }
  | { outcome: "duplicate"; responses: number; on: string }
  | { outcome: "invalid"; total: number; problems: ImportProblem[] }
  | { outcome: "error"; error: "noFile" | "emptyFile" };

const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

export function PaperImportForm({ maxBytes, errors }: { maxBytes: number; errors?: readonly string[] }) {
  const { t } = useTranslation("skm");
  const busy = useNavigation().state === "submitting";
  // With JavaScript, a file over the limit is pointed out here instead of by the server's 413.
  const [tooLarge, setTooLarge] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const over = file !== undefined && file.size > maxBytes;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  const shown = tooLarge ? [t("import.errors.tooLarge", { max: mebibytes(maxBytes) })] : errors;
  return (
    <Form method="post" encType="multipart/form-data" onSubmit={onSubmit}>
      <FieldFrame id="file" label={t("import.file")} hint={t("import.fileHint", { max: mebibytes(maxBytes) })} errors={shown}>
        {(control) => <input {...control} type="file" name="file" accept=".csv,text/csv" required />}
      </FieldFrame>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("import.submit")}
        </button>
      </div>
    </Form>
  );
}

export function PaperImportResult({ reply, unitName, dashboard }: { reply: PaperImportReply; unitName: string; dashboard: string }) {
  const { t } = useTranslation("skm");
  const { day } = useCalendarFormat();
  switch (reply.outcome) {
    case "imported":
      return (
        <div className="form-message" role="status">
          <p>{t("import.imported", { count: reply.imported, unit: unitName })}</p>
          <p>
            <Link to={dashboard}>{t("import.dashboardLink")}</Link>
          </p>
        </div>
      );
    case "duplicate":
      return (
        <div className="form-message form-error" role="alert">
          <p>{t("import.duplicate", { date: day(reply.on), count: reply.responses })}</p>
        </div>
      );
    case "error":
      return (
        <div className="form-message form-error" role="alert">
          <p>
            <a href="#file">{t(`import.errors.${reply.error}`)}</a>
          </p>
        </div>
      );
    case "invalid":
      return <ProblemTable total={reply.total} problems={reply.problems} />;
  }
}

function ProblemTable({ total, problems }: { total: number; problems: readonly ImportProblem[] }) {
  const { t } = useTranslation("skm");
  return (
    <div className="form-message form-error" role="alert">
      <p>{t("import.rejected", { count: total })}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t("import.problemsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map(({ line, code, ...values }, index) => (
              <tr key={index}>
                <th scope="row">{line === 0 ? t("import.wholeFile") : line}</th>
                <td>{t(`import.problems.${code}`, values)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > problems.length ? <p>{t("import.moreProblems", { count: total - problems.length })}</p> : null}
    </div>
  );
}

export function PaperImportHistory({ imports }: { imports: ReadonlyArray<{ on: string; responses: number }> }) {
  const { t } = useTranslation("skm");
  const { day } = useCalendarFormat();
  if (imports.length === 0) return <p>{t("import.historyEmpty")}</p>;
  return (
    <table className="data-table">
      <caption>{t("import.historyCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("import.historyDate")}</th>
          <th scope="col">{t("import.historyResponses")}</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((row, index) => (
          <tr key={index}>
            <td>{day(row.on)}</td>
            <td>{row.responses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
