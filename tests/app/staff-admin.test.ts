/**
 * Staff management through the app: invitations, roles and scopes within the admin's own
 * reach, deactivation, resets, and an audit row for every change.
 */
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staff, staffGrants, staffSessions } from "../../db/schema";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createStaff, regionId, sessionFor, type TestStaff } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
let installationAdmin: TestStaff;
let cityAdmin: TestStaff;
let kotimAdmin: TestStaff;
let cookies: { installation: string; city: string; kotim: string };

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  installationAdmin = await createStaff(database.db, app.config, { grants: [{ role: "admin" }] });
  cityAdmin = await createStaff(database.db, app.config, { grants: [{ role: "admin", region: "kota-palangka-raya" }] });
  kotimAdmin = await createStaff(database.db, app.config, { grants: [{ role: "admin", region: "kabupaten-kotawaringin-timur" }] });
  cookies = {
    installation: await sessionFor(database.db, app.config, installationAdmin.id),
    city: await sessionFor(database.db, app.config, cityAdmin.id),
    kotim: await sessionFor(database.db, app.config, kotimAdmin.id),
  };
});
afterAll(() => database.drop());

async function auditRows(objectId: number) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "staff"), eq(auditLog.objectId, String(objectId))))
    .orderBy(desc(auditLog.id));
}

async function staffIdOf(email: string): Promise<number> {
  const [row] = await database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  return row!.id;
}

describe("inviting staff", () => {
  it("a region admin invites a moderator of their region and gets a one-time link", async () => {
    const city = await regionId(database.db, "kota-palangka-raya");
    const response = await app.post(
      "/staff/admin/staff",
      { email: "Siti.Moderator@Palangkaraya.go.id", displayName: "Siti", role: "moderator", regionId: String(city) },
      { Cookie: cookies.city },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const link = /(http:\/\/localhost:3000\/staff\/setup\?token=[\w-]+)/.exec(html)?.[1];
    expect(link).toBeTruthy();
    const id = await staffIdOf("siti.moderator@palangkaraya.go.id");
    const entry = (await auditRows(id)).find((row) => row.action === "staff.invite");
    expect(entry).toMatchObject({ action: "staff.invite", actorStaffId: cityAdmin.id, actorRole: "admin", regionId: city });
    // The moderator role reads reports: it waits for a moderator's approval (tests/app/insider.test.ts).
    expect(textOf(html)).toContain("Peran ini membuka isi laporan: ia menunggu persetujuan moderator wilayah");
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, id))).toEqual([]);
    expect((await auditRows(id)).find((row) => row.action === "staff.access_requested")).toMatchObject({ regionId: city, details: { kind: "grant" } });
    expect(JSON.stringify(entry?.details)).not.toContain("siti");
    expect((await app.get(new URL(link!).pathname + new URL(link!).search)).status).toBe(200);
  });

  it("refuses roles outside the admin's scope with a field error", async () => {
    const kotim = await regionId(database.db, "kabupaten-kotawaringin-timur");
    const attempts: Array<Record<string, string>> = [
      { role: "moderator", regionId: String(kotim) },
      { role: "admin" },
      { role: "province_monitor", provinceId: "1" },
    ];
    for (const fields of attempts) {
      const response = await app.post(
        "/staff/admin/staff",
        { email: `x${Math.random()}@palangkaraya.go.id`, displayName: "X", ...fields },
        { Cookie: cookies.city },
      );
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(textOf(await response.text())).toContain("Anda tidak dapat memberi peran ini untuk cakupan tersebut.");
    }
    const [{ n }] = (await database.db.select({ n: count() }).from(staff).where(eq(staff.displayName, "X"))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("validates every field and survives hostile values", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ email: "bukan", displayName: "A", role: "admin" }, "Alamat surel tidak valid."],
      [{ email: "a@b.id", displayName: "", role: "admin" }, "Isi nama lengkap."],
      [{ email: "a@b.id", displayName: "A", role: "kaisar" }, "Pilih peran."],
      [{ email: "a@b.id", displayName: "A", role: "moderator" }, "Pilih cakupan untuk peran ini."],
      [{ email: "a@b.id", displayName: "A", role: "moderator", regionId: "abc" }, "Cakupan yang dipilih tidak dikenal."],
      [{ email: "a@b.id", displayName: "A", role: "moderator", regionId: "99999999999" }, "Cakupan yang dipilih tidak dikenal."],
      [{ email: "a@b.id", displayName: "A", role: "unit_manager", unitId: "424242" }, "Cakupan yang dipilih tidak dikenal."],
      [{ email: cityAdmin.email, displayName: "A", role: "admin", regionId: "1" }, "Surel ini sudah dipakai"],
    ];
    for (const [fields, message] of cases) {
      const response = await app.post("/staff/admin/staff", fields, { Cookie: cookies.installation });
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(textOf(await response.text()), JSON.stringify(fields)).toContain(message);
    }
  });
});

describe("managing a staff member", () => {
  it("adds and removes roles, deactivates, reactivates and resets, auditing each", async () => {
    const person = await createStaff(database.db, app.config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
    const personCookie = await sessionFor(database.db, app.config, person.id);
    const path = `/staff/admin/staff/${person.id}`;
    expect((await app.get(path, { Cookie: cookies.city })).status).toBe(200);

    // A role that opens no report content takes effect at once (tests/app/insider.test.ts covers the others).
    const city = await regionId(database.db, "kota-palangka-raya");
    const added = await app.post(path, { intent: "add-grant", role: "evaluator", regionId: String(city) }, { Cookie: cookies.city });
    expect(added.status).toBe(303);
    const duplicate = await app.post(path, { intent: "add-grant", role: "evaluator", regionId: String(city) }, { Cookie: cookies.city });
    expect(duplicate.status).toBe(400);

    const grants = await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, person.id));
    expect(grants.map((g) => g.role).sort()).toEqual(["evaluator", "moderator"]);
    const removed = await app.post(path, { intent: "remove-grant", grantId: String(grants.find((g) => g.role === "moderator")!.id) }, { Cookie: cookies.city });
    expect(removed.status).toBe(303);
    // Losing a role ends the person's sessions.
    expect((await app.get("/staff", { Cookie: personCookie })).status).toBe(302);
    const last = await app.post(path, { intent: "remove-grant", grantId: String(grants.find((g) => g.role === "evaluator")!.id) }, { Cookie: cookies.city });
    expect(last.status).toBe(400);
    expect(textOf(await last.text())).toContain("Peran terakhir tidak dapat dicabut.");

    expect((await app.post(path, { intent: "deactivate" }, { Cookie: cookies.city })).status).toBe(303);
    expect((await database.db.select({ active: staff.active }).from(staff).where(eq(staff.id, person.id)))[0]?.active).toBe(false);
    expect((await app.post(path, { intent: "reactivate" }, { Cookie: cookies.city })).status).toBe(303);
    expect((await app.post(path, { intent: "reset-two-factor" }, { Cookie: cookies.city })).status).toBe(303);
    const [after] = await database.db.select({ secret: staff.totpSecret, enabled: staff.totpEnabledAt }).from(staff).where(eq(staff.id, person.id));
    expect(after).toEqual({ secret: null, enabled: null });
    const reset = await app.post(path, { intent: "reset-password" }, { Cookie: cookies.city });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toMatch(/staff\/setup\?token=/);

    const actions = (await auditRows(person.id)).map((r) => r.action).reverse();
    expect(actions).toEqual([
      "staff.grant_added",
      "staff.grant_removed",
      "staff.deactivated",
      "staff.reactivated",
      "staff.two_factor_reset",
      "staff.setup_link_issued",
    ]);
    const sessions = await database.db.select({ revoked: staffSessions.revokedAt }).from(staffSessions).where(eq(staffSessions.staffId, person.id));
    expect(sessions.every((s) => s.revoked !== null)).toBe(true);
  });

  it("is refused for people outside the admin's scope, for wider scopes and for oneself", async () => {
    const kotimModerator = await createStaff(database.db, app.config, { grants: [{ role: "moderator", region: "kabupaten-kotawaringin-timur" }] });
    for (const [cookie, target] of [
      [cookies.city, kotimModerator.id],
      [cookies.city, installationAdmin.id],
      [cookies.city, cityAdmin.id],
      [cookies.kotim, cityAdmin.id],
    ] as const) {
      expect((await app.get(`/staff/admin/staff/${target}`, { Cookie: cookie })).status).toBe(403);
      expect((await app.post(`/staff/admin/staff/${target}`, { intent: "deactivate" }, { Cookie: cookie })).status).toBe(403);
    }
    expect((await app.get(`/staff/admin/staff/${kotimModerator.id}`, { Cookie: cookies.installation })).status).toBe(200);
    expect((await database.db.select({ active: staff.active }).from(staff).where(eq(staff.id, cityAdmin.id)))[0]?.active).toBe(true);
  });

  it("answers unknown people with 404 and unknown intents with 400", async () => {
    expect((await app.get("/staff/admin/staff/999999", { Cookie: cookies.installation })).status).toBe(404);
    expect((await app.get("/staff/admin/staff/abc", { Cookie: cookies.installation })).status).toBe(404);
    // Beyond the integer column: unknown, not a database error.
    expect((await app.get("/staff/admin/staff/3000000000", { Cookie: cookies.installation })).status).toBe(404);
    const person = await createStaff(database.db, app.config, { grants: [{ role: "evaluator", region: "kota-palangka-raya" }] });
    expect((await app.post(`/staff/admin/staff/${person.id}`, { intent: "promote-to-god" }, { Cookie: cookies.city })).status).toBe(400);
    expect((await app.post(`/staff/admin/staff/${person.id}`, { intent: "remove-grant", grantId: "nope" }, { Cookie: cookies.city })).status).toBe(400);
  });

  it("lists only the staff within the admin's reach", async () => {
    await createStaff(database.db, app.config, { displayName: "Hanya Kotim", grants: [{ role: "evaluator", region: "kabupaten-kotawaringin-timur" }] });
    await createStaff(database.db, app.config, { displayName: "Hanya Kota", grants: [{ role: "evaluator", region: "kota-palangka-raya" }] });
    const cityList = textOf(await (await app.get("/staff/admin/staff", { Cookie: cookies.city })).text());
    expect(cityList).toContain("Hanya Kota");
    expect(cityList).not.toContain("Hanya Kotim");
    const all = textOf(await (await app.get("/staff/admin/staff", { Cookie: cookies.installation })).text());
    expect(all).toContain("Hanya Kota");
    expect(all).toContain("Hanya Kotim");
  });
});
