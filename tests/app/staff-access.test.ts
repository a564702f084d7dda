/**
 * Every staff page, for every kind of visitor: 302 to the sign-in page when anonymous,
 * 403 for a role or scope that must not see it, 200 otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { createStaff, sessionFor, type GrantSpec } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
const cookies = new Map<string, string>();
let cityModeratorId = 0;

const PERSONAS: Record<string, GrantSpec[]> = {
  installationAdmin: [{ role: "admin" }],
  cityAdmin: [{ role: "admin", region: "kota-palangka-raya" }],
  kotimAdmin: [{ role: "admin", region: "kabupaten-kotawaringin-timur" }],
  cityModerator: [{ role: "moderator", region: "kota-palangka-raya" }],
  disdukcapilManager: [{ role: "unit_manager", unit: "kota-palangka-raya/disdukcapil" }],
  cityEvaluator: [{ role: "evaluator", region: "kota-palangka-raya" }],
  provinceMonitor: [{ role: "province_monitor", provinceId: 1 }],
  noRoles: [],
};

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  for (const [name, grants] of Object.entries(PERSONAS)) {
    const person = await createStaff(database.db, app.config, { grants });
    if (name === "cityModerator") cityModeratorId = person.id;
    cookies.set(name, await sessionFor(database.db, app.config, person.id));
  }
});
afterAll(() => database.drop());

const ADMINS = ["installationAdmin", "cityAdmin", "kotimAdmin"];
const CITY_ADMINS = ["installationAdmin", "cityAdmin"];
const WITH_ROLES = Object.keys(PERSONAS).filter((p) => p !== "noRoles");
const EVERYONE_SIGNED_IN = Object.keys(PERSONAS);

/** Page → the personas that get 200; every other signed-in persona gets 403. */
const PAGES: Array<[string | (() => string), string[]]> = [
  ["/staff", WITH_ROLES],
  ["/staff/account", EVERYONE_SIGNED_IN],
  ["/staff/admin/staff", ADMINS],
  [() => `/staff/admin/staff/${cityModeratorId}`, CITY_ADMINS],
  ["/staff/audit", ADMINS],
  ["/staff/admin/structure", ADMINS],
  ["/staff/admin/structure/kota-palangka-raya", CITY_ADMINS],
  ["/staff/admin/structure/kota-palangka-raya/disdukcapil", CITY_ADMINS],
  ["/staff/admin/structure/kabupaten-kotawaringin-timur", ["installationAdmin", "kotimAdmin"]],
  ["/staff/suggestions", ["cityModerator"]],
  ["/staff/unit-feedback", ["disdukcapilManager"]],
  ["/staff/reports", ["cityModerator"]],
  ["/staff/forwarded", ["disdukcapilManager"]],
  ["/staff/admin/holidays", ["installationAdmin"]],
  ["/staff/skm-import", [...ADMINS, "disdukcapilManager"]],
  ["/staff/units/kota-palangka-raya/disdukcapil/skm-import", [...CITY_ADMINS, "disdukcapilManager"]],
  ["/staff/units/kota-palangka-raya/disdukcapil/skm-import/template.csv", [...CITY_ADMINS, "disdukcapilManager"]],
  [
    "/staff/units/kota-palangka-raya/disdukcapil/responses.csv?from=2026-01-01&to=2026-01-31",
    ["installationAdmin", "cityAdmin", "cityModerator", "disdukcapilManager", "cityEvaluator"],
  ],
];

describe("staff pages", () => {
  for (const [page, allowed] of PAGES) {
    it(`${typeof page === "string" ? page : "/staff/admin/staff/:id"}`, async () => {
      const path = typeof page === "string" ? page : page();
      const anonymous = await app.get(path);
      expect(anonymous.status, `anonymous ${path}`).toBe(302);
      expect(anonymous.headers.get("location")).toBe(`/staff/login?redirectTo=${encodeURIComponent(path)}`);
      const anonymousPost = await app.post(path, { intent: "anything" });
      expect([302, 405], `anonymous POST ${path}`).toContain(anonymousPost.status);
      if (anonymousPost.status === 302) expect(anonymousPost.headers.get("location")).toMatch(/^\/staff\/login/);

      for (const persona of Object.keys(PERSONAS)) {
        const response = await app.get(path, { Cookie: cookies.get(persona)! });
        expect(response.status, `${persona} ${path}`).toBe(allowed.includes(persona) ? 200 : 403);
      }
    });
  }
});

describe("the staff home", () => {
  it("lists for every role what it can open, the province monitor's province page included", async () => {
    const links = async (persona: string) => {
      const html = await (await app.get("/staff", { Cookie: cookies.get(persona)! })).text();
      return [...html.matchAll(/<main[\s\S]*?<\/main>/g)].join("").match(/href="(\/[^"]*)"/g)?.map((h) => h.slice(6, -1)) ?? [];
    };
    for (const persona of WITH_ROLES) {
      const html = await (await app.get("/staff", { Cookie: cookies.get(persona)! })).text();
      expect(html, persona).not.toContain("Belum ada bagian yang dapat Anda buka");
      // Every link the home offers opens for this persona.
      for (const href of await links(persona)) {
        if (!href.startsWith("/staff") || href === "/staff/logout") continue;
        expect((await app.get(href, { Cookie: cookies.get(persona)! })).status, `${persona} ${href}`).toBe(200);
      }
    }
    expect(await links("provinceMonitor")).toContain("/provinces/kalimantan-tengah");
    expect(await links("disdukcapilManager")).toContain("/units/kota-palangka-raya/disdukcapil");
    expect(await links("cityEvaluator")).toContain("/regions/kota-palangka-raya");
    expect(await links("installationAdmin")).toContain("/provinces/kalimantan-tengah");
    expect(await links("cityModerator")).not.toContain("/regions/kabupaten-kotawaringin-timur");
  });
});
