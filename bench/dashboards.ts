/**
 * Dashboard and open-data benchmark (`npm run bench:dashboards`, after `npm run build`):
 *
 *  1. An embedded database (PGlite in memory), migrated, seeded with the organisation only
 *     (both regions: Kota Palangka Raya and Kabupaten Kotawaringin Timur). The unit, region
 *     and province pages and the open-data downloads are timed through the app's request
 *     handler (the production build, as the test suite drives it): the empty history.
 *  2. The same database with a year (2025) of activity for every unit of both regions: SKM
 *     responses stored with storeResponses (which keeps the running totals), perception
 *     responses with their daily totals, reports in every status, one submitted LKE per unit.
 *     The same requests are timed again.
 *  3. The same year with BENCH_GROW times as many SKM responses, perception responses and
 *     reports (copies of the year's rows, the running totals rebuilt): the same number of
 *     daily-totals rows and report groups, many more raw rows. The ratio of 3 to 2 shows
 *     whether a page grows with the number of responses (it should not).
 *
 * Environment (all optional):
 *   BENCH_SKM_PER_DAY         SKM responses per unit and day (default 8)
 *   BENCH_PERCEPTION_PER_DAY  perception responses per unit and day (default 3)
 *   BENCH_REPORTS_PER_UNIT    reports per unit over the year (default 60)
 *   BENCH_RUNS                timed requests per URL (default 15, after 3 warm-up requests)
 *   BENCH_GROW                volume factor of part 3 (default 5)
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { eq, inArray, sql } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { regions, reports, units } from "../db/schema";
import { seed } from "#seed/seed";
import { SKM_2017, SKM_ELEMENTS } from "../app/regulation/skm";
import { REPORT_CATEGORIES } from "../app/reports/form-schema";
import { rebuildPerceptionTotals } from "../app/perception/responses.server";
import { rebuildDailyTotals, storeResponses, type NewResponse } from "../app/skm/responses.server";
import { buildIsStale } from "../scripts/build-if-needed";
import { createInProcessApp, type InProcessApp } from "../scripts/support/app";
import { addZiSubmission, requirement, ziScore } from "../scripts/support/dashboards";
import { demoRandom } from "#seed/demo-random";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
}

const settings = {
  skmPerDay: intEnv("BENCH_SKM_PER_DAY", 8),
  perceptionPerDay: intEnv("BENCH_PERCEPTION_PER_DAY", 3),
  reportsPerUnit: intEnv("BENCH_REPORTS_PER_UNIT", 60),
  runs: intEnv("BENCH_RUNS", 15),
  grow: intEnv("BENCH_GROW", 5),
};
const REGIONS = ["kota-palangka-raya", "kabupaten-kotawaringin-timur"];
const YEAR = 2025;

const URLS = [
  "/units/kota-palangka-raya/disdukcapil?period=2025",
  "/regions/kota-palangka-raya?period=2025",
  "/regions/kabupaten-kotawaringin-timur?period=2025",
  "/provinces/kalimantan-tengah?period=2025",
  "/open-data/skm.csv?region=kota-palangka-raya&year=2025&period=month",
  "/open-data/perception.json?region=kota-palangka-raya&year=2025&period=quarter",
  "/open-data/reports.csv?region=kota-palangka-raya&year=2025&period=month",
  "/open-data/zi.json?region=kota-palangka-raya&year=2025",
];

const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(YEAR, 0, 1 + i)).toISOString().slice(0, 10));

async function fill(db: Database, unitList: Array<{ id: number; regionId: number }>) {
  const random = demoRandom(2025);
  let started = performance.now();
  for (const unit of unitList) {
    const batch: NewResponse[] = [];
    for (const day of days) {
      for (let i = 0; i < settings.skmPerDay; i++) {
        batch.push({
          unitId: unit.id,
          serviceId: null,
          respondedOn: day,
          source: "paper",
          profileId: SKM_2017.id,
          sex: null,
          ageBand: null,
          education: null,
          occupation: null,
          answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 2 + Math.floor(random() * 3)])) as NewResponse["answers"],
        });
      }
    }
    await db.transaction((tx) => storeResponses(tx, batch));
  }
  console.log(`SKM: ${unitList.length * days.length * settings.skmPerDay} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Perception responses set-based, then their daily totals rebuilt from them (what the
  // survey's writer keeps in the same transaction as each response).
  started = performance.now();
  const items = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];
  await db.execute(sql`select setseed(0.25)`);
  await db.execute(
    sql.raw(`insert into perception_responses (unit_id, responded_on, profile_id, ${items.join(", ")})
      select u.id, d::date, 'permenpanrb-90-2021-perception', ${items.map(() => "2 + floor(random() * 5)::int").join(", ")}
      from units u cross join generate_series('${YEAR}-01-01'::date, '${YEAR}-12-31'::date, '1 day') d
        cross join generate_series(1, ${settings.perceptionPerDay})
      where u.id in (${unitList.map((u) => u.id).join(", ")})`),
  );
  await rebuildPerceptionTotals(db);
  console.log(`perception: ${unitList.length * days.length * settings.perceptionPerDay} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Reports in every status (and every outcome of the closed ones), some with no unit.
  started = performance.now();
  const statuses = ["received", "triage", "needs_info", "verified", "forwarded", "handled_internally", "closed"] as const;
  const outcomes = ["substantiated", "not_substantiated", "out_of_scope", "duplicate", "spam"] as const;
  const rows: Array<typeof reports.$inferInsert> = [];
  for (const unit of unitList) {
    for (let i = 0; i < settings.reportsPerUnit; i++) {
      const receivedOn = days[Math.floor(random() * days.length)]!;
      const status = statuses[i % statuses.length]!;
      const verified = ["verified", "forwarded", "handled_internally"].includes(status) || (status === "closed" && i % 2 === 0);
      const followedUp = status === "forwarded" || status === "handled_internally" || (status === "closed" && i % 2 === 0);
      const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        reference: randomUUID().slice(0, 12),
        regionId: unit.regionId,
        unitId: i % 10 === 9 ? null : unit.id,
        category: REPORT_CATEGORIES[i % REPORT_CATEGORIES.length]!,
        receiptHash: randomUUID(),
        status,
        outcome: status === "closed" ? (verified ? outcomes[i % 2]! : outcomes[2 + (i % 3)]!) : null,
        receivedOn,
        triageDueOn: plus(receivedOn, 3),
        triagedOn: status === "received" ? null : plus(receivedOn, 1),
        verifiedOn: verified ? plus(receivedOn, 2) : null,
        followUpDueOn: verified ? plus(receivedOn, 9) : null,
        followedUpOn: followedUp ? plus(receivedOn, i % 3 === 0 ? 12 : 6) : null,
        closedOn: status === "closed" ? plus(receivedOn, 20) : null,
        content: i % 4 === 0 ? null : "sealed",
        purgedOn: i % 4 === 0 ? `${YEAR + 1}-01-15` : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(reports).values(rows.slice(i, i + 500));
  console.log(`reports: ${rows.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // One submitted LKE per unit, totals spread around the WBK threshold.
  for (const [i, unit] of unitList.entries()) {
    const total = 68 + ((i * 7) % 20);
    const score = ziScore({
      total,
      pengungkit: total * 0.58,
      hasil: total * 0.42,
      wbk: [requirement({ key: "total", met: total >= 75, required: 75, actual: total, gap: Math.max(0, 75 - total) })],
      wbbm: [requirement({ key: "total", met: total >= 85, required: 85, actual: total, gap: Math.max(0, 85 - total) })],
    });
    await addZiSubmission(db, unit.id, YEAR, score);
  }
  await db.execute(sql`analyze`);
}

/** Adds (grow − 1) copies of every response and report of the year and rebuilds the running totals. */
async function grow(db: Database) {
  const started = performance.now();
  const copies = settings.grow - 1;
  const skmColumns = `unit_id, service_id, responded_on, source, profile_id, sex, age_band, education, occupation, ${SKM_ELEMENTS.join(", ")}`;
  const items = "a1, a2, a3, a4, a5, a6, a7, a8, q1, q2, q3, q4, q5, q6, q7, q8";
  const reportColumns =
    "region_id, unit_id, category, content, status, outcome, received_on, triaged_on, triage_due_on, verified_on, follow_up_due_on, followed_up_on, close_due_on, closed_on, purged_on";
  await db.execute(sql.raw(`insert into skm_responses (${skmColumns}) select ${skmColumns} from skm_responses cross join generate_series(1, ${copies})`));
  await db.execute(
    sql.raw(`insert into perception_responses (unit_id, responded_on, profile_id, ${items}) select unit_id, responded_on, profile_id, ${items} from perception_responses cross join generate_series(1, ${copies})`),
  );
  await db.execute(
    sql.raw(
      `insert into reports (reference, receipt_hash, ${reportColumns}) select left(gen_random_uuid()::text, 12), gen_random_uuid()::text, ${reportColumns} from reports cross join generate_series(1, ${copies})`,
    ),
  );
  await rebuildDailyTotals(db);
  await rebuildPerceptionTotals(db);
  await db.execute(sql`analyze`);
  console.log(`grown ×${settings.grow} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function timeUrls(app: InProcessApp): Promise<Map<string, { median: number; p95: number; bytes: number }>> {
  const result = new Map<string, { median: number; p95: number; bytes: number }>();
  for (const url of URLS) {
    let bytes = 0;
    for (let i = 0; i < 3; i++) await (await app.get(url)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < settings.runs; i++) {
      const started = performance.now();
      const response = await app.get(url);
      const body = await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    result.set(url, { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, bytes });
  }
  return result;
}

async function main() {
  if (!existsSync("build/index.js")) throw new Error("the app is not built: run `npm run build` first");
  if (buildIsStale()) console.warn("note: build/ is older than the sources; run `npm run build` to measure the current code");
  const handle = await openDatabase({ driver: "pglite", dataDir: null });
  try {
    await handle.migrate();
    await seed(handle.db, { demo: false });
    const app = await createInProcessApp(handle.db, { env: { LOG_LEVEL: "warn" } });
    const regionRows = await handle.db.select({ id: regions.id }).from(regions).where(inArray(regions.slug, REGIONS));
    const unitList = await handle.db
      .select({ id: units.id, regionId: units.regionId })
      .from(units)
      .where(inArray(units.regionId, regionRows.map((r) => r.id)));
    console.log(`${unitList.length} units in ${regionRows.length} regions; timing the empty history`);
    const empty = await timeUrls(app);
    await fill(handle.db, unitList);
    const count = async (table: string) => Number(((await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
    const volumes = {
      skm: await count("skm_responses"),
      skmTotals: await count("skm_daily_totals"),
      perception: await count("perception_responses"),
      perceptionTotals: await count("perception_daily_totals"),
      reports: await count("reports"),
      lke: await count("lke_submissions"),
    };
    console.log(`volumes: ${JSON.stringify(volumes)}; timing the year of activity`);
    const full = await timeUrls(app);
    await grow(handle.db);
    const grownVolumes = {
      skm: await count("skm_responses"),
      skmTotals: await count("skm_daily_totals"),
      perception: await count("perception_responses"),
      perceptionTotals: await count("perception_daily_totals"),
      reports: await count("reports"),
    };
    console.log(`volumes: ${JSON.stringify(grownVolumes)}; timing the grown year`);
    const grown = await timeUrls(app);
    const unitCount = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.active, true)))[0]!.n;

    console.log("");
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}; PGlite in memory; ${unitCount} active units`);
    console.log(`Runs per URL: ${settings.runs} (after 3 warm-up); median (p95) in ms`);
    console.log("");
    console.log(`| request | empty history | a year of activity | ratio to empty | ×${settings.grow} the responses and reports | ratio to one year | response size |`);
    console.log("|---|---|---|---|---|---|---|");
    const cell = (r: { median: number; p95: number }) => `${r.median.toFixed(1)} (${r.p95.toFixed(1)})`;
    for (const url of URLS) {
      const a = empty.get(url)!;
      const b = full.get(url)!;
      const c = grown.get(url)!;
      console.log(
        `| \`${url}\` | ${cell(a)} | ${cell(b)} | ×${(b.median / a.median).toFixed(2)} | ${cell(c)} | ×${(c.median / b.median).toFixed(2)} | ${(c.bytes / 1024).toFixed(0)} KiB |`,
      );
    }
  } finally {
    await handle.close();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`benchmark failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
