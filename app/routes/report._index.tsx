import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Receipt } from "~/components/report/receipt";
import { ReportForm, type FormReply } from "~/components/report/report-form";
import { REPORT_SCRIPT } from "~/components/report/report-fields";
import type { PageHandle } from "~/root";
import { i18nServer } from "~/i18n.server";
import { readReportForm } from "~/reports/attachments.server";
import { reportUnitOptions } from "~/reports/case.server";
import { reportSchema } from "~/reports/form-schema";
import { formatReceipt, newReceiptCode, newReference } from "~/reports/receipt.server";
import { latestToday, preselectedUnit, yearChoices } from "~/reports/report-options";
import { submitReport } from "~/reports/submit.server";
import { randomToken } from "~/security/crypto.server";
import { checkChallenge, issueChallenge } from "~/security/challenge.server";

// Complete without JavaScript and shipping no framework (see app/root.tsx and
// docs/performance.md, "Lean pages"): one small plain script narrows the service list to the
// chosen unit and shows the receipt's print button.
export const handle = { i18n: ["reports"], hydrate: false, scripts: [REPORT_SCRIPT] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// Each view gets its own token, and the receipt page must never be kept by a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "reports");
  const { regions } = await reportUnitOptions(context.db);
  return {
    regions,
    preselected: preselectedUnit(regions, new URL(request.url).searchParams.get("unit")),
    years: yearChoices(Number(latestToday().slice(0, 4))),
    token: context.formTokenPlaceholder ?? randomToken(),
    hcaptcha: context.config.captcha !== null,
    maxFiles: context.config.reports.maxFiles,
    maxMegabytes: Math.floor(context.config.reports.maxFileBytes / (1024 * 1024)),
    title: `${t("form.title")} · Pintu Depan`,
  };
}

type ReceiptReply = { kind: "receipt"; receipt: string; reference: string };

function formReply(result: SubmissionResult<string[]>, status: number, filesDropped: boolean, asked?: Pick<FormReply, "challenge" | "token">) {
  return data<FormReply | ReceiptReply>({ kind: "form", result, filesDropped, ...asked }, { status, headers: { "Cache-Control": "no-store" } });
}

function receiptReply(receipt: string, reference: string) {
  return data<FormReply | ReceiptReply>({ kind: "receipt", receipt: formatReceipt(receipt), reference }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, config } = context;
  const schemaFor = async () => reportSchema((await reportUnitOptions(db)).choices, latestToday());
  // Bots fill every field; people never see "website". Answer as if all went well, store nothing.
  const read = await readReportForm(request, config.reports, schemaFor, { decoy: "website" });
  if (read.outcome === "decoy") return receiptReply(newReceiptCode(), newReference());
  if (read.outcome === "refused") return formReply(read.result, read.status, read.filesDropped);
  const { fields, files, submission, images } = read;

  const now = new Date();
  const { token } = submission.value;
  const proof = await checkChallenge(config, token, fields, now);
  const withChallenge = (errorKey: string, status: number) =>
    formReply(submission.reply({ formErrors: [errorKey] }), status, files.length > 0, { challenge: issueChallenge(config, token, now), token });
  if (proof === "failed") return withChallenge("errors.captcha", 400);
  if (proof === "unavailable") return withChallenge("errors.captchaUnavailable", 503);

  const outcome = await submitReport(db, config, {
    origin: { channel: "web", clientAddress: context.clientAddress },
    values: submission.value,
    images,
    challengePassed: proof === "passed",
  });
  // Nothing was stored: the form comes back with what was typed and the challenge to pass.
  if (outcome.outcome === "challenge") return withChallenge("errors.challengeRequired", 200);
  if (outcome.outcome === "duplicate") return formReply(submission.reply({ formErrors: ["errors.duplicate"] }), 409, false);
  if (outcome.outcome === "throttled") return formReply(submission.reply({ formErrors: ["errors.throttled"] }), 429, files.length > 0);
  return receiptReply(outcome.receipt, outcome.reference);
}

export default function ReportPage() {
  const reply = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  if (reply?.kind === "receipt") return <Receipt receipt={reply.receipt} />;
  return <ReportForm {...loaded} reply={reply?.kind === "form" ? reply : undefined} />;
}
