/**
 * The JavaScript a browser loads for a page of the production build, and the budget each
 * public page must stay within (docs/performance.md, "Lean pages"). Read from the build
 * manifest (public/build/manifest-*.js): the client entry, and the module of every route from
 * the root down to the page, with every chunk they import, counted once each and gzipped as
 * the server sends them (compression's default level). A route whose handle says
 * `hydrate: false` ships no framework (app/root.tsx renders no <Scripts/> there): only the
 * small plain scripts from public/ its handle lists, if any, which are counted instead.
 * Shared support code (scripts/support): the budget test and `npm run bench` both use it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { PageScripts } from "./hydration";

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface BrowserManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

/**
 * Compressed bytes allowed per public route id (KB = 1,000 bytes): 100 KB for the rating and
 * report pages, which residents open from a QR poster on a cheap phone, 115 KB for the other
 * public pages.
 */
export const JS_BUDGETS: Record<string, number> = {
  "routes/rate.$region.$unit._index": 100_000,
  "routes/rate.$region.$unit.perception": 100_000,
  "routes/rate.$region.$unit.thanks": 100_000,
  "routes/report._index": 100_000,
  "routes/report.case": 100_000,
  "routes/_index": 115_000,
  "routes/regions.$region": 115_000,
  "routes/units.$region.$unit": 115_000,
  "routes/provinces.$province": 115_000,
  "routes/open-data._index": 115_000,
  "routes/units.$region.$unit_.report": 115_000,
  "routes/rate._index": 115_000,
  "routes/language": 115_000,
};

/**
 * Routes that do not meet their budget yet, with the ceiling the test holds them to instead
 * (their size when the budget was set, rounded up) so that they cannot grow unnoticed; the
 * test fails once such a route meets its budget, so that its ceiling is dropped. None today:
 * the report form and the case page, which hydrated for their enhancements at about 138 and
 * 135 KB, ship no framework since those became one small plain script (public/enhance/report.js).
 * docs/performance.md, "Lean pages".
 */
export const JS_CEILINGS: Record<string, number> = {};

export function readBrowserManifest(publicBuildDir = path.resolve("public/build")): BrowserManifest {
  const file = readdirSync(publicBuildDir).find((name) => /^manifest-[A-Z0-9]+\.js$/.test(name));
  if (!file) throw new Error(`no manifest-*.js in ${publicBuildDir}: build the app first`);
  const text = readFileSync(path.join(publicBuildDir, file), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return JSON.parse(json) as BrowserManifest;
}

export interface RouteJs {
  routeId: string;
  /** Browser paths of every script the page loads. */
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(publicDir: string, browserPath: string): { raw: number; gzip: number } {
  const file = path.join(publicDir, browserPath);
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    size = { raw: bytes.byteLength, gzip: gzipSync(bytes).byteLength };
    sizes.set(file, size);
  }
  return size;
}

/**
 * What a first visit to the route loads. `page` (from `pageScripts()`) says whether the route
 * hydrates; when it does not, the page loads only its plain scripts (often none) and not the
 * framework. Without `page` the route is taken to hydrate.
 */
export function routeJs(manifest: BrowserManifest, routeId: string, options: { page?: PageScripts; publicDir?: string } = {}): RouteJs {
  const publicDir = options.publicDir ?? path.resolve("public");
  if (options.page && !options.page.hydrated) return { routeId, ...measured(publicDir, options.page.plain) };
  const chain: ManifestRoute[] = [];
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    chain.unshift(route);
  }
  if (chain.length === 0) throw new Error(`route ${routeId} is not in the build manifest`);
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const route of chain) {
    files.add(route.module);
    for (const i of route.imports ?? []) files.add(i);
  }
  return { routeId, ...measured(publicDir, [...files]) };
}

function measured(publicDir: string, files: string[]): Omit<RouteJs, "routeId"> {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const s = sizeOf(publicDir, f);
    gzipBytes += s.gzip;
    rawBytes += s.raw;
  }
  return { files, gzipBytes, rawBytes };
}
