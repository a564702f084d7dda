/**
 * Part 4 of `npm run bench`: the public pages and APIs at the demo size and at city and
 * province scale. The portal starts on a fresh database with the demo data and each route is
 * measured; the server stops, scripts/generate-scale-data.ts adds (by default) 1 million SKM
 * ratings, 100 thousand perception answers and 10 thousand reports over the two regions and
 * two years, the server starts again on the same database and each route is measured again.
 * Target: each route's mean time per request at most 2× its time at the demo size.
 *
 * Environment: BENCH_SCALE_DRIVERS (default postgres; PGlite takes several minutes more to
 * load), BENCH_SCALE_RATINGS / _PERCEPTION / _REPORTS (default 1000000 / 100000 / 10000).
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { secretsFromDataDir } from "../app/utils/secrets.server";
import { generateScaleData } from "../scripts/generate-scale-data";
import type { BenchContext, BenchPart, Driver, LoadResult } from "./lib";
import { fixed } from "./lib";

const REGION = "kota-palangka-raya";
const UNIT = "disdukcapil";
const YEAR = new Date().getUTCFullYear();

const ROUTES: Array<{ label: string; path: string }> = [
  { label: "`/`", path: "/" },
  { label: "unit page", path: `/units/${REGION}/${UNIT}` },
  { label: "unit report (respondent profile)", path: `/units/${REGION}/${UNIT}/report?period=${YEAR}` },
  { label: "region page", path: `/regions/${REGION}` },
  { label: "province page", path: "/provinces/kalimantan-tengah" },
  { label: "open data", path: "/open-data" },
  { label: "SKM API (a year)", path: `/api/v1/units/${REGION}/${UNIT}/skm?period=${YEAR}` },
  { label: "perception API (a year)", path: `/api/v1/units/${REGION}/${UNIT}/perception?period=${YEAR}` },
];

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${raw}`);
  return value;
}

/** Mean milliseconds per request of one connection's view (connections / throughput). */
const meanMs = (r: LoadResult, connections: number) => (r.requestsPerSecond > 0 ? (1000 * connections) / r.requestsPerSecond : Number.NaN);

async function measureAll(context: BenchContext, baseUrl: string): Promise<LoadResult[]> {
  for (const route of ROUTES) await context.load(`${baseUrl}${route.path}`, { seconds: 1 });
  const results: LoadResult[] = [];
  for (const route of ROUTES) {
    console.log(`  ${route.path}`);
    results.push(await context.load(`${baseUrl}${route.path}`));
  }
  return results;
}

async function measure(context: BenchContext, driver: Driver) {
  const counts = {
    ratings: intEnv("BENCH_SCALE_RATINGS", 1_000_000),
    perception: intEnv("BENCH_SCALE_PERCEPTION", 100_000),
    reports: intEnv("BENCH_SCALE_REPORTS", 10_000),
    months: 24,
  };
  const dataDir = context.tempDir(`scale-${driver}`);
  const location = driver === "pglite" ? path.join(dataDir, "pglite") : await context.createDatabase("scale");
  // Nothing kept between requests (PUBLIC_CACHE_SECONDS=0): a kept page costs the same at any
  // size, so what is compared is the render, which is what could grow with the data.
  const env = { DATABASE_URL: driver === "pglite" ? `pglite:${location}` : location, DATA_DIR: dataDir, DEMO_DATA: "on", PUBLIC_CACHE_SECONDS: "0" };

  console.log(`[${driver}] demo size`);
  let portal = await context.startPortal(driver, env);
  const small = await measureAll(context, portal.baseUrl);
  await portal.stop();

  console.log(`[${driver}] generating ${counts.ratings.toLocaleString("en-US")} ratings, ${counts.perception.toLocaleString("en-US")} perception answers, ${counts.reports.toLocaleString("en-US")} reports`);
  const handle = await openDatabase(driver === "pglite" ? { driver, dataDir: location } : { driver, url: location });
  const started = performance.now();
  try {
    await generateScaleData(handle.db, secretsFromDataDir(dataDir), counts, (line) => console.log(`  ${line}`));
  } finally {
    await handle.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;

  console.log(`[${driver}] city and province size`);
  portal = await context.startPortal(driver, env);
  const large = await measureAll(context, portal.baseUrl);
  await portal.stop();

  const connections = context.settings.connections;
  const rows = ROUTES.map((route, i) => {
    const a = small[i]!;
    const b = large[i]!;
    const ratio = meanMs(b, connections) / meanMs(a, connections);
    const problems = [a, b].some((r) => r.errors + r.unexpected > 0) ? `; errors or unexpected status at ${a.errors + a.unexpected > 0 ? "demo" : "scale"} size` : "";
    return [
      `${driver === "postgres" ? "PostgreSQL" : "PGlite"}: ${route.label}`,
      fixed(a.requestsPerSecond),
      `${fixed(meanMs(a, connections), 1)} ms`,
      fixed(b.requestsPerSecond),
      `${fixed(meanMs(b, connections), 1)} ms`,
      `${ratio.toFixed(2)}×${ratio <= 2 ? "" : " **not met**"}${problems}`,
    ];
  });
  return { rows, loadSeconds, counts };
}

export const scalePart: BenchPart = {
  id: "scale",
  async run(context) {
    const drivers = (process.env.BENCH_SCALE_DRIVERS || "postgres").split(",").map((d) => d.trim()) as Driver[];
    const rows: string[][] = [];
    const loads: string[] = [];
    for (const driver of drivers) {
      const result = await measure(context, driver);
      rows.push(...result.rows);
      loads.push(
        `${driver === "postgres" ? "PostgreSQL" : "PGlite"}: ${result.counts.ratings.toLocaleString("en-US")} ratings, ` +
          `${result.counts.perception.toLocaleString("en-US")} perception answers and ${result.counts.reports.toLocaleString("en-US")} reports ` +
          `generated and loaded (totals rebuilt) in ${result.loadSeconds.toFixed(0)} s.`,
      );
    }
    return [
      {
        title: "Public pages at demo size and at city and province scale",
        intro: [
          `Each route under load (${context.settings.connections} connections, ${context.settings.seconds} s, no page kept: PUBLIC_CACHE_SECONDS=0) on the demo data, ` +
            "then on the same database after `npm run data:scale`'s generator (two regions, two years). " +
            "Time per request = connections ÷ requests per second. Target: at most 2× the demo size.",
        ],
        columns: ["route", "demo: requests/s", "demo: time", "scale: requests/s", "scale: time", "ratio (≤ 2×)"],
        rows,
        notes: loads,
      },
    ];
  },
};
