import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completeSetup, findSetupToken, isEnrolled } from "~/auth/accounts.server";
import { recordOwnEvent } from "~/auth/audit-events.server";
import { newPasswordSchema } from "~/auth/forms";
import { writePendingLogin } from "~/auth/login.server";
import { hashPassword, passwordProblem } from "~/auth/password.server";
import { useZodForm } from "~/components/conform-fields";
import { FormMessage, SubmitRow } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { i18nServer } from "~/i18n.server";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** The one-time link from an invitation, a password reset or `npm run staff:create-admin`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const account = await findSetupToken(context.db, context.config, token);
  const t = await i18nServer.getFixedT(request, "staff");
  const title = `${t("setup.title")} · Pintu Depan`;
  if (!account) return data({ valid: false as const, email: null, token: "", title }, { status: 410, headers: { "Cache-Control": "no-store" } });
  return data({ valid: true as const, email: account.email, token, title }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = String(formData.get("token") ?? "");
  const account = await findSetupToken(context.db, context.config, token);
  if (!account) return data({ result: null, expired: true }, { status: 410 });

  const submission = await parseWithZod(formData, {
    schema: newPasswordSchema.superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, account.email);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: `errors.password.${problem}` });
    }),
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }), expired: false }, { status: 400 });
  }
  const passwordHash = await hashPassword(submission.value.password);
  const staffId = await context.db.transaction(async (tx) => {
    const id = await completeSetup(tx, context.config, token, passwordHash);
    if (id !== null) await recordOwnEvent(tx, id, "auth.password_set");
    return id;
  });
  if (staffId === null) return data({ result: null, expired: true }, { status: 410 });
  const stage = (await isEnrolled(context.db, staffId)) ? "verify" : "enrol";
  return redirect(stage === "verify" ? "/staff/login/verify" : "/staff/two-factor", {
    status: 303,
    headers: { "Set-Cookie": await writePendingLogin(context.config, { staffId, stage, redirectTo: "/staff" }) },
  });
}

export default function SetupPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useZodForm(newPasswordSchema, { lastResult: actionData?.result, validate: "onSubmit" });
  if (!loaded.valid || actionData?.expired) {
    return (
      <div className="narrow">
        <h1>{t("setup.expiredTitle")}</h1>
        <p>{t("setup.expired")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro", { email: loaded.email })}</p>
      <FormMessage errors={form.errors?.map((e) => t(e))} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={loaded.token} />
        <input type="text" name="username" value={loaded.email} autoComplete="username" readOnly hidden />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <SubmitRow label={t("setup.submit")} primary />
      </Form>
    </div>
  );
}
