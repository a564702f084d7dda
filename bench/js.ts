/**
 * Part 3 of `npm run bench`: the JavaScript each public page loads, gzipped as served,
 * against its budget (scripts/support/js-budget.ts) and against the bare Remix app.
 */
import path from "node:path";
import { JS_BUDGETS, readBrowserManifest, routeJs } from "../scripts/support/js-budget";
import { hydratedRoutes } from "../scripts/support/hydration";
import type { BenchPart } from "./lib";

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export const jsPart: BenchPart = {
  id: "js",
  async run() {
    const manifest = readBrowserManifest();
    const hydrated = await hydratedRoutes();
    const bare = routeJs(readBrowserManifest("bench/bare/public/build"), "routes/_index", { publicDir: path.resolve("bench/bare/public") });
    const rows = [["bare Remix v2 + React 18 app", kb(bare.gzipBytes), "—", "—"]];
    let over = 0;
    for (const [routeId, budget] of Object.entries(JS_BUDGETS)) {
      const js = routeJs(manifest, routeId, { hydrated: hydrated.get(routeId) ?? true });
      if (js.gzipBytes > budget) over++;
      rows.push([`\`${routeId.replace(/^routes\//, "")}\``, js.gzipBytes === 0 ? "0 (no scripts)" : kb(js.gzipBytes), kb(budget), js.gzipBytes <= budget ? "yes" : "**no**"]);
    }
    return [
      {
        title: "JavaScript per page (KB gzipped, as served)",
        intro: ["Every script a first visit loads (client entry, the route modules from the root down, their chunks), read from the build manifest; `npm test` fails when a page passes its budget (tests/unit/js-budget.test.ts)."],
        columns: ["route", "JS (KB gz)", "budget", "within"],
        rows,
        notes: over > 0 ? [`${over} route(s) over budget.`] : [],
      },
    ];
  },
};
