import { parseWithZod } from "~/utils/form-rows";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { pairDevice } from "~/kiosk/kiosks.server";
import { normalisePairingCode, pairSchema, PAIRING_CODE_LENGTH } from "~/kiosk/schema";

export const handle = { i18n: ["kiosk"], bare: true };

export const links: LinksFunction = () => [{ rel: "manifest", href: "/kiosk.webmanifest" }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "kiosk");
  // The QR code on the staff page carries the code: the form is filled in, the device still has to send it.
  const code = normalisePairingCode(new URL(request.url).searchParams.get("code") ?? "").slice(0, PAIRING_CODE_LENGTH);
  return { code, title: `${t("pair.title")} · Pintu Depan` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: pairSchema });
  if (submission.status !== "success") return data({ paired: null, error: "errors.code" }, { status: 400 });
  const outcome = await pairDevice(context.db, context.config, { code: submission.value.code, clientAddress: context.clientAddress });
  if (!outcome.ok) return data({ paired: null, error: outcome.error }, { status: outcome.status });
  return data({ paired: { unitName: outcome.unitName }, error: null }, { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function PairKiosk() {
  const { code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("kiosk");
  if (result?.paired) {
    return (
      <div className="kiosk-screen">
        <h1>{t("pair.doneTitle")}</h1>
        <p className="kiosk-lead">{t("pair.doneBody", { unit: result.paired.unitName })}</p>
        <p>
          <a className="button button-primary kiosk-choice" href="/kiosk">
            {t("pair.start")}
          </a>
        </p>
      </div>
    );
  }
  const errors = result?.error ? [t(result.error)] : undefined;
  return (
    <div className="kiosk-screen kiosk-pair">
      <h1>{t("pair.title")}</h1>
      <p>{t("pair.intro")}</p>
      <ErrorSummary title={t("pair.title")} fieldErrors={errors ? [["code", errors]] : []} labelOf={() => t("pair.code")} fieldId={() => "pair-code"} />
      <Form method="post" reloadDocument>
        <TextField
          id="pair-code"
          name="code"
          label={t("pair.code")}
          hint={t("pair.codeHint")}
          errors={errors}
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("pair.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
