/**
 * A seeded database that a command-line script (run as a child process) and the test can both
 * open. PostgreSQL: a cloned database, reachable by URL from both at once. PGlite is
 * in-process and single-user: the command gets a folder of its own, and the test opens that
 * folder only after the command has exited (`open`).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { seed } from "#seed/seed";
import { createTestDatabase } from "./db";

export interface CommandDatabase {
  /** A scratch folder for the command's data (and for files the test writes). */
  tmp: string;
  /** DATABASE_URL for the command. */
  url: string;
  /** The database for the test, once the commands it waits for have exited. */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function createCommandDatabase(prefix: string): Promise<CommandDatabase> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const cloned = await createTestDatabase();
  if (cloned.url) {
    await seed(cloned.db, { demo: false });
    return {
      tmp,
      url: cloned.url,
      open: async () => cloned,
      drop: async () => {
        await cloned.drop();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
  await cloned.drop();
  const dataDir = path.join(tmp, "pglite");
  const prepared = await openDatabase({ driver: "pglite", dataDir });
  await prepared.migrate();
  await seed(prepared.db, { demo: false });
  await prepared.close();
  let opened: DatabaseHandle | undefined;
  return {
    tmp,
    url: `pglite:${dataDir}`,
    open: async () => (opened ??= await openDatabase({ driver: "pglite", dataDir })),
    drop: async () => {
      await opened?.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Runs a script against the database without blocking the test worker (a blocked worker misses its heartbeats). */
export function runScript(database: CommandDatabase, script: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: database.url, DATA_DIR: database.tmp, LOG_LEVEL: "warn" },
      timeout: 120_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
