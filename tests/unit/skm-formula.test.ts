import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "~/regulation/skm";
import { addResponse, computeIkm, emptyTotals, minimumSample, type ElementTotals } from "~/skm/formula";

function fixtureTotals(): ElementTotals {
  const [header, ...lines] = readFileSync("tests/fixtures/skm-example.csv", "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  let totals = emptyTotals();
  for (const line of lines) {
    const cells = line.split(",");
    const answers = Object.fromEntries(
      SKM_ELEMENTS.map((e) => {
        const cell = cells[columns.indexOf(e)] ?? "";
        return [e, cell === "" ? null : Number(cell)];
      }),
    ) as Record<SkmElement, number | null>;
    totals = addResponse(totals, answers);
  }
  return totals;
}

describe("IKM per PermenPANRB 14/2017", () => {
  it("reproduces the published example (tests/fixtures/skm-example.expected.json)", () => {
    const expected = JSON.parse(readFileSync("tests/fixtures/skm-example.expected.json", "utf8")) as {
      respondents: number;
      nrr: Record<SkmElement, number>;
      ikm: number;
      score: number;
      grade: string;
    };
    const totals = fixtureTotals();
    const result = computeIkm(totals, SKM_2017);
    expect(totals.u1.count).toBe(expected.respondents);
    for (const element of SKM_ELEMENTS) expect(result.nrr[element]).toBeCloseTo(expected.nrr[element], 6);
    expect(result.ikm).toBeCloseTo(expected.ikm, 6);
    expect(result.score).toBe(expected.score);
    expect(result.grade?.grade).toBe(expected.grade);
    expect(result.profileId).toBe("permenpanrb-14-2017");
  });

  it("uses the exact 1/9 weight, not 0.111", () => {
    const totals = fixtureTotals();
    const exact = computeIkm(totals, SKM_2017).ikm!;
    const rounded = SKM_ELEMENTS.reduce((s, e) => s + (totals[e].sum / totals[e].count) * 0.111, 0);
    expect(exact).not.toBeCloseTo(rounded, 3);
  });

  it("counts an unanswered question out of that unsur only", () => {
    let totals = emptyTotals();
    const all = (v: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, v])) as Record<SkmElement, number | null>;
    totals = addResponse(totals, all(4));
    totals = addResponse(totals, { ...all(2), u4: null });
    const result = computeIkm(totals, SKM_2017);
    expect(result.nrr.u4).toBe(4);
    expect(result.nrr.u1).toBe(3);
    expect(result.ikm).toBeCloseTo((8 * 3 + 4) / 9, 12);
  });

  it("gives no index while an unsur has no answer at all", () => {
    const totals = addResponse(emptyTotals(), { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: null });
    expect(computeIkm(totals, SKM_2017)).toMatchObject({ ikm: null, score: null, grade: null, nrr: { u9: null, u1: 4 } });
  });

  it.each([
    // [sum of every unsur over 10000 answers, expected score, grade]
    [35_324, 88.31, "A"],
    [35_323, 88.31, "A"], // 88.3075 rounds half up to 88.31
    [35_322, 88.31, "A"], // 88.305 exactly: half up
    [35_321, 88.3, "B"],
    [30_644, 76.61, "B"],
    [30_641, 76.6, "C"],
    [26_000, 65, "C"],
    [25_998, 65, "C"], // 64.995 exactly: half up
    [25_997, 64.99, "D"],
    [10_000, 25, "D"],
    [40_000, 100, "A"],
  ])("classifies on the score rounded to two decimals: sums %i → %d %s", (sum, score, grade) => {
    const totals = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, { sum, count: 10_000 }])) as ElementTotals;
    const result = computeIkm(totals, SKM_2017);
    expect(result.score).toBe(score);
    expect(result.grade?.grade).toBe(grade);
  });

  it("agrees with a plain computation on random data, unanswered questions included", () => {
    const answer = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 5 });
    const response = fc.record(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, answer])) as Record<SkmElement, fc.Arbitrary<number | null>>);
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 200 }), (responses) => {
        const totals = responses.reduce(addResponse, emptyTotals());
        const result = computeIkm(totals, SKM_2017);
        const nrrs = SKM_ELEMENTS.map((e) => {
          const given = responses.map((r) => r[e]).filter((v): v is number => v !== null);
          return given.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
        });
        nrrs.forEach((v, i) => expect(result.nrr[SKM_ELEMENTS[i]!]).toBe(v));
        if (nrrs.includes(null)) {
          expect(result.ikm).toBeNull();
          return;
        }
        const ikm = (nrrs as number[]).reduce((a, b) => a + b, 0) / 9;
        expect(result.ikm).toBeCloseTo(ikm, 10);
        expect(Math.abs(result.score! - ikm * 25)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(result.ikm! >= 1 && result.ikm! <= 4).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Krejcie–Morgan minimum sample", () => {
  it.each([
    [10, 10],
    [20, 19],
    [30, 28],
    [50, 44],
    [100, 80],
    [200, 132],
    [300, 169],
    [500, 217],
    [1_000, 278],
    [2_000, 322],
    [5_000, 357],
    [10_000, 370],
    [20_000, 377],
    [50_000, 381],
    [1_000_000, 384],
    [10_000_000, 384],
  ])("population %i needs %i respondents", (population, sample) => {
    expect(minimumSample(population, SKM_2017)).toBe(sample);
  });

  it("never asks for more people than there are, nor for any when nobody was served", () => {
    expect(minimumSample(1, SKM_2017)).toBe(1);
    expect(minimumSample(0, SKM_2017)).toBe(0);
    expect(minimumSample(Number.NaN, SKM_2017)).toBe(0);
  });
});
