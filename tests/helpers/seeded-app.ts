/**
 * The set-up most whole-app test files share: a database seeded with the organisation (no demo
 * data unless asked) and the app on it, made before the file's tests and dropped after them.
 * Read `database` and `app` inside the tests.
 */
import { afterAll, beforeAll } from "vitest";
import { createTestApp, type TestApp } from "./app";
import { createSeededTestDatabase, type TestDatabase } from "./db";

export function seededAppForFile(options: { demo?: boolean } = {}): { readonly database: TestDatabase; readonly app: TestApp } {
  const made: { database?: TestDatabase; app?: TestApp } = {};
  beforeAll(async () => {
    made.database = await createSeededTestDatabase({ demo: options.demo ?? false });
    made.app = await createTestApp(made.database.db);
  });
  afterAll(() => made.database?.drop());
  return {
    get database() {
      if (!made.database) throw new Error("the database is made before the file's tests");
      return made.database;
    },
    get app() {
      if (!made.app) throw new Error("the app is made before the file's tests");
      return made.app;
    },
  };
}
