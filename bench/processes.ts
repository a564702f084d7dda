/**
 * Part 5 of `npm run bench`: more than one web process. `WEB_PROCESSES=N npm start`'s code path
 * (scripts/start.ts: Node's cluster, one port) on one PostgreSQL database with the demo data, for
 * N = 1, 2 and 4: rating POSTs at 20 connections (bench/ratings.ts: fresh tokens, stored =
 * accepted) and the unit page at the run's connections.
 *
 * Environment: BENCH_PROCESSES (default 1,2,4).
 */
import { openDatabase } from "../db/client";
import { sql } from "drizzle-orm";
import type { BenchPart } from "./lib";
import { fixed, startManaged } from "./lib";
import { CROWD_ENV, formServiceIds, postRatings, RATING_CONNECTIONS } from "./ratings";

const UNIT_PAGE = "/units/kota-palangka-raya/disdukcapil";

async function storedRatings(url: string): Promise<number> {
  const handle = await openDatabase({ driver: "postgres", url }, { maxConnections: 1 });
  try {
    const rows = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM skm_responses`)) as unknown as Array<{ n: number }>;
    return Number(rows[0]?.n ?? 0);
  } finally {
    await handle.close();
  }
}

export const processesPart: BenchPart = {
  id: "processes",
  async run(context) {
    const counts = (process.env.BENCH_PROCESSES || "1,2,4").split(",").map((n) => Number(n.trim()));
    const rows: string[][] = [];
    for (const processes of counts) {
      console.log(`[postgres] ${processes} web process(es)`);
      const url = await context.createDatabase(`p${processes}`);
      const dataDir = context.tempDir(`processes-${processes}`);
      const portal = await startManaged(
        { DATABASE_URL: url, DATA_DIR: dataDir, DEMO_DATA: "on", LOG_LEVEL: "warn", TRUST_PROXY: "1", WEB_PROCESSES: String(processes), ...CROWD_ENV },
        { script: "scripts/start.ts" },
      );
      // Every worker listens once it has opened the database: give the later ones time to join.
      await new Promise((resolve) => setTimeout(resolve, 3_000 * processes));
      const serviceIds = await formServiceIds(portal.baseUrl);
      const before = await storedRatings(url);
      await context.load(`${portal.baseUrl}${UNIT_PAGE}`, { seconds: 2 });
      const page = await context.load(`${portal.baseUrl}${UNIT_PAGE}`);
      const post = await postRatings(portal.baseUrl, serviceIds, RATING_CONNECTIONS, context.settings.seconds, processes * 10_000);
      const stored = (await storedRatings(url)) - before;
      await portal.stop();
      rows.push([
        String(processes),
        fixed(page.requestsPerSecond),
        `${page.p99} ms`,
        fixed(post.perSecond),
        `${post.p99} ms`,
        `${post.accepted} accepted, ${stored} stored${stored === post.accepted ? "" : " **mismatch**"}${post.errors > 0 ? `, ${post.errors} errors` : ""}`,
      ]);
    }
    return [
      {
        title: "Web processes on one PostgreSQL",
        intro: [
          "`WEB_PROCESSES=N` (scripts/start.ts, Node's cluster) on one PostgreSQL database with the demo data, on the same machine as " +
            `PostgreSQL and the load generator. Unit page at ${context.settings.connections} connections; rating POSTs at ${RATING_CONNECTIONS}.`,
        ],
        columns: ["processes", "unit page: requests/s", "unit page: p99", "rating POST: requests/s", "rating POST: p99", "stored = accepted"],
        rows,
      },
    ];
  },
};
