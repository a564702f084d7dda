import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits, setupTokens, skmSubmissions, staffSessions, units } from "../../db/schema";
import { SKM_2017 } from "~/regulation/skm";
import { storeResponses } from "~/skm/responses.server";
import { createSetupToken } from "~/auth/accounts.server";
import { hitLimit, peekLimit } from "~/security/rate-limit.server";
import { housekeeping } from "~/utils/housekeeping.server";
import { loadConfig } from "~/utils/env.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { createStaff, sessionFor } from "../helpers/staff";

let database: TestDatabase;
const config = loadConfig({});
beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
});
afterAll(() => database.drop());

describe("throttling counters", () => {
  const limit = { bucket: "test", max: 2, windowSeconds: 600 };

  it("count per key and window, and block past the maximum", async () => {
    const now = new Date("2026-11-28T10:00:00Z");
    expect((await hitLimit(database.db, config.secrets.hashKey, limit, "a", now)).blocked).toBe(false);
    expect((await hitLimit(database.db, config.secrets.hashKey, limit, "a", now)).blocked).toBe(false);
    expect((await peekLimit(database.db, config.secrets.hashKey, limit, "a", now)).blocked).toBe(true);
    expect((await hitLimit(database.db, config.secrets.hashKey, limit, "a", now)).blocked).toBe(true);
    expect((await peekLimit(database.db, config.secrets.hashKey, limit, "b", now)).blocked).toBe(false);
    // The next window starts fresh.
    expect((await peekLimit(database.db, config.secrets.hashKey, limit, "a", new Date("2026-11-28T10:10:00Z"))).hits).toBe(0);
  });

  it("use a different stored key every day for the same client", async () => {
    await hitLimit(database.db, config.secrets.hashKey, limit, "same-client", new Date("2026-11-28T10:00:00Z"));
    await hitLimit(database.db, config.secrets.hashKey, limit, "same-client", new Date("2026-11-29T10:00:00Z"));
    const keys = await database.db.select({ key: rateLimits.keyHash }).from(rateLimits).where(eq(rateLimits.bucket, "test"));
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });
});

describe("housekeeping", () => {
  it("removes old counters, ended sessions and spent links, and keeps live ones", async () => {
    const person = await createStaff(database.db, config, { grants: [{ role: "admin" }] });
    const made = new Date("2026-12-01T09:00:00Z");
    await sessionFor(database.db, config, person.id, made);
    await database.db.update(staffSessions).set({ revokedAt: made }).where(eq(staffSessions.staffId, person.id));
    await sessionFor(database.db, config, person.id, made);
    await database.db.transaction((tx) => createSetupToken(tx, config, person.id, made));
    // Four days later: past the 12-hour session limit and the 72-hour set-up link.
    await housekeeping(database.db, config, new Date("2026-12-05T09:00:00Z"));
    const [counters] = await database.db.select({ n: count() }).from(rateLimits);
    expect(counters?.n).toBe(0);
    const sessions = await database.db.select().from(staffSessions).where(eq(staffSessions.staffId, person.id));
    expect(sessions).toHaveLength(0);
    const tokens = await database.db.select().from(setupTokens).where(eq(setupTokens.staffId, person.id));
    expect(tokens).toHaveLength(0);
  });

  it("keeps what is still in use", async () => {
    const person = await createStaff(database.db, config, { grants: [{ role: "admin" }] });
    const made = new Date("2026-12-01T09:00:00Z");
    await sessionFor(database.db, config, person.id, made);
    await database.db.transaction((tx) => createSetupToken(tx, config, person.id, made));
    await hitLimit(database.db, config.secrets.hashKey, { bucket: "keep", max: 5, windowSeconds: 600 }, "k", made);
    // An hour later the session, the link and the counter's window are all still live.
    await housekeeping(database.db, config, new Date("2026-12-01T10:00:00Z"));
    expect(await database.db.select().from(staffSessions).where(eq(staffSessions.staffId, person.id))).toHaveLength(1);
    expect(await database.db.select().from(setupTokens).where(eq(setupTokens.staffId, person.id))).toHaveLength(1);
    expect(await database.db.select().from(rateLimits).where(eq(rateLimits.bucket, "keep"))).toHaveLength(1);
  });
});

describe("rating-form tokens", () => {
  it("are kept two days, then deleted", async () => {
    const [unit] = await database.db.select({ id: units.id }).from(units).limit(1);
    const ids = await database.db.transaction((tx) =>
      storeResponses(
        tx,
        ["2026-11-20", "2026-11-27"].map((day) => ({
          unitId: unit!.id,
          serviceId: null,
          respondedOn: day,
          source: "web" as const,
          profileId: SKM_2017.id,
          sex: null,
          ageBand: null,
          education: null,
          occupation: null,
          answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
        })),
      ),
    );
    await database.db.insert(skmSubmissions).values([
      { tokenHash: "old", responseId: ids[0]!, createdOn: "2026-11-20" },
      { tokenHash: "recent", responseId: ids[1]!, createdOn: "2026-11-27" },
    ]);
    await housekeeping(database.db, config, new Date("2026-11-28T12:00:00Z"));
    const left = await database.db.select({ token: skmSubmissions.tokenHash }).from(skmSubmissions);
    expect(left.map((r) => r.token)).toEqual(["recent"]);
  });
});
