/**
 * Part 2 of `npm run bench`: ratings under a crowd. The production server on each driver
 * (organisation seed only, TRUST_PROXY=1), the rating form's GET, then form-encoded rating POSTs
 * to one unit from 20 keep-alive connections, each with a fresh form token made here as the
 * form makes it (43 url-safe characters: the server checks only their shape and that they were
 * not used) and its own X-Forwarded-For address of 198.18.0.0/15 (the benchmarking range), so
 * the per-client signals never fire (and the server's SKM_UNIT_DAY_MIN is set far above the run,
 * so the unit-volume signal does not either). Only 303 answers count as accepted; the server is
 * then stopped and the stored ratings counted: they must equal the accepted ones.
 *
 * On PostgreSQL it also reads the server's transaction counter (pg_stat_database.xact_commit)
 * before and after: every statement outside an explicit transaction commits one, so the delta
 * per accepted rating is the number of statements (round trips that write or read) a rating costs.
 */
import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { SKM_ELEMENTS } from "../app/regulation/skm";
import type { BenchContext, BenchPart, BenchSection, Driver } from "./lib";
import { fixed } from "./lib";

export const RATE_PATH = "/rate/kota-palangka-raya/disdukcapil";
export const RATING_CONNECTIONS = 20;
/**
 * A crowd of ratings of one unit is exactly what the unit-volume signal (app/skm/suspicion.ts)
 * answers with a challenge: the portals these parts measure set its minimum far above any run,
 * so that every rating is measured as stored, not as challenged.
 */
export const CROWD_ENV = { SKM_UNIT_DAY_MIN: "10000000" };

/** The n-th address of 198.18.0.0/15 (RFC 2544), skipping .0 and .255. */
export function benchAddress(n: number): string {
  const host = (n % 254) + 1;
  const block = Math.floor(n / 254) % 512;
  return `198.${18 + Math.floor(block / 256)}.${block % 256}.${host}`;
}

/** A rating as the form sends it, with a fresh token. */
export function ratingBody(serviceIds: readonly number[]): string {
  const form = new URLSearchParams();
  form.set("token", randomBytes(32).toString("base64url"));
  form.set("serviceId", String(serviceIds[randomInt(serviceIds.length)]));
  for (const element of SKM_ELEMENTS) form.set(element, String(randomInt(1, 5)));
  form.set("website", "");
  return form.toString();
}

export async function formServiceIds(baseUrl: string): Promise<number[]> {
  const page = await fetch(`${baseUrl}${RATE_PATH}`);
  if (page.status !== 200) throw new Error(`GET ${RATE_PATH} answered ${page.status}`);
  const ids = [...(await page.text()).matchAll(/name="serviceId" value="(\d+)"/g)].map((m) => Number(m[1]));
  if (ids.length === 0) throw new Error("no service in the rating form");
  return ids;
}

/** A rating request generator for context.load: a new token and a new client address per call. */
export function ratingRequests(serviceIds: readonly number[], firstAddress = 0) {
  let n = firstAddress;
  return () => ({
    method: "POST" as const,
    path: RATE_PATH,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": benchAddress(n++) },
    body: ratingBody(serviceIds),
  });
}

export interface PostRun {
  /** 303 answers. */
  accepted: number;
  /** Other statuses, by status. */
  other: Record<string, number>;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number);

/**
 * Rating POSTs from `connections` keep-alive connections for `seconds`. Unlike a load tool that
 * drops the requests in flight when its time is up, every request sent is awaited, so the
 * accepted count is exact and can be compared with what the database stored.
 */
export async function postRatings(baseUrl: string, serviceIds: readonly number[], connections: number, seconds: number, firstAddress = 0): Promise<PostRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(baseUrl);
  const next = ratingRequests(serviceIds, firstAddress);
  const latencies: number[] = [];
  const other: Record<string, number> = {};
  let accepted = 0;
  let errors = 0;
  const send = () =>
    new Promise<number>((resolve) => {
      const request = next();
      const body = Buffer.from(request.body);
      const req = http.request(
        { agent, hostname, port, path: request.path, method: "POST", headers: { ...request.headers, "content-length": body.length } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => resolve(0));
      req.end(body);
    });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const status = await send();
      if (status === 303) {
        accepted++;
        latencies.push(performance.now() - t);
      } else if (status === 0) errors++;
      else other[status] = (other[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { accepted, other, errors, seconds: elapsed, perSecond: accepted / elapsed, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)) };
}

async function commits(url: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The statistics are sent to the collector shortly after each commit: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [row] = await client`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`;
    return Number(row?.n ?? 0);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function countRatings(driver: Driver, location: string): Promise<number> {
  const handle = await openDatabase(driver === "pglite" ? { driver, dataDir: location } : { driver, url: location });
  try {
    const rows = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM skm_responses`)) as unknown;
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
    return Number((list[0] as { n: number }).n);
  } finally {
    await handle.close();
  }
}

async function measure(context: BenchContext, driver: Driver): Promise<string[][]> {
  const dataDir = context.tempDir(`ratings-${driver}`);
  const location = driver === "pglite" ? path.join(dataDir, "pglite") : await context.createDatabase("ratings");
  const env = { DATABASE_URL: driver === "pglite" ? `pglite:${location}` : location, DATA_DIR: dataDir, DEMO_DATA: "off", TRUST_PROXY: "1", ...CROWD_ENV };
  const portal = await context.startPortal(driver, env);
  const serviceIds = await formServiceIds(portal.baseUrl);
  const label = driver === "postgres" ? "PostgreSQL" : "PGlite";

  // Warm-up (counted in the stored total below): JIT, pool, first statements.
  const warm = await postRatings(portal.baseUrl, serviceIds, 4, 2, 100_000);
  const form = await context.load(`${portal.baseUrl}${RATE_PATH}`);
  const before = driver === "postgres" ? await commits(location) : 0;
  const post = await postRatings(portal.baseUrl, serviceIds, RATING_CONNECTIONS, context.settings.seconds);
  const after = driver === "postgres" ? await commits(location) : 0;
  await portal.stop();

  const { accepted, perSecond } = post;
  const unexpected = Object.values(post.other).reduce((a, b) => a + b, 0);
  const stored = (await countRatings(driver, location)) - warm.accepted;
  const target = driver === "postgres" ? 200 : 80;
  const met = perSecond >= target && (driver === "pglite" || post.p99 < 300) && post.errors === 0 && unexpected === 0 && stored === accepted;
  return [
    [`${label}: rating form (GET)`, fixed(form.requestsPerSecond), `${form.p50} ms`, `${form.p99} ms`, "—", "—", form.errors + form.unexpected > 0 ? `${form.errors} errors, ${form.unexpected} unexpected` : ""],
    [
      `${label}: rating POST, ${RATING_CONNECTIONS} connections`,
      fixed(perSecond),
      `${post.p50} ms`,
      `${post.p99} ms`,
      `${accepted} accepted, ${stored} stored${stored === accepted ? "" : " **mismatch**"}`,
      driver === "postgres" ? ((after - before) / Math.max(1, accepted)).toFixed(1) : "—",
      `${driver === "postgres" ? "≥ 200/s, p99 < 300 ms" : "≥ 80/s"}${met ? "" : " **not met**"}${post.errors + unexpected > 0 ? `; ${post.errors} errors, other statuses ${JSON.stringify(post.other)}` : ""}`,
    ],
  ];
}

export const ratingsPart: BenchPart = {
  id: "ratings",
  async run(context) {
    const rows: string[][] = [];
    for (const driver of context.settings.drivers) {
      console.log(`[${driver}] ratings under a crowd`);
      rows.push(...(await measure(context, driver)));
    }
    const section: BenchSection = {
      title: "Ratings under a crowd",
      intro: [
        `Rating POSTs to one unit with a fresh form token and client address each, ${RATING_CONNECTIONS} connections, ` +
          "after a warm-up; the stored ratings are counted after the server has stopped. " +
          "Statements per rating: PostgreSQL's committed transactions during the run divided by the accepted ratings " +
          "(each autocommitted statement is one: the unit with its services, the token check with every count the challenge " +
          "reads, and the one statement that stores the rating, its daily totals, its token, the client's counts and its hit).",
      ],
      columns: ["request", "requests/s", "p50", "p99", "stored = accepted", "statements per rating", "target"],
      rows,
      notes: rows.some((row) => row[6]?.includes("not met"))
        ? [
            "What limits it: one web process uses one core, and a rating costs it about 5–6 ms of CPU (Remix's action with its " +
              "route matching over every route, form parsing and validation, three statements through drizzle and postgres.js, the " +
              "redirect); the machine's other core runs PostgreSQL and the load generator. What would lift it: more cores with " +
              "`WEB_PROCESSES` set to about one per core, and PostgreSQL on a machine of its own (docs/scaling.md); on these two " +
              "cores more processes only compete with the database and the load (see the processes part).",
          ]
        : [],
    };
    return [section];
  },
};
