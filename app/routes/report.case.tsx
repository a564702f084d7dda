import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, EvidenceInput, ProtectionBox, type Translate } from "~/components/report/report-fields";
import { i18nServer } from "~/i18n.server";
import { cleanImages, FileRefused, parseReportForm } from "~/reports/attachments.server";
import { addReporterFiles, addReporterMessage, reporterCase, type ReporterWriteOutcome } from "~/reports/case.server";
import { MESSAGE_MAX, messageSchema, signInSchema } from "~/reports/form-schema";
import { clearReporterSessionCookie, reporterSession, reporterSessionCookie, signInWithReceipt } from "~/reports/reporter-session.server";

export const handle = { i18n: ["reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export const headers = () => ({ "Cache-Control": "no-store" });

const SENT = ["message", "files"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "reports");
  const { config } = context;
  const reportId = reporterSession(request, config);
  const report = reportId ? await reporterCase(context.db, config.secrets.encryptionKeys, reportId) : null;
  const sent = new URL(request.url).searchParams.get("sent");
  const body = {
    title: `${t(report ? "case.title" : "signIn.title")} · Pintu Depan`,
    report,
    sent: report ? (SENT.find((s) => s === sent) ?? null) : null,
    maxFiles: config.reports.maxFiles,
    maxMegabytes: Math.floor(config.reports.maxFileBytes / (1024 * 1024)),
  };
  // Each page view restarts the idle period; a session whose case is gone is ended.
  const cookie = report && reportId ? reporterSessionCookie(config, reportId) : reportId ? clearReporterSessionCookie(config) : null;
  return data(body, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

type Reply = { form: "signIn" | "message" | "files"; result: SubmissionResult<string[]> };

function reply(form: Reply["form"], result: SubmissionResult<string[]>, status: number) {
  return data<Reply>({ form, result }, { status, headers: { "Cache-Control": "no-store" } });
}

function afterWrite(outcome: ReporterWriteOutcome, form: "message" | "files", result: SubmissionResult<string[]>) {
  if (outcome === "stored") return redirect(`/report/case?sent=${form}`, 303);
  if (outcome === "tooManyFiles") return reply(form, { ...result, error: { files: ["errors.tooManyFiles"] } }, 400);
  // The typed message stays in the form (the result carries it back) for another day.
  if (outcome === "tooManyMessagesToday") return reply(form, { ...result, error: { body: ["errors.tooManyMessagesToday"] } }, 429);
  if (outcome === "tooManyFilesToday") return reply(form, { ...result, error: { files: ["errors.tooManyFilesToday"] } }, 429);
  if (outcome === "finished") return reply(form, { ...result, error: { "": ["errors.finished"] } }, 409);
  return redirect("/report/case", 303);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, config } = context;
  const parsed = await parseReportForm(request, config.reports);
  const { fields, files } = parsed;
  const intent = String(fields.get("intent") ?? "");

  if (intent === "signIn") {
    const submission = parseWithZod(fields, { schema: signInSchema });
    if (submission.status !== "success") return reply("signIn", submission.reply({ hideFields: ["code"] }), 400);
    const outcome = await signInWithReceipt(db, config, context.clientAddress, submission.value.code);
    // The typed code is never sent back: it would sit in the page and the browser's history.
    if (outcome.outcome === "throttled") return reply("signIn", submission.reply({ formErrors: ["errors.signInThrottled"], hideFields: ["code"] }), 429);
    if (outcome.outcome === "wrong") return reply("signIn", submission.reply({ formErrors: ["errors.codeUnknown"], hideFields: ["code"] }), 400);
    return redirect("/report/case", { status: 303, headers: { "Set-Cookie": reporterSessionCookie(config, outcome.reportId) } });
  }
  if (intent === "signOut") {
    return redirect("/report/case", { status: 303, headers: { "Set-Cookie": clearReporterSessionCookie(config) } });
  }

  const reportId = reporterSession(request, config);
  if (!reportId) return reply("signIn", { status: "error", error: { "": ["errors.sessionEnded"] } }, 401);

  if (intent === "message") {
    const submission = parseWithZod(fields, { schema: messageSchema });
    if (submission.status !== "success") return reply("message", submission.reply(), 400);
    return afterWrite(await addReporterMessage(db, config, reportId, submission.value.body), "message", submission.reply());
  }
  if (intent === "files") {
    if (parsed.fileProblem) {
      return reply("files", { status: "error", error: { files: [`errors.${parsed.fileProblem}`] } }, parsed.fileProblem === "fileTooLarge" ? 413 : 400);
    }
    if (files.length === 0) return reply("files", { status: "error", error: { files: ["errors.noFiles"] } }, 400);
    try {
      const images = await cleanImages(files);
      return afterWrite(await addReporterFiles(db, config, reportId, images), "files", { status: "error" });
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      return reply("files", { status: "error", error: { files: [`errors.${error.problem}`] } }, error.status);
    }
  }
  return reply("signIn", { status: "error", error: { "": ["errors.unknownAction"] } }, 400);
}

export default function CasePage() {
  const { report } = useLoaderData<typeof loader>();
  return report ? <Case /> : <SignIn />;
}

function errorsOf(result: SubmissionResult<string[]> | undefined) {
  const error = result?.error ?? {};
  const formErrors = error[""] ?? [];
  const fieldErrors = Object.entries(error).filter((entry): entry is [string, string[]] => entry[0] !== "" && Array.isArray(entry[1]));
  const typed = (result?.initialValue ?? {}) as Record<string, unknown>;
  return { formErrors, fieldErrors, typed };
}

function SignIn() {
  const { t } = useTranslation("reports");
  const reply = useActionData<typeof action>();
  const { formErrors, fieldErrors } = errorsOf(reply?.form === "signIn" ? reply.result : undefined);
  const tr: Translate = (key, options) => t(key, options);
  const codeErrors = fieldErrors.find(([name]) => name === "code")?.[1];
  return (
    <div className="container narrow">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <ErrorSummary formErrors={formErrors} fieldErrors={fieldErrors} labelOf={() => t("signIn.code")} t={tr} />
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

function Case() {
  const { report, sent, maxFiles, maxMegabytes } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("reports");
  const reply = useActionData<typeof action>();
  const tr: Translate = (key, options) => t(key, options);
  if (!report) return null;
  const message = errorsOf(reply?.form === "message" ? reply.result : undefined);
  const filesForm = errorsOf(reply?.form === "files" ? reply.result : undefined);
  const formatDate = (date: string) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const formatMonth = (date: string) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const rupiah = (n: number | null) => (n === null ? t("case.notGiven") : t("case.rupiah", { amount: new Intl.NumberFormat(i18n.language).format(n) }));

  return (
    <div className="container narrow">
      <h1>{t("case.title")}</h1>
      <Form method="post" className="case-sign-out">
        <input type="hidden" name="intent" value="signOut" />
        <button type="submit" className="button">
          {t("case.signOut")}
        </button>
      </Form>
      {sent ? (
        <p className="form-message" role="status">
          {t(sent === "message" ? "case.sentMessage" : "case.sentFiles")}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("case.statusHeading")}</h2>
        <p className="case-status">
          <strong>{t(`status.${report.status}`)}</strong>
          {report.outcome ? ` · ${t(`outcome.${report.outcome}`)}` : null}
        </p>
        <p className="hint">{t(`statusHint.${report.status}`)}</p>
      </section>

      {report.finished ? (
        <p>{t("case.finished")}</p>
      ) : (
        <>
          <h2>{t("case.historyHeading")}</h2>
          <ol className="case-history">
            {report.events.map((event, index) => (
              <li key={index}>
                <span>{formatDate(event.occurredOn)}</span> · <strong>{t(`status.${event.toStatus}`)}</strong>
                {event.reason ? <p>{event.reason}</p> : null}
              </li>
            ))}
          </ol>

          <h2>{t("case.reportHeading")}</h2>
          <dl className="case-facts">
            <dt>{t("case.facts.category")}</dt>
            <dd>{t(`categories.${report.category}.name`)}</dd>
            <dt>{t("case.facts.unit")}</dt>
            <dd>{report.unitName ? `${report.unitName} · ${report.regionName}` : t("form.unknownUnit", { region: report.regionName })}</dd>
            <dt>{t("case.facts.service")}</dt>
            <dd>{report.serviceName ?? t("case.notGiven")}</dd>
            <dt>{t("case.facts.when")}</dt>
            <dd>{report.incidentMonth ? formatMonth(report.incidentMonth) : t("case.notGiven")}</dd>
            <dt>{t("case.facts.amountAsked")}</dt>
            <dd>{rupiah(report.content?.amountAsked ?? null)}</dd>
            <dt>{t("case.facts.officialTariff")}</dt>
            <dd>{rupiah(report.content?.officialTariff ?? null)}</dd>
            <dt>{t("case.facts.paid")}</dt>
            <dd>{report.content?.paid ? t(`paid.${report.content.paid}`) : t("case.notGiven")}</dd>
            <dt>{t("case.facts.askedBy")}</dt>
            <dd>{report.content?.askedBy ? t(`askedBy.${report.content.askedBy}`) : t("case.notGiven")}</dd>
            <dt>{t("case.received")}</dt>
            <dd>{formatDate(report.receivedOn)}</dd>
          </dl>
          <h3>{t("case.facts.narrative")}</h3>
          <p className="case-narrative">{report.content?.narrative}</p>

          <h2>{t("case.messagesHeading")}</h2>
          {report.messages.length === 0 ? <p>{t("case.noMessages")}</p> : null}
          <ol className="case-messages">
            {report.messages.map((m, index) => (
              <li key={index} className={m.kind === "question" ? "message-question" : "message-reporter"}>
                <p className="hint">
                  {t(m.kind === "question" ? "case.fromModerator" : "case.fromYou")} · {formatDate(m.createdOn)}
                </p>
                <p className="case-narrative">{m.body}</p>
              </li>
            ))}
          </ol>

          {/* Keyed on the messages: once sent, the box empties (with JavaScript the page is
              not reloaded), so a shared phone does not keep showing what was written. */}
          <Form key={report.messages.length} method="post">
            <input type="hidden" name="intent" value="message" />
            <ErrorSummary formErrors={message.formErrors} fieldErrors={message.fieldErrors} labelOf={() => t("case.messageLabel")} t={tr} />
            <div className={message.fieldErrors.length ? "field field-invalid" : "field"}>
              <label htmlFor="body">{t("case.messageLabel")}</label>
              <p id="body-hint" className="hint">
                {t(report.status === "needs_info" ? "case.messageHintNeedsInfo" : "case.messageHint")}
              </p>
              <textarea
                id="body"
                name="body"
                rows={5}
                maxLength={MESSAGE_MAX}
                required
                defaultValue={typeof message.typed.body === "string" ? message.typed.body : ""}
                aria-invalid={message.fieldErrors.length ? true : undefined}
                aria-describedby={message.fieldErrors.length ? "body-hint body-error" : "body-hint"}
              />
              {message.fieldErrors.length ? (
                <p id="body-error" className="field-errors">
                  {message.fieldErrors.flatMap(([, errors]) => errors.map((e) => t(e))).join(" ")}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("case.send")}
              </button>
            </div>
          </Form>

          <h2>{t("case.filesHeading")}</h2>
          {report.files.length ? (
            <ul className="case-files">
              {report.files.map((file) => (
                <li key={file.id}>
                  <a href={`/report/case/files/${file.id}`}>{t("case.fileLink", { number: file.seq, date: formatDate(file.addedOn) })}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("case.noFiles")}</p>
          )}
          {report.fileCount < maxFiles ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="files" />
              <ErrorSummary formErrors={filesForm.formErrors} fieldErrors={filesForm.fieldErrors} labelOf={() => t("form.files")} t={tr} />
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
      )}
    </div>
  );
}
