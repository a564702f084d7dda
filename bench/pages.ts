/**
 * Part 1 of `npm run bench`: the public pages under load (autocannon, 10 connections) on the
 * production build with the demo data, beside the bare Remix route measured in the same run,
 * on each driver.
 *
 *  - warm: the portal as deployed (public pages kept PUBLIC_CACHE_SECONDS, see ADR 025);
 *  - cold: the same portal with PUBLIC_CACHE_SECONDS=0, every request rendered, and the CPU
 *    time the server process spends per page (read from /proc, requests sent one at a time).
 */
import { readFileSync } from "node:fs";
import type { BenchPart, BenchSection, LoadResult } from "./lib";
import { fixed, ratio } from "./lib";

const REGION = "kota-palangka-raya";
const UNIT = "disdukcapil";
const UNIT_PAGE = `/units/${REGION}/${UNIT}`;

/** Route, path, and the least ratio to the bare route it must reach (warm). */
const ROUTES: Array<{ label: string; path: string; target?: number }> = [
  { label: "`/`", path: "/", target: 0.7 },
  { label: "rating form (GET)", path: `/rate/${REGION}/${UNIT}`, target: 0.7 },
  { label: "report form (GET)", path: "/report", target: 0.7 },
  { label: "unit page", path: UNIT_PAGE, target: 0.5 },
  { label: "region page", path: `/regions/${REGION}`, target: 0.5 },
  { label: "province page", path: "/provinces/kalimantan-tengah", target: 0.5 },
  { label: "open data", path: "/open-data" },
  { label: "SKM API (a year)", path: `/api/v1/units/${REGION}/${UNIT}/skm?period=2025` },
];
const COLD = [UNIT_PAGE, `/regions/${REGION}`, "/provinces/kalimantan-tengah", "/"];
const CPU_RUNS = 100;
/** Requests first, so that the figure is the page's cost rather than a new process's compiling (V8 optimises what runs often). */
const CPU_WARM_UP = 40;

const row = (label: string, r: LoadResult, bare: number, target?: number) => [
  label,
  fixed(r.requestsPerSecond),
  ratio(r.requestsPerSecond, bare),
  target === undefined ? "—" : `≥ ${target}${r.requestsPerSecond / bare >= target ? "" : " **not met**"}`,
  `${r.p99} ms`,
  r.errors + r.unexpected > 0 ? `${r.errors} errors, ${r.unexpected} unexpected status` : "",
];

/** User + system CPU time of a process so far, in ms (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function cpuPerRequest(baseUrl: string, pid: number, path: string): Promise<number> {
  for (let i = 0; i < CPU_WARM_UP; i++) await (await fetch(`${baseUrl}${path}`, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
  const before = cpuMs(pid);
  for (let i = 0; i < CPU_RUNS; i++) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { "accept-encoding": "gzip" } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }
  return (cpuMs(pid) - before) / CPU_RUNS;
}

export const pagesPart: BenchPart = {
  id: "pages",
  async run(context) {
    const sections: BenchSection[] = [];
    for (const driver of context.settings.drivers) {
      const name = driver === "postgres" ? "PostgreSQL" : "PGlite";
      console.log(`[${driver}] starting the portal with the demo data`);
      const portal = await context.startPortal(driver);
      for (const route of ROUTES) await context.load(`${portal.baseUrl}${route.path}`, { seconds: 1 });
      const bare = await context.measureBare();
      const rows = [row("bare Remix route", bare, bare.requestsPerSecond)];
      for (const route of ROUTES) {
        console.log(`[${driver}] ${route.path}`);
        rows.push(row(route.label, await context.load(`${portal.baseUrl}${route.path}`), bare.requestsPerSecond, route.target));
      }
      sections.push({
        title: `Public pages, warm, ${name}`,
        intro: [`The portal as deployed (public pages and empty forms kept ${30} s per address and language, ADR 025 and 028), ${context.settings.connections} connections, ${context.settings.seconds} s per route; the bare route measured just before.`],
        columns: ["route", "requests/s", "ratio to bare", "target", "p99", "problems"],
        rows,
        notes: [
          "The rating and report forms are kept as empty forms (ADR 028): rendered once per address and language with placeholders for the form's one-time token and the CSP nonce, each replaced by a fresh value in every answer, which still says no-store. Rendered afresh, a form costs Remix's route matching over the portal's 50 routes (about 3 ms per request; the bare app has two routes), React's render, translations and the unit's query.",
        ],
      });

      console.log(`[${driver}] cold: the portal with PUBLIC_CACHE_SECONDS=0`);
      const cold = await context.startPortal(driver, { PUBLIC_CACHE_SECONDS: "0" });
      const pid = cold.process.pid!;
      const coldRows: string[][] = [];
      const bareCpu = await cpuPerRequest(context.bare.baseUrl, context.bare.process.pid!, "/");
      coldRows.push(["bare Remix route", bareCpu.toFixed(1), "—", "—"]);
      let unitCpu = Number.NaN;
      for (const path of COLD) {
        const cpu = await cpuPerRequest(cold.baseUrl, pid, path);
        if (path.startsWith("/units/")) unitCpu = cpu;
        const load = await context.load(`${cold.baseUrl}${path}`, { seconds: Math.max(2, Math.round(context.settings.seconds / 2)) });
        coldRows.push([`\`${path}\``, cpu.toFixed(1), fixed(load.requestsPerSecond), `${load.p99} ms`]);
      }
      sections.push({
        title: `Public pages, cold (no page kept), ${name}`,
        intro: [
          `CPU time of the server process per request (user + system, from /proc; ${CPU_RUNS} requests one at a time, gzip, after ${CPU_WARM_UP} to warm the process up), then requests/s under load. The database's own CPU is not counted (PostgreSQL runs in its own processes; PGlite runs inside the server process and is counted).`,
        ],
        columns: ["route", "server CPU ms / request", "requests/s", "p99"],
        rows: coldRows,
        notes: [
          `Target: the unit page under 10 ms of CPU${unitCpu < 10 ? ", met" : ", **not met**"} (${unitCpu.toFixed(1)} ms). The region tables (SKM, IPAK/IPKP) are kept per process under the data version (ADR 027), so a cold page builds none unless the data changed, and the figure pages ship no scripts (no data serialised for hydration); what remains is React's render of the page, translations, Remix's route matching (all routes ranked on every call, several calls per page), gzip and the queries (docs/performance.md, "Public pages: where the time went"). Warm pages (above) are served from the kept copy and do not pay this.`,
        ],
      });
    }
    return sections;
  },
};
