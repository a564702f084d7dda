/**
 * Holidays through the app: installation admins add and remove them (audited), the open
 * reports' deadlines move with them, and nobody else may touch them.
 */
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, holidays, reports } from "../../db/schema";
import { addWorkingDays, isWorkingDay } from "~/reports/working-days";
import { localDate } from "~/skm/import.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { elementsWith, textOf } from "../helpers/html";
import { translator } from "../helpers/i18n";
import { createReport, shiftDay } from "../helpers/reports";
import { createStaff, sessionFor } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
const cookies: Record<string, string> = {};
const today = localDate("Asia/Jakarta");
const PAGE = "/staff/admin/holidays";
const t = translator("casework");

/** The errors shown with a field of the page's form, read from the invalid field that holds the input. */
function fieldErrors(html: string, name: string): string {
  return textOf(elementsWith(html, 'class="field field-invalid"').find((field) => field.includes(`name="${name}"`)) ?? "");
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const personas = {
    installationAdmin: [{ role: "admin" as const }],
    cityAdmin: [{ role: "admin" as const, region: "kota-palangka-raya" }],
    moderator: [{ role: "moderator" as const, region: "kota-palangka-raya" }],
  };
  for (const [name, grants] of Object.entries(personas)) {
    const person = await createStaff(database.db, app.config, { grants });
    cookies[name] = await sessionFor(database.db, app.config, person.id);
  }
});
afterAll(() => database.drop());

const post = (who: string, fields: Record<string, string>) => app.post(PAGE, fields, { Cookie: cookies[who]! });
async function holidaySet() {
  return new Set((await database.db.select({ day: holidays.day }).from(holidays)).map((row) => row.day));
}

describe("holidays", () => {
  it("come seeded with the fixed-date national holidays of 2026 and 2027", async () => {
    const set = await holidaySet();
    for (const year of [2026, 2027]) for (const md of ["01-01", "05-01", "06-01", "08-17", "12-25"]) expect(set.has(`${year}-${md}`)).toBe(true);
    const page = await app.get(`${PAGE}?year=2026`, { Cookie: cookies.installationAdmin! });
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("Hari Kemerdekaan Republik Indonesia");
  });

  it("refuse a day PostgreSQL cannot store (year 0) with 400, never a 500", async () => {
    for (const intent of ["add", "remove"]) {
      expect((await post("installationAdmin", { intent, day: "0000-01-01", name: "Libur" })).status, intent).toBe(400);
    }
  });

  it("move an open report's triage deadline by one working day when one is added inside it, and back when removed", async () => {
    const report = await createReport(database.db, app.config, { receivedOn: today });
    const before = (await database.db.select().from(reports).where(eq(reports.id, report.id)))[0]!;
    // The first working day after receipt: it lies within the triage period.
    const set = await holidaySet();
    const day = addWorkingDays(today, 1, set);
    expect(isWorkingDay(day, set)).toBe(true);

    const added = await post("installationAdmin", { intent: "add", day, name: "Cuti bersama" });
    expect(added.status).toBe(303);
    const after = (await database.db.select().from(reports).where(eq(reports.id, report.id)))[0]!;
    expect(after.triageDueOn).toBe(addWorkingDays(before.triageDueOn, 1, new Set([...set, day])));
    expect(after.triageDueOn > before.triageDueOn).toBe(true);
    const [audit] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: "holiday.added", objectType: "holiday", objectId: day, actorRole: "admin" });

    const again = await post("installationAdmin", { intent: "add", day, name: "Cuti bersama" });
    expect(again.status).toBe(400);
    expect(fieldErrors(await again.text(), "day")).toContain(t("errors.holidayExists"));

    expect((await post("installationAdmin", { intent: "remove", day })).status).toBe(303);
    const restored = (await database.db.select().from(reports).where(eq(reports.id, report.id)))[0]!;
    expect(restored.triageDueOn).toBe(before.triageDueOn);
    expect((await post("installationAdmin", { intent: "remove", day })).status).toBe(404);
  });

  it("leave a closed report's dates alone", async () => {
    const closed = await createReport(database.db, app.config, {
      receivedOn: shiftDay(today, -1),
      clock: { status: "closed", outcome: "spam", triagedOn: today, closedOn: today },
    });
    const before = (await database.db.select().from(reports).where(eq(reports.id, closed.id)))[0]!;
    const day = addWorkingDays(today, 1, await holidaySet());
    expect((await post("installationAdmin", { intent: "add", day, name: "Libur" })).status).toBe(303);
    expect((await database.db.select().from(reports).where(eq(reports.id, closed.id)))[0]).toEqual(before);
  });

  it("refuse bad input with the values kept", async () => {
    const response = await post("installationAdmin", { intent: "add", day: "2026-02-30", name: "Hari salah" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "day")).toContain(t("errors.dateInvalid"));
    expect(html).toContain("Hari salah");
    expect((await post("installationAdmin", { intent: "add", day: "2026-03-03", name: "" })).status).toBe(400);
    expect((await post("installationAdmin", { intent: "purge" })).status).toBe(400);
  });

  it("are for installation admins only", async () => {
    for (const who of ["cityAdmin", "moderator"]) {
      expect((await app.get(PAGE, { Cookie: cookies[who]! })).status, who).toBe(403);
      expect((await post(who, { intent: "add", day: "2026-03-04", name: "Libur" })).status, who).toBe(403);
    }
    expect((await holidaySet()).has("2026-03-04")).toBe(false);
    expect(await (await app.get("/staff", { Cookie: cookies.installationAdmin! })).text()).toContain(`href="${PAGE}"`);
    expect(await (await app.get("/staff", { Cookie: cookies.cityAdmin! })).text()).not.toContain(`href="${PAGE}"`);
  });
});
