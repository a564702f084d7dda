/**
 * Start-up steps shared by the server and the command-line scripts: read the configuration
 * (one clear line and exit on a bad value), open the database, migrate, seed when empty.
 */
import { existsSync } from "node:fs";
import { processDatabase, type DatabaseHandle } from "../db/client";
import { seedIfEmpty } from "#seed/seed";
import { ConfigError, loadConfig, type Config } from "../app/utils/env.server";
import { runLocked } from "../app/utils/exclusive.server";
import { secretsFromDataDir } from "../app/utils/secrets.server";
import type { Logger } from "../app/utils/logger.server";

export function readConfigOrExit(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return loadConfig(process.env, secretsFromDataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Where the database is, without a password: safe to print. */
export function describeTarget(config: Config): string {
  const target = config.database;
  if (target.driver === "pglite") return target.dataDir ? `PGlite in ${target.dataDir}` : "PGlite in memory";
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

export async function openConfiguredDatabase(
  config: Config,
  log: Logger,
  options: { seed?: boolean } = {},
): Promise<DatabaseHandle> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await processDatabase(config.database);
    await handle.migrate();
    if (options.seed ?? true) {
      // Several web processes may start together on one empty database: one seeds, the others wait.
      const db = handle.db;
      const { seeded } = await runLocked(db, "seed", () => seedIfEmpty(db, { demo: config.demoData, secrets: config.secrets }));
      if (seeded) log.info({ demo: config.demoData }, "seeded an empty database");
    }
    return handle;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code ? `${code}: ${(error as Error).message}` : (error as Error).message;
    console.error(`Cannot open the database (${describeTarget(config)}): ${reason}`);
    await handle?.close().catch(() => {});
    process.exit(1);
  }
}
