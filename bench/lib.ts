/**
 * What the parts of `npm run bench` (bench/run.ts) share: clean-up of everything they start,
 * throwaway PostgreSQL databases, the portal and the bare baseline as real servers, and
 * autocannon load runs. A part is a module bench/<part>.ts exporting a `BenchPart`; it gets a
 * `BenchContext` and returns sections (a table each) that the runner prints and writes into
 * docs/performance.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { startServer, type RunningServer } from "../scripts/support/server";

export type Driver = "pglite" | "postgres";

export interface BenchSettings {
  /** Seconds of load per measured route (BENCH_SECONDS, default 8). */
  seconds: number;
  /** Connections of a page load run (BENCH_CONNECTIONS, default 10). */
  connections: number;
  drivers: Driver[];
  /** Maintenance connection used only to create and drop pd_bench_* databases. */
  maintenanceUrl: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Answers whose status was not the one expected. */
  unexpected: number;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** A fresh request per call (a new token per rating); overrides method/body/headers. */
  request?: () => { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
  /** Status counted as success (default 200). */
  expect?: number;
}

export interface BenchSection {
  title: string;
  /** Paragraphs before the table (Markdown). */
  intro?: string[];
  columns: string[];
  rows: string[][];
  /** Paragraphs after the table: what limits a target, what would lift it. */
  notes?: string[];
}

export interface BenchContext {
  settings: BenchSettings;
  /** Registers a clean-up step, run in reverse order at the end or on failure; returns a function that runs it early. */
  onCleanup(what: string, run: () => Promise<void> | void): () => Promise<void>;
  tempDir(label: string): string;
  /** A fresh, empty PostgreSQL database (dropped at the end); its URL. */
  createDatabase(purpose: string): Promise<string>;
  /** The portal (scripts/server.ts, production build) on a fresh database of the driver, stopped at the end. */
  startPortal(driver: Driver, env?: Record<string, string>, nodeArgs?: string[]): Promise<RunningServer>;
  /** The bare baseline (bench/bare), running for the whole run. */
  bare: RunningServer;
  /** Load on one URL with autocannon. */
  load(url: string, options?: LoadOptions): Promise<LoadResult>;
  /** The bare route measured now with the same options (compare ratios within one part). */
  measureBare(options?: LoadOptions): Promise<LoadResult>;
}

export interface BenchPart {
  /** Short name, used by BENCH_PARTS to choose parts. */
  id: string;
  run(context: BenchContext): Promise<BenchSection[]>;
}

// ---------------------------------------------------------------------------------------------

const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];

export function onCleanup(what: string, run: () => Promise<void> | void): () => Promise<void> {
  const entry = { what, run };
  cleanups.push(entry);
  return async () => {
    const index = cleanups.indexOf(entry);
    if (index === -1) return;
    cleanups.splice(index, 1);
    await entry.run();
  };
}

export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    if (!entry) break;
    let timer: NodeJS.Timeout | undefined;
    try {
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

export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pd-bench-${label}-`));
  onCleanup(`temporary folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function withMaintenance<T>(maintenanceUrl: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function createDatabase(maintenanceUrl: string, purpose: string): Promise<string> {
  const name = `pd_bench_${randomBytes(4).toString("hex")}_${purpose}`;
  await withMaintenance(maintenanceUrl, (admin) => admin.unsafe(`CREATE DATABASE "${name}"`));
  onCleanup(`database ${name}`, () =>
    withMaintenance(maintenanceUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  );
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts a server and registers its stop (SIGKILL if it does not stop in 15 s). */
export async function startManaged(env: Record<string, string>, options: Parameters<typeof startServer>[1] = {}): Promise<RunningServer> {
  const server = await startServer(env, options);
  if (!server.baseUrl.startsWith("http://127.0.0.1:")) throw new Error(`refusing to load ${server.baseUrl}`);
  onCleanup(`server ${server.baseUrl}`, async () => {
    const timer = setTimeout(() => server.process.kill("SIGKILL"), 15_000);
    await server.stop();
    clearTimeout(timer);
  });
  return server;
}

export async function load(url: string, settings: BenchSettings, options: LoadOptions = {}): Promise<LoadResult> {
  const expect = options.expect ?? 200;
  let unexpected = 0;
  const result = await autocannon({
    url,
    connections: options.connections ?? settings.connections,
    duration: options.seconds ?? settings.seconds,
    method: options.method ?? "GET",
    headers: { "accept-encoding": "gzip", ...options.headers },
    body: options.body,
    requests: options.request
      ? [
          {
            setupRequest: (request) => {
              const next = options.request!();
              return { ...request, method: next.method ?? "GET", path: next.path, headers: { ...request.headers, ...next.headers }, body: next.body };
            },
          },
        ]
      : undefined,
    setupClient: (client) => {
      client.on("response", (status: number) => {
        if (status !== expect) unexpected++;
      });
    },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    unexpected,
  };
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);
export const ratio = (value: number, base: number) => (base > 0 ? (value / base).toFixed(2) : "—");
