/** Working days for the reports' time limits: weekends and the installation's holidays skipped. */
import { describe, expect, it } from "vitest";
import { addDays } from "~/utils/calendar";
import { addWorkingDays, isWorkingDay, overdueBy, overdueCutoff, workingDaysBetween } from "~/reports/working-days";

const NONE = new Set<string>();
// 2026-08-17 (Monday) is Independence Day; 2026-12-25 is a Friday.
const HOLIDAYS = new Set(["2026-08-17", "2026-12-25"]);

describe("isWorkingDay", () => {
  it("is Monday to Friday", () => {
    expect(["2026-08-10", "2026-08-11", "2026-08-12", "2026-08-13", "2026-08-14"].map((d) => isWorkingDay(d, NONE))).toEqual([true, true, true, true, true]);
    expect(isWorkingDay("2026-08-15", NONE)).toBe(false);
    expect(isWorkingDay("2026-08-16", NONE)).toBe(false);
  });

  it("is not a holiday", () => {
    expect(isWorkingDay("2026-08-17", NONE)).toBe(true);
    expect(isWorkingDay("2026-08-17", HOLIDAYS)).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("never counts the start day", () => {
    expect(addWorkingDays("2026-08-11", 1, NONE)).toBe("2026-08-12");
    expect(addWorkingDays("2026-08-11", 0, NONE)).toBe("2026-08-11");
  });

  it("skips a weekend", () => {
    // Thursday + 3 working days: Friday, Monday, Tuesday.
    expect(addWorkingDays("2026-08-13", 3, NONE)).toBe("2026-08-18");
    // From a Saturday the first working day is Monday.
    expect(addWorkingDays("2026-08-15", 1, NONE)).toBe("2026-08-17");
  });

  it("skips a holiday, and a weekend and holiday together", () => {
    expect(addWorkingDays("2026-08-13", 3, HOLIDAYS)).toBe("2026-08-19");
    // Thursday 24 Dec + 1: Friday is Christmas, then the weekend → Monday 28.
    expect(addWorkingDays("2026-12-24", 1, HOLIDAYS)).toBe("2026-12-28");
  });

  it("crosses months and years", () => {
    expect(addWorkingDays("2026-12-30", 3, new Set(["2027-01-01"]))).toBe("2027-01-05");
    expect(addWorkingDays("2026-01-30", 1, NONE)).toBe("2026-02-02");
  });
});

describe("workingDaysBetween", () => {
  it("counts the end and not the start, and mirrors addWorkingDays", () => {
    expect(workingDaysBetween("2026-08-13", "2026-08-18", NONE)).toBe(3);
    expect(workingDaysBetween("2026-08-13", "2026-08-19", HOLIDAYS)).toBe(3);
    for (const days of [0, 1, 2, 5, 10, 23]) {
      expect(workingDaysBetween("2026-08-12", addWorkingDays("2026-08-12", days, HOLIDAYS), HOLIDAYS)).toBe(days);
    }
  });

  it("is negative when the end is earlier (days overdue) and zero on the same day", () => {
    expect(workingDaysBetween("2026-08-18", "2026-08-13", NONE)).toBe(-3);
    expect(workingDaysBetween("2026-08-18", "2026-08-18", NONE)).toBe(0);
  });

  it("counts a weekend as nothing", () => {
    expect(workingDaysBetween("2026-08-14", "2026-08-16", NONE)).toBe(0);
  });
});

describe("the escalation threshold", () => {
  const holidays = new Set(["2026-12-25", "2027-01-01"]);
  it("puts a deadline at or before the cutoff exactly when it is overdue by that many working days, as the alert scan counts", () => {
    const days = ["2026-12-17", "2026-12-18", "2026-12-19", "2026-12-21", "2026-12-24", "2026-12-26", "2026-12-28", "2026-12-31", "2027-01-02", "2027-01-04"];
    for (const today of days) {
      for (const n of [1, 2, 3, 5]) {
        const cutoff = overdueCutoff(today, n, holidays);
        for (let back = 0; back <= 15; back += 1) {
          const due = addDays(today, -back);
          expect(due <= cutoff, `${due} ${today} ${n}`).toBe(overdueBy(due, today, n, holidays));
        }
      }
    }
  });
});
