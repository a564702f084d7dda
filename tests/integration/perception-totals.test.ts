/**
 * The perception running totals and the raw responses always agree: property-based, on random
 * responses with unanswered items, across units, days and arbitrary periods; the rebuild
 * recomputes exactly what the incremental updates kept; and the demo data lands where its
 * documentation says.
 */
import fc from "fast-check";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { perceptionDailyTotals, perceptionSubmissions, units } from "../../db/schema";
import { seedDemoPerception } from "#seed/demo-perception";
import { addPerceptionResponse, computePerception, emptyPerceptionTotals } from "~/perception/formula";
import { rebuildPerceptionTotals, storePerceptionResponses, type NewPerceptionResponse } from "~/perception/responses.server";
import { perceptionPeriodTotals } from "~/perception/totals.server";
import { PERCEPTION_2021, PERCEPTION_ITEMS, type PerceptionItem } from "~/regulation/perception";
import { loadConfig } from "~/utils/env.server";
import { findUnitByAddress } from "~/org/queries.server";
import { housekeeping } from "~/utils/housekeeping.server";
import { localDate } from "~/utils/calendar";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { sumSlots } from "../helpers/totals";

let database: TestDatabase;
let unitIds: number[];
beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  unitIds = (await database.db.select({ id: units.id }).from(units).orderBy(asc(units.id)).limit(3)).map((u) => u.id);
});
afterAll(() => database.drop());

const answer = fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 4 });
const answers = fc
  .record(Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, answer])) as Record<PerceptionItem, fc.Arbitrary<number | null>>)
  .filter((a) => PERCEPTION_ITEMS.some((i) => a[i] !== null));
const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);

describe("perception running totals", () => {
  it("agree with the pure computation over the responses, for any unit set and period, and with the rebuild", async () => {
    const stored: NewPerceptionResponse[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unit: fc.integer({ min: 0, max: 2 }), day, answers }), { minLength: 1, maxLength: 40 }),
        fc.tuple(day, day),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        async (batch, [a, b], chosen) => {
          const responses: NewPerceptionResponse[] = batch.map((r) => ({
            unitId: unitIds[r.unit]!,
            respondedOn: r.day,
            profileId: PERCEPTION_2021.id,
            answers: r.answers,
          }));
          await database.db.transaction((tx) => storePerceptionResponses(tx, responses));
          stored.push(...responses);

          const [from, to] = a <= b ? [a, b] : [b, a];
          const ids = chosen.map((i) => unitIds[i]!);
          const inScope = stored.filter((r) => ids.includes(r.unitId) && r.respondedOn >= from && r.respondedOn <= to);
          const expected = inScope.reduce((t, r) => addPerceptionResponse(t, r.answers), emptyPerceptionTotals());
          const actual = await perceptionPeriodTotals(database.db, ids, from, to);
          expect(actual).toEqual(expected);
          expect(computePerception(actual, PERCEPTION_2021)).toEqual(computePerception(expected, PERCEPTION_2021));
        },
      ),
      { numRuns: 25 },
    );

    const order = [asc(perceptionDailyTotals.unitId), asc(perceptionDailyTotals.day)];
    const before = sumSlots(await database.db.select().from(perceptionDailyTotals).orderBy(...order));
    await database.db.update(perceptionDailyTotals).set({ spakRespondents: 999_999, q3Sum: -1 }).where(eq(perceptionDailyTotals.unitId, unitIds[0]!));
    const { days } = await rebuildPerceptionTotals(database.db);
    const after = sumSlots(await database.db.select().from(perceptionDailyTotals).orderBy(...order));
    expect(days).toBe(before.length);
    expect(after).toEqual(before);
  });

  it("keep nothing half-written when a response is refused", async () => {
    const none = Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, null])) as Record<PerceptionItem, number | null>;
    const good: NewPerceptionResponse = { unitId: unitIds[0]!, respondedOn: "2026-04-01", profileId: PERCEPTION_2021.id, answers: { ...none, a1: 6 } };
    const bad: NewPerceptionResponse = { ...good, answers: { ...none, q1: 7 } };
    await expect(database.db.transaction((tx) => storePerceptionResponses(tx, [good, bad]))).rejects.toThrow();
    const totals = await perceptionPeriodTotals(database.db, [unitIds[0]!], "2026-04-01", "2026-04-01");
    expect(totals).toEqual(emptyPerceptionTotals());
  });
});

describe("demo perception data", () => {
  it("puts Disdukcapil and DPMPTSP near their documented levels, others lower, Dinsos below the threshold", async () => {
    const demo = await createSeededTestDatabase({ demo: false });
    try {
      expect(await demo.db.transaction((tx) => seedDemoPerception(tx))).toBeGreaterThan(500);
      // Idempotent: a second run adds nothing.
      expect(await demo.db.transaction((tx) => seedDemoPerception(tx))).toBe(0);
      const today = localDate("Asia/Jakarta");
      const yearAgo = new Date(`${today}T00:00:00Z`);
      yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
      const period = { from: yearAgo.toISOString().slice(0, 10), to: today };
      const indexOf = async (slug: string) => {
        const unit = (await findUnitByAddress(demo.db, "kota-palangka-raya", slug, { includeInactive: true }))!;
        const totals = await perceptionPeriodTotals(demo.db, [unit.id], period.from, period.to);
        if (totals.spakRespondents < 5 && totals.spkpRespondents < 5) return null;
        const result = computePerception(totals, PERCEPTION_2021);
        return { ipak: result.ipak.index, ipkp: result.ipkp.index };
      };
      const disdukcapil = (await indexOf("disdukcapil"))!;
      expect(Math.abs(disdukcapil.ipak! - 3.7)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(disdukcapil.ipkp! - 3.4)).toBeLessThanOrEqual(0.05);
      const dpmptsp = (await indexOf("dpmptsp"))!;
      expect(Math.abs(dpmptsp.ipak! - 3.65)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(dpmptsp.ipkp! - 3.65)).toBeLessThanOrEqual(0.05);
      const dishub = (await indexOf("dishub-pengujian-kendaraan"))!;
      expect(dishub.ipak!).toBeLessThan(3.2);
      expect(dishub.ipkp!).toBeLessThan(3.2);
      expect(await indexOf("dinsos")).toBeNull();
    } finally {
      await demo.drop();
    }
  });
});

describe("housekeeping", () => {
  it("forgets used perception tickets after two days, and keeps recent ones", async () => {
    await database.db.insert(perceptionSubmissions).values([
      { tokenHash: "old-ticket", createdOn: "2026-11-25" },
      { tokenHash: "recent-ticket", createdOn: "2026-11-26" },
    ]);
    await housekeeping(database.db, loadConfig({}), new Date("2026-11-28T10:00:00Z"));
    const left = await database.db.select({ tokenHash: perceptionSubmissions.tokenHash }).from(perceptionSubmissions);
    expect(left.map((r) => r.tokenHash)).toEqual(["recent-ticket"]);
  });
});
