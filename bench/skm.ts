/**
 * SKM benchmark, on both drivers in one run (`npm run bench:skm`):
 *
 *  1. Ratings through the form: the real server (scripts/server.ts, DEMO_DATA=off,
 *     TRUST_PROXY=1) on 127.0.0.1, form-encoded POSTs to /rate/kota-palangka-raya/disdukcapil,
 *     each with a fresh token and its own X-Forwarded-For address (198.18.0.0/15, the
 *     benchmarking range), so the per-client limit never applies. Only 303s count as accepted.
 *  2. The published index with 10 thousand and then 1 million responses: a separate database,
 *     responses stored in bulk with storeResponses (which keeps the daily totals), then
 *     the SKM API's answer (unitSkmApi, the publication layer) for 2025 and for one month. The index reads daily totals only, so its
 *     time should not grow with the number of responses.
 *
 * PGlite runs in a temporary folder (the server) and in memory (part 2); PostgreSQL runs in
 * fresh databases created through BENCH_DATABASE_URL, dropped at the end. Everything started
 * here is stopped and removed, also on failure or Ctrl-C. Only loopback traffic.
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URL   maintenance connection (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_DRIVERS        pglite,postgres (default both)
 *   BENCH_RATINGS        ratings to send per driver (default 1000); BENCH_CONCURRENCY (default 8)
 *   BENCH_RATING_SECONDS stop sending after this long (default 60)
 *   BENCH_SMALL, BENCH_LARGE   response counts of part 2 (default 10000 and 1000000)
 *   BENCH_INSERT_SECONDS time storeResponses may take to grow to BENCH_LARGE, per driver
 *                        (default 150). If it does not get there, the size it reached is
 *                        measured, then the rest is added with one set-based INSERT … SELECT
 *                        and the totals rebuilt (rebuildDailyTotals), and the target measured.
 *   BENCH_QUERY_RUNS     timed runs per query (default 50)
 */
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseHandle, type DatabaseTarget } from "../db/client";
import { seed } from "#seed/seed";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../app/regulation/skm";
import { unitSkmApi } from "../app/dashboards/dashboards.server";
import { parsePeriod, type Period } from "../app/skm/periods";
import { findUnitByAddress } from "../app/org/queries.server";
import { unitServices } from "../app/skm/queries.server";
import { rebuildDailyTotals, storeResponses, type NewResponse } from "../app/skm/responses.server";
import { buildIsStale } from "../scripts/build-if-needed";
import { startServer, type RunningServer } from "../scripts/support/server";

type Driver = "pglite" | "postgres";

const REGION = "kota-palangka-raya";
const UNIT = "disdukcapil";
const YEAR = parsePeriod("2025")!;
const MONTH = parsePeriod("2025-06")!;
const TX_ROWS = 5_000;

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
}

const settings = {
  maintenanceUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  drivers: (process.env.BENCH_DRIVERS || "pglite,postgres").split(",").map((d) => d.trim()) as Driver[],
  ratings: intEnv("BENCH_RATINGS", 1_000),
  concurrency: intEnv("BENCH_CONCURRENCY", 8),
  ratingSeconds: intEnv("BENCH_RATING_SECONDS", 60),
  small: intEnv("BENCH_SMALL", 10_000),
  large: intEnv("BENCH_LARGE", 1_000_000),
  insertSeconds: intEnv("BENCH_INSERT_SECONDS", 150),
  queryRuns: intEnv("BENCH_QUERY_RUNS", 50),
};
for (const d of settings.drivers) {
  if (d !== "pglite" && d !== "postgres") throw new Error(`BENCH_DRIVERS: unknown driver ${d}`);
}

// ---------------------------------------------------------------------------------------------
// Clean-up: every resource registers how to release it; released in reverse order, once.

const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
function onCleanup(what: string, run: () => Promise<void> | void): () => Promise<void> {
  const entry = { what, run };
  cleanups.push(entry);
  return async () => {
    const index = cleanups.indexOf(entry);
    if (index === -1) return;
    cleanups.splice(index, 1);
    await entry.run();
  };
}
async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    if (!entry) break;
    let timer: NodeJS.Timeout | undefined;
    try {
      // Nothing may keep the benchmark from ending: give each step 30 s.
      await Promise.race([
        entry.run(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timed out")), 30_000);
        }),
      ]);
    } catch (error) {
      console.error(`clean-up of ${entry.what} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

let exiting = false;
let exit: Promise<never> | null = null;
/** Cleans up once (later callers wait for the same clean-up) and exits. */
function abort(reason: string, code: number): Promise<never> {
  exiting = true;
  exit ??= (async () => {
    console.error(reason);
    await cleanupAll();
    process.exit(code);
  })();
  return exit;
}
process.on("SIGINT", () => void abort("interrupted: cleaning up", 130));
process.on("SIGTERM", () => void abort("terminated: cleaning up", 143));
// A hard stop well above the expected run time, so that the benchmark always ends by itself.
const WATCHDOG_MINUTES = 15;
setTimeout(() => void abort(`benchmark still running after ${WATCHDOG_MINUTES} minutes: giving up`, 1), WATCHDOG_MINUTES * 60_000).unref();

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pd-bench-${label}-`));
  onCleanup(`temporary folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: fresh databases beside the maintenance database.

function databaseUrl(name: string): string {
  const url = new URL(settings.maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withMaintenance<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(settings.maintenanceUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function createBenchDatabase(purpose: string): Promise<string> {
  const name = `pd_bench_${randomBytes(4).toString("hex")}_${purpose}`;
  await withMaintenance((admin) => admin.unsafe(`CREATE DATABASE "${name}"`));
  onCleanup(`database ${name}`, () => withMaintenance((admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
  return databaseUrl(name);
}

// ---------------------------------------------------------------------------------------------
// Statistics.

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
const sortNumbers = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const thousands = (value: number) => value.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Part 1: ratings through the form.

interface RatingResult {
  driver: Driver;
  sent: number;
  accepted: number;
  otherStatuses: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  stored: number;
  stoppedByTime: boolean;
}

/** The n-th address of 198.18.0.0/15 (RFC 2544, set aside for benchmarks), skipping .0 and .255. */
function benchAddress(n: number): string {
  const host = (n % 254) + 1;
  const block = Math.floor(n / 254);
  const third = block % 256;
  const second = 18 + Math.floor(block / 256);
  if (second > 19) throw new Error("ran out of benchmark addresses");
  return `198.${second}.${third}.${host}`;
}

function ratingBody(serviceId: number): string {
  const form = new URLSearchParams();
  form.set("token", randomBytes(32).toString("base64url"));
  form.set("serviceId", String(serviceId));
  for (const element of SKM_ELEMENTS) form.set(element, String(randomInt(1, 5)));
  form.set("website", "");
  return form.toString();
}

async function benchRatings(driver: Driver): Promise<RatingResult> {
  const dataDir = tempDir(`server-${driver}`);
  const databaseUrlValue = driver === "pglite" ? `pglite:${path.join(dataDir, "pglite")}` : await createBenchDatabase("rate");
  console.log(`[${driver}] ratings: starting the server (${driver === "pglite" ? "PGlite in a temporary folder" : "fresh PostgreSQL database"})`);
  const server: RunningServer = await startServer({
    DATABASE_URL: databaseUrlValue,
    DATA_DIR: dataDir,
    DEMO_DATA: "off",
    TRUST_PROXY: "1",
    LOG_LEVEL: "info",
  });
  const stopServer = onCleanup(`server ${server.baseUrl}`, async () => {
    const timer = setTimeout(() => server.process.kill("SIGKILL"), 15_000);
    await server.stop();
    clearTimeout(timer);
  });
  if (!server.baseUrl.startsWith("http://127.0.0.1:")) throw new Error(`refusing to send to ${server.baseUrl}`);
  const formUrl = `${server.baseUrl}/rate/${REGION}/${UNIT}`;

  const page = await fetch(formUrl);
  if (page.status !== 200) throw new Error(`GET ${formUrl} answered ${page.status}`);
  const html = await page.text();
  const serviceIds = [...html.matchAll(/name="serviceId" value="(\d+)"/g)].map((m) => Number(m[1]));
  if (serviceIds.length === 0) throw new Error("no service found in the rating form");

  let addressCounter = 0;
  const post = async () => {
    const started = performance.now();
    const response = await fetch(formUrl, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": benchAddress(addressCounter++) },
      body: ratingBody(serviceIds[randomInt(serviceIds.length)] as number),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };

  // Warm-up (not counted): JIT, connection pool, first statements.
  for (let i = 0; i < 20; i++) {
    const { status } = await post();
    if (status !== 303) throw new Error(`warm-up rating answered ${status} instead of 303; server said: ${server.output().stderr.slice(-2000)}`);
  }

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let accepted = 0;
  const started = performance.now();
  const deadline = started + settings.ratingSeconds * 1000;
  let stoppedByTime = false;
  const worker = async () => {
    while (sent < settings.ratings) {
      if (performance.now() > deadline) {
        stoppedByTime = true;
        return;
      }
      sent++;
      const result = await post();
      if (result.status === 303) {
        accepted++;
        latencies.push(result.ms);
      } else {
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await stopServer();

  // The server is stopped (PGlite's folder is free again): check that what was accepted is stored.
  const check = await openDatabase(driver === "pglite" ? { driver, dataDir: path.join(dataDir, "pglite") } : { driver, url: databaseUrlValue });
  let stored: number;
  try {
    stored = await countResponses(check.db);
  } finally {
    await check.close();
  }
  stored -= 20; // the warm-up
  const sorted = sortNumbers(latencies);
  const result: RatingResult = {
    driver,
    sent,
    accepted,
    otherStatuses: statuses,
    seconds,
    perSecond: accepted / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    stored,
    stoppedByTime,
  };
  console.log(
    `[${driver}] ratings: ${accepted}/${sent} accepted in ${seconds.toFixed(1)} s = ${result.perSecond.toFixed(1)}/s, ` +
      `p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms; ${stored} stored` +
      (Object.keys(statuses).length ? `; other statuses ${JSON.stringify(statuses)}` : ""),
  );
  return result;
}

async function countResponses(db: Database): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM skm_responses`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ n: number }> }).rows) as Array<{ n: number }>;
  return Number(list[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Part 2: the index with 10 thousand and with 1 million responses.

interface QueryTimes {
  responses: number;
  yearMedian: number;
  yearP95: number;
  monthMedian: number;
  monthP95: number;
  /** The same year's figures computed from the raw responses (what the totals avoid). */
  rawYearMedian: number;
}

interface IndexResult {
  driver: Driver;
  small: QueryTimes;
  /** At the largest size storeResponses reached in the time allowed (undefined when it reached the target). */
  grown?: QueryTimes;
  large: QueryTimes;
  insertSeconds: number;
  insertedPerSecond: number;
  /** Responses added by the set-based top-up (0 when storeResponses reached the target). */
  toppedUp: number;
  topUpSeconds: number;
}

const DAYS_2025 = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));

function randomAnswers(): Record<SkmElement, number | null> {
  const answers = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, Math.random() < 0.05 ? null : 1 + Math.floor(Math.random() * 4)])) as Record<
    SkmElement,
    number | null
  >;
  // The schema wants at least one answer per response.
  if (SKM_ELEMENTS.every((e) => answers[e] === null)) answers.u1 = 3;
  return answers;
}

/**
 * Adds `count` responses spread evenly over 2025, in date order (like an import or a year of
 * web ratings), in transactions of TX_ROWS. Stops early at `deadline`; returns how many it stored.
 */
async function growResponses(
  db: Database,
  unitId: number,
  serviceIds: readonly number[],
  count: number,
  deadline: number,
  label: string,
): Promise<number> {
  let stored = 0;
  let lastReport = performance.now();
  while (stored < count) {
    // PGlite answers in-process: without this the loop never returns to the event loop, and
    // Ctrl-C or the watchdog would wait for it to end.
    await new Promise((resolve) => setImmediate(resolve));
    if (exiting) throw new Error("stopped");
    if (performance.now() > deadline) break;
    const batchSize = Math.min(TX_ROWS, count - stored);
    const batch: NewResponse[] = [];
    for (let i = 0; i < batchSize; i++) {
      const day = DAYS_2025[Math.floor(((stored + i) * DAYS_2025.length) / count)] as string;
      batch.push({
        unitId,
        serviceId: serviceIds[(stored + i) % serviceIds.length] ?? null,
        respondedOn: day,
        source: "paper",
        profileId: SKM_2017.id,
        sex: Math.random() < 0.5 ? "L" : "P",
        ageBand: null,
        education: null,
        occupation: null,
        answers: randomAnswers(),
      });
    }
    await db.transaction(async (tx) => {
      await storeResponses(tx, batch);
    });
    stored += batchSize;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      console.log(`${label}: ${thousands(stored)} of ${thousands(count)} stored`);
    }
  }
  return stored;
}

/**
 * Adds `count` responses with one set-based INSERT … SELECT per 100,000 (same spread over 2025,
 * same answer distribution), then recomputes the daily totals from all responses with the
 * application's rebuildDailyTotals. Used only when storeResponses could not reach the target in
 * the time allowed: what the index reads (365 daily rows) is the same either way.
 */
async function topUpResponses(db: Database, unitId: number, serviceIds: readonly number[], count: number): Promise<void> {
  const services = serviceIds.length ? `(ARRAY[${serviceIds.map(Number).join(",")}])[1 + (g % ${serviceIds.length})]` : "NULL";
  const answer = "CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 4)::int END";
  for (let start = 0; start < count; start += 100_000) {
    const end = Math.min(count, start + 100_000);
    await db.execute(
      sql.raw(
        `INSERT INTO skm_responses (unit_id, service_id, responded_on, source, profile_id, sex, ${SKM_ELEMENTS.join(", ")})
         SELECT ${Number(unitId)}, ${services}, DATE '2025-01-01' + ((g::bigint * 365) / ${count})::int, 'paper',
                '${SKM_2017.id.replace(/'/g, "''")}', (CASE WHEN random() < 0.5 THEN 'L' ELSE 'P' END)::respondent_sex,
                ${SKM_ELEMENTS.map(() => answer).join(", ")}
         FROM generate_series(${start}, ${end - 1}) AS g`,
      ),
    );
  }
  await rebuildDailyTotals(db);
}

async function timeQueries(
  db: Database,
  unit: { id: number; slug: string; regionId: number; regionSlug: string },
  expected: number,
): Promise<QueryTimes> {
  await db.execute(sql`ANALYZE skm_responses`);
  await db.execute(sql`ANALYZE skm_daily_totals`);
  const year = await unitSkmApi(db, 5, unit, YEAR);
  if (year.respondents !== expected) throw new Error(`the index counts ${year.respondents} respondents, expected ${expected}`);
  // The totals and the raw responses must agree: otherwise the timing would mean nothing.
  const raw = await rawYear(db, unit.id);
  if (raw !== expected) throw new Error(`the raw responses count ${raw}, expected ${expected}`);

  const time = async (period: Period, runs: number) => {
    for (let i = 0; i < 20; i++) await unitSkmApi(db, 5, unit, period);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const started = performance.now();
      await unitSkmApi(db, 5, unit, period);
      samples.push(performance.now() - started);
    }
    return sortNumbers(samples);
  };
  const yearSamples = await time(YEAR, settings.queryRuns);
  const monthSamples = await time(MONTH, settings.queryRuns);
  const rawSamples: number[] = [];
  await rawYear(db, unit.id);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await rawYear(db, unit.id);
    rawSamples.push(performance.now() - started);
  }
  return {
    responses: expected,
    yearMedian: percentile(yearSamples, 50),
    yearP95: percentile(yearSamples, 95),
    monthMedian: percentile(monthSamples, 50),
    monthP95: percentile(monthSamples, 95),
    rawYearMedian: percentile(sortNumbers(rawSamples), 50),
  };
}

/** The year's respondents and answer sums straight from skm_responses (for comparison only). */
async function rawYear(db: Database, unitId: number): Promise<number> {
  const sums = SKM_ELEMENTS.map((e) => `coalesce(sum(${e}), 0) AS ${e}_sum, count(${e}) AS ${e}_count`).join(", ");
  const rows = await db.execute(
    sql.raw(
      `SELECT count(*)::int AS n, ${sums} FROM skm_responses WHERE unit_id = ${Number(unitId)} AND responded_on BETWEEN '${YEAR.from}' AND '${YEAR.to}'`,
    ),
  );
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as Array<{ n: number }>;
  return Number(list[0]?.n ?? 0);
}

async function benchIndex(driver: Driver): Promise<IndexResult> {
  const target: DatabaseTarget =
    driver === "pglite" ? { driver, dataDir: null } : { driver, url: await createBenchDatabase("index") };
  const handle: DatabaseHandle = await openDatabase(target, { maxConnections: 2 });
  const close = onCleanup(`${driver} database of part 2`, () => handle.close());
  try {
    await handle.migrate();
    await seed(handle.db, { demo: false });
    const found = await findUnitByAddress(handle.db, REGION, UNIT, { includeInactive: true });
    if (!found) throw new Error(`unit ${REGION}/${UNIT} not seeded`);
    const unit = { id: found.id, slug: found.slug, regionId: found.regionId, regionSlug: found.regionSlug };
    const serviceIds = (await unitServices(handle.db, unit.id)).map((s) => s.id);

    console.log(`[${driver}] index: storing ${thousands(settings.small)} responses`);
    await growResponses(handle.db, unit.id, serviceIds, settings.small, Number.POSITIVE_INFINITY, `[${driver}] index`);
    const small = await timeQueries(handle.db, unit, settings.small);
    console.log(`[${driver}] index at ${thousands(settings.small)}: year ${ms(small.yearMedian)} ms, month ${ms(small.monthMedian)} ms`);

    const more = settings.large - settings.small;
    console.log(`[${driver}] index: growing to ${thousands(settings.large)} responses with storeResponses (at most ${settings.insertSeconds} s)`);
    const started = performance.now();
    const added = await growResponses(handle.db, unit.id, serviceIds, more, started + settings.insertSeconds * 1000, `[${driver}] index`);
    const insertSeconds = (performance.now() - started) / 1000;
    let total = settings.small + added;
    const result: IndexResult = {
      driver,
      small,
      large: small,
      insertSeconds,
      insertedPerSecond: added / insertSeconds,
      toppedUp: 0,
      topUpSeconds: 0,
    };
    if (added < more) {
      console.log(`[${driver}] index: storeResponses reached ${thousands(total)} responses in ${settings.insertSeconds} s; measuring that size`);
      result.grown = await timeQueries(handle.db, unit, total);
      console.log(`[${driver}] index at ${thousands(total)}: year ${ms(result.grown.yearMedian)} ms, month ${ms(result.grown.monthMedian)} ms`);
      const missing = settings.large - total;
      console.log(`[${driver}] index: topping up ${thousands(missing)} responses with INSERT … SELECT, then rebuildDailyTotals`);
      const topUpStarted = performance.now();
      await topUpResponses(handle.db, unit.id, serviceIds, missing);
      result.topUpSeconds = (performance.now() - topUpStarted) / 1000;
      result.toppedUp = missing;
      total += missing;
    }
    result.large = await timeQueries(handle.db, unit, total);
    console.log(`[${driver}] index at ${thousands(total)}: year ${ms(result.large.yearMedian)} ms, month ${ms(result.large.monthMedian)} ms`);
    return result;
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------

async function ensurePostgres(): Promise<void> {
  try {
    await withMaintenance((admin) => admin`SELECT 1`);
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${new URL(settings.maintenanceUrl).host} (${(error as Error).message}); ` +
        "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set BENCH_DRIVERS=pglite",
    );
  }
}

function report(ratings: RatingResult[], indexes: IndexResult[]): string {
  const lines: string[] = [];
  const now = new Date().toISOString().slice(0, 16).replace("T", " ");
  lines.push(`SKM benchmark, ${now} UTC, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  lines.push("");
  lines.push(`Ratings through the form (${settings.concurrency} in flight, up to ${thousands(settings.ratings)} ratings or ${settings.ratingSeconds} s):`);
  lines.push("");
  lines.push("| driver | accepted (303) / sent | ratings/s | p50 latency | p95 latency | rows stored |");
  lines.push("|---|---|---|---|---|---|");
  for (const r of ratings) {
    const other = Object.entries(r.otherStatuses)
      .map(([status, n]) => `${n}×${status}`)
      .join(", ");
    lines.push(
      `| ${r.driver} | ${thousands(r.accepted)} / ${thousands(r.sent)}${other ? ` (${other})` : ""}${r.stoppedByTime ? " (time limit)" : ""} | ` +
        `${r.perSecond.toFixed(1)} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${thousands(r.stored)} |`,
    );
  }
  lines.push("");
  lines.push(`Index query, unitSkmApi for Disdukcapil, median (p95) of ${settings.queryRuns} runs:`);
  lines.push("");
  lines.push("| driver | responses | year 2025 | June 2025 | raw scan of the year (median of 5, for comparison) |");
  lines.push("|---|---|---|---|---|");
  for (const r of indexes) {
    const rows: Array<[string, QueryTimes]> = [[thousands(r.small.responses), r.small]];
    if (r.grown) rows.push([thousands(r.grown.responses), r.grown]);
    rows.push([`${thousands(r.large.responses)}${r.toppedUp ? " (topped up)" : ""}`, r.large]);
    for (const [label, q] of rows) {
      lines.push(
        `| ${r.driver} | ${label} | ${ms(q.yearMedian)} ms (${ms(q.yearP95)}) | ${ms(q.monthMedian)} ms (${ms(q.monthP95)}) | ${ms(q.rawYearMedian)} ms |`,
      );
    }
    lines.push(
      `| ${r.driver} | ratio ${thousands(r.large.responses)} / ${thousands(r.small.responses)} | ×${(r.large.yearMedian / r.small.yearMedian).toFixed(2)} | ` +
        `×${(r.large.monthMedian / r.small.monthMedian).toFixed(2)} | ×${(r.large.rawYearMedian / r.small.rawYearMedian).toFixed(1)} |`,
    );
  }
  lines.push("");
  for (const r of indexes) {
    const grownTo = r.grown?.responses ?? r.large.responses;
    lines.push(
      `${r.driver}: storeResponses stored ${thousands(grownTo - r.small.responses)} responses in ${r.insertSeconds.toFixed(0)} s ` +
        `(${thousands(Math.round(r.insertedPerSecond))}/s, transactions of ${thousands(TX_ROWS)})` +
        (r.toppedUp
          ? `; ${thousands(settings.large)} did not fit in ${settings.insertSeconds} s, so the last ${thousands(r.toppedUp)} were added with ` +
            `INSERT … SELECT and the totals rebuilt with rebuildDailyTotals (${r.topUpSeconds.toFixed(0)} s)`
          : ""),
    );
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (!existsSync("build/index.js")) throw new Error("the app is not built: run `npm run build` first");
  // Building here would rewrite build/ under whoever else uses this checkout: only say so.
  if (buildIsStale()) console.warn("note: build/ is older than the sources; run `npm run build` to measure the current code");
  if (settings.drivers.includes("postgres")) await ensurePostgres();
  const began = performance.now();
  const ratings: RatingResult[] = [];
  const indexes: IndexResult[] = [];
  for (const driver of settings.drivers) {
    ratings.push(await benchRatings(driver));
    indexes.push(await benchIndex(driver));
  }
  console.log("");
  console.log(report(ratings, indexes));
  console.log("");
  console.log(`total ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

try {
  await main();
  await cleanupAll();
  process.exit(0);
} catch (error) {
  await abort(`benchmark failed: ${(error as Error).stack ?? String(error)}`, 1);
}
