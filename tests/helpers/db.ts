/**
 * A fresh, migrated database for one test file, cloned from the run's template:
 * a PGlite loaded from the template tarball, or a new PostgreSQL database created
 * with the template database as TEMPLATE. Nothing is mocked.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from "../../db/client";
import { seed } from "#seed/seed";

export interface TestDatabase extends DatabaseHandle {
  /** Where the clone lives: a DATABASE_URL value another process can open (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  if (template.driver === "pglite") {
    const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(template.tarball)]) });
    const handle = await openDatabase({ driver: "pglite", dataDir: null }, { pglite });
    return { ...handle, url: null, drop: () => handle.close() };
  }

  const templateUrl = new URL(template.url);
  const templateName = decodeURIComponent(templateUrl.pathname.slice(1));
  const name = `${templateName}_t${randomBytes(5).toString("hex")}`;
  // Connect to the maintenance database: a session on the template would block the copy.
  const adminUrl = new URL(template.url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await createDatabaseFromTemplate(admin, name, templateName);
  } finally {
    await admin.end();
  }
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { driver: "postgres", url: url.toString() };
  const handle = await openDatabase(target, { maxConnections: 4 });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const cleanup = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

async function createDatabaseFromTemplate(admin: postgres.Sql, name: string, templateName: string) {
  // CREATE DATABASE … TEMPLATE fails while another session is connected to the template
  // (a parallel test file cloning it at the same moment): wait and retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

/**
 * A cloned database with the organisation seed: demo figures and accounts unless told
 * otherwise, demo ratings only when asked (most tests need an empty rating history).
 */
export async function createSeededTestDatabase(options: { demo?: boolean; demoRatings?: boolean } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await seed(database.db, { demo: options.demo ?? true, demoRatings: options.demoRatings ?? false });
  return database;
}
