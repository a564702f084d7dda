/**
 * Pieces shared by the report form and the case page: the errors of a reply (for the error
 * summary), the evidence input, the "what is protected" box and the print button (which
 * appears only with JavaScript).
 */
import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A form's errors as the error summary lists them, and what was typed, from the server's reply. */
export function errorsOf(result: SubmissionResult<string[]> | undefined) {
  const error = result?.error ?? {};
  const formErrors = error[""] ?? [];
  const fieldErrors = Object.entries(error).filter((entry): entry is [string, string[]] => entry[0] !== "" && Array.isArray(entry[1]));
  const typed = (result?.initialValue ?? {}) as Record<string, unknown>;
  return { formErrors, fieldErrors, typed };
}

export function EvidenceInput({ maxFiles, maxMegabytes, errors, t }: { maxFiles: number; maxMegabytes: number; errors?: readonly string[]; t: Translate }) {
  return (
    <TextField
      id="files"
      name="files"
      type="file"
      multiple
      accept="image/jpeg,image/png,image/webp"
      label={t("form.files")}
      hint={t("form.filesHint", { count: maxFiles, megabytes: maxMegabytes })}
      errors={errors?.map((e) => t(e))}
      errorsAs="line"
    />
  );
}

/**
 * What the portal protects and what it cannot, in plain words, with safety tips. The gist is
 * always visible; the details fold away (a <details> needs no script) so that on a phone the
 * form does not start thousands of pixels down.
 */
export function ProtectionBox() {
  const { t } = useTranslation("reports");
  const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
  return (
    <section className="panel protection" aria-labelledby="protection-heading">
      <h2 id="protection-heading">{t("protection.heading")}</h2>
      <p>{t("protection.gist")}</p>
      <details>
        <summary>{t("protection.more")}</summary>
        <h3>{t("protection.protectedHeading")}</h3>
        <ul>
          {list("protection.protected").map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t("protection.notProtectedHeading")}</h3>
        <ul>
          {list("protection.notProtected").map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t("protection.tipsHeading")}</h3>
        <ul>
          {list("protection.tips").map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The plain script of the report pages, which ship no framework (public/enhance/report.js). */
export const REPORT_SCRIPT = "/enhance/report.js";

/**
 * A print button where JavaScript runs; without it the hint beside it says to use the
 * browser's menu. It is sent hidden and marked `data-print`: on a page that hydrates React
 * shows it, on a report page the plain script does (REPORT_SCRIPT).
 */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button type="button" className="button" hidden={!ready} data-print="" onClick={() => window.print()}>
      {label}
    </button>
  );
}
