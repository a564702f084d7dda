/**
 * Captcha only on suspicion: an ordinary resident's ratings need no challenge and no
 * JavaScript; many ratings from one client key (or a unit far above its usual volume) are
 * challenged, not refused, and nothing is stored until the challenge is passed. Only a high
 * daily ceiling answers 429.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services, skmClientDayCounts, skmDailyTotals, skmResponses, skmSlotCounts } from "../../db/schema";
import { BURST_MAX_FREE, DAILY_CEILING, DAILY_MAX_FREE } from "~/skm/suspicion";
import { addDays, localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { challengeAnswer, challengeAsked } from "../helpers/challenge";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { unitId } from "../helpers/staff";

let database: TestDatabase;
/** The per-client signals alone: the unit-volume minimum is set far above this file's crowd. */
let app: TestApp;
/** The unit-volume signal as configured by default. */
let usual: TestApp;
let disdukcapil: number;
let dpmptsp: number;
let ktp: number;
let pbg: number;
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const OTHER_FORM = "/rate/kota-palangka-raya/dpmptsp";
const today = localDate("Asia/Jakarta");

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db, { env: { SKM_UNIT_DAY_MIN: "100000" } });
  usual = await createTestApp(database.db);
  disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  dpmptsp = await unitId(database.db, "kota-palangka-raya/dpmptsp");
  const rows = await database.db.select({ id: services.id, slug: services.slug, unitId: services.unitId }).from(services);
  ktp = rows.find((s) => s.slug === "ktp-el" && s.unitId === disdukcapil)!.id;
  pbg = rows.find((s) => s.slug === "pbg" && s.unitId === dpmptsp)!.id;
});
afterAll(() => database.drop());

let tokens = 0;
function rating(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: `suspicion-${String(++tokens).padStart(4, "0")}-${"y".repeat(24)}`,
    serviceId: String(ktp),
    u1: "4", u2: "3", u3: "3", u4: "4", u5: "3", u6: "4", u7: "4", u8: "2", u9: "3",
    ...overrides,
  };
}

async function storedFor(unit: number): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(skmResponses).where(eq(skmResponses.unitId, unit));
  return row?.n ?? 0;
}

describe("30 ratings of one unit from one address", () => {
  it("lets the first ones through without a challenge, challenges the later ones, and stores nothing unchallenged", async () => {
    const client = app.from("203.0.113.30");
    const before = await storedFor(disdukcapil);
    const challengedAt: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const fields = rating();
      const first = await client.post(FORM, fields);
      if (first.status === 303) {
        expect(await storedFor(disdukcapil)).toBe(before + i);
        continue;
      }
      // Challenged, not refused: the form again, the answers kept, the challenge, nothing stored.
      expect(first.status).toBe(200);
      const html = await first.text();
      expect(challengeAsked(html)).toBe(true);
      expect(textOf(html)).toContain("Jawaban Anda belum dikirim");
      expect(html).toMatch(/id="u8-2"[^>]*checked|checked=""[^>]*id="u8-2"/);
      expect(await storedFor(disdukcapil)).toBe(before + i - 1);
      challengedAt.push(i);

      if (i === 10) {
        // A wrong answer: refused with a fresh challenge, still nothing stored.
        const wrong = await client.post(FORM, { ...fields, ...challengeAnswer(html), challengeAnswer: "999" });
        expect(wrong.status).toBe(400);
        expect(challengeAsked(await wrong.text())).toBe(true);
        expect(await storedFor(disdukcapil)).toBe(before + i - 1);
        // A proof for another form view does not pass either.
        const stolen = await client.post(FORM, { ...rating(), ...challengeAnswer(html) });
        expect(stolen.status).toBe(400);
      }

      const answered = await client.post(FORM, { ...fields, ...challengeAnswer(html) });
      expect(answered.status).toBe(303);
      expect(await storedFor(disdukcapil)).toBe(before + i);
    }
    // The first BURST_MAX_FREE always pass; from the (DAILY_MAX_FREE + 1)th every one is asked
    // (the ten-minute window may turn over between the 4th and the 5th).
    expect(challengedAt[0]).toBeGreaterThan(BURST_MAX_FREE);
    expect(challengedAt[0]).toBeLessThanOrEqual(DAILY_MAX_FREE + 1);
    expect(challengedAt.filter((i) => i > DAILY_MAX_FREE)).toHaveLength(30 - DAILY_MAX_FREE);
    expect(await storedFor(disdukcapil)).toBe(before + 30);

    // Other clients and other units are not affected.
    expect((await app.from("203.0.113.31").post(FORM, rating())).status).toBe(303);
    expect((await client.post(OTHER_FORM, rating({ serviceId: String(pbg) }))).status).toBe(303);
  });

  it("keeps only counts: no address, no token, no time on a response", async () => {
    const [day] = await database.db
      .select({ ratings: skmClientDayCounts.ratings })
      .from(skmClientDayCounts)
      .where(and(eq(skmClientDayCounts.unitId, disdukcapil), eq(skmClientDayCounts.day, today)))
      .orderBy(sql`${skmClientDayCounts.ratings} desc`);
    expect(day?.ratings).toBe(30);
    const [slots] = await database.db
      .select({ n: sql<number>`sum(${skmSlotCounts.ratings})::int` })
      .from(skmSlotCounts)
      .where(eq(skmSlotCounts.unitId, disdukcapil));
    expect(slots?.n).toBe(31);
    const dump = JSON.stringify(
      await Promise.all(
        ["skm_responses", "skm_daily_totals", "skm_submissions", "skm_client_day_counts", "skm_slot_counts", "rate_limits"].map((table) =>
          database.db.execute(sql.raw(`SELECT * FROM ${table}`)),
        ),
      ),
    );
    expect(dump).not.toContain("203.0.113.30");
    expect(dump).not.toContain("suspicion-");
  });

  it("refuses with 429 only over the daily ceiling", async () => {
    const client = app.from("203.0.113.30");
    await database.db
      .update(skmClientDayCounts)
      .set({ ratings: DAILY_CEILING })
      .where(and(eq(skmClientDayCounts.unitId, disdukcapil), eq(skmClientDayCounts.day, today), eq(skmClientDayCounts.ratings, 30)));
    const before = await storedFor(disdukcapil);
    const refused = await client.post(FORM, rating());
    expect(refused.status).toBe(429);
    expect(textOf(await refused.text())).toContain("Sudah terlalu banyak penilaian untuk unit ini dari jaringan Anda hari ini");
    expect(await storedFor(disdukcapil)).toBe(before);
  });
});

describe("a unit far above its usual daily volume", () => {
  it("challenges even a first-time client, and asks nothing of a unit at its usual pace", async () => {
    // Two ratings a day for four weeks, then the configured minimum today: more than three times the median.
    const { unitDayMin } = usual.config.skm;
    for (let d = 1; d <= 28; d++) {
      await database.db.insert(skmDailyTotals).values({ unitId: dpmptsp, day: addDays(today, -d), respondents: 2 }).onConflictDoNothing();
    }
    await database.db
      .insert(skmDailyTotals)
      .values({ unitId: dpmptsp, day: today, respondents: unitDayMin })
      .onConflictDoUpdate({ target: [skmDailyTotals.unitId, skmDailyTotals.day, skmDailyTotals.slot], set: { respondents: unitDayMin } });
    const before = await storedFor(dpmptsp);
    const first = await usual.from("198.51.100.200").post(OTHER_FORM, rating({ serviceId: String(pbg) }));
    expect(first.status).toBe(200);
    expect(challengeAsked(await first.text())).toBe(true);
    expect(await storedFor(dpmptsp)).toBe(before);

    // At the unit's usual pace a first rating is free again.
    await database.db.update(skmDailyTotals).set({ respondents: 5 }).where(and(eq(skmDailyTotals.unitId, dpmptsp), eq(skmDailyTotals.day, today)));
    expect((await usual.from("198.51.100.201").post(OTHER_FORM, rating({ serviceId: String(pbg) }))).status).toBe(303);
  });
});

describe("the form without suspicion", () => {
  it("shows no challenge and needs no JavaScript, and says when a third party would see the visitor", async () => {
    const html = await (await app.get(FORM)).text();
    expect(challengeAsked(html)).toBe(false);
    expect(html).not.toContain("hcaptcha.com");
    expect(textOf(html)).toContain("Pemeriksaan itu dijalankan portal ini sendiri: tidak ada pihak ketiga yang menerima data Anda.");
  });
});
