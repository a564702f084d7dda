import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { recordOwnEvent } from "~/auth/audit-events.server";
import { codeSchema } from "~/auth/forms";
import { clearPendingLogin, readPendingLogin, secondFactorStep } from "~/auth/login.server";
import { startSession } from "~/auth/session.server";
import { ConformTextField, useZodForm } from "~/components/conform-fields";
import { FormMessage, SubmitRow } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await readPendingLogin(context.config, request);
  if (!pending || pending.stage !== "verify") throw redirect("/staff/login");
  const t = await i18nServer.getFixedT(request, "staff");
  return { title: `${t("verify.title")} · Pintu Depan` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await readPendingLogin(context.config, request);
  if (!pending || pending.stage !== "verify") throw redirect("/staff/login", 303);
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["code"] }), { status: 400 });

  const result = await secondFactorStep(context.db, context.config, {
    staffId: pending.staffId,
    code: submission.value.code,
    clientAddress: context.clientAddress,
  });
  if (result.outcome === "throttled") return data(submission.reply({ formErrors: ["verify.throttled"], hideFields: ["code"] }), { status: 429 });
  if (result.outcome === "invalid") return data(submission.reply({ formErrors: ["verify.invalid"], hideFields: ["code"] }), { status: 400 });

  const sessionCookie = await context.db.transaction(async (tx) => {
    await recordOwnEvent(tx, pending.staffId, "auth.sign_in", { method: result.usedRecoveryCode ? "recovery_code" : "totp" });
    return startSession(tx, context.config, pending.staffId);
  });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie);
  headers.append("Set-Cookie", await clearPendingLogin(context.config));
  return redirect(safeRedirectPath(pending.redirectTo, "/staff"), { status: 303, headers });
}

export default function VerifyPage() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useZodForm(codeSchema, { lastResult, validate: "onSubmit" });
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      <FormMessage errors={form.errors?.map((e) => t(e))} />
      <Form method="post" {...getFormProps(form)}>
        <ConformTextField
          field={fields.code}
          type="text"
          label={t("verify.code")}
          hint={t("verify.hint")}
          translateError={t}
          conformAria
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
        />
        <SubmitRow label={t("verify.submit")} primary />
      </Form>
      <p>
        <Link to="/staff/login">{t("verify.restart")}</Link>
      </p>
    </div>
  );
}
