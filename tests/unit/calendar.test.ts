/** Calendar dates and Indonesia's three time zones; every instant is given, never read from the clock. */
import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDate,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  localDate,
  localDateTime,
  monthKey,
  monthStart,
  quarterKey,
  startOfDay,
} from "~/utils/calendar";

const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

describe("localDate", () => {
  it("is the date in each zone at a given instant", () => {
    // 16:30 UTC on 31 March: 23:30 WIB, 00:30 WITA and 01:30 WIT on 1 April.
    const at = new Date("2026-03-31T16:30:00Z");
    expect(ZONES.map((zone) => localDate(zone, at))).toEqual(["2026-03-31", "2026-04-01", "2026-04-01"]);
  });

  it("turns at each zone's midnight, not before", () => {
    // WIT is UTC+9: its midnight is 15:00 UTC the evening before.
    expect(localDate("Asia/Jayapura", new Date("2026-03-31T14:59:59.999Z"))).toBe("2026-03-31");
    expect(localDate("Asia/Jayapura", new Date("2026-03-31T15:00:00Z"))).toBe("2026-04-01");
    // WITA is UTC+8, WIB UTC+7.
    expect(localDate("Asia/Makassar", new Date("2026-03-31T15:59:59Z"))).toBe("2026-03-31");
    expect(localDate("Asia/Makassar", new Date("2026-03-31T16:00:00Z"))).toBe("2026-04-01");
    expect(localDate("Asia/Jakarta", new Date("2026-03-31T16:59:59Z"))).toBe("2026-03-31");
    expect(localDate("Asia/Jakarta", new Date("2026-03-31T17:00:00Z"))).toBe("2026-04-01");
  });

  it("crosses into the new year in Jakarta while UTC is still in the old one", () => {
    const at = new Date("2025-12-31T17:00:00Z");
    expect(localDate("Asia/Jakarta", at)).toBe("2026-01-01");
    expect(localDate("UTC", at)).toBe("2025-12-31");
  });
});

describe("localDateTime", () => {
  it("reads the zone's wall clock", () => {
    const at = new Date("2024-05-01T06:45:10Z");
    expect(ZONES.map((zone) => localDateTime(at, zone))).toEqual(["2024-05-01 13:45:10", "2024-05-01 14:45:10", "2024-05-01 15:45:10"]);
  });

  it("writes midnight as 00, on the new day", () => {
    expect(localDateTime(new Date("2026-03-31T17:00:00Z"), "Asia/Jakarta")).toBe("2026-04-01 00:00:00");
  });
});

describe("startOfDay", () => {
  it("is local midnight in each zone", () => {
    expect(ZONES.map((zone) => startOfDay("2026-04-01", zone).toISOString())).toEqual([
      "2026-03-31T17:00:00.000Z",
      "2026-03-31T16:00:00.000Z",
      "2026-03-31T15:00:00.000Z",
    ]);
    expect(startOfDay("2026-04-01", "UTC").toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("is the first instant localDate gives that date", () => {
    for (const zone of ZONES) {
      const start = startOfDay("2026-01-01", zone);
      expect(localDate(zone, start)).toBe("2026-01-01");
      expect(localDate(zone, new Date(start.getTime() - 1))).toBe("2025-12-31");
    }
  });
});

describe("isCalendarDate", () => {
  it("takes real dates", () => {
    expect(["2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29"].every(isCalendarDate)).toBe(true);
  });

  it("refuses days that do not exist", () => {
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-01-00")).toBe(false);
    // PostgreSQL has no year 0; year 1 it stores.
    expect(isCalendarDate("0000-01-01")).toBe(false);
    expect(isCalendarDate("0001-01-01")).toBe(true);
  });

  it("refuses any other form", () => {
    for (const text of ["2026-2-3", "26-02-03", "2026/02/03", " 2026-02-03", "2026-02-03 ", "2026-02-03T00:00:00Z", "20260203", ""]) {
      expect(isCalendarDate(text)).toBe(false);
    }
  });
});

describe("calendarDate", () => {
  it("pads year, month and day", () => {
    expect(calendarDate(2026, 3, 1)).toBe("2026-03-01");
    expect(calendarDate(2026, 12, 31)).toBe("2026-12-31");
  });
});

describe("addDays and daysBetween", () => {
  it("shifts across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-10", 0)).toBe("2026-03-10");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  it("counts whole days, negative backwards", () => {
    expect(daysBetween("2026-01-01", "2026-01-02")).toBe(1);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
    for (const days of [-400, -1, 0, 1, 59, 366]) expect(daysBetween("2024-02-29", addDays("2024-02-29", days))).toBe(days);
  });

});

describe("isoWeekday", () => {
  it("is 1 on Monday and 7 on Sunday", () => {
    // 2026-08-10 is a Monday.
    expect(["2026-08-10", "2026-08-11", "2026-08-14", "2026-08-15", "2026-08-16"].map(isoWeekday)).toEqual([1, 2, 5, 6, 7]);
  });
});

describe("month and quarter keys", () => {
  it("name the month of a date or month", () => {
    expect(monthKey("2026-11-02")).toBe("2026-11");
    expect(monthKey("2026-11")).toBe("2026-11");
    expect(monthStart("2026-11-30")).toBe("2026-11-01");
    expect(monthStart("2026-02")).toBe("2026-02-01");
  });

  it("name the quarter as the SKM periods do", () => {
    expect(["2026-01-01", "2026-03-31", "2026-04-01", "2026-06-30", "2026-07-15", "2026-09-30", "2026-10-01", "2026-12-31"].map(quarterKey)).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q2",
      "2026-Q3",
      "2026-Q3",
      "2026-Q4",
      "2026-Q4",
    ]);
    expect(quarterKey("2026-05")).toBe("2026-Q2");
  });
});
