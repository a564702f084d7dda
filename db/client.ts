/**
 * The one place that opens a database. DATABASE_URL chooses the driver:
 *   unset            → PGlite (PostgreSQL in WebAssembly, in-process) in ./data/pglite
 *   pglite:<dir>     → PGlite in that folder (created if missing)
 *   pglite:memory    → PGlite in memory (tests, throw-away runs)
 *   postgres://…     → a PostgreSQL server through postgres.js
 * Both drivers give the same drizzle API over the same schema and migrations.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

type Schema = typeof schema;
/** The drizzle handle every data module takes; a transaction handle has the same shape. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * The rows of a raw statement, whichever driver ran it: postgres.js answers with the rows
 * themselves, PGlite with a result whose `rows` holds them.
 */
export async function queryRows<Row>(db: Database, statement: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export type DatabaseTarget =
  | { driver: "pglite"; dataDir: string | null }
  | { driver: "postgres"; url: string };

const DEFAULT_PGLITE_DIR = "./data/pglite";

export class DatabaseUrlError extends Error {}

/** A second process on one PGlite folder would corrupt it: the folder is locked while open. */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<folder>.lock` beside the PGlite folder (inside it would disturb initdb). A lock left
 * by a process that no longer runs is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DatabaseLockedError(
          `the embedded database folder ${dataDir} is in use by process ${holder}; stop it first (or delete ${lockPath} if that process is not Pintu Depan)`,
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new DatabaseLockedError(`could not lock the embedded database folder ${dataDir}`);
}

/**
 * Reads DATABASE_URL; throws DatabaseUrlError with a one-line explanation when it is not understood.
 * Unset means PGlite in `defaultDir` (the data folder's pglite/ subfolder).
 */
export function parseDatabaseUrl(value: string | undefined, defaultDir = DEFAULT_PGLITE_DIR): DatabaseTarget {
  const url = value?.trim();
  if (!url) return { driver: "pglite", dataDir: defaultDir };
  if (url === "pglite:memory") return { driver: "pglite", dataDir: null };
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    if (!dir) throw new DatabaseUrlError("DATABASE_URL 'pglite:' needs a folder, e.g. pglite:./data/pglite");
    return { driver: "pglite", dataDir: dir };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError("DATABASE_URL is not a valid postgres:// URL");
    }
    if (!parsed.hostname) throw new DatabaseUrlError("DATABASE_URL has no host");
    if (parsed.pathname.length <= 1) throw new DatabaseUrlError("DATABASE_URL names no database (postgres://user@host:5432/DBNAME)");
    return { driver: "postgres", url };
  }
  throw new DatabaseUrlError(
    "DATABASE_URL must be unset, pglite:<folder>, pglite:memory or postgres://user@host:port/database",
  );
}

export interface DatabaseHandle {
  db: Database;
  target: DatabaseTarget;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
// Any constant works; it only has to be the same in every process of this application.
const MIGRATION_LOCK = 7_420_001;

export interface OpenOptions {
  /** Hands an already-created PGlite (tests clone one from a migrated template). */
  pglite?: PGlite;
  /** Connection pool size for postgres.js. */
  maxConnections?: number;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (target.driver === "pglite") {
    let client = options.pglite;
    let unlock = () => {};
    if (!client) {
      if (target.dataDir) {
        mkdirSync(path.resolve(target.dataDir), { recursive: true });
        unlock = lockDataDir(target.dataDir);
      }
      client = target.dataDir ? new PGlite(path.resolve(target.dataDir)) : new PGlite();
    }
    try {
      await client.waitReady;
    } catch (error) {
      unlock();
      throw error;
    }
    const pg = client;
    const db = drizzlePglite({ client: pg, schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      target,
      // PGlite is a single in-process connection: no other process can race this migration.
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      ping: () => pingDb(db),
      close: async () => {
        try {
          if (!pg.closed) await pg.close();
        } finally {
          unlock();
        }
      },
    };
  }

  const client = postgres(target.url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    backoff: reconnectDelaySeconds,
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    target,
    migrate: async () => {
      // Several web processes may start together: one migrates, the others wait for it.
      // The lock lives on a connection of its own so that it never takes a slot of the pool.
      const lock = postgres(target.url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await lock`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(db as never, { migrationsFolder });
      } finally {
        await lock.end({ timeout: 5 });
      }
    },
    ping: () => pingDb(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Seconds before a connection retries after failing. postgres.js's own delay grows to 20 s
 * after a few failures, and every query, including those arriving after the server is back,
 * waits it out: during an outage requests hung for up to 20 s instead of getting their 503,
 * and recovery took as long. Capped at 1 s, a request learns of an outage within about a
 * second and the pool is back within a second of the server (`npm run test:outage`).
 */
function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1);
}

async function pingDb(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

const processHandle = Symbol.for("pintu-depan.database");
type GlobalWithHandle = typeof globalThis & { [processHandle]?: Promise<DatabaseHandle> };

/** One database client per process, kept across development rebuilds. */
export function processDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithHandle;
  g[processHandle] ??= openDatabase(target);
  return g[processHandle];
}
