/**
 * Part 3 of `npm run bench`: the JavaScript each public page loads, gzipped as served,
 * against its budget (scripts/support/js-budget.ts) and against the bare Remix app.
 */
import path from "node:path";
import { JS_BUDGETS, JS_CEILINGS, readBrowserManifest, routeJs } from "../scripts/support/js-budget";
import { pageScripts } from "../scripts/support/hydration";
import type { BenchPart } from "./lib";

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export const jsPart: BenchPart = {
  id: "js",
  async run() {
    const manifest = readBrowserManifest();
    const pages = await pageScripts();
    const bare = routeJs(readBrowserManifest("bench/bare/public/build"), "routes/_index", { publicDir: path.resolve("bench/bare/public") });
    const rows = [["bare Remix v2 + React 18 app", kb(bare.gzipBytes), "—", "—"]];
    let over = 0;
    for (const [routeId, budget] of Object.entries(JS_BUDGETS)) {
      const js = routeJs(manifest, routeId, { page: pages.get(routeId) });
      if (js.gzipBytes > budget) over++;
      const ceiling = JS_CEILINGS[routeId];
      const within = js.gzipBytes <= budget ? "yes" : ceiling !== undefined ? `**no** (held below ${kb(ceiling)})` : "**no**";
      rows.push([`\`${routeId.replace(/^routes\//, "")}\``, js.gzipBytes === 0 ? "0 (no scripts)" : pages.get(routeId)?.hydrated === false ? `${kb(js.gzipBytes)} (plain script, no framework)` : kb(js.gzipBytes), kb(budget), within]);
    }
    return [
      {
        title: "JavaScript per page (KB gzipped, as served)",
        intro: [
          "Every script a first visit loads, read from the build manifest: on a page that hydrates the client entry, the route modules from the root down and their chunks; on a page that ships no framework (`handle.hydrate: false`) only the plain scripts its route lists, if any. `npm test` fails when a page passes its budget (tests/integration/js-budget.test.ts).",
        ],
        columns: ["route", "JS (KB gz)", "budget", "within"],
        rows,
        notes:
          over > 0
            ? [
                `${over} route(s) over budget. The framework alone (React, React DOM, the Remix router) is about 85 KB: a page held to 100 KB ships none (handle.hydrate: false, as the rating and report pages do), its enhancements written as a small plain script (docs/performance.md, "Lean pages").`,
              ]
            : [],
      },
    ];
  },
};
