import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { changePassword, checkOwnPassword, replaceRecoveryCodes, unusedRecoveryCodeCount } from "~/auth/accounts.server";
import { ALERT_DELIVERIES } from "~/alerts/options";
import { alertDeliveryOf, setAlertDelivery } from "~/alerts/outbox.server";
import { recordOwnEvent } from "~/auth/audit-events.server";
import { changePasswordSchema, PASSWORD_INPUT_MAX } from "~/auth/forms";
import { requireStaff } from "~/auth/guard.server";
import { hashPassword, passwordProblem } from "~/auth/password.server";
import { endAllSessions, sessionCookie } from "~/auth/session.server";
import { ConformTextField } from "~/components/conform-fields";
import { ChoiceFrame, FormMessage, SubmitRow } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { RecoveryCodes } from "~/components/recovery-codes";
import { i18nServer } from "~/i18n.server";

export const handle = { i18n: ["staff", "alerts"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const alertsSchema = z.object({
  intent: z.literal("alerts"),
  delivery: z.enum(ALERT_DELIVERIES, { errorMap: () => ({ message: "errors.deliveryRequired" }) }),
});

const recoverySchema = z.object({
  intent: z.literal("recovery-codes"),
  current: z.string({ required_error: "errors.passwordRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordRequired"),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const t = await i18nServer.getFixedT(request, "staff");
  return {
    email: signedIn.email,
    displayName: signedIn.displayName,
    unusedCodes: await unusedRecoveryCodeCount(context.db, signedIn.id),
    alertDelivery: await alertDeliveryOf(context.db, signedIn.id),
    title: `${t("account.title")} · Pintu Depan`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "sign-out-everywhere") {
    await context.db.transaction(async (tx) => {
      await endAllSessions(tx, signedIn.id);
      await recordOwnEvent(tx, signedIn.id, "auth.sign_out_everywhere");
    });
    return redirect("/staff/login", {
      status: 303,
      headers: { "Set-Cookie": await sessionCookie(context.config).serialize("", { maxAge: 0 }) },
    });
  }

  if (intent === "password") {
    const submission = await parseWithZod(formData, {
      schema: changePasswordSchema.superRefine((v, ctx) => {
        const problem = passwordProblem(v.password, signedIn.email);
        if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: `errors.password.${problem}` });
      }),
    });
    if (submission.status !== "success") {
      return data({ form: "password" as const, result: submission.reply({ hideFields: ["current", "password", "confirm"] }), codes: null }, { status: 400 });
    }
    if (!(await checkOwnPassword(context.db, signedIn.id, submission.value.current))) {
      return data(
        {
          form: "password" as const,
          result: submission.reply({ fieldErrors: { current: ["errors.currentWrong"] }, hideFields: ["current", "password", "confirm"] }),
          codes: null,
        },
        { status: 400 },
      );
    }
    const passwordHash = await hashPassword(submission.value.password);
    await context.db.transaction(async (tx) => {
      await changePassword(tx, signedIn.id, passwordHash, signedIn.sessionIdHash);
      await recordOwnEvent(tx, signedIn.id, "auth.password_changed");
    });
    return redirect("/staff/account?saved=password", 303);
  }

  if (intent === "alerts") {
    const submission = parseWithZod(formData, { schema: alertsSchema });
    if (submission.status !== "success") return data({ form: "alerts" as const, result: submission.reply(), codes: null }, { status: 400 });
    const { delivery } = submission.value;
    await context.db.transaction(async (tx) => {
      if (await setAlertDelivery(tx, signedIn.id, delivery)) await recordOwnEvent(tx, signedIn.id, "staff.alert_delivery_changed", { delivery });
    });
    return redirect("/staff/account?saved=alerts", 303);
  }

  if (intent === "recovery-codes") {
    const submission = parseWithZod(formData, { schema: recoverySchema });
    if (submission.status !== "success" || !(await checkOwnPassword(context.db, signedIn.id, submission.value.current))) {
      const result =
        submission.status === "success"
          ? submission.reply({ fieldErrors: { current: ["errors.currentWrong"] }, hideFields: ["current"] })
          : submission.reply({ hideFields: ["current"] });
      return data({ form: "recovery" as const, result, codes: null }, { status: 400 });
    }
    const codes = await context.db.transaction(async (tx) => {
      const fresh = await replaceRecoveryCodes(tx, context.config, signedIn.id);
      await recordOwnEvent(tx, signedIn.id, "auth.recovery_codes_replaced");
      return fresh;
    });
    return data({ form: "recovery" as const, result: null, codes }, { headers: { "Cache-Control": "no-store" } });
  }

  return data({ form: null, result: null, codes: null, unknownIntent: true }, { status: 400 });
}

export default function AccountPage() {
  const { email, displayName, unusedCodes, alertDelivery } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff");
  const [passwordForm, passwordFields] = useForm<z.input<typeof changePasswordSchema>>({
    id: "password-form",
    lastResult: actionData?.form === "password" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const [alertsForm, alertsFields] = useForm<z.input<typeof alertsSchema>>({
    id: "alerts-form",
    lastResult: actionData?.form === "alerts" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const [recoveryForm, recoveryFields] = useForm<z.input<typeof recoverySchema>>({
    id: "recovery-form",
    lastResult: actionData?.form === "recovery" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <p>
        {displayName} · {email}
      </p>
      {searchParams.get("saved") === "password" ? <FormMessage tone="info" errors={[t("account.passwordChanged")]} /> : null}

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.passwordHeading")}</h2>
        <FormMessage errors={passwordForm.errors?.map((e) => t(e))} />
        <Form method="post" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
          <ConformTextField
            field={passwordFields.current}
            type="password"
            label={t("account.current")}
            translateError={t}
            conformAria
            autoComplete="current-password"
          />
          <NewPasswordFields password={passwordFields.password} confirm={passwordFields.confirm} />
          <SubmitRow label={t("account.changePassword")} />
        </Form>
      </section>

      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{t("alerts:preference.heading")}</h2>
        <p>{t("alerts:preference.intro")}</p>
        {searchParams.get("saved") === "alerts" ? <FormMessage tone="info" errors={[t("alerts:preference.saved")]} /> : null}
        <Form method="post" {...getFormProps(alertsForm)}>
          <input type="hidden" name="intent" value="alerts" />
          <ChoiceFrame id={alertsFields.delivery.id} legend={t("alerts:preference.legend")} errors={alertsFields.delivery.errors?.map((e) => t(`alerts:${e}`))}>
            {ALERT_DELIVERIES.map((value) => (
              <div key={value} className="choice">
                <input type="radio" id={`delivery-${value}`} name={alertsFields.delivery.name} value={value} defaultChecked={alertDelivery === value} />
                <label htmlFor={`delivery-${value}`}>{t(`alerts:preference.${value}`)}</label>
              </div>
            ))}
          </ChoiceFrame>
          <SubmitRow label={t("alerts:preference.save")} />
        </Form>
      </section>

      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">{t("account.codesHeading")}</h2>
        <p>{t("account.codesLeft", { count: unusedCodes })}</p>
        {actionData?.codes ? <RecoveryCodes codes={actionData.codes} /> : null}
        <Form method="post" {...getFormProps(recoveryForm)}>
          <input type="hidden" name="intent" value="recovery-codes" />
          <ConformTextField
            field={recoveryFields.current}
            type="password"
            label={t("account.current")}
            translateError={t}
            conformAria
            autoComplete="current-password"
          />
          <SubmitRow label={t("account.newCodes")} />
        </Form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("account.sessionsHeading")}</h2>
        <p>{t("account.sessionsExplain")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button button-secondary">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
