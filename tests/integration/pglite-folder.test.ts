import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, lockDataDir, openDatabase } from "../../db/client";

const root = mkdtempSync(path.join(os.tmpdir(), "pintu-depan-pglite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("embedded database folder", () => {
  it("is created when missing, migrated, and keeps its data across restarts", async () => {
    const dataDir = path.join(root, "a", "b", "pglite");
    const first = await openDatabase({ driver: "pglite", dataDir });
    await first.migrate();
    await first.db.execute("INSERT INTO provinces (slug, name, code) VALUES ('test-province', 'Test', '99')");
    await first.close();
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await openDatabase({ driver: "pglite", dataDir });
    await second.migrate();
    const rows = await second.db.execute("SELECT slug FROM provinces");
    expect(JSON.stringify(rows)).toContain("test-province");
    await second.close();
  });

  it("cannot be opened by a second process while one has it open", async () => {
    const dataDir = path.join(root, "locked");
    const handle = await openDatabase({ driver: "pglite", dataDir });
    try {
      expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
      const other = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "-e",
          `import("${path.resolve("db/client.ts")}").then(m => m.lockDataDir(${JSON.stringify(dataDir)})).then(() => console.log("locked"), e => { console.log(e.name + ": " + e.message); process.exit(3); })`,
        ],
        { encoding: "utf8" },
      );
      expect(other.status).toBe(3);
      expect(other.stdout).toContain(`DatabaseLockedError: the embedded database folder ${dataDir} is in use by process ${process.pid}`);
    } finally {
      await handle.close();
    }
  });

  it("takes over a lock left by a process that is gone", () => {
    const dataDir = path.join(root, "stale");
    // A pid far above any real one stands for a crashed process.
    writeFileSync(`${dataDir}.lock`, "999999999");
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses a lock held by another live process", () => {
    const dataDir = path.join(root, "held");
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseLockedError);
    rmSync(`${dataDir}.lock`);
  });
});
