/**
 * Public pages are kept briefly and marked for shared caches; nothing behind a session, no
 * form with a token and no report page ever is (ADR 025). Two apps on one database stand for
 * two server processes: a rating sent to one shows on the other's pages once its kept copy
 * has expired, which the tests reach by moving the cache's clock, not by waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
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
    // The home page: it hydrates, so it carries scripts (the figure pages carry none).
    const pages = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.get("/");
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

  it("show residents' ratings once the kept copy expires, in this process and in another", async () => {
    const before = await respondents(app);
    expect(await respondents(other)).toEqual(before);
    const unitPage = await (await app.get(UNIT)).text();

    // A crowd of ratings does not empty the kept pages: each shows once its copy has expired.
    expect((await app.from("198.51.100.10").post(FORM, rating())).status).toBe(303);
    expect((await other.from("198.51.100.11").post(FORM, rating())).status).toBe(303);
    clock += 10_000;
    expect(await respondents(app)).toEqual(before);
    clock += 21_000;
    expect(await respondents(app)).toBe(Number(before) + 2);
    expect(await respondents(other)).toBe(Number(before) + 2);
    // The unit page too.
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "");
    expect(strip(await (await app.get(UNIT)).text())).not.toBe(strip(unitPage));
  });

  it("are emptied at once by a staff change in this process", async () => {
    const before = await respondents(app);
    expect((await app.from("198.51.100.12").post(FORM, rating())).status).toBe(303);
    expect(await respondents(app)).toEqual(before);
    const person = await createStaff(database.db, app.config, { grants: [{ role: "unit_manager", unit: "kota-palangka-raya/disdukcapil" }] });
    const cookie = await sessionFor(database.db, app.config, person.id);
    const saved = await app.post("/staff/account", { intent: "alerts", delivery: "digest" }, { Cookie: cookie });
    expect(saved.status).toBe(303);
    expect(await respondents(app)).toBe(Number(before) + 1);
  });
});

describe("kept empty forms", () => {
  const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1];

  it("give every visitor a fresh token and nonce, say no-store, and keep the rest of the page", async () => {
    clock += 60_000;
    for (const path of [FORM, "/report"]) {
      const pages: Array<{ html: string; token: string | undefined; nonce: string | undefined }> = [];
      for (let i = 0; i < 3; i++) {
        const response = await app.get(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get("cache-control"), path).toMatch(/no-store/);
        expect(response.headers.get("age"), path).toBeNull();
        const html = await response.text();
        pages.push({ html, token: tokenOf(html), nonce: nonceOf(response.headers.get("content-security-policy")) });
      }
      expect(new Set(pages.map((p) => p.token)).size, path).toBe(3);
      expect(new Set(pages.map((p) => p.nonce)).size, path).toBe(3);
      for (const page of pages) {
        expect(page.token, path).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const same = (p: (typeof pages)[number]) => p.html.replaceAll(p.token!, "T").replaceAll(p.nonce!, "N");
        expect(same(page), path).toBe(same(pages[0]!));
      }
    }
  });

  it("are kept: a change made outside this process shows once the copy expires, and two kept copies store two ratings", async () => {
    clock += 60_000;
    const first = await (await app.get(FORM)).text();
    expect(first).toContain(">KTP-el (Kartu Tanda Penduduk elektronik)<");
    // Renamed straight in the database, as another process would: this one still has its copy.
    await database.db.update(services).set({ name: "KTP Elektronik" }).where(eq(services.id, ktp));
    const kept = await (await app.get(FORM)).text();
    expect(kept).toContain(">KTP-el (Kartu Tanda Penduduk elektronik)<");
    clock += 31_000;
    expect(await (await app.get(FORM)).text()).toContain(">KTP Elektronik<");
    await database.db.update(services).set({ name: "KTP-el (Kartu Tanda Penduduk elektronik)" }).where(eq(services.id, ktp));

    // Each kept copy carries its own token: both ratings are stored, neither is a resend.
    const before = await respondents(other);
    for (const [i, html] of [first, kept].entries()) {
      const sent = await app.from(`198.51.100.2${i}`).post(FORM, { ...rating(), token: tokenOf(html)! });
      expect(sent.status).toBe(303);
    }
    clock += 31_000;
    expect(await respondents(other)).toBe(Number(before) + 2);
  });

  it("are rendered afresh for a visitor with a session, and never kept after a sent form", async () => {
    const person = await createStaff(database.db, app.config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
    const cookie = await sessionFor(database.db, app.config, person.id);
    const signedIn = await app.get("/report", { Cookie: cookie });
    expect(signedIn.status).toBe(200);
    // A refused form comes back with its errors to this visitor only.
    const refused = await app.post(FORM, { token: "x".repeat(43) });
    expect(refused.status).toBe(400);
    const next = await (await app.get(FORM)).text();
    expect(next).not.toContain("form-error");
  });
});
