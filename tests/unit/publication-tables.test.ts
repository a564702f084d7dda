/**
 * The SKM, perception and profile tables of the publication layer (pure): cells with several
 * counts, the region total, and the decision on a question answered by few inside a cell
 * (docs/decisions/011-one-publication-rule.md).
 */
import { describe, expect, it } from "vitest";
import { addSkm, buildProfileTable, buildSkmTable, emptySkmCell, type MonthlyCell, type SkmCell } from "~/dashboards/published";
import { suppress } from "~/publication/suppression";
import { SKM_ELEMENTS } from "~/regulation/skm";

const MIN = 5;

/** `n` respondents answering 3 to every unsur, except `blankU9` who left U9 blank. */
function cell(n: number, blankU9 = 0): SkmCell {
  let result = emptySkmCell();
  for (let i = 0; i < n; i++) {
    const one = emptySkmCell();
    one.respondents = 1;
    for (const e of SKM_ELEMENTS) one.totals[e] = e === "u9" && i < blankU9 ? { sum: 0, count: 0 } : { sum: 3, count: 1 };
    result = addSkm(result, one);
  }
  return result;
}

describe("suppress with cells of several counts", () => {
  it("hides a cell whose second count is 1 to min − 1, even with enough people", () => {
    const counts = new Map<string, number[]>([
      ["T", [24, 14]],
      ["a", [12, 2]],
      ["b", [12, 12]],
    ]);
    const hidden = suppress(counts, [{ total: "T", parts: ["a", "b"] }], MIN);
    // a: 2 answers to the question; b would give them away as T − b.
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });

  it("never hides a frozen cell, and leaves a line alone when its unknown part is large", () => {
    const counts = new Map<string, number>([
      ["T", 20],
      ["a", 3],
      ["b", 17],
    ]);
    expect(suppress(counts, [{ total: "T", parts: ["a", "b"] }], MIN, { frozen: ["T"] })).toEqual(new Set(["a", "b"]));
    expect(suppress(new Map([["T", 20], ["a", 10], ["b", 10]]), [{ total: "T", parts: ["a", "b"] }], MIN)).toEqual(new Set());
  });
});

describe("the SKM table of a region and year", () => {
  const monthly = (rows: Array<[number, number, SkmCell]>): Array<MonthlyCell<SkmCell>> => rows.map(([unitId, month, c]) => ({ unitId, month, cell: c }));

  it("holds back a second unit so that the region's total minus the others gives nothing small, without a count", () => {
    const table = buildSkmTable([1, 2, 3], monthly([[1, 5, cell(20)], [2, 5, cell(3)], [3, 5, cell(6)]]), MIN);
    expect(table.cell(2, "M05")).toMatchObject({ respondents: null, published: false, ikm: null });
    expect(table.cell(3, "M05")).toMatchObject({ respondents: null, published: false });
    expect(table.cell(1, "M05")).toMatchObject({ respondents: 20, published: true, score: 75 });
    expect(table.cell("*", "Y")).toMatchObject({ respondents: 29, published: true });
    // Nobody: published as zero.
    expect(table.cell(1, "M01")).toMatchObject({ respondents: 0, published: false });
  });

  it("holds back a cell where only a few answered one unsur", () => {
    const table = buildSkmTable([1, 2], monthly([[1, 3, cell(12, 10)], [2, 3, cell(30)]]), MIN);
    expect(table.cell(1, "M03")).toMatchObject({ respondents: null, published: false, nrr: null });
  });

  it("publishes a profile only with its SKM cell, and its small answers are held back with a neighbour", () => {
    const table = buildSkmTable([1], monthly([[1, 2, cell(12)]]), MIN);
    const profile = buildProfileTable(
      table,
      1,
      [
        { month: 2, dimension: "sex", value: "L", count: 9 },
        { month: 2, dimension: "sex", value: "P", count: 3 },
      ],
      MIN,
    );
    const sex = profile.period("M02")!.sex;
    expect(sex).toEqual([
      { value: "L", count: null },
      { value: "P", count: null },
      { value: null, count: 0 },
    ]);
    expect(profile.period("M01")).toBeNull();
  });
});
