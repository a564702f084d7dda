/**
 * Public pages are kept briefly and marked for shared caches; nothing behind a session, no
 * form with a token and no report page ever is (ADR 025). Two apps on one database stand for
 * two server processes: a rating sent to one shows on the other's pages once its kept copy
 * has expired, which the tests reach by moving the cache's clock, not by waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "../../db/schema";
import { languageCookie } from "~/i18n.server";
import { localDate } from "~/utils/calendar";
import { parsePeriod } from "~/skm/periods";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { createStaff, sessionFor, unitId } from "../helpers/staff";

const UNIT = "/units/kota-palangka-raya/disdukcapil";
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const month = parsePeriod(localDate("Asia/Jakarta").slice(0, 7))!;
const API = `/api/v1/units/kota-palangka-raya/disdukcapil/skm?period=${month.key}`;
const PUBLIC = [
  "/",
  "/regions/kota-palangka-raya",
  UNIT,
  `${UNIT}/report`,
  "/provinces/kalimantan-tengah",
  "/open-data",
  API,
];

let database: TestDatabase;
let clock = Date.parse("2026-06-01T00:00:00Z");
let app: TestApp;
/** The same portal in another process: its own cache, the same database. */
let other: TestApp;
let ktp: number;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  const env = { PUBLIC_CACHE_SECONDS: "30", DISCLOSURE_MIN: "1" };
  app = await createTestApp(database.db, { env, now: () => clock });
  other = await createTestApp(database.db, { env, now: () => clock });
  const disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  const rows = await database.db.select({ id: services.id, slug: services.slug, unitId: services.unitId }).from(services);
  ktp = rows.find((s) => s.slug === "ktp-el" && s.unitId === disdukcapil)!.id;
});
afterAll(() => database.drop());

let tokens = 0;
function rating(): Record<string, string> {
  return {
    token: `cache-token-${String(++tokens).padStart(4, "0")}-${"x".repeat(24)}`,
    serviceId: String(ktp),
    ...Object.fromEntries(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((u) => [u, "4"])),
  };
}

async function respondents(from: TestApp): Promise<unknown> {
  const response = await from.get(API);
  expect(response.status).toBe(200);
  return ((await response.json()) as { respondents: unknown }).respondents;
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("who may keep an answer", () => {
  it("marks every public page and API for shared caches, per language and cookie", async () => {
    for (const path of PUBLIC) {
      const response = await app.get(path);
      expect(response.status, path).toBe(200);
      const cacheControl = response.headers.get("cache-control") ?? "";
      expect(cacheControl, path).toMatch(/^public, max-age=0, s-maxage=30, stale-while-revalidate=\d+$/);
      expect(response.headers.get("vary") ?? "", path).toMatch(/Accept-Language/i);
      expect(response.headers.get("vary") ?? "", path).toMatch(/Cookie/i);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it("never marks a report page, a rating form, the poster or a staff page as public", async () => {
    for (const path of ["/report", "/report/case", FORM, `${FORM}/perception`, `${UNIT}/poster`, "/staff/login", "/rate"]) {
      const response = await app.get(path);
      const cacheControl = response.headers.get("cache-control") ?? "";
      expect(cacheControl, path).not.toMatch(/public|s-maxage/);
      expect(cacheControl, path).toMatch(/no-store/);
    }
  });

  it("does not share what a signed-in staff member sees, even on a public page", async () => {
    const person = await createStaff(database.db, app.config, { grants: [{ role: "unit_manager", unit: "kota-palangka-raya/disdukcapil" }] });
    const cookie = await sessionFor(database.db, app.config, person.id);
    for (const path of [UNIT, "/", "/staff"]) {
      const response = await app.get(path, { Cookie: cookie });
      expect(response.headers.get("cache-control") ?? "", path).toMatch(/no-store/);
      expect(response.headers.get("cache-control") ?? "", path).not.toMatch(/public|s-maxage/);
    }
  });
});

describe("kept pages", () => {
  it("get a fresh nonce on every answer, in the policy and in every script", async () => {
    const pages = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.get(UNIT);
      pages.push({ csp: nonceOf(response.headers.get("content-security-policy")), html: await response.text(), age: response.headers.get("age") });
    }
    const nonces = pages.map((p) => p.csp);
    expect(new Set(nonces).size).toBe(3);
    for (const page of pages) {
      const inPage = [...page.html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([page.csp]));
      // Only the nonce differs between answers: the rest is the kept page.
      expect(page.html.replaceAll(page.csp!, "N")).toBe(pages[0]!.html.replaceAll(pages[0]!.csp!, "N"));
    }
    expect(pages[2]!.age).toMatch(/^\d+$/);
  });

  it("never mixes languages", async () => {
    const english = await (await app.get(UNIT, { "Accept-Language": "en-US,en;q=0.9" })).text();
    const indonesian = await (await app.get(UNIT, { "Accept-Language": "id-ID" })).text();
    const choice = (await languageCookie.serialize("en")).split(";")[0]!;
    const chosen = await (await app.get(UNIT, { Cookie: choice, "Accept-Language": "id-ID" })).text();
    expect(english).toContain('<html lang="en"');
    expect(indonesian).toContain('<html lang="id"');
    expect(chosen).toContain('<html lang="en"');
    // Asked again, each language still gets its own page.
    expect(await (await app.get(UNIT, { "Accept-Language": "id-ID" })).text()).toContain('<html lang="id"');
    expect(await (await app.get(UNIT, { "Accept-Language": "en" })).text()).toContain('<html lang="en"');
  });

  it("show a rating sent to this process at once, and one sent to another process within the time kept", async () => {
    const before = await respondents(app);
    expect(await respondents(other)).toEqual(before);
    const unitPage = await (await app.get(UNIT)).text();

    // Through this process: a successful write empties its cache.
    expect((await app.from("198.51.100.10").post(FORM, rating())).status).toBe(303);
    const afterOwn = await respondents(app);
    expect(afterOwn).toBe(Number(before) + 1);

    // Through the other process: this one answers from its copy until it expires.
    expect((await other.from("198.51.100.11").post(FORM, rating())).status).toBe(303);
    expect(await respondents(other)).toBe(Number(before) + 2);
    clock += 10_000;
    expect(await respondents(app)).toBe(afterOwn);
    clock += 21_000;
    expect(await respondents(app)).toBe(Number(before) + 2);
    // The unit page too.
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "");
    expect(strip(await (await app.get(UNIT)).text())).not.toBe(strip(unitPage));
  });
});
