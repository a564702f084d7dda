/**
 * Two web processes (scripts/server.ts, the production build) on one PostgreSQL database, as
 * `WEB_PROCESSES=2 npm start` or two machines behind a load balancer run them: started
 * together on an empty database (one migrates and seeds, the other waits), housekeeping runs
 * once across them, and sessions, rate limits, form-token idempotency and the running totals
 * stay right whichever process answers.
 *
 * PGlite is one process by construction, so this test always runs on PostgreSQL: on
 * PostgreSQL runs it uses the server of DATABASE_URL, on PGlite runs the local server
 * (TWO_PROCESS_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, used only to
 * create and drop a throwaway database).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { jobRuns, skmResponses } from "../../db/schema";
import { loadConfig } from "~/utils/env.server";
import { SKM_ELEMENTS } from "~/regulation/skm";
import { periodTotals } from "~/skm/responses.server";
import { startServer, type RunningServer } from "../../scripts/support/server";
import { createStaff, sessionFor, unitId } from "../helpers/staff";

const template = inject("databaseTemplate");
const maintenanceUrl = (() => {
  if (template.driver === "postgres") {
    const url = new URL(template.url);
    url.pathname = "/postgres";
    return url.toString();
  }
  return process.env.TWO_PROCESS_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
})();

const env = {
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  HASH_KEY: randomBytes(32).toString("base64"),
  DEMO_DATA: "on",
  TRUST_PROXY: "1",
  LOG_LEVEL: "info",
  // Crowds of one unit's ratings are what these tests send: the unit-volume signal stays out of them.
  SKM_UNIT_DAY_MIN: "10000000",
};
const config = loadConfig(env);
const RATE = "/rate/kota-palangka-raya/disdukcapil";

const name = `pd_two_processes_${randomBytes(4).toString("hex")}`;
let databaseUrl: string;
let database: DatabaseHandle;
let servers: RunningServer[] = [];
const dataDirs: string[] = [];

async function maintenance<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

beforeAll(async () => {
  await maintenance((admin) => admin.unsafe(`CREATE DATABASE "${name}"`));
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  // Both at once on the empty database: the migration and the seed must happen once.
  servers = await Promise.all(
    [0, 1].map(() => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "pd-two-processes-"));
      dataDirs.push(dataDir);
      return startServer({ ...env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
    }),
  );
  database = await openDatabase({ driver: "postgres", url: databaseUrl }, { maxConnections: 2 });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.close();
  await maintenance((admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

let tokens = 0;
function ratingBody(serviceId: number, token = `two-processes-${String(++tokens).padStart(6, "0")}-${"x".repeat(20)}`): string {
  const form = new URLSearchParams({ token, serviceId: String(serviceId), website: "" });
  for (let i = 1; i <= 9; i++) form.set(`u${i}`, String(1 + ((tokens + i) % 4)));
  return form.toString();
}

async function postRating(server: RunningServer, body: string, client: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}${RATE}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": client, Origin: server.baseUrl },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function serviceId(): Promise<number> {
  const html = await (await fetch(`${servers[0]!.baseUrl}${RATE}`)).text();
  const id = /name="serviceId" value="(\d+)"/.exec(html)?.[1];
  if (!id) throw new Error("no service in the rating form");
  return Number(id);
}

async function storedRatings(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(skmResponses);
  return row?.n ?? 0;
}

describe("two web processes on one PostgreSQL database", () => {
  it("start together on an empty database, and run housekeeping once between them", async () => {
    const logs = servers.map((s) => s.output().stdout);
    // Give the later process's start-up housekeeping time to be logged.
    const deadline = Date.now() + 20_000;
    while (servers.some((s) => !/housekeeping (ran|left to another process)/.test(s.output().stdout)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ran = servers.filter((s) => s.output().stdout.includes("housekeeping ran")).length;
    const left = servers.filter((s) => s.output().stdout.includes("housekeeping left to another process")).length;
    expect({ ran, left }, logs.join("\n")).toEqual({ ran: 1, left: 1 });
    const runs = await database.db.select().from(jobRuns).where(eq(jobRuns.name, "housekeeping"));
    expect(runs).toHaveLength(1);
    // Seeded (once: a second seed would have failed on the regions' unique slugs and stopped a process).
    const page = await fetch(`${servers[1]!.baseUrl}/units/kota-palangka-raya/disdukcapil`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya");
    expect(servers.every((s) => s.process.exitCode === null)).toBe(true);
  });

  it("accept on one process a staff session started on the other, and end it on both", async () => {
    const person = await createStaff(database.db, config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
    const cookie = await sessionFor(database.db, config, person.id);
    for (const server of servers) {
      const response = await fetch(`${server.baseUrl}/staff`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, server.baseUrl).toBe(200);
    }
    const out = await fetch(`${servers[0]!.baseUrl}/staff/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: servers[0]!.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(out.status).toBe(303);
    const after = await fetch(`${servers[1]!.baseUrl}/staff`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
  });

  it("count one client's ratings across both processes against one limit", async () => {
    const service = await serviceId();
    const before = await storedRatings();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await postRating(servers[i % 2]!, ratingBody(service), "198.18.7.7"));
    // The burst signal counts the client's ratings on both processes: the fourth within ten
    // minutes, wherever it arrives, is answered with the challenge (200) and not stored.
    expect(statuses).toEqual([303, 303, 303, 200, 200, 200]);
    expect(await storedRatings()).toBe(before + 3);
  });

  it("store a form sent to both processes at once only once", async () => {
    const service = await serviceId();
    const before = await storedRatings();
    const body = ratingBody(service);
    const statuses = await Promise.all(servers.map((s, i) => postRating(s, body, `198.18.8.${i + 1}`)));
    expect(statuses).toEqual([303, 303]);
    expect(await storedRatings()).toBe(before + 1);
  });

  it("keep the running totals equal to the ratings when both processes take ratings of one unit at once", async () => {
    const service = await serviceId();
    const unit = await unitId(database.db, "kota-palangka-raya/disdukcapil");
    const storedBefore = await storedRatings();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => postRating(servers[i % 2]!, ratingBody(service), `198.18.9.${i + 1}`)),
    );
    // Every one is accepted and stored once, and the totals stay equal to the responses.
    expect(statuses).toEqual(Array<number>(60).fill(303));
    expect(await storedRatings()).toBe(storedBefore + 60);
    // Every response of the unit, demo history included, against its totals (summed over slots).
    const totals = await periodTotals(database.db, [unit], "2000-01-01", "2100-12-31");
    const [raw] = await database.db
      .select({
        n: count(),
        ...Object.fromEntries(SKM_ELEMENTS.map((e) => [e, sql<string>`coalesce(sum(${skmResponses[e]}), 0)::bigint`])),
      })
      .from(skmResponses)
      .where(eq(skmResponses.unitId, unit));
    expect(totals.respondents).toBe(raw!.n);
    for (const e of SKM_ELEMENTS) expect(totals.totals[e].sum, e).toBe(Number((raw as Record<string, unknown>)[e]));
  });
});
