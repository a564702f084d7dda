import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { currentStaff } from "~/auth/session.server";
import { i18nServer } from "~/i18n.server";
import { findUnitByAddress } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["org"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const POSTER_KEYS = ["printHint", "heading", "step1", "step2", "step3", "steps", "note", "printExplain"] as const;
type PosterTexts = Record<(typeof POSTER_KEYS)[number] | "qrLabel", string>;

/**
 * An A4 poster for the counter: the QR code to this unit's rating page, in both languages.
 * Both languages' texts come from the server: the browser holds only the reader's language,
 * and a poster rendered from it would differ from the server's (a hydration error).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  const url = `${context.config.publicUrl}/rate/${unit.regionSlug}/${unit.slug}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  const [t, id, en] = await Promise.all([
    i18nServer.getFixedT(request, "org"),
    i18nServer.getFixedT("id", "org"),
    i18nServer.getFixedT("en", "org"),
  ]);
  const texts = (fixed: typeof id): PosterTexts => ({
    ...(Object.fromEntries(POSTER_KEYS.map((key) => [key, fixed(`poster.${key}`)])) as Record<(typeof POSTER_KEYS)[number], string>),
    qrLabel: fixed("poster.qrLabel", { url }),
  });
  // Staff print the posters: they are the ones to tell that the address is a placeholder.
  const warnStaff = !context.config.publicUrlSet && (await currentStaff(context.db, context.config, request)) !== null;
  return {
    unit: { name: unit.name, regionName: unit.regionName },
    url,
    qrSvg,
    id: texts(id),
    en: texts(en),
    publicUrlWarning: warnStaff ? t("poster.publicUrlUnset", { url: context.config.publicUrl }) : null,
    title: t("poster.metaTitle", { name: unit.name }),
  };
}

export default function Poster() {
  const { unit, url, qrSvg, id, en, publicUrlWarning } = useLoaderData<typeof loader>();
  return (
    <div className="poster">
      {publicUrlWarning ? (
        <p className="warning poster-actions" role="status">
          {publicUrlWarning}
        </p>
      ) : null}
      <p className="poster-actions">
        <a href="#print-hint">{id.printHint}</a>
      </p>
      <h1>{id.heading}</h1>
      <p className="poster-unit">
        {unit.name}
        <br />
        <span className="muted">{unit.regionName}</span>
      </p>
      {/* The SVG comes from the qrcode library on the server, never from user input. */}
      <div className="poster-qr" role="img" aria-label={id.qrLabel} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="poster-url">{url}</p>
      <ol className="poster-steps">
        <li>{id.step1}</li>
        <li>{id.step2}</li>
        <li>{id.step3}</li>
      </ol>
      <p className="poster-note">{id.note}</p>
      <hr />
      <div lang="en">
        <p className="poster-en-heading">{en.heading}</p>
        <p>{en.steps}</p>
        <p className="poster-note">{en.note}</p>
      </div>
      <p id="print-hint" className="hint poster-actions">
        {id.printExplain} / <span lang="en">{en.printExplain}</span>
      </p>
    </div>
  );
}
