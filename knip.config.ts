/**
 * Unused files, exports and dependencies: `npm run lint:dead`, which `npm run lint` (and so CI)
 * runs after eslint.
 * The Remix plugin supplies app/root.tsx, app/entry.*.tsx, app/routes/** and remix.config.js;
 * the Vitest plugin the test files, vitest configs and their global set-ups; the package.json
 * scripts the command-line entries. Anything kept although knip flags it is listed below with
 * its reason.
 */
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: [
    // Command-line scripts and benchmarks, whether or not a package.json script names them.
    "scripts/*.ts",
    "bench/*.ts",
    // Run as a child process of bench/pglite.ts, once per PGlite version.
    "bench/support/pglite-probe.ts",
    // The bare Remix app the benchmark compares the portal with, built and served by bench/run.ts.
    "bench/bare/server.ts",
    "bench/bare/remix.config.js",
    "bench/bare/app/**/*.tsx",
    // Loaded through NODE_OPTIONS by `npm run test:later`, which knip does not follow.
    "tests/setup/*.mjs",
    // Plain scripts the browser loads as they are, named by a route's handle (`scripts`).
    "public/enhance/*.js",
  ],
  ignoreUnresolved: [
    // test:later passes the clock shift as an absolute path so that child processes find it too.
    String.raw`^\$PWD/tests/setup/clock-shift\.mjs$`,
  ],
  ignoreIssues: {
    // Each regulation module exports its profiles by name and the one in force as CURRENT_*.
    "app/regulation/*.ts": ["duplicates"],
  },
};

export default config;
