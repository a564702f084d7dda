/**
 * `npm run test:outage`: the portal keeps its promises when its PostgreSQL server goes away.
 *
 * Starts a throwaway PostgreSQL server (never the shared one), the real portal against it,
 * and a bounded load of page views, API reads and rating posts. Midway the server is stopped
 * (`pg_ctl stop -m fast`) and started again. Checks that during the outage every answer is a
 * 503 with Retry-After (a page, or JSON for /api and /open-data) and /healthz says 503; that
 * the portal recovers by itself, without a restart; that no request ever got a 500 or a broken
 * connection; that every rating the portal accepted (303 to the thanks page) is stored; and
 * that a rating refused with 503, sent again, is accepted and stored once.
 * Prints a summary; exits non-zero on any failure. Cleans up whatever happens.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { keyedHash } from "../app/security/crypto.server";
import { freePort, startServer, type RunningServer } from "./support/server";
import { buildIfNeeded } from "./build-if-needed";

const LOAD_WORKERS = 6;
const MAX_REQUESTS = 20_000;
const BEFORE_MS = 3_000;
const OUTAGE_MS = 6_000;
const RECOVERY_LIMIT_MS = 60_000;
const AFTER_MS = 3_000;
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const DATABASE = "pintu_depan_outage";

const failures: string[] = [];
const fail = (message: string) => {
  if (failures.length < 20) failures.push(message);
};

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin/initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
  return path.join(root, newest, "bin");
}

// initdb refuses to run as root: as root, the cluster belongs to the postgres user.
const asRoot = process.getuid?.() === 0;
const execFileAsync = promisify(execFile);
/** Runs a PostgreSQL program without blocking: the load goes on while the server stops and starts. */
async function runPg(bin: string, command: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
  try {
    await execFileAsync(file, argv, { encoding: "utf8", timeout: 90_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${command} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

function postgresOwner(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

type Phase = "before" | "outage" | "recovery" | "after";
type Kind = "page" | "form" | "api" | "rating" | "healthz";

const year = new Date().getFullYear();
const targets: Record<Exclude<Kind, "rating">, string> = {
  page: "/",
  form: FORM,
  api: `/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=${year}`,
  healthz: "/healthz",
};

interface Tally {
  requests: number;
  statuses: Map<string, number>;
  /** Form tokens of the ratings answered with the thanks page, and of those answered 503. */
  accepted: string[];
  refused: string[];
  connectionErrors: number;
  slowest: Map<string, number>;
}

const tally: Tally = { requests: 0, statuses: new Map(), accepted: [], refused: [], connectionErrors: 0, slowest: new Map() };
let phase: Phase = "before";
let postCount = 0;
let serviceId = "";

/** An answer, with the phase its request was sent in. */
interface Answer {
  response: Response;
  phase: Phase;
  answeredIn: Phase;
  ms: number;
}

/**
 * Checks one answer against what the phase its request was sent in allows; returns the status
 * and the body (status 0: the answer broke off, which fails like a request with no answer).
 */
async function check(kind: Kind, url: string, { response, phase, answeredIn, ms }: Answer): Promise<{ status: number; body: string }> {
  const status = response.status;
  const key = `${phase} ${kind} ${status}`;
  tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
  tally.slowest.set(`${phase} ${kind}`, Math.max(ms, tally.slowest.get(`${phase} ${kind}`) ?? 0));
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    tally.connectionErrors++;
    fail(`${phase}: ${url} broke off its ${status} answer (answered in ${answeredIn}): ${(error as Error).message}`);
    return { status: 0, body: "" };
  }
  if (status >= 500 && status !== 503) fail(`${phase}: ${url} answered ${status}`);
  if (status === 503 && kind !== "healthz") {
    if (response.headers.get("retry-after") === null) fail(`${phase}: ${url} answered 503 without Retry-After`);
    const type = response.headers.get("content-type") ?? "";
    const expected = kind === "api" ? "application/json" : "text/html";
    if (!type.startsWith(expected)) fail(`${phase}: the 503 of ${url} is ${type}, not ${expected}`);
  }
  if (ms > 3_000) console.log(`slow: ${url} sent in ${phase}, answered in ${answeredIn} after ${ms} ms with ${status}`);
  // A request still running when the server stops may fail like one sent during the outage.
  if ((phase === "before" && answeredIn === "before") || phase === "after") {
    const ok = kind === "rating" ? status === 303 : status === 200;
    if (!ok) fail(`${phase}: ${url} answered ${status} while the database was up: ${body.slice(0, 200)}`);
  }
  return { status, body };
}

async function request(base: string, url: string, init?: RequestInit): Promise<Answer | null> {
  tally.requests++;
  const sentIn = phase;
  const started = Date.now();
  try {
    const response = await fetch(`${base}${url}`, { redirect: "manual", ...init });
    return { response, phase: sentIn, answeredIn: phase, ms: Date.now() - started };
  } catch (error) {
    tally.connectionErrors++;
    fail(`${phase}: ${url} failed without an answer: ${(error as Error).message}`);
    return null;
  }
}

/** A resident loads the form and sends a rating; a page loaded before an outage is sent with its own token. */
async function rate(base: string): Promise<void> {
  const form = await request(base, FORM);
  let token = randomBytes(32).toString("base64url");
  if (form) {
    const { status, body } = await check("form", FORM, form);
    if (status === 200) token = /name="token" value="([\w-]{43})"/.exec(body)?.[1] ?? token;
  }
  const status = await post(base, token);
  if (status === 303) tally.accepted.push(token);
  else if (status === 503) tally.refused.push(token);
}

/** Sends a rating with the given form token; returns the status (0: no answer). */
async function post(base: string, token: string): Promise<number> {
  const n = ++postCount;
  const fields = new URLSearchParams({ token, serviceId, u1: "4", u2: "3", u3: "3", u4: "4", u5: "3", u6: "4", u7: "4", u8: "2", u9: "3" });
  const answer = await request(base, FORM, {
    method: "POST",
    body: fields,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: base,
      // One address per resident: the per-address daily limit is not what is tested here.
      "X-Forwarded-For": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
  });
  if (!answer) return 0;
  const location = answer.response.headers.get("location");
  const { status } = await check("rating", FORM, answer);
  if (status === 303 && location !== `${FORM}/thanks`) fail(`a rating was redirected to ${location}, not to the thanks page`);
  return status;
}

async function worker(base: string, index: number, until: () => boolean): Promise<void> {
  for (let i = index; !until() && tally.requests < MAX_REQUESTS; i++) {
    const kind = (["page", "api", "rating", "healthz"] as const)[i % 4]!;
    if (kind === "rating") {
      await rate(base);
      continue;
    }
    const response = await request(base, targets[kind]);
    if (response) await check(kind, targets[kind], response);
  }
}

/** Runs the load until `done` says stop. */
async function load(base: string, done: () => boolean): Promise<void> {
  await Promise.all(Array.from({ length: LOAD_WORKERS }, (_, i) => worker(base, i, done)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const bin = postgresBin();
  const work = mkdtempSync(path.join(os.tmpdir(), "pintu-depan-outage-"));
  chmodSync(work, 0o755);
  const pgDir = path.join(work, "pg");
  mkdirSync(pgDir, { mode: 0o700 });
  if (asRoot) {
    const owner = postgresOwner();
    chownSync(pgDir, owner.uid, owner.gid);
  }
  const dataDir = path.join(pgDir, "data");
  const port = await freePort();
  const pgOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${pgDir}`;
  const startPg = () => runPg(bin, "pg_ctl", ["start", "-D", dataDir, "-l", path.join(pgDir, "log"), "-w", "-t", "60", "-o", pgOptions]);
  const stopPg = () => runPg(bin, "pg_ctl", ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"]);
  let pgRunning = false;
  let portal: RunningServer | null = null;
  try {
    await runPg(bin, "initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await startPg();
    pgRunning = true;
    const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    console.log(`throwaway PostgreSQL (${path.basename(path.dirname(bin))}) on 127.0.0.1:${port}`);

    buildIfNeeded();
    const appData = path.join(work, "app");
    // The public page cache off: every page and API request must reach the database, so the test
    // sees how each answers when it is gone (with the cache, a cached public page is answered from
    // it for up to PUBLIC_CACHE_SECONDS, which hides nothing here). The test is about the outage,
    // not about a crowd: the unit-volume minimum is far above its ratings, so none is challenged.
    portal = await startServer({
      DATABASE_URL: url,
      DATA_DIR: appData,
      DEMO_DATA: "off",
      TRUST_PROXY: "1",
      LOG_LEVEL: "error",
      PUBLIC_CACHE_SECONDS: "0",
      SKM_UNIT_DAY_MIN: "10000000",
    });
    const base = portal.baseUrl;
    console.log(`portal on ${base}`);
    serviceId = /name="serviceId" value="(\d+)"/.exec(await (await fetch(`${base}${FORM}`)).text())?.[1] ?? "";
    if (!serviceId) throw new Error("the rating form lists no service");

    const phaseEnds = { before: 0, outage: 0 };
    let recovered = false;
    let finished = false;
    const started = Date.now();
    const running = load(base, () => finished);

    await sleep(BEFORE_MS);
    phase = "outage";
    await stopPg();
    pgRunning = false;
    const stoppedAt = Date.now();
    phaseEnds.before = stoppedAt - started;
    await sleep(OUTAGE_MS);
    const health = await request(base, targets.healthz);
    if ((health ? (await check("healthz", targets.healthz, health)).status : 0) !== 503) fail("outage: /healthz did not answer 503");

    phase = "recovery";
    await startPg();
    pgRunning = true;
    const restartedAt = Date.now();
    phaseEnds.outage = restartedAt - stoppedAt;
    // Recovered: /healthz and the pages answer 200 again, all by themselves.
    while (Date.now() - restartedAt < RECOVERY_LIMIT_MS) {
      const answers = await Promise.all(
        (Object.entries(targets) as Array<[keyof typeof targets, string]>).map(async ([kind, target]) => {
          const response = await request(base, target);
          return response ? (await check(kind, target, response)).status : 0;
        }),
      );
      if (answers.every((s) => s === 200)) {
        recovered = true;
        break;
      }
      await sleep(100);
    }
    const recoveryMs = Date.now() - restartedAt;
    if (!recovered) fail(`the portal did not recover within ${RECOVERY_LIMIT_MS / 1000} s of the database coming back`);
    phase = "after";
    await sleep(AFTER_MS);
    finished = true;
    await running;

    // A form refused with 503 can simply be sent again: it is stored once, whether or not its
    // first sending reached the database before the connection broke.
    const resent = [...tally.refused];
    for (const token of resent) {
      const status = await post(base, token);
      if (status === 303) tally.accepted.push(token);
      else fail(`a rating refused during the outage, sent again, answered ${status}`);
    }

    // Nothing accepted lost, nothing counted twice: every rating answered with the thanks page
    // is stored, exactly once.
    const secrets = JSON.parse(readFileSync(path.join(appData, "secrets.json"), "utf8")) as { HASH_KEY: string };
    const hashKey = Buffer.from(secrets.HASH_KEY, "base64");
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const hashes = tally.accepted.map((t) => keyedHash(hashKey, "skm-token", t));
      const [found] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM skm_submissions WHERE token_hash = ANY(${hashes})`;
      const [rows] = await db<{ n: number }[]>`SELECT count(*)::int AS n FROM skm_responses WHERE source = 'web'`;
      if (found!.n !== hashes.length) fail(`${hashes.length - found!.n} of ${hashes.length} accepted ratings are not stored`);
      if (rows!.n !== hashes.length) fail(`${rows!.n} web ratings stored for ${hashes.length} accepted`);
      console.log(`ratings accepted: ${hashes.length} (${resent.length} of them sent again after a 503), stored: ${found!.n} found by token, ${rows!.n} rows`);
    } finally {
      await db.end();
    }

    const outage503 = [...tally.statuses].filter(([k]) => k.startsWith("outage ") && k.endsWith(" 503")).reduce((n, [, v]) => n + v, 0);
    if (outage503 === 0) fail("no 503 was observed during the outage");
    for (const kind of ["page", "api", "rating"] as const) {
      if (!tally.statuses.has(`outage ${kind} 503`)) fail(`no ${kind} request got a 503 during the outage`);
    }

    console.log(`requests: ${tally.requests} (connection errors: ${tally.connectionErrors})`);
    for (const [key, n] of [...tally.statuses].sort()) console.log(`  ${key}: ${n}`);
    console.log(`slowest answer (ms) by phase sent in: ${[...tally.slowest].map(([k, ms]) => `${k} ${ms}`).join(", ")}`);
    console.log(`load before the outage ${phaseEnds.before} ms, outage ${phaseEnds.outage} ms; 503 answers during the outage: ${outage503}`);
    console.log(`recovered ${recovered ? "" : "NOT "}within ${recoveryMs} ms of PostgreSQL accepting connections again, without restarting the portal`);
    if (portal.process.exitCode !== null) fail(`the portal exited (${portal.process.exitCode})`);
  } finally {
    const output = portal?.output();
    if (portal) await portal.stop();
    if (pgRunning) {
      try {
        await stopPg();
      } catch (error) {
        console.error((error as Error).message);
      }
    }
    rmSync(work, { recursive: true, force: true });
    if (failures.length > 0 && output?.stderr) console.error(`portal stderr:\n${output.stderr.slice(-4000)}`);
  }
}

try {
  await main();
} catch (error) {
  fail((error as Error).stack ?? String(error));
}
if (failures.length > 0) {
  console.error(`\nDATABASE OUTAGE TEST FAILED:\n${failures.map((f) => `- ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("database outage test passed");
