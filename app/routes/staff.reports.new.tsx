import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireReach } from "~/auth/guard.server";
import { IntakeForm, IntakeReceipt } from "~/components/report/intake-form";
import type { FormReply } from "~/components/report/report-form";
import { i18nServer } from "~/i18n.server";
import { readReportForm } from "~/reports/attachments.server";
import { intakeSchema } from "~/reports/form-schema";
import { intakeUnitOptions, recordIntake } from "~/reports/intake.server";
import { formatReceipt } from "~/reports/receipt.server";
import { latestToday, yearChoices } from "~/reports/report-options";
import { randomToken } from "~/security/crypto.server";

export const handle = { i18n: ["casework", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// The receipt is shown once and must never be kept by a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

/** Moderators record a report that came in by phone, WhatsApp, letter, the complaint box or in person. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { signedIn } = await requireReach(request, context, "report.moderate");
  const t = await i18nServer.getFixedT(request, "casework");
  const { regions } = await intakeUnitOptions(context.db, signedIn.actor);
  return {
    regions,
    years: yearChoices(Number(latestToday().slice(0, 4))),
    token: randomToken(),
    maxFiles: context.config.reports.maxFiles,
    maxMegabytes: Math.floor(context.config.reports.maxFileBytes / (1024 * 1024)),
    title: `${t("intake.title")} · Pintu Depan`,
  };
}

type ReceiptReply = { kind: "receipt"; receipt: string; reference: string; reportId: string; caseUrl: string };

function formReply(result: SubmissionResult<string[]>, status: number, filesDropped: boolean) {
  return data<FormReply | ReceiptReply>({ kind: "form", result, filesDropped }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, config } = context;
  const { signedIn } = await requireReach(request, context, "report.moderate");
  const schemaFor = async () => intakeSchema((await intakeUnitOptions(db, signedIn.actor)).choices, latestToday());
  const read = await readReportForm(request, config.reports, schemaFor);
  if (read.outcome !== "accepted") return formReply(read.result, read.status, read.filesDropped);
  const { files, submission, images } = read;

  const outcome = await recordIntake(db, config, signedIn, { values: submission.value, images });
  if (outcome.outcome === "refused") return formReply(submission.reply({ fieldErrors: { unit: ["errors.unit"] } }), 400, files.length > 0);
  if (outcome.outcome !== "stored") return formReply(submission.reply({ formErrors: ["errors.duplicate"] }), 409, false);
  return data<FormReply | ReceiptReply>(
    { kind: "receipt", receipt: formatReceipt(outcome.receipt), reference: outcome.reference, reportId: outcome.reportId, caseUrl: `${config.publicUrl}/report/case` },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function IntakePage() {
  const reply = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  if (reply?.kind === "receipt") return <IntakeReceipt {...reply} />;
  return <IntakeForm {...loaded} reply={reply?.kind === "form" ? reply : undefined} />;
}
