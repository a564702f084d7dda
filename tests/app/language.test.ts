import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesFrom, createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { h1Of, htmlLang } from "../helpers/html";

let database: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  database = await createSeededTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

describe("language choice", () => {
  it("is a plain form post that remembers the choice in a cookie and returns to the page", async () => {
    const home = await (await app.get("/regions/kota-palangka-raya")).text();
    expect(home).toContain('action="/language"');
    expect(home).toContain('name="redirectTo" value="/regions/kota-palangka-raya"');

    const response = await app.post("/language", { lng: "en", redirectTo: "/regions/kota-palangka-raya" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/regions/kota-palangka-raya");
    const cookie = cookiesFrom(response);
    expect(cookie).toMatch(/^lng=/);
    expect(response.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(response.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const english = await (await app.get("/regions/kota-palangka-raya", { Cookie: cookie })).text();
    expect(htmlLang(english)).toBe("en");
    expect(english).toContain("Service units");
  });

  it("puts the explicit choice before Accept-Language", async () => {
    const cookie = cookiesFrom(await app.post("/language", { lng: "id", redirectTo: "/" }));
    const html = await (await app.get("/", { Cookie: cookie, "Accept-Language": "en" })).text();
    expect(htmlLang(html)).toBe("id");
    expect(h1Of(html)).toBe("Layanan publik lewat pintu depan");
  });

  it("never redirects off the site and ignores unknown languages", async () => {
    const offsite = await app.post("/language", { lng: "en", redirectTo: "https://evil.example/" });
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get("location")).toBe("/");

    const unknown = await app.post("/language", { lng: "xx", redirectTo: "/rate" });
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("location")).toBe("/rate");
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("does not change state over GET", async () => {
    const response = await app.get("/language?lng=en");
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a cross-site form post", async () => {
    const response = await app.post("/language", { lng: "en", redirectTo: "/" }, { Origin: "https://evil.example" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("serves translations to the browser only for known languages and namespaces", async () => {
    const ok = await app.get("/locales/en/org");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { home: { heading: string } }).home.heading).toBe("Public services through the front door");
    expect((await app.get("/locales/fr/org")).status).toBe(404);
    expect((await app.get("/locales/en/constructor")).status).toBe(404);
    expect((await app.get("/locales/en/__proto__")).status).toBe(404);
  });
});
