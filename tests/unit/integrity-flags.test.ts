import { describe, expect, it } from "vitest";
import { FLAG_KINDS, integrityFlags, isFlagPeriod, slotClosed, type PeriodFigures, type PreviousFigures } from "~/integrity/flags";
import { median, ratingVerdict as verdictWith, slotOf, type RatingCounts } from "~/skm/suspicion";
import { loadConfig } from "~/utils/env.server";

/** An ordinary unit's month: nothing stands out. */
const quiet: PeriodFigures = {
  respondents: 120,
  bySource: { web: 60, kiosk: 40, paper: 20 },
  score: 80,
  scoreBySource: { web: 79, kiosk: 82 },
  straightLined: 12,
  coercionYes: 1,
  coercionAnswered: 70,
  slotRatings: 100,
  outsideHours: 4,
  largestSlot: 6,
  burstSlots: 0,
  heavyClientRatings: 6,
  largestClientDay: 6,
  largestDevice: 25,
  served: 900,
};
const history: PreviousFigures[] = [
  { respondents: 110, score: 78, straightLined: 11 },
  { respondents: 100, score: 81, straightLined: 9 },
  { respondents: 130, score: 79, straightLined: 14 },
];
const kinds = (figures: Partial<PeriodFigures>, previous = history) => integrityFlags({ ...quiet, ...figures }, previous).map((f) => f.kind);

describe("integrity flags", () => {
  it("raises none for an ordinary period, with or without history", () => {
    expect(integrityFlags(quiet, history)).toEqual([]);
    expect(integrityFlags(quiet, [])).toEqual([]);
    expect(integrityFlags({ ...quiet, respondents: 0, bySource: { web: 0, kiosk: 0, paper: 0 }, score: null, scoreBySource: { web: null, kiosk: null }, straightLined: 0, coercionYes: 0, coercionAnswered: 0, slotRatings: 0, outsideHours: 0, largestSlot: 0, heavyClientRatings: 0, largestClientDay: 0, largestDevice: 0, served: null }, [])).toEqual([]);
  });

  it("flags a burst: many live ratings in one ten-minute slot", () => {
    expect(kinds({ largestSlot: 15, burstSlots: 2 })).toEqual(["burst"]);
    expect(kinds({ largestSlot: 14 })).toEqual([]);
    expect(integrityFlags({ ...quiet, largestSlot: 20, burstSlots: 1 }, history)[0]?.figures).toMatchObject({ largestSlot: 20, burstSlots: 1 });
  });

  it("flags ratings outside opening hours only when they are many and a real share", () => {
    expect(kinds({ outsideHours: 25 })).toEqual(["outsideHours"]);
    expect(kinds({ outsideHours: 9, slotRatings: 20 })).toEqual([]);
    expect(kinds({ outsideHours: 15, slotRatings: 100 })).toEqual([]);
  });

  it("flags more respondents than people served, only when the figure is known", () => {
    expect(kinds({ served: 100 })).toEqual(["moreThanServed"]);
    expect(kinds({ served: 120 })).toEqual([]);
    expect(kinds({ served: null })).toEqual([]);
  });

  it("flags straight-lining above its usual share", () => {
    expect(kinds({ straightLined: 60 })).toEqual(["straightLining"]);
    // A unit where it was always common is not flagged for staying so.
    const usual = history.map((p) => ({ ...p, straightLined: Math.round(p.respondents * 0.4) }));
    expect(kinds({ straightLined: 60 }, usual)).toEqual([]);
    expect(kinds({ straightLined: 30 })).toEqual([]);
  });

  it("flags a sudden jump of the index against the previous periods", () => {
    const [flag] = integrityFlags({ ...quiet, score: 95 }, history);
    expect(flag).toEqual({ kind: "indexJump", figures: { score: 95, previousMean: 79.33, points: 15.67 } });
    expect(kinds({ score: 89 })).toEqual([]);
    expect(kinds({ score: 99 }, [])).toEqual([]);
    expect(kinds({ score: 99, respondents: 29, straightLined: 3, bySource: { web: 10, kiosk: 10, paper: 9 }, served: null })).toEqual([]);
  });

  it("flags one client key or one device giving a large share", () => {
    expect(kinds({ heavyClientRatings: 20, largestClientDay: 14 })).toEqual(["oneClient"]);
    expect(kinds({ largestDevice: 80 })).toEqual(["oneDevice"]);
    expect(kinds({ heavyClientRatings: 11 })).toEqual([]);
  });

  it("flags kiosk ratings well above the web ratings", () => {
    expect(kinds({ scoreBySource: { web: 70, kiosk: 85 } })).toEqual(["kioskSplit"]);
    expect(kinds({ scoreBySource: { web: 70, kiosk: 85 }, bySource: { web: 60, kiosk: 20, paper: 40 } })).toEqual([]);
  });

  it("flags residents saying they were asked for a good rating or watched", () => {
    expect(kinds({ coercionYes: 8 })).toEqual(["coercion"]);
    expect(kinds({ coercionYes: 2, coercionAnswered: 5 })).toEqual([]);
  });

  it("knows every flag kind it can raise", () => {
    const all = integrityFlags(
      { ...quiet, largestSlot: 30, outsideHours: 40, served: 10, straightLined: 70, score: 99, heavyClientRatings: 40, largestDevice: 90, scoreBySource: { web: 60, kiosk: 99 }, coercionYes: 20 },
      history,
    );
    expect(all.map((f) => f.kind)).toEqual([...FLAG_KINDS]);
  });
});

describe("opening hours by ten-minute slot", () => {
  const rules = [{ days: [1, 2, 3, 4], opens: "08:00", closes: "15:00" }, { days: [5], opens: "08:00", closes: "11:30" }];
  it("counts a slot closed only when it lies wholly outside the day's hours", () => {
    expect(slotClosed(rules, 1, slotOf("07:50"))).toBe(true);
    expect(slotClosed(rules, 1, slotOf("08:00"))).toBe(false);
    expect(slotClosed(rules, 1, slotOf("14:55"))).toBe(false);
    expect(slotClosed(rules, 1, slotOf("15:00"))).toBe(true);
    expect(slotClosed(rules, 5, slotOf("11:20"))).toBe(false);
    expect(slotClosed(rules, 5, slotOf("12:00"))).toBe(true);
    expect(slotClosed(rules, 7, slotOf("10:00"))).toBe(true);
    expect(slotClosed([], 7, slotOf("03:00"))).toBe(false);
  });
  it("names the slots of a day", () => {
    expect(slotOf("00:00")).toBe(0);
    expect(slotOf("23:59")).toBe(143);
  });
  it("accepts months, quarters and years as review periods", () => {
    expect(["2026", "2026-Q4", "2026-11"].every(isFlagPeriod)).toBe(true);
    expect(["2026-13", "2026-S1", "26", "2026-Q5"].some(isFlagPeriod)).toBe(false);
  });
});

describe("when a rating is challenged", () => {
  // The unit-volume thresholds as configured by default (SKM_UNIT_DAY_MULTIPLE, SKM_UNIT_DAY_MIN).
  const ratingVerdict = (counts: RatingCounts) => verdictWith(counts, loadConfig({}).skm);
  const calm = { clientBurst: 0, clientToday: 0, unitToday: 10, unitPastDays: Array<number>(28).fill(10) };
  it("asks nothing of an ordinary resident", () => {
    expect(ratingVerdict(calm)).toEqual({ refused: false, signals: [] });
  });
  it("challenges a burst, a busy client day and a unit far above its median", () => {
    expect(ratingVerdict({ ...calm, clientBurst: 3 }).signals).toEqual(["burst"]);
    expect(ratingVerdict({ ...calm, clientToday: 5 }).signals).toEqual(["clientDay"]);
    expect(ratingVerdict({ ...calm, unitToday: 31 }).signals).toEqual(["unitVolume"]);
    expect(ratingVerdict({ ...calm, unitToday: 19, unitPastDays: [] }).signals).toEqual([]);
    expect(ratingVerdict({ ...calm, unitToday: 20, unitPastDays: [] }).signals).toEqual(["unitVolume"]);
  });
  it("takes the unit-volume thresholds from the configuration", () => {
    const volume = loadConfig({ SKM_UNIT_DAY_MULTIPLE: "10", SKM_UNIT_DAY_MIN: "200" }).skm;
    expect(verdictWith({ ...calm, unitToday: 101 }, volume).signals).toEqual([]);
    expect(verdictWith({ ...calm, unitToday: 199, unitPastDays: [] }, volume).signals).toEqual([]);
    expect(verdictWith({ ...calm, unitToday: 200, unitPastDays: [] }, volume).signals).toEqual(["unitVolume"]);
  });
  it("refuses only at the daily ceiling", () => {
    expect(ratingVerdict({ ...calm, clientToday: 49 }).refused).toBe(false);
    expect(ratingVerdict({ ...calm, clientToday: 50 }).refused).toBe(true);
  });
  it("takes the median of the days", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
