/**
 * Runs once per `npm test`:
 *  - builds the app if its build is stale (whole-app tests drive the real build);
 *  - prepares one migrated database template that every test file clones:
 *      PGlite: a migrated in-memory instance dumped to a tarball (initdb runs once, not per file);
 *      PostgreSQL (DATABASE_URL=postgres://…): DATABASE_URL's database is migrated and used as
 *      the TEMPLATE of a fresh database per test file.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase, parseDatabaseUrl } from "../../db/client";
import { buildIfNeeded } from "../../scripts/build-if-needed";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: { driver: "pglite"; tarball: string } | { driver: "postgres"; url: string };
  }
}

const TMP = path.resolve("tests/.tmp");

export default async function setup(project: TestProject) {
  buildIfNeeded();
  mkdirSync(TMP, { recursive: true });

  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.driver === "postgres") {
    const handle = await openDatabase(target, { maxConnections: 1 });
    await handle.migrate();
    await handle.close();
    project.provide("databaseTemplate", { driver: "postgres", url: target.url });
    return;
  }

  const pglite = new PGlite();
  const handle = await openDatabase({ driver: "pglite", dataDir: null }, { pglite });
  await handle.migrate();
  const dump = await pglite.dumpDataDir("none");
  await handle.close();
  const tarball = path.join(TMP, `template-${process.pid}.tar`);
  writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", { driver: "pglite", tarball });
  return () => rmSync(tarball, { force: true });
}
