/**
 * Work that must happen once across every web process on one database (housekeeping, an
 * outbox worker, seeding an empty database), whichever process gets there first.
 *
 * On PostgreSQL a session-level advisory lock, held on a connection reserved from the pool for
 * the duration, decides: `runExclusive` skips when another process holds it, `runLocked`
 * waits for it. A process that dies releases its lock with its connection. PGlite is one
 * process by construction (its folder is locked), so there the work just runs.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { jobRuns } from "../../db/schema";

/** First half of every lock key of this application (the migration lock uses its own). */
const LOCK_NAMESPACE = 7_420_002;

/** A stable signed 32-bit key for a job name (FNV-1a). */
function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

interface ReservedConnection {
  unsafe(query: string, parameters?: unknown[]): Promise<Array<Record<string, unknown>>>;
  release(): void;
}

/** postgres.js's client behind a drizzle handle (null for PGlite and for a transaction handle). */
function poolOf(db: Database): { reserve(): Promise<ReservedConnection> } | null {
  const client = (db as unknown as { $client?: { reserve?: unknown } }).$client;
  return client && typeof client.reserve === "function" ? (client as { reserve(): Promise<ReservedConnection> }) : null;
}

async function finishedRecently(db: Database, name: string, every: number, now: Date): Promise<boolean> {
  const [row] = await db.select({ finishedAt: jobRuns.finishedAt }).from(jobRuns).where(eq(jobRuns.name, name));
  return row !== undefined && now.getTime() - row.finishedAt.getTime() < every;
}

async function recordRun(db: Database, name: string, at: Date): Promise<void> {
  await db.insert(jobRuns).values({ name, finishedAt: at }).onConflictDoUpdate({ target: jobRuns.name, set: { finishedAt: at } });
}

export interface ExclusiveOptions {
  /**
   * A periodic job: skip when a run (by any process) finished less than this many
   * milliseconds before `now`, so that N processes with an hourly timer run it once an hour.
   */
  every?: number;
  now?: Date;
}

/**
 * Runs `fn` unless another process is running the job `name` right now (or, with `every`, ran
 * it within that period). Resolves with whether this process ran it. On PGlite it just runs.
 */
export async function runExclusive(db: Database, name: string, fn: () => Promise<void>, options: ExclusiveOptions = {}): Promise<{ ran: boolean }> {
  const now = options.now ?? new Date();
  const pool = poolOf(db);
  if (!pool) {
    await fn();
    await recordRun(db, name, now);
    return { ran: true };
  }
  const connection = await pool.reserve();
  try {
    const [row] = await connection.unsafe("SELECT pg_try_advisory_lock($1, $2) AS locked", [LOCK_NAMESPACE, lockKey(name)]);
    if (row?.locked !== true) return { ran: false };
    try {
      if (options.every !== undefined && (await finishedRecently(db, name, options.every, now))) return { ran: false };
      await fn();
      await recordRun(db, name, now);
      return { ran: true };
    } finally {
      await connection.unsafe("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, lockKey(name)]);
    }
  } finally {
    connection.release();
  }
}

/** Runs `fn` once no other process holds the lock `name` (waiting for it); on PGlite it just runs. */
export async function runLocked<T>(db: Database, name: string, fn: () => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (!pool) return fn();
  const connection = await pool.reserve();
  try {
    await connection.unsafe("SELECT pg_advisory_lock($1, $2)", [LOCK_NAMESPACE, lockKey(name)]);
    try {
      return await fn();
    } finally {
      await connection.unsafe("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, lockKey(name)]);
    }
  } finally {
    connection.release();
  }
}
