import { describe, expect, it } from "vitest";
import { dayRanges, formatOpeningHours } from "~/org/opening-hours";

describe("opening hours", () => {
  it("groups consecutive days", () => {
    expect(dayRanges([1, 2, 3, 4])).toEqual([[1, 4]]);
    expect(dayRanges([5, 1, 2, 3])).toEqual([
      [1, 3],
      [5, 5],
    ]);
    expect(dayRanges([6, 6, 7])).toEqual([[6, 7]]);
    expect(dayRanges([0, 8, 2.5])).toEqual([]);
  });

  const rules = [
    { days: [1, 2, 3, 4], opens: "08:00", closes: "15:00" },
    { days: [5], opens: "08:00", closes: "11:00" },
    { days: [], opens: "09:00", closes: "10:00" },
  ];

  it("names the days in Bahasa Indonesia", () => {
    expect(formatOpeningHours(rules, "id")).toEqual([
      { days: "Senin–Kamis", hours: "08:00–15:00" },
      { days: "Jumat", hours: "08:00–11:00" },
    ]);
  });

  it("names the days in English", () => {
    expect(formatOpeningHours(rules, "en")).toEqual([
      { days: "Monday–Thursday", hours: "08:00–15:00" },
      { days: "Friday", hours: "08:00–11:00" },
    ]);
  });

  it("lists separate ranges of one rule", () => {
    expect(formatOpeningHours([{ days: [1, 3, 4], opens: "07:30", closes: "12:00" }], "id")).toEqual([
      { days: "Senin, Rabu–Kamis", hours: "07:30–12:00" },
    ]);
  });
});
