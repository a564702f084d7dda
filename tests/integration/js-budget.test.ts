/**
 * The JavaScript each public page makes a browser load, gzipped as served, stays within its
 * budget (scripts/support/js-budget.ts; docs/performance.md, "Lean pages"). Read from the
 * build's manifest, the way the browser is told what to load, and checked against the pages
 * themselves: a page loads exactly the scripts counted, and a page whose route opts out of
 * hydration loads no framework, only the plain scripts its route lists (often none).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { JS_BUDGETS, JS_CEILINGS, readBrowserManifest, routeJs } from "../../scripts/support/js-budget";
import { pageScripts, type PageScripts } from "../../scripts/support/hydration";
import { seededAppForFile } from "../helpers/seeded-app";

const seeded = seededAppForFile();
let pages: Map<string, PageScripts>;
beforeAll(async () => {
  pages = await pageScripts();
});
const jsOf = (manifest: ReturnType<typeof readBrowserManifest>, routeId: string) => routeJs(manifest, routeId, { page: pages.get(routeId) });

/**
 * Every script of this origin a page's HTML makes the browser fetch: module preloads, module
 * imports and plain <script src>.
 */
function scriptsOf(html: string): Set<string> {
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
  const imports = [...html.matchAll(/import(?:\s+\*\s+as\s+\w+\s+from)?\s*\(?"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const plain = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  for (const src of plain) expect(src, "a script of another origin").toMatch(/^\/(?!\/)/);
  return new Set([...preloads, ...imports, ...plain]);
}

describe("JavaScript budgets", () => {
  const manifest = readBrowserManifest();

  for (const [routeId, target] of Object.entries(JS_BUDGETS)) {
    // A route not yet at its target is held to its ceiling, so that it cannot grow either.
    const budget = JS_CEILINGS[routeId] ?? target;
    it(`${routeId} loads at most ${budget / 1000} KB gzipped`, () => {
      const js = jsOf(manifest, routeId);
      expect(js.gzipBytes, `${routeId}: ${js.files.join(", ")}`).toBeLessThanOrEqual(budget);
    });
  }

  it("lists only routes over their target as exceptions", () => {
    for (const routeId of Object.keys(JS_CEILINGS)) {
      const js = jsOf(manifest, routeId);
      expect(js.gzipBytes, `${routeId} meets its target now: drop its ceiling`).toBeGreaterThan(JS_BUDGETS[routeId]!);
    }
  });

  it("counts what a page really loads", async () => {
    const html = await (await seeded.app.get("/")).text();
    expect(scriptsOf(html)).toEqual(new Set(routeJs(manifest, "routes/_index").files));
    expect(scriptsOf(html).size).toBeGreaterThan(0);
    // A figure page ships none.
    const unitPage = await (await seeded.app.get("/units/kota-palangka-raya/disdukcapil")).text();
    expect(scriptsOf(unitPage)).toEqual(new Set(jsOf(manifest, "routes/units.$region.$unit").files));
    expect(unitPage).not.toMatch(/<script/);
  });

  it("sends the report pages no framework, only the plain script the form's route lists", async () => {
    for (const [path, routeId] of [
      ["/report", "routes/report._index"],
      ["/report?unit=kota-palangka-raya/disdukcapil", "routes/report._index"],
      ["/report/case", "routes/report.case"],
    ] as const) {
      const html = await (await seeded.app.get(path)).text();
      expect(html, path).toContain("<form");
      expect(scriptsOf(html), path).toEqual(new Set(jsOf(manifest, routeId).files));
      expect(html, path).not.toMatch(/\/build\/[^"]*\.js/);
    }
    expect(jsOf(manifest, "routes/report._index").files).toEqual(["/enhance/report.js"]);
    expect(jsOf(manifest, "routes/report.case").files).toEqual([]);
  });

  it("sends no script at all with the rating pages, which work as plain forms", async () => {
    for (const path of ["/rate/kota-palangka-raya/disdukcapil", "/rate/kota-palangka-raya/disdukcapil/perception"]) {
      const html = await (await seeded.app.get(path)).text();
      expect(html, path).toContain("<form");
      expect(scriptsOf(html).size, path).toBe(0);
      expect(html, path).not.toMatch(/<script/);
    }
  });
});
