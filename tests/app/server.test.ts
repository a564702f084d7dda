/**
 * The real server process, as `npm start` runs it: configuration errors are one clear line,
 * a good configuration serves pages and /healthz, request logs carry nothing personal, and
 * SIGTERM stops it cleanly.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { childEnv } from "../../scripts/support/child-env";
import { startServer } from "../../scripts/support/server";

const SERVER = path.resolve("scripts/server.ts");
const START = path.resolve("scripts/start.ts");


function runToExit(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script], { env: childEnv(env), encoding: "utf8", timeout: 60_000 });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("start-up errors are one clear line", () => {
  it.each([
    [{ PORT: "abc" }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: "99999" }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "99999")'],
    [
      { DATABASE_URL: "mysql://root@localhost/pintu" },
      "Configuration error: DATABASE_URL must be unset, pglite:<folder>, pglite:memory or postgres://user@host:port/database",
    ],
  ])("%j", (env, line) => {
    const result = runToExit(START, env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(line);
    expect(result.stdout).not.toContain("Building");
  });

  it("an unreachable database server", () => {
    const result = runToExit(SERVER, { DATABASE_URL: "postgres://postgres:s3cret@127.0.0.1:1/pintu", LOG_LEVEL: "silent" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/pintu\): ECONNREFUSED/);
    expect(result.stderr).not.toContain("s3cret");
  });

  it("a port that is taken", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const result = runToExit(SERVER, { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "pglite:memory", LOG_LEVEL: "silent" });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`Cannot start the server: port ${port} is already in use (set PORT to another port)`);
    } finally {
      blocker.close();
    }
  });
});

describe("a running server", () => {
  it("migrates, seeds, serves pages and /healthz, logs nothing personal, and stops on SIGTERM", async () => {
    const database = await createTestDatabase();
    let databaseUrl = database.url;
    let pgliteDir: string | undefined;
    if (!databaseUrl) {
      await database.drop();
      const dir = mkdtempSync(path.join(os.tmpdir(), "pintu-depan-"));
      tempDirs.push(dir);
      pgliteDir = path.join(dir, "nested", "pglite");
      databaseUrl = `pglite:${pgliteDir}`;
    }
    const server = await startServer({ DATABASE_URL: databaseUrl, DEMO_DATA: "off" });
    try {
      if (pgliteDir) expect(existsSync(pgliteDir)).toBe(true);

      const base = server.baseUrl;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);

      const home = await fetch(`${base}/?q=secret-search-term`, {
        headers: { "User-Agent": "DistinctiveAgent/9.9", "X-Forwarded-For": "203.0.113.77" },
      });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html lang="id"');

      const unit = await fetch(`${base}/units/kota-palangka-raya/disdukcapil`);
      expect(unit.status).toBe(200);

      const crossSite = await fetch(`${base}/language`, {
        method: "POST",
        body: new URLSearchParams({ lng: "en", redirectTo: "/" }),
        headers: { Origin: "https://evil.example" },
        redirect: "manual",
      });
      expect(crossSite.status).toBe(403);

      const sameSite = await fetch(`${base}/language`, {
        method: "POST",
        body: new URLSearchParams({ lng: "en", redirectTo: "/units/kota-palangka-raya/dpmptsp" }),
        headers: { Origin: base },
        redirect: "manual",
      });
      expect(sameSite.status).toBe(303);
      expect(sameSite.headers.get("location")).toBe("/units/kota-palangka-raya/dpmptsp");
      expect(sameSite.headers.getSetCookie()).toHaveLength(1);

      const favicon = await fetch(`${base}/favicon.ico`);
      expect(favicon.status).toBe(200);
      expect(Buffer.from(await favicon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

      const css = /href="(\/build\/[^"]+\.css)"/.exec(await (await fetch(base)).text())?.[1];
      expect(css).toBeTruthy();
      const asset = await fetch(`${base}${css}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toContain("immutable");
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const { stdout } = server.output();

    const requestLines = stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "request");
    expect(requestLines.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(["/healthz", "/", "/units/kota-palangka-raya/disdukcapil", "/language"]),
    );
    // PUBLIC_URL was left unset: QR posters would point to localhost, and the operator hears so.
    expect(stdout).toContain("PUBLIC_URL is not set");
    expect(stdout).not.toContain("secret-search-term");
    expect(stdout).not.toContain("DistinctiveAgent");
    expect(stdout).not.toContain("203.0.113.77");
    expect(stdout).not.toContain("127.0.0.1\",");
    if (database.url) await database.drop();
  });
});
