import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { KioskDone, KioskFlow, KioskRefused } from "~/components/kiosk/kiosk-screens";
import { i18nServer } from "~/i18n.server";
import { currentKiosk } from "~/kiosk/kiosks.server";
import { kioskRatingSchema } from "~/kiosk/schema";
import { answersFrom, kioskSteps, nextStep, ratingOf } from "~/kiosk/steps";
import { submitKioskRating } from "~/kiosk/submit.server";
import { findUnitByAddress } from "~/org/queries.server";
import { randomToken } from "~/security/crypto.server";
import QRCode from "qrcode";

export const handle = { i18n: ["kiosk", "skm"], bare: true };

export const links: LinksFunction = () => [
  { rel: "manifest", href: "/kiosk.webmanifest" },
  { rel: "apple-touch-icon", href: "/kiosk-icon-192.png" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// Every visitor's screen is made fresh: never from a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

/** The back-door report's address and its QR code, for a visitor to open on their own phone. */
async function reportOffer(publicUrl: string) {
  const url = `${publicUrl}/report`;
  return { url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" }) };
}

async function deviceAndServices(request: Request, context: LoaderFunctionArgs["context"]) {
  const kiosk = await currentKiosk(context.db, context.config, request);
  if (!kiosk) return null;
  const unit = await findUnitByAddress(context.db, kiosk.unit.regionSlug, kiosk.unit.slug, { services: true });
  if (!unit) return null;
  return { kiosk, services: unit.services };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "kiosk");
  const found = await deviceAndServices(request, context);
  if (!found) return data({ refused: true as const, title: `${t("refused.title")} · Pintu Depan` }, { status: 403 });
  const { kiosk, services } = found;
  return {
    refused: false as const,
    unitName: kiosk.unit.name,
    services,
    askProfile: kiosk.askProfile,
    token: randomToken(),
    done: new URL(request.url).searchParams.has("done"),
    coerced: new URL(request.url).searchParams.get("done") === "report",
    report: await reportOffer(context.config.publicUrl),
    title: `${t("screen.title", { unit: kiosk.unit.name })} · Pintu Depan`,
  };
}

/**
 * Without JavaScript: one question per page. Each tap posts the answers so far (hidden
 * fields) and the new one; the last one stores the rating and shows "selesai".
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const found = await deviceAndServices(request, context);
  if (!found) return data({ outcome: "refused" as const }, { status: 403 });
  const { kiosk, services } = found;
  const formData = await request.formData();
  const steps = kioskSteps(kiosk.askProfile);
  const answers = answersFrom(steps, (name) => formData.get(name));
  const token = String(formData.get("token") ?? "");
  if (nextStep(steps, answers) !== null) return { outcome: "next" as const, answers, token };

  const parsed = kioskRatingSchema(services.map((s) => s.id)).safeParse(ratingOf(token, answers));
  if (!parsed.success) return data({ outcome: "invalid" as const }, { status: 400 });
  const outcome = await submitKioskRating(context.db, context.config, { kiosk, values: parsed.data });
  if (outcome.kind === "paced") {
    return data({ outcome: "paced" as const, answers, token }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
  }
  // After a "yes" to the coercion question the selesai screen offers the back-door report.
  return redirect(parsed.data.coercion === "yes" ? "/kiosk?done=report" : "/kiosk?done", 303);
}

export default function KioskScreen() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (loaded.refused || actionData?.outcome === "refused") return <KioskRefused />;
  if (loaded.done && !actionData) return <KioskDone report={loaded.coerced ? loaded.report : null} />;
  return (
    <KioskFlow
      unitName={loaded.unitName}
      services={loaded.services}
      steps={kioskSteps(loaded.askProfile)}
      initialAnswers={actionData && "answers" in actionData ? actionData.answers : {}}
      initialToken={actionData && "token" in actionData && actionData.token ? actionData.token : loaded.token}
      report={loaded.report}
      paced={actionData?.outcome === "paced"}
      invalid={actionData?.outcome === "invalid"}
    />
  );
}
