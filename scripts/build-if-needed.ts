/** Builds the Remix app when build/ is missing or older than any of its sources. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "db", "locales", "remix.config.js", "package.json"];
export const SERVER_BUILD = "build/index.js";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIsStale(root = process.cwd()): boolean {
  const build = path.join(root, SERVER_BUILD);
  if (!existsSync(build)) return true;
  // `npm run dev` leaves a development build, which the production server cannot run.
  if (!readFileSync(build, "utf8").includes('mode = "production"')) return true;
  return statSync(build).mtimeMs < Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
}

export function buildIfNeeded(root = process.cwd()): void {
  if (!buildIsStale(root)) return;
  console.log("Building the app…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix build failed with exit code ${result.status}`);
}
