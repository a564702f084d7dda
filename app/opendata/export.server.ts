/**
 * The rows of an open dataset for a region and year, per year, semester, quarter or month: read through
 * the same published-aggregates layer as the dashboards, so a download and a page never
 * disagree and nothing below DISCLOSURE_MIN appears in either. A few grouped queries per
 * download, whatever the number of units or responses.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, units } from "../../db/schema";
import { latestZiScores, perceptionTables, skmTables, sourceTable } from "../dashboards/published.server";
import { publishSources } from "../dashboards/published";
import { tablePeriod } from "../publication/suppression";
import { CURRENT_PERCEPTION_PROFILE } from "../regulation/perception";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { REPORT_CATEGORIES, REPORT_CHANNELS } from "../reports/form-schema";
import type { UnitKey } from "../reports/stats";
import { regionReportStats } from "../reports/stats.server";
import { localDate } from "../utils/calendar";
import { monthsOf, parsePeriod, type Period } from "../skm/periods";
import type { DatasetName, PeriodKind, Row } from "./datasets";

export async function findRegion(db: Database, slug: string) {
  const [region] = await db.select({ id: regions.id, slug: regions.slug, timeZone: regions.timeZone }).from(regions).where(eq(regions.slug, slug));
  return region ?? null;
}

/** The periods of a year of one kind, in order. */
function periodsOf(year: number, kind: PeriodKind): Period[] {
  const whole = parsePeriod(String(year))!;
  if (kind === "year") return [whole];
  if (kind === "month") return monthsOf(whole);
  if (kind === "semester") return [1, 2].map((s) => parsePeriod(`${year}-S${s}`)!);
  return [1, 2, 3, 4].map((q) => parsePeriod(`${year}-Q${q}`)!);
}

export interface DatasetRequest {
  region: { id: number; slug: string; timeZone: string };
  year: number;
  period: PeriodKind;
  disclosureMin: number;
}

export interface Dataset {
  rows: Row[];
  profiles: string[];
}

export async function buildDataset(db: Database, name: DatasetName, request: DatasetRequest): Promise<Dataset> {
  const { region, year, period: kind, disclosureMin } = request;
  const list = await db
    .select({ id: units.id, slug: units.slug, name: units.name, predicate: units.ziPredicate })
    .from(units)
    .where(and(eq(units.regionId, region.id), eq(units.active, true)))
    .orderBy(asc(units.name));
  const ids = list.map((u) => u.id);
  const periods = periodsOf(year, kind);
  const place = (unit: { slug: string; name: string } | null) => ({ region: region.slug, unit: unit?.slug ?? null, unit_name: unit?.name ?? null });
  const when = (p: Period) => ({ period: p.key, from: p.from, to: p.to });
  const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

  switch (name) {
    case "skm": {
      const table = (await skmTables(db, disclosureMin, [region.id], [year]))(region.id, year);
      // The split by source and the coercion share, published against the same table (two queries a unit).
      const splits = new Map(await Promise.all(list.map(async (unit) => [unit.id, await sourceTable(db, disclosureMin, table, unit.id, year)] as const)));
      const rows = list.flatMap((unit) =>
        periods.map((p): Row => {
          const index = table.cell(unit.id, tablePeriod(p));
          const sources = publishSources(splits.get(unit.id)!.period(tablePeriod(p)));
          const bySource = (source: string) => (sources ? (sources.bySource.find((r) => r.value === source)?.count ?? null) : null);
          return {
            ...place(unit),
            ...when(p),
            respondents: index.respondents,
            published: index.published,
            ikm: index.ikm,
            score: index.score,
            grade: index.grade,
            ...Object.fromEntries(SKM_ELEMENTS.map((e) => [`nrr_${e}`, index.nrr?.[e] ?? null])),
            respondents_web: bySource("web"),
            respondents_kiosk: bySource("kiosk"),
            respondents_paper: bySource("paper"),
            coercion_share: sources?.coercionShare ?? null,
            profile: SKM_2017.id,
          };
        }),
      );
      return { rows, profiles: [SKM_2017.id] };
    }
    case "perception": {
      const table = (await perceptionTables(db, disclosureMin, [region.id], [year]))(region.id, year);
      const rows = list.flatMap((unit) =>
        periods.map((p): Row => {
          const { ipak, ipkp, profileId } = table.cell(unit.id, tablePeriod(p));
          return {
            ...place(unit),
            ...when(p),
            ipak_respondents: ipak.respondents,
            ipak_published: ipak.published,
            ipak_mean: ipak.mean,
            ipak: ipak.index,
            ipkp_respondents: ipkp.respondents,
            ipkp_published: ipkp.published,
            ipkp_mean: ipkp.mean,
            ipkp: ipkp.index,
            profile: profileId,
          };
        }),
      );
      return { rows, profiles: [CURRENT_PERCEPTION_PROFILE.id] };
    }
    case "reports": {
      const stats = await regionReportStats(db, disclosureMin, region.id, year, localDate(region.timeZone));
      const targets: Array<{ key: UnitKey; unit: { slug: string; name: string } | null }> = [
        ...list.map((u) => ({ key: u.id as UnitKey, unit: u })),
        { key: "none", unit: null },
      ];
      const rows = targets.flatMap(({ key, unit }) =>
        periods.flatMap((p) => {
          const cell = tablePeriod(p);
          const onTime = stats.onTime(key, cell);
          return (["all", ...REPORT_CATEGORIES] as const).map((category): Row => {
            const count = stats.count(key, category === "all" ? "*" : category, cell);
            const total = category === "all";
            return {
              ...place(unit),
              ...when(p),
              category,
              reports: count.value,
              published: count.published,
              follow_up_due: total ? onTime.due : null,
              followed_up_on_time: total ? onTime.onTime : null,
              on_time_share: total && onTime.share !== null ? round4(onTime.share) : null,
            };
          });
        }),
      );
      return { rows, profiles: [] };
    }
    case "channels": {
      const stats = await regionReportStats(db, disclosureMin, region.id, year, localDate(region.timeZone));
      const rows = periods.flatMap((p) =>
        REPORT_CHANNELS.map((channel): Row => {
          const count = stats.channel(channel, tablePeriod(p));
          return { region: region.slug, ...when(p), channel, reports: count.value, published: count.published };
        }),
      );
      return { rows, profiles: [] };
    }
    case "zi": {
      const scores = await latestZiScores(db, ids, year);
      const rows = list.flatMap((unit): Row[] => {
        const zi = scores.get(unit.id);
        if (!zi) return [];
        return [
          {
            ...place(unit),
            year: zi.year,
            total: zi.score.total,
            pengungkit: zi.score.pengungkit.points,
            hasil: zi.score.hasil.points,
            wbk_ready: zi.score.wbk.ready,
            wbbm_ready: zi.score.wbbm.ready,
            provisional: zi.score.provisional,
            ipak_source: zi.score.hasil.birokrasiBersih.ipak.source,
            ipkp_source: zi.score.hasil.pelayananPrima.ipkp.source,
            predicate: unit.predicate,
            profile: zi.profileId,
          },
        ];
      });
      return { rows, profiles: [...new Set(rows.map((r) => String(r.profile)))] };
    }
  }
}
