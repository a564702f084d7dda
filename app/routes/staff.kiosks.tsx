import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { forbidden, requireReach } from "~/auth/guard.server";
import { ErrorSummary, FormMessage, SelectField, StatusMessage, TextField } from "~/components/forms";
import { KioskTable, PairingPanel } from "~/components/kiosk/staff-kiosks";
import { i18nServer } from "~/i18n.server";
import { kioskUnits, listKiosks, PAIRING_MINUTES, runKioskCommand } from "~/kiosk/kiosks.server";
import { formatPairingCode, kioskCommandSchema, KIOSK_NAME_MAX } from "~/kiosk/schema";
import { failure, invalid, type FormFailure } from "~/utils/form-result.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["kiosk"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reach } = await requireReach(request, context, "kiosk.manage");
  const [unitRows, kioskRows] = await Promise.all([kioskUnits(context.db, reach), listKiosks(context.db, reach)]);
  const t = await i18nServer.getFixedT(request, "kiosk");
  const done = new URL(request.url).searchParams.get("done");
  return {
    units: unitRows.map((u) => ({ id: u.id, name: u.name })),
    kiosks: kioskRows,
    done: done === "revoked" || done === "settings" ? done : null,
    title: `${t("manage.title")} · Pintu Depan`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { signedIn } = await requireReach(request, context, "kiosk.manage");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: kioskCommandSchema });
  if (submission.status !== "success") {
    if (!["enrol", "code", "revoke", "settings"].includes(intent)) {
      return failure({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] } });
    }
    return invalid(intent, formData, submission);
  }
  const command = submission.value;
  const outcome = await runKioskCommand(context.db, context.config, signedIn, command);
  if (!outcome.ok) {
    if (outcome.status === 403) throw forbidden();
    if (outcome.status === 404 && command.intent !== "enrol") throw notFound();
    return failure({ intent: command.intent, id: "kioskId" in command ? command.kioskId : null, errors: { "": [outcome.error] } }, outcome.status);
  }
  if (outcome.pairing) {
    // The code is shown on this answer only (never in a URL, never stored in clear).
    const url = `${context.config.publicUrl}/kiosk/pair?code=${outcome.pairing.code}`;
    const qrSvg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    return {
      pairing: {
        kioskName: outcome.pairing.kioskName,
        code: formatPairingCode(outcome.pairing.code),
        pairUrl: `${context.config.publicUrl}/kiosk/pair`,
        qrSvg,
        minutes: PAIRING_MINUTES,
      },
    };
  }
  return redirect(`/staff/kiosks?done=${command.intent === "revoke" ? "revoked" : "settings"}`, 303);
}

export default function StaffKiosks() {
  const { units, kiosks, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("kiosk");
  const failed = actionData && "errors" in actionData ? (actionData as FormFailure) : undefined;
  const pairing = actionData && "pairing" in actionData ? actionData.pairing : undefined;
  const enrolFailed = failed?.intent === "enrol" ? failed : undefined;
  const otherFailed = failed && failed.intent !== "enrol" ? failed : undefined;
  const fieldError = (name: string) => enrolFailed?.errors[name]?.map((e) => t(e, { max: KIOSK_NAME_MAX }));

  return (
    <>
      <h1>{t("manage.title")}</h1>
      <p>{t("manage.intro")}</p>
      {done ? <StatusMessage>{t(done === "revoked" ? "manage.doneRevoked" : "manage.doneSettings")}</StatusMessage> : null}
      <FormMessage errors={otherFailed ? Object.values(otherFailed.errors).flat().map((e) => t(e)) : undefined} />
      {pairing ? <PairingPanel pairing={pairing} /> : null}

      <section aria-labelledby="enrol-heading">
        <h2 id="enrol-heading">{t("enrol.heading")}</h2>
        <ErrorSummary
          title={t("enrol.heading")}
          formErrors={enrolFailed?.errors[""]?.map((e) => t(e))}
          fieldErrors={Object.entries(enrolFailed?.errors ?? {}).filter(([name]) => name !== "")}
          translate={(key) => t(key)}
          labelOf={(name) => t(name === "unitId" ? "enrol.unit" : "enrol.name")}
          fieldId={(name) => (name === "unitId" ? "kiosk-unit" : "kiosk-name")}
        />
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="enrol" />
          <SelectField
            id="kiosk-unit"
            name="unitId"
            label={t("enrol.unit")}
            errors={fieldError("unitId")}
            defaultValue={enrolFailed?.values.unitId ?? (units.length === 1 ? String(units[0]!.id) : "")}
            options={[{ value: "", label: t("enrol.chooseUnit") }, ...units.map((u) => ({ value: String(u.id), label: u.name }))]}
          />
          <TextField
            id="kiosk-name"
            name="name"
            label={t("enrol.name")}
            hint={t("enrol.nameHint")}
            errors={fieldError("name")}
            maxLength={KIOSK_NAME_MAX}
            defaultValue={enrolFailed?.values.name ?? ""}
            autoComplete="off"
          />
          <label className="checkbox">
            <input type="checkbox" name="askProfile" defaultChecked={enrolFailed?.values.askProfile === "on"} /> {t("enrol.askProfile")}
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("enrol.submit")}
            </button>
          </div>
        </Form>
      </section>

      <KioskTable kiosks={kiosks} />
    </>
  );
}
