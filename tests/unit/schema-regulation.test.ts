/**
 * The schema spells out the SKM unsur and perception item columns (db/ may not import the
 * regulation profiles in app/, see db/schema/index.ts): they must stay the profiles' lists.
 * The same holds for the report enums and the lists the app validates against.
 */
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { perceptionDailyTotals, perceptionResponses, reportCategory, reportChannel, reportDestination, reportOutcome, reportStatus, skmDailyTotals, skmResponses } from "#db/schema";
import { DESTINATIONS } from "#app/reports/casework-schema";
import { REPORT_CATEGORIES, REPORT_CHANNELS } from "#app/reports/form-schema";
import { REPORT_OUTCOMES, REPORT_STATUSES } from "#app/reports/status-machine";
import { PERCEPTION_ITEMS } from "#app/regulation/perception";
import { SKM_ELEMENTS } from "#app/regulation/skm";

/** The columns named like an item (u1, a8, q3…), with what follows the code, in table order. */
function itemColumns(table: Parameters<typeof getTableColumns>[0], pattern: RegExp): string[] {
  return Object.keys(getTableColumns(table)).filter((name) => pattern.test(name));
}

describe("item columns of the schema", () => {
  it("are the SKM unsur, in the profile's order", () => {
    expect(itemColumns(skmResponses, /^u\d+$/)).toEqual([...SKM_ELEMENTS]);
    expect(itemColumns(skmDailyTotals, /^u\d+(Sum|Count)$/)).toEqual(SKM_ELEMENTS.flatMap((e) => [`${e}Sum`, `${e}Count`]));
  });

  it("are the perception items, in the profile's order", () => {
    expect(itemColumns(perceptionResponses, /^[aq]\d+$/)).toEqual([...PERCEPTION_ITEMS]);
    expect(itemColumns(perceptionDailyTotals, /^[aq]\d+(Sum|Count)$/)).toEqual(PERCEPTION_ITEMS.flatMap((e) => [`${e}Sum`, `${e}Count`]));
  });
});

describe("report enums of the schema", () => {
  it("are the app's categories, channels, statuses, outcomes and destinations", () => {
    expect(reportCategory.enumValues).toEqual([...REPORT_CATEGORIES]);
    expect(reportChannel.enumValues).toEqual([...REPORT_CHANNELS]);
    expect(reportStatus.enumValues).toEqual([...REPORT_STATUSES]);
    expect(reportOutcome.enumValues).toEqual([...REPORT_OUTCOMES]);
    expect(reportDestination.enumValues).toEqual([...DESTINATIONS]);
  });
});
