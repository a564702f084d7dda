/**
 * `npm run bench`: every benchmark of the portal in one run, on a fresh clone.
 *
 * Builds the portal and the bare baseline (bench/bare) when needed, starts the bare baseline,
 * then runs each part (a module bench/<part>.ts exporting a BenchPart) in turn. Each part
 * returns its tables; the runner prints them and writes each into its own block of
 * docs/performance.md (between `<!-- bench:<id> -->` and `<!-- /bench:<id> -->`, replaced on
 * every run; the rest of the file is left as it is), under a heading with the machine and the
 * date. Everything started (servers, temporary folders, PostgreSQL databases) is stopped and
 * removed at the end, also on failure or Ctrl-C.
 *
 * Environment (all optional):
 *   BENCH_PARTS          comma-separated part ids to run (default all, in the order below)
 *   BENCH_SECONDS        seconds of load per route (default 8)
 *   BENCH_CONNECTIONS    connections of the page runs (default 10)
 *   BENCH_DRIVERS        pglite,postgres (default both)
 *   BENCH_DATABASE_URL   maintenance connection (default postgres://postgres@127.0.0.1:5432/postgres),
 *                        used only to create and drop pd_bench_* databases
 *   BENCH_WRITE          off: print only, leave docs/performance.md alone
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed";
import {
  cleanupAll,
  createDatabase,
  load,
  onCleanup,
  startManaged,
  tempDir,
  type BenchContext,
  type BenchPart,
  type BenchSection,
  type BenchSettings,
  type Driver,
} from "./lib";
import { jsPart } from "./js";
import { pagesPart } from "./pages";
import { ratingsPart } from "./ratings";
import { scalePart } from "./scale";
import { processesPart } from "./processes";
import { pglitePart } from "./pglite";

/** Every part, in the order they run. */
const PARTS: BenchPart[] = [jsPart, pagesPart, ratingsPart, scalePart, processesPart, pglitePart];

const DOC = "docs/performance.md";
const BARE = "bench/bare";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
}

const settings: BenchSettings = {
  seconds: intEnv("BENCH_SECONDS", 8),
  connections: intEnv("BENCH_CONNECTIONS", 10),
  drivers: (process.env.BENCH_DRIVERS || "postgres,pglite").split(",").map((d) => d.trim()) as Driver[],
  maintenanceUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
};
for (const d of settings.drivers) {
  if (d !== "pglite" && d !== "postgres") throw new Error(`BENCH_DRIVERS: unknown driver ${d}`);
}
const chosen = process.env.BENCH_PARTS ? process.env.BENCH_PARTS.split(",").map((p) => p.trim()) : PARTS.map((p) => p.id);
for (const id of chosen) {
  if (!PARTS.some((p) => p.id === id)) throw new Error(`BENCH_PARTS: unknown part ${id} (known: ${PARTS.map((p) => p.id).join(", ")})`);
}

let exit: Promise<never> | null = null;
function abort(reason: string, code: number): Promise<never> {
  exit ??= (async () => {
    console.error(reason);
    await cleanupAll();
    process.exit(code);
  })();
  return exit;
}
process.on("SIGINT", () => void abort("interrupted: cleaning up", 130));
process.on("SIGTERM", () => void abort("terminated: cleaning up", 143));
const WATCHDOG_MINUTES = 20;
setTimeout(() => void abort(`benchmark still running after ${WATCHDOG_MINUTES} minutes: giving up`, 1), WATCHDOG_MINUTES * 60_000).unref();

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((n, name) => Math.max(n, newest(path.join(entry, name))), stat.mtimeMs);
}

function buildBareIfNeeded(): void {
  const built = path.join(BARE, "build/index.js");
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(path.join(BARE, "app")), newest(path.join(BARE, "remix.config.js")))) return;
  console.log("Building the bare baseline…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: BARE,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix build of ${BARE} failed with exit code ${result.status}`);
}

function table(section: BenchSection): string {
  const lines = [`### ${section.title}`, ""];
  for (const p of section.intro ?? []) lines.push(p, "");
  lines.push(`| ${section.columns.join(" | ")} |`, `|${section.columns.map(() => "---").join("|")}|`);
  for (const row of section.rows) lines.push(`| ${row.join(" | ")} |`);
  lines.push("");
  for (const p of section.notes ?? []) lines.push(p, "");
  return lines.join("\n");
}

/** Replaces (or appends) the block between <!-- bench:id --> and <!-- /bench:id -->. */
function replaceBlock(doc: string, id: string, content: string): string {
  const open = `<!-- bench:${id} -->`;
  const close = `<!-- /bench:${id} -->`;
  const block = `${open}\n${content.trimEnd()}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start !== -1 && end > start) return doc.slice(0, start) + block + doc.slice(end + close.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

async function main() {
  const started = new Date();
  buildIfNeeded();
  buildBareIfNeeded();
  const bare = await startManaged({}, { script: path.join(BARE, "server.ts") });
  const context: BenchContext = {
    settings,
    onCleanup,
    tempDir,
    createDatabase: (purpose) => createDatabase(settings.maintenanceUrl, purpose),
    startPortal: async (driver, env = {}, nodeArgs = []) => {
      const dataDir = tempDir(`portal-${driver}`);
      const url = driver === "pglite" ? `pglite:${path.join(dataDir, "pglite")}` : await createDatabase(settings.maintenanceUrl, "pages");
      return startManaged({ DATABASE_URL: url, DATA_DIR: dataDir, DEMO_DATA: "on", LOG_LEVEL: "warn", ...env }, { nodeArgs });
    },
    bare,
    load: (url, options) => load(url, settings, options),
    measureBare: (options) => load(`${bare.baseUrl}/`, settings, options),
  };

  const results: Array<{ part: BenchPart; sections: BenchSection[] }> = [];
  for (const part of PARTS.filter((p) => chosen.includes(p.id))) {
    console.log(`\n== ${part.id} ==`);
    const partStarted = Date.now();
    let sections: BenchSection[];
    try {
      sections = await part.run(context);
    } catch (error) {
      console.error(`part ${part.id} failed: ${(error as Error).stack ?? String(error)}`);
      sections = [{ title: `${part.id}: failed`, columns: ["error"], rows: [[(error as Error).message.replace(/\|/g, "\\|").replace(/\n/g, " ")]] }];
    }
    console.log(`(${part.id}: ${((Date.now() - partStarted) / 1000).toFixed(0)} s)`);
    for (const s of sections) console.log(`\n${table(s)}`);
    results.push({ part, sections });
  }

  const cpu = cpus();
  const machine =
    `Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC (${Math.round((Date.now() - started.getTime()) / 1000)} s): ` +
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? "cpu"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ` +
    `load average ${loadavg()[0]!.toFixed(1)} at the end. ${settings.connections} connections, ${settings.seconds} s per route.`;
  console.log(`\n${machine}`);
  if (process.env.BENCH_WRITE === "off") return;
  let doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Performance figures\n";
  doc = replaceBlock(doc, "run", `## \`npm run bench\`: the latest run\n\n${machine}`);
  for (const { part, sections } of results) doc = replaceBlock(doc, part.id, sections.map(table).join("\n"));
  writeFileSync(DOC, doc);
  console.log(`written to ${DOC}`);
}

try {
  await main();
  await cleanupAll();
  process.exit(0);
} catch (error) {
  console.error(`benchmark failed: ${(error as Error).stack ?? String(error)}`);
  await abort("cleaning up", 1);
}
