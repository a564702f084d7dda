/**
 * Throttling without identities. A client (an IP address, an email, a receipt code) is counted
 * under a keyed hash whose input includes the UTC day, so the stored key changes every day and
 * cannot be linked across days or reversed without the installation's hash key. Counters live
 * in PostgreSQL, so every web process sees the same counts.
 */
import { and, eq, getTableName, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rateLimits, reportRateLimits } from "../../db/schema";
import { keyedHash } from "./crypto.server";

export interface Limit {
  /** Names the counter, e.g. "login-client". */
  bucket: string;
  max: number;
  /** At most one day: windows are aligned to UTC days. */
  windowSeconds: number;
  /** Counters of the report paths live in their own table (day windows only; see schema). */
  reportPath?: boolean;
}

const tableOf = (limit: Limit) => (limit.reportPath ? reportRateLimits : rateLimits);

function windowOf(limit: Limit, now: Date) {
  const size = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / size) * size);
  return { start, end: new Date(start.getTime() + size) };
}

function keyFor(hashKey: Buffer, limit: Limit, key: string, now: Date): string {
  return keyedHash(hashKey, `rate:${limit.bucket}:${now.toISOString().slice(0, 10)}`, key);
}

export interface LimitState {
  blocked: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/** How many hits the key has in the current window, without counting one. */
export async function peekLimit(db: Database, hashKey: Buffer, limit: Limit, key: string, now = new Date()): Promise<LimitState> {
  const { end } = windowOf(limit, now);
  const [row] = await db.select({ hits: peekLimitHits(hashKey, limit, key, now) }).from(sql`(SELECT 1) AS one`);
  const hits = row?.hits ?? 0;
  return { blocked: hits >= limit.max, hits, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
}

/**
 * The key's hits in the current window as an SQL expression (0 when none), for a caller that
 * reads it together with other figures in one statement.
 */
export function peekLimitHits(hashKey: Buffer, limit: Limit, key: string, now = new Date()): SQL<number> {
  const { start } = windowOf(limit, now);
  const table = tableOf(limit);
  return sql<number>`coalesce((SELECT ${table.hits} FROM ${table}
    WHERE ${and(eq(table.bucket, limit.bucket), eq(table.keyHash, keyFor(hashKey, limit, key, now)), eq(table.windowStart, start))}), 0)::int`;
}

/** Counts one hit and says whether the key is now over its limit. */
export async function hitLimit(db: Database, hashKey: Buffer, limit: Limit, key: string, now = new Date()): Promise<LimitState> {
  const { start, end } = windowOf(limit, now);
  const table = tableOf(limit);
  const [row] = await db
    .insert(table)
    .values({ bucket: limit.bucket, keyHash: keyFor(hashKey, limit, key, now), windowStart: start, hits: 1 })
    .onConflictDoUpdate({
      target: [table.bucket, table.keyHash, table.windowStart],
      set: { hits: sql`${table.hits} + 1` },
    })
    .returning({ hits: table.hits });
  const hits = row?.hits ?? 1;
  return { blocked: hits > limit.max, hits, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
}

/**
 * The statement that counts one hit, to run as part of a larger statement (a data-modifying
 * CTE: the hit is counted only when the rest of it succeeds). Same counter as hitLimit.
 */
export function hitLimitStatement(hashKey: Buffer, limit: Limit, key: string, now = new Date()): SQL {
  const { start } = windowOf(limit, now);
  const table = getTableName(tableOf(limit));
  return sql`INSERT INTO ${sql.raw(`"${table}"`)} (bucket, key_hash, window_start, hits)
    VALUES (${limit.bucket}, ${keyFor(hashKey, limit, key, now)}, ${start.toISOString()}, 1)
    ON CONFLICT (bucket, key_hash, window_start) DO UPDATE SET hits = ${sql.raw(`"${table}"`)}.hits + 1`;
}

/** Drops counters of windows that ended more than two days ago. */
export async function pruneLimits(db: Database, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - 2 * 86_400_000);
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
  await db.delete(reportRateLimits).where(lt(reportRateLimits.windowStart, before));
}
