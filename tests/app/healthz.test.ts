import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app";
import { createTestDatabase } from "../helpers/db";

describe("GET /healthz", () => {
  it("answers 200 while the database answers, 503 once it does not", async () => {
    const database = await createTestDatabase();
    const app = await createTestApp(database.db);
    const ok = await app.get("/healthz");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    expect(ok.headers.get("cache-control")).toBe("no-store");

    await database.drop();
    const down = await app.get("/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
  });
});
