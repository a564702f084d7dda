/**
 * runExclusive and runLocked (app/utils/exclusive.server.ts) on the suite's database: on
 * PostgreSQL, two callers at once on two separate connection pools (as two processes would be)
 * run a job once, a periodic job does not run again within its period, and runLocked makes the
 * second caller wait; on PGlite (one process) the work just runs.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { jobRuns } from "../../db/schema";
import { runExclusive, runLocked } from "~/utils/exclusive.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
/** A second pool on the same database: another process, as far as PostgreSQL can tell. */
let other: DatabaseHandle | null = null;
beforeAll(async () => {
  database = await createTestDatabase();
  if (database.url) other = await openDatabase({ driver: "postgres", url: database.url }, { maxConnections: 2 });
});
afterAll(async () => {
  await other?.close();
  await database.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("exclusive jobs", () => {
  it("run once when two processes start the same job at the same moment (PostgreSQL), and just run on PGlite", async () => {
    const now = new Date("2026-12-03T01:00:00Z");
    let runs = 0;
    const job = async () => {
      runs += 1;
      await pause(300);
    };
    const results = await Promise.all([
      runExclusive(database.db, "test-job", job, { now }),
      runExclusive((other ?? database).db, "test-job", job, { now }),
    ]);
    if (other) {
      expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
      expect(runs).toBe(1);
    } else {
      expect(results.map((r) => r.ran)).toEqual([true, true]);
    }
    const [row] = await database.db.select().from(jobRuns).where(eq(jobRuns.name, "test-job"));
    expect(row?.finishedAt.toISOString()).toBe(now.toISOString());
  });

  it("skip a periodic job that ran within its period (PostgreSQL), and run it once the period is over", async () => {
    if (!other) return;
    const hour = 3_600_000;
    const first = new Date("2026-12-03T02:00:00Z");
    expect((await runExclusive(database.db, "hourly", async () => {}, { every: hour, now: first })).ran).toBe(true);
    expect((await runExclusive(other.db, "hourly", async () => {}, { every: hour, now: new Date(first.getTime() + 30 * 60_000) })).ran).toBe(false);
    expect((await runExclusive(other.db, "hourly", async () => {}, { every: hour, now: new Date(first.getTime() + hour) })).ran).toBe(true);
  });

  it("make a second caller of runLocked wait for the first", async () => {
    const order: string[] = [];
    await Promise.all([
      runLocked(database.db, "test-lock", async () => {
        order.push("a:start");
        await pause(300);
        order.push("a:end");
      }),
      pause(50).then(() =>
        runLocked((other ?? database).db, "test-lock", async () => {
          order.push("b:start");
          order.push("b:end");
        }),
      ),
    ]);
    if (other) expect(order).toEqual(["a:start", "a:end", "b:start", "b:end"]);
    else expect(order).toHaveLength(4);
  });
});
