import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addPerceptionResponse, computePerception, emptyPerceptionTotals, type PerceptionTotals } from "~/perception/formula";
import { PERCEPTION_2021, PERCEPTION_ITEMS, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "~/regulation/perception";

type Answers = Partial<Record<PerceptionItem, number | null>>;

function totalsOf(responses: readonly Answers[]): PerceptionTotals {
  return responses.reduce((t, r) => addPerceptionResponse(t, r), emptyPerceptionTotals());
}

/** The same answer to every item of both surveys. */
function everyItem(value: number): Answers {
  return Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, value]));
}

describe("IPAK and IPKP (index = mean ÷ 6 × 4)", () => {
  it("maps the ends of the scale to 4 and 0.67", () => {
    expect(computePerception(totalsOf([everyItem(6)]), PERCEPTION_2021).ipak).toMatchObject({ respondents: 1, mean: 6, index: 4 });
    expect(computePerception(totalsOf([everyItem(1)]), PERCEPTION_2021).ipkp).toMatchObject({ respondents: 1, mean: 1, index: 0.67 });
  });

  it("gives exactly 3.60 for a mean of 5.4 and 3.20 for a mean of 4.8 (the WBK thresholds)", () => {
    // Five respondents: 5, 5, 5, 6, 6 on every SPAK item (mean 5.4); 5, 5, 5, 5, 4 on every SPKP item (4.8).
    const responses = [5, 5, 5, 6, 6].map((spak, i) => ({
      ...Object.fromEntries(SPAK_ITEMS.map((item) => [item, spak])),
      ...Object.fromEntries(SPKP_ITEMS.map((item) => [item, [5, 5, 5, 5, 4][i]!])),
    }));
    const result = computePerception(totalsOf(responses), PERCEPTION_2021);
    expect(result.profileId).toBe("permenpanrb-90-2021-perception");
    expect(result.ipak).toMatchObject({ respondents: 5, index: 3.6 });
    expect(result.ipak.mean).toBeCloseTo(5.4, 12);
    expect(result.ipkp).toMatchObject({ respondents: 5, index: 3.2 });
    expect(result.ipkp.mean).toBeCloseTo(4.8, 12);
    expect(result.ipak.itemMeans.a1).toBeCloseTo(5.4, 12);
  });

  it("rounds half up at .xx5, where floating point would round down", () => {
    // Ten respondents per item; the SPAK sums add to 291: mean 291/80 = 3.6375, index 291/120 = 2.425.
    const totals = emptyPerceptionTotals();
    for (const item of SPAK_ITEMS) totals.items[item] = { sum: item === "a8" ? 39 : 36, count: 10 };
    totals.spakRespondents = 10;
    expect(Math.round((291 / 120) * 100) / 100).toBe(2.42);
    const { ipak } = computePerception(totals, PERCEPTION_2021);
    expect(ipak.mean).toBeCloseTo(3.6375, 12);
    expect(ipak.index).toBe(2.43);
    // Just below the half: SPAK sums of 290 give index 290/120 = 2.41666… → 2.42, never 2.43.
    totals.items.a8 = { sum: 38, count: 10 };
    expect(computePerception(totals, PERCEPTION_2021).ipak.index).toBe(2.42);
  });

  it("leaves unanswered items out of their item's mean, and an item nobody answered out of the index", () => {
    const totals = totalsOf([
      { a1: 6, a2: null, q1: 3 },
      { a1: 4, a2: 2 },
    ]);
    expect(totals.spakRespondents).toBe(2);
    expect(totals.spkpRespondents).toBe(1);
    expect(totals.items.a2).toEqual({ sum: 2, count: 1 });
    const result = computePerception(totals, PERCEPTION_2021);
    expect(result.ipak.itemMeans).toMatchObject({ a1: 5, a2: 2, a3: null });
    // IPAK: a1 = (6 + 4) / 2 = 5, a2 = 2 / 1 = 2, a3…a8 unanswered → mean (5 + 2) / 2 = 3.5,
    // index 3.5 ÷ 6 × 4 = 2.3333… → 2.33.
    expect(result.ipak).toMatchObject({ mean: 3.5, index: 2.33, respondents: 2, unanswered: ["a3", "a4", "a5", "a6", "a7", "a8"] });
    // IPKP: only q1 = 3 → mean 3, index 3 ÷ 6 × 4 = 2.00.
    expect(result.ipkp).toMatchObject({ mean: 3, index: 2, respondents: 1 });
    expect(result.ipkp.itemMeans.q1).toBe(3);
    expect(computePerception(totalsOf([{ q1: 4 }]), PERCEPTION_2021).ipak).toMatchObject({ mean: null, index: null, respondents: 0 });
  });

  it("gives a unit whose respondents all skipped one statement its index from the other seven", () => {
    // Ten respondents answer a1…a7 and skip a8. Item sums: a1…a6 = 50 (mean 5.0), a7 = 45
    // (mean 4.5). Mean of the seven item means = (6 × 5 + 4.5) / 7 = 34.5 / 7 = 4.928571…;
    // index = 34.5 / 7 ÷ 6 × 4 = 138 / 42 = 3.285714… → 3.29.
    const totals = emptyPerceptionTotals();
    for (const item of SPAK_ITEMS) totals.items[item] = item === "a8" ? { sum: 0, count: 0 } : { sum: item === "a7" ? 45 : 50, count: 10 };
    totals.spakRespondents = 10;
    const { ipak } = computePerception(totals, PERCEPTION_2021);
    expect(ipak.mean).toBeCloseTo(34.5 / 7, 12);
    expect(ipak).toMatchObject({ index: 3.29, unanswered: ["a8"], respondents: 10 });
  });

  it("counts a respondent for a survey only when they answered one of its items", () => {
    const totals = totalsOf([{ a3: 5 }, { q8: 2 }, { a1: null, q2: 6 }]);
    expect([totals.spakRespondents, totals.spkpRespondents]).toEqual([1, 2]);
  });

  it("agrees with a plain computation for any set of responses", () => {
    const answer = fc.option(fc.integer({ min: 1, max: 6 }), { nil: null, freq: 5 });
    const response = fc.record(Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, answer])) as Record<PerceptionItem, fc.Arbitrary<number | null>>);
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 60 }), (responses) => {
        const result = computePerception(totalsOf(responses), PERCEPTION_2021);
        for (const [items, survey] of [
          [SPAK_ITEMS, result.ipak],
          [SPKP_ITEMS, result.ipkp],
        ] as const) {
          const respondents = responses.filter((r) => items.some((i) => r[i] !== null)).length;
          const means = items.map((i) => {
            const values = responses.map((r) => r[i]).filter((v): v is number => v !== null);
            return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
          });
          expect(survey.respondents).toBe(respondents);
          items.forEach((item, k) => {
            if (means[k] === null) expect(survey.itemMeans[item]).toBeNull();
            else expect(survey.itemMeans[item]).toBeCloseTo(means[k]!, 9);
          });
          const answered = means.filter((m): m is number => m !== null);
          if (answered.length === 0) {
            expect(survey.index).toBeNull();
            continue;
          }
          const mean = answered.reduce((a, b) => a + b, 0) / answered.length;
          expect(survey.mean).toBeCloseTo(mean, 9);
          const exact = (mean / 6) * 4;
          expect(Math.abs(survey.index! - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(survey.index! * 100 - Math.round(survey.index! * 100))).toBeLessThan(1e-9);
          expect(survey.index!).toBeGreaterThanOrEqual(0);
          expect(survey.index!).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 300 },
    );
  });
});
