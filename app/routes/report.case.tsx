import { type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseFiles } from "~/components/report/case-files";
import { CaseMessages } from "~/components/report/case-messages";
import { CaseFacts, CaseHistory, CaseStatus } from "~/components/report/case-summary";
import { SignInForm } from "~/components/report/sign-in-form";
import type { PageHandle } from "~/root";
import { i18nServer } from "~/i18n.server";
import { cleanImages, FileRefused, parseReportForm } from "~/reports/attachments.server";
import { addReporterFiles, addReporterMessage, reporterCase, type ReporterWriteOutcome } from "~/reports/case.server";
import { caseCommandSchema, caseIntentSchema, type CaseCommand } from "~/reports/form-schema";
import { clearReporterSessionCookie, reporterSession, reporterSessionCookie, signInWithReceipt } from "~/reports/reporter-session.server";

// Complete without JavaScript and shipping no framework (see app/root.tsx and
// docs/performance.md, "Lean pages"): every form is a full page post that the server answers
// with the page in its new state. The plain script is the report form's; nothing here needs it.
export const handle = { i18n: ["reports"], hydrate: false } satisfies PageHandle;

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

const sessionEnded = () => reply("signIn", { status: "error", error: { "": ["errors.sessionEnded"] } }, 401);

function afterWrite(outcome: ReporterWriteOutcome, form: "message" | "files", result: SubmissionResult<string[]>) {
  if (outcome === "stored") return redirect(`/report/case?sent=${form}`, 303);
  if (outcome === "tooManyFiles") return reply(form, { ...result, error: { files: ["errors.tooManyFiles"] } }, 400);
  // The typed message stays in the form (the result carries it back) for another day.
  if (outcome === "tooManyMessagesToday") return reply(form, { ...result, error: { body: ["errors.tooManyMessagesToday"] } }, 429);
  if (outcome === "tooManyFilesToday") return reply(form, { ...result, error: { files: ["errors.tooManyFilesToday"] } }, 429);
  if (outcome === "finished") return reply(form, { ...result, error: { "": ["errors.finished"] } }, 409);
  return redirect("/report/case", 303);
}

type Parsed = Awaited<ReturnType<typeof parseReportForm>>;
type Command<I extends CaseCommand["intent"]> = Extract<CaseCommand, { intent: I }>;

async function signIn(context: AppLoadContext, submission: Submission<CaseCommand>, command: Command<"signIn">) {
  const outcome = await signInWithReceipt(context.db, context.config, context.clientAddress, command.code);
  // The typed code is never sent back: it would sit in the page and the browser's history.
  if (outcome.outcome === "throttled") return reply("signIn", submission.reply({ formErrors: ["errors.signInThrottled"], hideFields: ["code"] }), 429);
  if (outcome.outcome === "wrong") return reply("signIn", submission.reply({ formErrors: ["errors.codeUnknown"], hideFields: ["code"] }), 400);
  return redirect("/report/case", { status: 303, headers: { "Set-Cookie": reporterSessionCookie(context.config, outcome.reportId) } });
}

function signOut(context: AppLoadContext) {
  return redirect("/report/case", { status: 303, headers: { "Set-Cookie": clearReporterSessionCookie(context.config) } });
}

async function sendMessage(context: AppLoadContext, reportId: string, submission: Submission<CaseCommand>, command: Command<"message">) {
  return afterWrite(await addReporterMessage(context.db, context.config, reportId, command.body), "message", submission.reply());
}

async function sendFiles(context: AppLoadContext, reportId: string, { fileProblem, files }: Parsed) {
  if (fileProblem) return reply("files", { status: "error", error: { files: [`errors.${fileProblem}`] } }, fileProblem === "fileTooLarge" ? 413 : 400);
  if (files.length === 0) return reply("files", { status: "error", error: { files: ["errors.noFiles"] } }, 400);
  try {
    const images = await cleanImages(files);
    return afterWrite(await addReporterFiles(context.db, context.config, reportId, images), "files", { status: "error" });
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    return reply("files", { status: "error", error: { files: [`errors.${error.problem}`] } }, error.status);
  }
}

/**
 * A command that did not parse. Signing in needs no session; anything else, even an unknown
 * intent, is answered "session ended" without one, before its own errors.
 */
function refused(request: Request, context: AppLoadContext, submission: Submission<CaseCommand>) {
  const intent = caseIntentSchema.safeParse(submission.payload.intent);
  if (intent.success && intent.data === "signIn") return reply("signIn", submission.reply({ hideFields: ["code"] }), 400);
  if (!reporterSession(request, context.config)) return sessionEnded();
  if (intent.success && intent.data === "message") return reply("message", submission.reply(), 400);
  return reply("signIn", { status: "error", error: { "": ["errors.unknownAction"] } }, 400);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseReportForm(request, context.config.reports);
  const submission = parseWithZod(parsed.fields, { schema: caseCommandSchema });
  if (submission.status !== "success") return refused(request, context, submission);
  const command = submission.value;
  if (command.intent === "signIn") return signIn(context, submission, command);
  if (command.intent === "signOut") return signOut(context);

  const reportId = reporterSession(request, context.config);
  if (!reportId) return sessionEnded();
  if (command.intent === "message") return sendMessage(context, reportId, submission, command);
  return sendFiles(context, reportId, parsed);
}

export default function CasePage() {
  const { report, sent, maxFiles, maxMegabytes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const reply = useActionData<typeof action>();
  if (!report) return <SignInForm result={reply?.form === "signIn" ? reply.result : undefined} />;
  return (
    <div className="container narrow">
      <h1>{t("case.title")}</h1>
      <Form method="post" action="/report/case" reloadDocument className="case-sign-out">
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
      <CaseStatus report={report} />
      {report.finished ? (
        <p>{t("case.finished")}</p>
      ) : (
        <>
          <CaseHistory events={report.events} />
          <CaseFacts report={report} />
          <CaseMessages report={report} result={reply?.form === "message" ? reply.result : undefined} />
          <CaseFiles report={report} maxFiles={maxFiles} maxMegabytes={maxMegabytes} result={reply?.form === "files" ? reply.result : undefined} />
        </>
      )}
    </div>
  );
}
