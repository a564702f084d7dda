import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n.server";
import { getUnit } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["org"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** An A4 poster for the counter: the QR code to this unit's rating page, in both languages. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await getUnit(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  const url = `${context.config.publicUrl}/rate/${unit.regionSlug}/${unit.slug}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  const t = await i18nServer.getFixedT(request, "org");
  return { unit: { name: unit.name, regionName: unit.regionName }, url, qrSvg, title: t("poster.metaTitle", { name: unit.name }) };
}

export default function Poster() {
  const { unit, url, qrSvg } = useLoaderData<typeof loader>();
  const { i18n } = useTranslation("org");
  // The poster always carries both languages, Bahasa Indonesia first.
  const id = i18n.getFixedT("id", "org");
  const en = i18n.getFixedT("en", "org");
  return (
    <div className="poster">
      <p className="poster-actions">
        <a href="#print-hint">{id("poster.printHint")}</a>
      </p>
      <h1>{id("poster.heading")}</h1>
      <p className="poster-unit">
        {unit.name}
        <br />
        <span className="muted">{unit.regionName}</span>
      </p>
      {/* The SVG comes from the qrcode library on the server, never from user input. */}
      <div className="poster-qr" role="img" aria-label={id("poster.qrLabel", { url })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="poster-url">{url}</p>
      <ol className="poster-steps">
        <li>{id("poster.step1")}</li>
        <li>{id("poster.step2")}</li>
        <li>{id("poster.step3")}</li>
      </ol>
      <p className="poster-note">{id("poster.note")}</p>
      <hr />
      <div lang="en">
        <p className="poster-en-heading">{en("poster.heading")}</p>
        <p>{en("poster.steps")}</p>
        <p className="poster-note">{en("poster.note")}</p>
      </div>
      <p id="print-hint" className="hint poster-actions">
        {id("poster.printExplain")} / <span lang="en">{en("poster.printExplain")}</span>
      </p>
    </div>
  );
}
