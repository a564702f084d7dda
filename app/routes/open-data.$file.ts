import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { i18nServer } from "~/i18n.server";
import { toCsv } from "~/moderation/csv";
import { DATASETS, FORMATS, isDataset, PERIOD_KINDS, type Format } from "~/opendata/datasets";
import { buildDataset, findRegion } from "~/opendata/export.server";
import { localDate } from "~/utils/calendar";
import { PUBLIC_CACHE_CONTROL } from "~/utils/public-cache.server";

const query = z.object({
  region: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100),
  year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)),
  period: z.enum(PERIOD_KINDS).default("year"),
});

const CACHE = PUBLIC_CACHE_CONTROL;

/**
 * GET /open-data/{dataset}.{csv|json}?region=SLUG&year=YYYY&period=year|quarter|month.
 * Published aggregates only (DISCLOSURE_MIN applied); docs/open-data.md.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "opendata");
  const match = /^([a-z]+)\.(csv|json)$/.exec(params.file ?? "");
  const name = match?.[1] ?? "";
  const format = match?.[2] as Format | undefined;
  if (!match || !isDataset(name) || !format || !FORMATS.includes(format)) {
    return new Response(t("errors.unknownDataset"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE } });
  }
  const fail = (error: string, message: string) =>
    format === "json"
      ? Response.json({ error, message }, { status: 400, headers: { "Cache-Control": CACHE } })
      : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE } });

  const url = new URL(request.url);
  const parsed = query.safeParse({
    region: url.searchParams.get("region") ?? undefined,
    year: url.searchParams.get("year") ?? undefined,
    period: url.searchParams.get("period") || undefined,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "region");
    return fail(`bad_${field}`, t(`errors.${field}`, { kinds: PERIOD_KINDS.join(", ") }));
  }
  const region = await findRegion(context.db, parsed.data.region);
  if (!region) return fail("unknown_region", t("errors.unknownRegion"));

  const { rows, profiles } = await buildDataset(context.db, name, {
    region,
    year: parsed.data.year,
    period: parsed.data.period,
    disclosureMin: context.config.disclosureMin,
  });
  const filename = `${name}-${region.slug}-${parsed.data.year}-${parsed.data.period}.${format}`;
  const headers = {
    "Cache-Control": CACHE,
    "Access-Control-Allow-Origin": "*",
    "Content-Disposition": `attachment; filename="${filename}"`,
  };
  if (format === "json") {
    return Response.json(
      {
        dataset: name,
        generated: localDate(region.timeZone),
        region: region.slug,
        year: parsed.data.year,
        period: parsed.data.period,
        disclosureMin: context.config.disclosureMin,
        profiles,
        rows,
      },
      { headers },
    );
  }
  const fields = DATASETS[name].map((f) => f.name);
  const csv = toCsv(
    fields,
    rows.map((row) => fields.map((f) => {
      const value = row[f];
      return typeof value === "boolean" ? String(value) : (value ?? null);
    })),
  );
  return new Response(csv, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
