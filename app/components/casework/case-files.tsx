/** The case's files: the cleaned original, its redacted copy, and the form to black out areas. */
import { Form } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { FormMessage, SubmitRow, TextField } from "~/components/forms";
import { RedactDrawing } from "~/components/redact-drawing";
import { REDACTION_AREAS } from "~/reports/casework-schema";
import type { CasePageView } from "~/reports/casework.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { fieldId, type CaseFailure } from "./form-state";

type CaseFile = CasePageView["files"][number];

export function CaseFiles({ detail, failed }: { detail: Pick<CasePageView, "id" | "files">; failed: CaseFailure | undefined }) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  const fileLink = (fileId: string, version: "original" | "redacted") => `/staff/reports/${detail.id}/files/${fileId}?version=${version}`;
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{t("files.heading")}</h2>
      {detail.files.length === 0 ? <p>{t("files.none")}</p> : null}
      <ul className="case-files">
        {detail.files.map((file) => (
          <li key={file.id} className="case-file" id={`file-${file.id}`}>
            <h3>{t("files.item", { seq: file.seq })}</h3>
            <p className="muted">{t("files.meta", { type: file.mediaType, size: Math.max(1, Math.round(file.byteSize / 1024)), date: date(file.addedOn) })}</p>
            <div className="case-thumbs">
              {file.redactable ? (
                <figure>
                  <a href={fileLink(file.id, "original")}>
                    <img src={fileLink(file.id, "original")} alt={t("files.originalAlt", { seq: file.seq })} width={160} loading="lazy" />
                  </a>
                  <figcaption>{t("files.original")}</figcaption>
                </figure>
              ) : (
                <a href={fileLink(file.id, "original")}>{t("files.download")}</a>
              )}
              {file.hasRedacted ? (
                <figure>
                  <a href={fileLink(file.id, "redacted")}>
                    <img src={fileLink(file.id, "redacted")} alt={t("files.redactedAlt", { seq: file.seq })} width={160} loading="lazy" />
                  </a>
                  <figcaption>{t("files.redacted")}</figcaption>
                </figure>
              ) : null}
            </div>
            {file.redactable ? (
              <RedactForm file={file} src={fileLink(file.id, "original")} failed={failed?.intent === "redact" && failed.id === file.id ? failed : undefined} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RedactForm({ file, failed, src }: { file: CaseFile; failed: CaseFailure | undefined; src: string }) {
  const { t } = useTranslation("casework");
  const formRef = useRef<HTMLFormElement>(null);
  const errorsOf = (field: string) => failed?.errors[field]?.map((key) => t(key));
  const previous = file.redactions ?? [];
  const valueOf = (i: number, part: "x" | "y" | "w" | "h") => {
    if (failed) return failed.values[`areas[${i}].${part}`] ?? "";
    const area = previous[i];
    return area ? String(area[part]) : "";
  };
  return (
    <Form method="post" aria-labelledby={`redact-${file.id}`} ref={formRef}>
      <fieldset>
        <legend id={`redact-${file.id}`}>{t("redact.legend", { seq: file.seq })}</legend>
        <p className="hint">{t("redact.hint")}</p>
        <RedactDrawing src={src} alt={t("files.originalAlt", { seq: file.seq })} hint={t("redact.drawHint")} rows={REDACTION_AREAS} formRef={formRef} />
        <input type="hidden" name="intent" value="redact" />
        <input type="hidden" name="fileId" value={file.id} />
        <FormMessage errors={[...(errorsOf("") ?? []), ...(errorsOf("fileId") ?? []), ...(errorsOf("areas") ?? [])]} />
        {Array.from({ length: REDACTION_AREAS }, (_, i) => (
          <fieldset key={i} className="redact-area">
            <legend>{t("redact.area", { n: i + 1 })}</legend>
            <FormMessage errors={errorsOf(`areas[${i}]`)} />
            {(["x", "y", "w", "h"] as const).map((part) => (
              <TextField
                key={part}
                id={fieldId("redact", `areas[${i}].${part}`, file.id)}
                label={t(`redact.parts.${part}`)}
                name={`areas[${i}].${part}`}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                defaultValue={valueOf(i, part)}
                errors={errorsOf(`areas[${i}].${part}`)}
              />
            ))}
          </fieldset>
        ))}
        <SubmitRow label={file.hasRedacted ? t("redact.again") : t("redact.submit")} />
      </fieldset>
    </Form>
  );
}
