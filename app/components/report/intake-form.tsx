/**
 * The moderators' intake form (a report received by phone, WhatsApp, letter, the complaint
 * box or in person) and the receipt shown once after it: the public form's fields, the
 * channel, and no field for who reported.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField } from "~/components/forms";
import { INTAKE_CHANNELS } from "~/reports/form-schema";
import type { RegionOption } from "~/reports/report-options";
import { PrintButton, type Translate } from "./report-fields";
import { fieldsOf, REPORT_LABELS, ReportFields, type FormReply } from "./report-form";

type IntakeFormProps = {
  regions: RegionOption[];
  years: number[];
  token: string;
  maxFiles: number;
  maxMegabytes: number;
  reply: FormReply | undefined;
};

export function IntakeForm({ regions, years, token, maxFiles, maxMegabytes, reply }: IntakeFormProps) {
  const { t } = useTranslation("casework");
  const { t: tr } = useTranslation("reports");
  const [form, fields] = useForm({ lastResult: reply?.result, shouldValidate: "onSubmit" });
  const state = fieldsOf(fields);
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.id) as Array<[string, string[]]>;
  const translate: Translate = (key, options) => tr(key, options);
  const labelOf = (name: string) => (name === "channel" ? t("intake.channel") : tr(REPORT_LABELS[name] ?? "form.submit"));
  return (
    <>
      <nav className="breadcrumb" aria-label={t("case.breadcrumb")}>
        <ol>
          <li>
            <Link to="/staff/reports">{t("queue.title")}</Link>
          </li>
          <li aria-current="page">{t("intake.title")}</li>
        </ol>
      </nav>
      <h1>{t("intake.title")}</h1>
      <ErrorSummary title={tr("form.errorSummary")} formErrors={form.errors ?? []} fieldErrors={fieldErrors} labelOf={labelOf} translate={translate} formErrorsAsTitle />
      {reply?.filesDropped ? (
        <p className="form-message" role="status">
          {tr("form.filesAgain")}
        </p>
      ) : null}
      <p>{t("intake.intro")}</p>
      <p className="form-message">{t("intake.noIdentity")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="token" value={state.value("token") || token} />
        <SelectField
          id="channel"
          name="channel"
          label={t("intake.channel")}
          hint={t("intake.channelHint")}
          errors={state.errors("channel")?.map((e) => tr(e))}
          errorsAs="line"
          defaultValue={state.value("channel")}
          options={[{ value: "", label: tr("form.choose") }, ...INTAKE_CHANNELS.map((c) => ({ value: c, label: tr(`channels.${c}`) }))]}
        />
        <ReportFields regions={regions} preselected="" years={years} maxFiles={maxFiles} maxMegabytes={maxMegabytes} fields={state} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("intake.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

/**
 * The receipt code of a recorded report, shown this once: the moderator reads it back or
 * writes it on the slip, which is all that prints. The case number is for staff and is not
 * on the slip.
 */
export function IntakeReceipt({ receipt, reference, reportId, caseUrl }: { receipt: string; reference: string; reportId: string; caseUrl: string }) {
  const { t } = useTranslation("casework");
  return (
    <div className="intake-receipt">
      <h1 className="no-print">{t("intake.receiptTitle")}</h1>
      <p className="no-print">{t("intake.receiptIntro")}</p>
      <section className="panel receipt-slip" aria-labelledby="slip-heading">
        <h2 id="slip-heading">{t("intake.slipTitle")}</h2>
        <p className="receipt-code">
          {receipt}
        </p>
        <p>{t("intake.slipFollow", { url: caseUrl })}</p>
        <ul>
          <li>{t("intake.slipKeep")}</li>
          <li>{t("intake.slipNobody")}</li>
        </ul>
      </section>
      <div className="cta-row no-print">
        <PrintButton label={t("intake.print")} />
        <Link className="button" to={`/staff/reports/${reportId}`}>
          {t("intake.openCase", { reference })}
        </Link>
        <Link className="button" to="/staff/reports/new">
          {t("intake.another")}
        </Link>
      </div>
      <p className="hint no-print">{t("intake.printHint")}</p>
    </div>
  );
}
