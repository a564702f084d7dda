import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18nServer } from "~/i18n.server";
import { findUnitByAddress } from "~/org/queries.server";
import { ziProfileById } from "~/regulation/zi";
import { localDate } from "~/utils/calendar";
import { parseYear } from "~/zi/form-schema";
import { latestSubmission } from "~/zi/sheets.server";
import { PUBLIC_CACHE_CONTROL } from "~/utils/public-cache.server";

/**
 * GET /api/v1/units/{region}/{unit}/zi?year=YYYY: the latest submitted ZI score of that year,
 * the ZiScore inside an envelope (unit, year, version, submission date, profile). Drafts are
 * never shown: a sheet edited after its submission still answers with that submission.
 * `provisional` is true when IPAK or IPKP is the portal's internal monitoring (no official
 * survey figure entered); `sources` names where each index came from.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const [t, tApi] = await Promise.all([i18nServer.getFixedT(request, "zi"), i18nServer.getFixedT(request, "api")]);
  const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" };
  const year = parseYear(new URL(request.url).searchParams.get("year"));
  if (year === null) return Response.json({ error: "bad_year", message: t("api.year") }, { status: 400, headers });
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
  if (!unit) return Response.json({ error: "unknown_unit", message: tApi("errors.unknownUnit") }, { status: 404, headers });
  const submission = await latestSubmission(context.db, unit.id, year);
  if (!submission) return Response.json({ error: "not_submitted", message: t("api.notSubmitted") }, { status: 404, headers });
  const { profileId, ...score } = submission.score;
  return Response.json(
    {
      unit: `${unit.regionSlug}/${unit.slug}`,
      year,
      version: submission.version,
      submittedOn: localDate(unit.timeZone, submission.submittedAt),
      profile: { id: profileId, title: ziProfileById(profileId)?.title ?? null },
      sources: { ipak: score.hasil.birokrasiBersih.ipak.source, ipkp: score.hasil.pelayananPrima.ipkp.source },
      ...(score.provisional ? { provisionalNote: t("api.provisional") } : {}),
      ...score,
    },
    { headers },
  );
}
