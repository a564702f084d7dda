/**
 * Part 1 of `npm run bench`: the public pages under load (autocannon, 10 connections) on the
 * production build with the demo data, beside the bare Remix route measured in the same run,
 * on each driver.
 */
import type { BenchPart, BenchSection, LoadResult } from "./lib";
import { fixed, ratio } from "./lib";

const REGION = "kota-palangka-raya";
const UNIT = "disdukcapil";

/** Route, path, and the least ratio to the bare route it must reach (warm). */
const ROUTES: Array<{ label: string; path: string; target: number }> = [
  { label: "`/`", path: "/", target: 0.7 },
  { label: "rating form (GET)", path: `/rate/${REGION}/${UNIT}`, target: 0.7 },
  { label: "report form (GET)", path: "/report", target: 0.7 },
  { label: "unit page", path: `/units/${REGION}/${UNIT}`, target: 0.5 },
  { label: "region page", path: `/regions/${REGION}`, target: 0.5 },
  { label: "province page", path: "/provinces/kalimantan-tengah", target: 0.5 },
  { label: "open data", path: "/open-data", target: 0.5 },
  { label: "SKM API (a year)", path: `/api/v1/units/${REGION}/${UNIT}/skm?period=2025`, target: 0.5 },
];

const row = (label: string, r: LoadResult, bare: number, target?: number) => [
  label,
  fixed(r.requestsPerSecond),
  ratio(r.requestsPerSecond, bare),
  target === undefined ? "—" : `≥ ${target}${r.requestsPerSecond / bare >= target ? "" : " **not met**"}`,
  `${r.p99} ms`,
  r.errors + r.unexpected > 0 ? `${r.errors} errors, ${r.unexpected} unexpected status` : "",
];

export const pagesPart: BenchPart = {
  id: "pages",
  async run(context) {
    const sections: BenchSection[] = [];
    for (const driver of context.settings.drivers) {
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
        title: `Public pages, ${driver === "postgres" ? "PostgreSQL" : "PGlite"}`,
        columns: ["route", "requests/s", "ratio to bare", "target", "p99", "problems"],
        rows,
      });
    }
    return sections;
  },
};
