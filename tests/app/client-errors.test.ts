/**
 * The browser's error beacon: a failure in someone's browser reaches the server log as the
 * route and the error's class, nothing more; bad input and floods are refused, never a 500.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, createTestDatabase } from "../helpers/db";
import { createStaff, sessionFor } from "../helpers/staff";

let app: TestApp;

beforeAll(async () => {
  const database = await createTestDatabase();
  app = await createTestApp(database.db);
});

const send = (target: TestApp, body: string) =>
  target.fetch("/client-errors", { method: "POST", body, headers: { "Content-Type": "application/json", Origin: "http://localhost" } });

describe("POST /client-errors", () => {
  it("logs the route and the error's class only", async () => {
    const response = await send(app, JSON.stringify({ kind: "boundary", route: "routes/report._index", name: "TypeError" }));
    expect(response.status).toBe(204);
    const hydration = await send(app, JSON.stringify({ kind: "hydration", route: "routes/units.$region.$unit_.poster", name: "Error", reactError: "418" }));
    expect(hydration.status).toBe(204);
    const lines = app.logs.entries.filter((entry) => entry.msg === "a page failed in the browser");
    expect(lines.map((entry) => entry.clientError)).toEqual([
      { kind: "boundary", route: "routes/report._index", name: "TypeError" },
      { kind: "hydration", route: "routes/units.$region.$unit_.poster", name: "Error", reactError: "418" },
    ]);
  });

  it.each([
    ["not JSON", "{oops"],
    ["a message (may hold what the person typed)", JSON.stringify({ kind: "boundary", route: "root", name: "TypeError", message: "Budi 0812" })],
    ["a concrete path instead of a route id", JSON.stringify({ kind: "boundary", route: "/report/case?code=1234", name: "TypeError" })],
    ["an unknown kind", JSON.stringify({ kind: "other", route: "root", name: "TypeError" })],
    ["a name that is a sentence", JSON.stringify({ kind: "uncaught", route: "root", name: "Ibu Sari dari loket 2" })],
    ["an array", "[]"],
    ["nothing", ""],
  ])("refuses %s with 400 and logs nothing", async (_, body) => {
    const before = app.logs.lines.length;
    const response = await send(app.from("198.51.100.1"), body);
    expect(response.status).toBe(400);
    expect(app.logs.lines.slice(before).join("\n")).not.toContain("failed in the browser");
  });

  it("refuses a large body unread with 413", async () => {
    const response = await send(app.from("198.51.100.2"), JSON.stringify({ kind: "boundary", route: "root", name: "x".repeat(4000) }));
    expect(response.status).toBe(413);
  });

  it("answers 429 once a client sent too many", async () => {
    const client = app.from("198.51.100.3");
    const body = JSON.stringify({ kind: "uncaught", route: "root", name: "TypeError" });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) statuses.push((await send(client, body)).status);
    expect(statuses.slice(0, 30).every((s) => s === 204)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("answers a GET with 405", async () => {
    expect((await app.get("/client-errors")).status).toBe(405);
  });
});

describe("the QR poster's address", () => {
  it("warns signed-in staff, not residents, when PUBLIC_URL is unset", async () => {
    const database = await createSeededTestDatabase({ demo: false });
    const unset = await createTestApp(database.db);
    const poster = "/units/kota-palangka-raya/disdukcapil/poster";
    const resident = await (await unset.get(poster)).text();
    expect(resident).toContain("http://localhost:3000/rate/kota-palangka-raya/disdukcapil");
    expect(resident).not.toContain("PUBLIC_URL");

    const manager = await createStaff(database.db, unset.config, { grants: [{ role: "unit_manager", unit: "kota-palangka-raya/disdukcapil" }] });
    const cookie = await sessionFor(database.db, unset.config, manager.id);
    const staffPage = await (await unset.get(poster, { Cookie: cookie })).text();
    expect(staffPage).toContain("Untuk petugas: PUBLIC_URL belum diatur");

    const set = await createTestApp(database.db, { env: { PUBLIC_URL: "https://pintudepan.palangkaraya.go.id" } });
    const configured = await (await set.get(poster, { Cookie: cookie })).text();
    expect(configured).toContain("https://pintudepan.palangkaraya.go.id/rate/kota-palangka-raya/disdukcapil");
    expect(configured).not.toContain("PUBLIC_URL");
  });

  it("carries both languages whatever the reader's language", async () => {
    const database = await createSeededTestDatabase({ demo: false });
    const english = await createTestApp(database.db);
    const html = await (await english.get("/units/kota-palangka-raya/disdukcapil/poster", { "Accept-Language": "en" })).text();
    expect(html).toContain("Bagaimana layanan kami hari ini?");
    expect(html).toContain("How was our service today?");
  });
});
