/**
 * Part 6 of `npm run bench`: the embedded database, the version the portal pins against the
 * current line. Both are installed under npm aliases into a temporary folder (never into the
 * project: `npm install pglite-a@npm:@electric-sql/pglite@<version>`, no install scripts),
 * then each is measured in a process of its own (bench/support/pglite-probe.ts): opening,
 * migrating and seeding the demo, resident memory, ratings per second through the rating
 * command, and the unit and region dashboards and the SKM API.
 *
 * Environment: BENCH_PGLITE_VERSIONS (default "<installed>,0.5.17"), BENCH_PGLITE_FOLDER (a
 * folder that already has the aliases pglite-0, pglite-1, … installed: no network needed).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchPart } from "./lib";

const installed = (JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as { version: string }).version;

interface Probe {
  version: string;
  open: number;
  migrateSeed: number;
  ratingsPerSecond: number;
  unitMs: number;
  regionMs: number;
  apiMs: number;
  rssMb: number;
}

export const pglitePart: BenchPart = {
  id: "pglite",
  async run(context) {
    const versions = (process.env.BENCH_PGLITE_VERSIONS || `${installed},0.5.17`).split(",").map((v) => v.trim());
    let folder = process.env.BENCH_PGLITE_FOLDER;
    if (!folder) {
      folder = context.tempDir("pglite-versions");
      writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "pglite-versions", private: true }));
      console.log(`installing PGlite ${versions.join(" and ")} into ${folder}`);
      execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", ...versions.map((v, i) => `pglite-${i}@npm:@electric-sql/pglite@${v}`)], {
        cwd: folder,
        stdio: "inherit",
      });
    }
    const probes: Probe[] = [];
    for (const [i] of versions.entries()) {
      console.log(`[pglite] measuring pglite-${i}`);
      const out = execFileSync(process.execPath, ["--import", "tsx", "bench/support/pglite-probe.ts", folder, `pglite-${i}`], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        timeout: 15 * 60_000,
      });
      probes.push(JSON.parse(out.trim().split("\n").pop()!) as Probe);
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const m = (ms: number) => `${ms.toFixed(1)} ms`;
    return [
      {
        title: "PGlite versions",
        intro: [
          "Each version in a process of its own, on a fresh database in a temporary folder, through the portal's db/client.ts " +
            "and drizzle's PGlite driver; 400 ratings through the rating command, 20 at a time; medians of 30 calls of each dashboard.",
        ],
        columns: ["version", "open", "migrate + demo seed", "resident memory", "ratings/s", "unit dashboard", "region dashboard", "SKM API"],
        rows: probes.map((p) => [
          `${p.version}${p.version === installed ? " (pinned)" : ""}`,
          s(p.open),
          s(p.migrateSeed),
          `${p.rssMb.toFixed(0)} MB`,
          p.ratingsPerSecond.toFixed(0),
          m(p.unitMs),
          m(p.regionMs),
          m(p.apiMs),
        ]),
      },
    ];
  },
};
