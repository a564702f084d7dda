import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmEnrolment, pendingTotpSecret } from "~/auth/accounts.server";
import { recordOwnEvent } from "~/auth/audit-events.server";
import { codeSchema } from "~/auth/forms";
import { clearPendingLogin, readPendingLogin } from "~/auth/login.server";
import { startSession } from "~/auth/session.server";
import { enrolmentQr } from "~/auth/totp.server";
import { ConformTextField, useZodForm } from "~/components/conform-fields";
import { FormMessage, SubmitRow } from "~/components/forms";
import { RecoveryCodes } from "~/components/recovery-codes";
import { i18nServer } from "~/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await readPendingLogin(context.config, request);
  if (!pending || pending.stage !== "enrol") throw redirect("/staff/login");
  const t = await i18nServer.getFixedT(request, "staff");
  const secret = await pendingTotpSecret(context.db, context.config, pending.staffId);
  // Already enrolled: this is the page rendered right after the confirming post.
  if (!secret) return { qrSvg: null, secretGroups: "", redirectTo: safeRedirectPath(pending.redirectTo, "/staff"), title: `${t("enrol.title")} · Pintu Depan` };
  const { svg } = await enrolmentQr(secret.secret, secret.email);
  return {
    qrSvg: svg,
    // Grouped in fours so it can be typed into an app that cannot scan.
    secretGroups: secret.secret.match(/.{1,4}/g)?.join(" ") ?? secret.secret,
    redirectTo: safeRedirectPath(pending.redirectTo, "/staff"),
    title: `${t("enrol.title")} · Pintu Depan`,
  };
}

// After the confirming post the pending-login cookie is gone; reloading this route's data
// would send the browser to the sign-in page before the recovery codes are read.
export const shouldRevalidate = () => false;

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await readPendingLogin(context.config, request);
  if (!pending || pending.stage !== "enrol") throw redirect("/staff/login", 303);
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["code"] }), codes: null }, { status: 400 });

  const outcome = await context.db.transaction(async (tx) => {
    const codes = await confirmEnrolment(tx, context.config, pending.staffId, submission.value.code);
    if (!codes) return null;
    await recordOwnEvent(tx, pending.staffId, "auth.two_factor_enrolled");
    await recordOwnEvent(tx, pending.staffId, "auth.sign_in", { method: "enrolment" });
    return { codes, cookie: await startSession(tx, context.config, pending.staffId) };
  });
  if (!outcome) return data({ result: submission.reply({ formErrors: ["enrol.invalid"], hideFields: ["code"] }), codes: null }, { status: 400 });

  const headers = new Headers();
  headers.append("Set-Cookie", outcome.cookie);
  headers.append("Set-Cookie", await clearPendingLogin(context.config));
  headers.set("Cache-Control", "no-store");
  // The recovery codes are shown in this response only; they are stored as keyed hashes.
  return data({ result: null, codes: outcome.codes }, { headers });
}

export default function EnrolPage() {
  const { qrSvg, secretGroups, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useZodForm(codeSchema, { lastResult: actionData?.result, validate: "onSubmit" });

  if (actionData?.codes || !qrSvg) {
    return (
      <div className="narrow">
        <h1>{t("enrol.doneTitle")}</h1>
        {actionData?.codes ? <RecoveryCodes codes={actionData.codes} /> : null}
        <p>
          <Link to={redirectTo} className="button button-primary">
            {t("enrol.continue")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t("enrol.title")}</h1>
      <p>{t("enrol.intro")}</p>
      <ol>
        <li>{t("enrol.stepInstall")}</li>
        <li>{t("enrol.stepScan")}</li>
        <li>{t("enrol.stepConfirm")}</li>
      </ol>
      {/* The SVG comes from the qrcode library on the server, never from user input. */}
      <div className="qr" role="img" aria-label={t("enrol.qrLabel")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        {t("enrol.manual")} <code>{secretGroups}</code>
      </p>
      <FormMessage errors={form.errors?.map((e) => t(e))} />
      <Form method="post" {...getFormProps(form)}>
        <ConformTextField
          field={fields.code}
          type="text"
          label={t("enrol.code")}
          translateError={t}
          conformAria
          autoComplete="one-time-code"
          inputMode="numeric"
        />
        <SubmitRow label={t("enrol.submit")} primary />
      </Form>
    </div>
  );
}
