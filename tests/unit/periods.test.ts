import { describe, expect, it } from "vitest";
import { monthsOf, parsePeriod, populationFor, recentPeriods } from "~/skm/periods";

describe("SKM periods", () => {
  it.each([
    ["2026", "2026-01-01", "2026-12-31", 12],
    ["2026-S1", "2026-01-01", "2026-06-30", 6],
    ["2026-S2", "2026-07-01", "2026-12-31", 6],
    ["2026-Q1", "2026-01-01", "2026-03-31", 3],
    ["2024-Q1", "2024-01-01", "2024-03-31", 3],
    ["2026-02", "2026-02-01", "2026-02-28", 1],
    ["2024-02", "2024-02-01", "2024-02-29", 1],
    ["2026-12", "2026-12-01", "2026-12-31", 1],
  ])("%s runs from %s to %s", (key, from, to, months) => {
    expect(parsePeriod(key)).toMatchObject({ key, from, to, months });
  });

  it.each(["", "26", "2026-13", "2026-Q5", "2026-S3", "2026-1", "1999", "2026-03-01", "2026 "])("refuses %j", (key) => {
    expect(parsePeriod(key)).toBeNull();
  });

  it("offers this year and last, up to today", () => {
    const keys = recentPeriods("2026-11-28").map((p) => p.key);
    expect(keys.slice(0, 4)).toEqual(["2026", "2026-S2", "2026-S1", "2026-Q4"]);
    expect(keys).toContain("2026-11");
    expect(keys).not.toContain("2026-12");
    expect(keys).toContain("2025-12");
  });

  it("splits a period into months and scales the people served", () => {
    expect(monthsOf(parsePeriod("2026-Q2")!).map((p) => p.key)).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(populationFor(parsePeriod("2026-Q2")!, { perPeriod: 36_000, period: "year" })).toBe(9_000);
    expect(populationFor(parsePeriod("2026")!, { perPeriod: 500, period: "month" })).toBe(6_000);
    expect(populationFor(parsePeriod("2026-03")!, { perPeriod: null, period: "year" })).toBeNull();
  });
});
