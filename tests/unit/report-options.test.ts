/** The report form's choices as shown, and the case page's commands as parsed. */
import { describe, expect, it } from "vitest";
import { caseCommandSchema, caseIntentSchema } from "~/reports/form-schema";
import { preselectedUnit, serviceGroups, yearChoices, type RegionOption } from "~/reports/report-options";

const REGIONS: RegionOption[] = [
  {
    slug: "palangka-raya",
    name: "Kota Palangka Raya",
    agencies: [
      {
        name: "Dinas Dukcapil",
        units: [
          { key: "palangka-raya/disdukcapil", name: "Disdukcapil", services: [{ id: 1, name: "KTP" }] },
          { key: "palangka-raya/arsip", name: "Arsip", services: [] },
        ],
      },
      { name: "Dinas Kesehatan", units: [{ key: "palangka-raya/puskesmas", name: "Puskesmas", services: [{ id: 2, name: "Rawat jalan" }] }] },
    ],
  },
];

describe("preselectedUnit", () => {
  it("keeps a unit or a region's unknown unit that the form offers", () => {
    expect(preselectedUnit(REGIONS, "palangka-raya/puskesmas")).toBe("palangka-raya/puskesmas");
    expect(preselectedUnit(REGIONS, "palangka-raya/*")).toBe("palangka-raya/*");
  });

  it("drops anything else", () => {
    expect(preselectedUnit(REGIONS, "elsewhere/puskesmas")).toBe("");
    expect(preselectedUnit(REGIONS, null)).toBe("");
  });
});

describe("yearChoices", () => {
  it("lists this year first, then the years before it", () => {
    const years = yearChoices(2026);
    expect(years[0]).toBe(2026);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(new Set(years.map((y, i) => 2026 - y - i))).toEqual(new Set([0]));
  });
});

describe("serviceGroups", () => {
  it("lists every unit with services, labelled with its region, until the script filters", () => {
    expect(serviceGroups(REGIONS, "palangka-raya/puskesmas", false).map((g) => g.label)).toEqual(["Kota Palangka Raya · Disdukcapil", "Kota Palangka Raya · Puskesmas"]);
    expect(serviceGroups(REGIONS, "", true)).toHaveLength(2);
  });

  it("keeps only the chosen unit's services when filtering, and none for an unknown unit", () => {
    expect(serviceGroups(REGIONS, "palangka-raya/puskesmas", true).map((g) => g.unit.key)).toEqual(["palangka-raya/puskesmas"]);
    expect(serviceGroups(REGIONS, "palangka-raya/*", true)).toEqual([]);
  });
});

describe("caseCommandSchema", () => {
  it("reads each intent with its own fields", () => {
    expect(caseCommandSchema.parse({ intent: "signIn", code: " 1234 " })).toEqual({ intent: "signIn", code: "1234" });
    expect(caseCommandSchema.parse({ intent: "message", body: "Ada pungutan" })).toEqual({ intent: "message", body: "Ada pungutan" });
    expect(caseCommandSchema.parse({ intent: "files", body: "dropped" })).toEqual({ intent: "files" });
    expect(caseCommandSchema.parse({ intent: "signOut" })).toEqual({ intent: "signOut" });
  });

  it("refuses an unknown intent and an empty message", () => {
    expect(caseCommandSchema.safeParse({ intent: "delete" }).success).toBe(false);
    expect(caseIntentSchema.safeParse("delete").success).toBe(false);
    expect(caseCommandSchema.safeParse({ intent: "message", body: "  " }).success).toBe(false);
  });
});
