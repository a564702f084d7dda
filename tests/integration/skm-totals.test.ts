/**
 * The running totals and the raw responses always agree: property-based, on random
 * responses with unanswered questions, across units, days and arbitrary periods; and the
 * rebuild command recomputes exactly what the incremental updates kept.
 */
import fc from "fast-check";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skmDailyTotals, units } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "~/regulation/skm";
import { addResponse, computeIkm, emptyTotals } from "~/skm/formula";
import { periodTotals, rebuildDailyTotals, storeResponses, type NewResponse } from "~/skm/responses.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { sumSlots } from "../helpers/totals";

let database: TestDatabase;
let unitIds: number[];
beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  unitIds = (await database.db.select({ id: units.id }).from(units).orderBy(asc(units.id)).limit(3)).map((u) => u.id);
});
afterAll(() => database.drop());

const answer = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 6 });
const answers = fc
  .record(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, answer])) as Record<SkmElement, fc.Arbitrary<number | null>>)
  .filter((a) => SKM_ELEMENTS.some((e) => a[e] !== null));
const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);

describe("SKM running totals", () => {
  it("agree with the pure computation over the responses, for any unit set and period", async () => {
    const stored: NewResponse[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unit: fc.integer({ min: 0, max: 2 }), day, answers }), { minLength: 1, maxLength: 40 }),
        fc.tuple(day, day),
        fc.subarray([0, 1, 2], { minLength: 1 }),
        async (batch, [a, b], chosen) => {
          const responses: NewResponse[] = batch.map((r) => ({
            unitId: unitIds[r.unit]!,
            serviceId: null,
            respondedOn: r.day,
            source: "web",
            profileId: SKM_2017.id,
            sex: null,
            ageBand: null,
            education: null,
            occupation: null,
            answers: r.answers,
          }));
          await database.db.transaction((tx) => storeResponses(tx, responses));
          stored.push(...responses);

          const [from, to] = a <= b ? [a, b] : [b, a];
          const ids = chosen.map((i) => unitIds[i]!);
          const inScope = stored.filter((r) => ids.includes(r.unitId) && r.respondedOn >= from && r.respondedOn <= to);
          const expected = inScope.reduce((t, r) => addResponse(t, r.answers), emptyTotals());
          const actual = await periodTotals(database.db, ids, from, to);
          expect(actual.respondents).toBe(inScope.length);
          expect(actual.totals).toEqual(expected);
          expect(computeIkm(actual.totals, SKM_2017)).toEqual(computeIkm(expected, SKM_2017));
        },
      ),
      { numRuns: 25 },
    );

    const before = sumSlots(await database.db.select().from(skmDailyTotals).orderBy(asc(skmDailyTotals.unitId), asc(skmDailyTotals.day)));
    await database.db.update(skmDailyTotals).set({ respondents: 999_999 }).where(eq(skmDailyTotals.unitId, unitIds[0]!));
    const { days } = await rebuildDailyTotals(database.db);
    const after = sumSlots(await database.db.select().from(skmDailyTotals).orderBy(asc(skmDailyTotals.unitId), asc(skmDailyTotals.day)));
    expect(days).toBe(before.length);
    expect(after).toEqual(before);
  });

  it("keep nothing half-written when a response is refused", async () => {
    const bad: NewResponse = {
      unitId: unitIds[0]!,
      serviceId: null,
      respondedOn: "2026-04-01",
      source: "web",
      profileId: SKM_2017.id,
      sex: null,
      ageBand: null,
      education: null,
      occupation: null,
      answers: { u1: 5, u2: 1, u3: 1, u4: 1, u5: 1, u6: 1, u7: 1, u8: 1, u9: 1 },
    };
    const good = { ...bad, answers: { ...bad.answers, u1: 4 } };
    await expect(database.db.transaction((tx) => storeResponses(tx, [good, bad]))).rejects.toThrow();
    const totals = await periodTotals(database.db, [unitIds[0]!], "2026-04-01", "2026-04-01");
    expect(totals.respondents).toBe(0);
  });
});
