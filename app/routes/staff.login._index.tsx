import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformTextField, useZodForm } from "~/components/conform-fields";
import { FormMessage, SubmitRow } from "~/components/forms";
import { loginSchema } from "~/auth/forms";
import { passwordStep, writePendingLogin } from "~/auth/login.server";
import { currentStaff } from "~/auth/session.server";
import { i18nServer } from "~/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/staff");
  if (await currentStaff(context.db, context.config, request)) throw redirect(redirectTo);
  const t = await i18nServer.getFixedT(request, "staff");
  return { redirectTo, title: `${t("login.title")} · Pintu Depan` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password } = submission.value;
  const result = await passwordStep(context.db, context.config, { email, password, clientAddress: context.clientAddress });
  if (result.outcome === "throttled") {
    return data(submission.reply({ formErrors: ["login.throttled"], hideFields: ["password"] }), { status: 429 });
  }
  if (result.outcome === "invalid") {
    return data(submission.reply({ formErrors: ["login.invalid"], hideFields: ["password"] }), { status: 400 });
  }
  const redirectTo = safeRedirectPath(submission.value.redirectTo, "/staff");
  const next = result.stage === "verify" ? "/staff/login/verify" : "/staff/two-factor";
  return redirect(next, {
    status: 303,
    headers: { "Set-Cookie": await writePendingLogin(context.config, { staffId: result.staffId, stage: result.stage, redirectTo }) },
  });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useZodForm(loginSchema, { lastResult, validate: "onSubmit" });
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      <FormMessage errors={form.errors?.map((e) => t(e))} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <ConformTextField field={fields.email} type="email" label={t("login.email")} translateError={t} conformAria autoComplete="username" />
        <ConformTextField field={fields.password} type="password" label={t("login.password")} translateError={t} conformAria autoComplete="current-password" />
        <SubmitRow label={t("login.submit")} primary />
      </Form>
      <p className="hint">{t("login.help")}</p>
    </div>
  );
}
