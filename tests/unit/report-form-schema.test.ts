/** The pure rules of the report form: amounts in rupiah, receipt codes, the unit and service checks. */
import { describe, expect, it } from "vitest";
import { parseRupiah, reportSchema, type UnitChoice } from "~/reports/form-schema";
import { formatReceipt, normaliseReceipt } from "~/reports/receipt.server";

describe("parseRupiah", () => {
  it.each([
    ["150000", 150_000],
    ["150.000", 150_000],
    ["150,000", 150_000],
    ["Rp 150.000,-", 150_000],
    ["Rp. 1.250.000", 1_250_000],
    ["1.250.000,00", 1_250_000],
    ["0", 0],
  ])("reads %s as %d", (input, expected) => expect(parseRupiah(input)).toBe(expected));

  it.each(["-5000", "12,5", "1.2.3", "15.00.000", "abc", "1e6", ""])("refuses %s", (input) => expect(parseRupiah(input)).toBeNull());
});

describe("receipt codes", () => {
  it("are typed with or without spaces and dashes, and shown in groups of four", () => {
    expect(normaliseReceipt("1234 5678-9012 3456")).toBe("1234567890123456");
    expect(normaliseReceipt("123456789012345")).toBeNull();
    expect(normaliseReceipt("12345678901234567")).toBeNull();
    expect(normaliseReceipt("1234 5678 9012 345x")).toBeNull();
    expect(formatReceipt("1234567890123456")).toBe("1234 5678 9012 3456");
  });
});

describe("reportSchema", () => {
  const units: UnitChoice[] = [
    { key: "kota/a", regionId: 1, unitId: 10, serviceIds: [100, 101] },
    { key: "kota/*", regionId: 1, unitId: null, serviceIds: [] },
  ];
  const base = { category: "calo", unit: "kota/a", narrative: "Seorang calo menawarkan jasa di depan kantor.", token: "t".repeat(40) };
  const schema = reportSchema(units, "2026-11-28");

  it("turns the form into the report's fields", () => {
    const parsed = schema.parse({ ...base, serviceId: "101", month: "11", year: "2026", amountAsked: "500.000" });
    expect(parsed).toMatchObject({ regionId: 1, unitId: 10, serviceId: 101, incidentMonth: "2026-11-01", content: { amountAsked: 500_000 } });
    expect(schema.parse({ ...base, unit: "kota/*" })).toMatchObject({ unitId: null, serviceId: null, incidentMonth: null });
  });

  it("refuses a service of another unit, a month to come and half a date", () => {
    const issues = (input: Record<string, string>) => schema.safeParse({ ...base, ...input }).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ serviceId: "999" })).toEqual(["serviceId:errors.service"]);
    expect(issues({ unit: "kota/*", serviceId: "100" })).toEqual(["serviceId:errors.service"]);
    expect(issues({ month: "12", year: "2026" })).toEqual(["month:errors.future"]);
    expect(issues({ month: "1" })).toEqual(["year:errors.monthAndYear"]);
    expect(issues({ year: "2019", month: "1" })).toEqual(["year:errors.year"]);
  });
});
