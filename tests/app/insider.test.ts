/**
 * Insider stories: an admin tries to reach report content through the staff pages. The
 * sockpuppet (the admin invites a second address of their own as moderator, sets it up and
 * opens a report) and the reset (the admin resets a real moderator's password and two-step
 * verification to sign in as them) are refused until a moderator of the region approves;
 * every moderator of the region is told, and the audit log and staff list show it. The same
 * holds for the unit manager role, which sees what moderators forward to the unit's head.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRequests, auditLog, setupTokens, staff, staffGrants, staffSessions } from "../../db/schema";
import { currentTotp, openTotpSecret } from "~/auth/totp.server";
import { CookieJar, createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createReport } from "../helpers/reports";
import { createStaff, regionId, sessionFor, unitId, type TestStaff } from "../helpers/staff";
import { addDays, localDate } from "~/utils/calendar";

const CITY = "kota-palangka-raya";
const KOTIM = "kabupaten-kotawaringin-timur";
const NARRATIVE = "Petugas loket meminta uang pelicin tiga ratus ribu.";
const DISDUKCAPIL = `${CITY}/disdukcapil`;
const DISDUKCAPIL_NAME = "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya";
const SUMMARY = "Ringkasan untuk kepala unit: pungli di loket akta kelahiran.";

let database: TestDatabase;
let app: TestApp;
let people: Record<"cityAdmin" | "installationAdmin" | "moderator" | "colleague" | "kotimModerator", TestStaff>;
let cookies: Record<keyof typeof people, string>;
let report: { id: string; reference: string };
let city: number;
let disdukcapil: number;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const make = (displayName: string, grants: Parameters<typeof createStaff>[2]["grants"]) => createStaff(database.db, app.config, { displayName, grants });
  people = {
    cityAdmin: await make("Admin Kota", [{ role: "admin", region: CITY }]),
    installationAdmin: await make("Admin Instalasi", [{ role: "admin" }]),
    moderator: await make("Moderator Kota", [{ role: "moderator", region: CITY }]),
    colleague: await make("Rekan Moderator", [{ role: "moderator", region: CITY }]),
    kotimModerator: await make("Moderator Kotim", [{ role: "moderator", region: KOTIM }]),
  };
  cookies = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([key, person]) => [key, await sessionFor(database.db, app.config, person.id)])),
  ) as typeof cookies;
  report = await createReport(database.db, app.config, { receivedOn: localDate("Asia/Jakarta"), content: { narrative: NARRATIVE } });
  city = await regionId(database.db, CITY);
  disdukcapil = await unitId(database.db, DISDUKCAPIL);
  // A moderator forwards a summary of a report about Disdukcapil to the unit's head.
  const today = localDate("Asia/Jakarta");
  const aboutUnit = await createReport(database.db, app.config, {
    unit: DISDUKCAPIL,
    receivedOn: addDays(today, -2),
    clock: { status: "verified", triagedOn: addDays(today, -1), verifiedOn: addDays(today, -1), followUpDueOn: addDays(today, 10) },
    content: { narrative: NARRATIVE },
  });
  const forwarded = await app.post(
    `/staff/reports/${aboutUnit.id}`,
    { intent: "forward", destination: "unit_head", summary: SUMMARY, reason: "Diteruskan kepada kepala unit." },
    { Cookie: cookies.moderator },
  );
  expect(forwarded.status).toBe(303);
});
afterAll(() => database.drop());

let clients = 0;
function browser() {
  const jar = new CookieJar();
  const client = app.from(`203.0.113.${++clients}`);
  return {
    jar,
    get: async (path: string) => jar.take(await client.get(path, { Cookie: jar.header })),
    post: async (path: string, fields: Record<string, string>) => jar.take(await client.post(path, fields, { Cookie: jar.header })),
  };
}

async function pendingRequests(targetStaffId: number) {
  return database.db
    .select()
    .from(accessRequests)
    .where(and(eq(accessRequests.targetStaffId, targetStaffId), eq(accessRequests.status, "pending")));
}

async function auditActions(targetStaffId: number) {
  const rows = await database.db
    .select({ action: auditLog.action, actorStaffId: auditLog.actorStaffId })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "staff"), eq(auditLog.objectId, String(targetStaffId))))
    .orderBy(auditLog.id);
  return rows;
}

/** Completes an invitation's set-up (password, then two-step verification) in a fresh browser. */
async function completeSetup(link: string, staffId: number) {
  const b = browser();
  const token = new URL(`http://x${link}`).searchParams.get("token")!;
  const setup = await b.post(link, { token, password: "kebun-sawit-di-hulu-sungai", confirm: "kebun-sawit-di-hulu-sungai" });
  expect(setup.status).toBe(303);
  expect((await b.get("/staff/two-factor")).status).toBe(200);
  const [row] = await database.db.select({ secret: staff.totpSecret }).from(staff).where(eq(staff.id, staffId));
  const enrolled = await b.post("/staff/two-factor", { code: await currentTotp(openTotpSecret(row!.secret!, app.config.secrets)) });
  expect(enrolled.status).toBe(200);
  expect(b.jar.has("pd_staff")).toBe(true);
  return b;
}

/** Everything an attacker holding this session can get about the report, as text. */
async function tryToReadTheReport(cookie: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const path of ["/staff/reports", `/staff/reports/${report.id}`, `/staff/reports?region=${CITY}`]) {
    const response = await app.get(path, { Cookie: cookie });
    statuses.push(response.status);
    expect(await response.text()).not.toContain(NARRATIVE);
  }
  return statuses;
}

describe("the sockpuppet", () => {
  it("an admin's second address invited as moderator gets no report, cannot approve itself, and waits for a real moderator", async () => {
    // The admin invites a second address of their own as moderator of the region.
    const invite = await app.post(
      "/staff/admin/staff",
      { email: "admin.kedua@example.org", displayName: "Akun Kedua", role: "moderator", regionId: String(city) },
      { Cookie: cookies.cityAdmin },
    );
    expect(invite.status).toBe(200);
    const inviteHtml = await invite.text();
    const link = /http:\/\/localhost:3000(\/staff\/setup\?token=[\w-]+)/.exec(inviteHtml)?.[1];
    expect(link).toBeTruthy();
    const [sock] = await database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, "admin.kedua@example.org"));
    const sockId = sock!.id;
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([]);

    // It completes set-up: password, then two-step verification.
    const b = await completeSetup(link!, sockId);

    // It tries to open the report: nothing.
    for (const status of await tryToReadTheReport(b.jar.header)) expect([403, 404]).toContain(status);
    // Neither it nor the admin can approve the grant; an installation admin cannot either.
    const [request] = await pendingRequests(sockId);
    expect(request).toMatchObject({ kind: "grant", role: "moderator", regionId: city, requestedByStaffId: people.cityAdmin.id });
    for (const cookie of [b.jar.header, cookies.cityAdmin, cookies.installationAdmin]) {
      const attempt = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookie });
      expect(attempt.status).toBe(403);
    }
    // A moderator of another region cannot decide it.
    const foreign = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookies.kotimModerator });
    expect(foreign.status).toBe(403);
    expect(await pendingRequests(sockId)).toHaveLength(1);
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([]);

    // The staff list shows the role as waiting; every moderator of the region is told.
    expect(textOf(await (await app.get("/staff/admin/staff", { Cookie: cookies.cityAdmin })).text())).toContain(
      "Moderator (Inspektorat) — Kota Palangka Raya (menunggu persetujuan moderator)",
    );
    for (const reader of [cookies.moderator, cookies.colleague]) {
      const home = textOf(await (await app.get("/staff", { Cookie: reader })).text());
      expect(home).toContain("1 permintaan menunggu persetujuan moderator");
      const list = textOf(await (await app.get("/staff/access-requests", { Cookie: reader })).text());
      expect(list).toContain("Beri Akun Kedua <admin.kedua@example.org> peran Moderator (Inspektorat) di Kota Palangka Raya");
      expect(list).toContain("Diminta oleh Admin Kota");
    }
    // Nobody outside the region's report readers is told.
    expect(textOf(await (await app.get("/staff", { Cookie: cookies.kotimModerator })).text())).not.toContain("permintaan menunggu");
    expect((await app.get("/staff/access-requests", { Cookie: cookies.cityAdmin })).status).toBe(403);

    // A real moderator, who knows the person is not a colleague, refuses: nothing changes.
    const refused = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "refuse" }, { Cookie: cookies.moderator });
    expect(refused.status).toBe(303);
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([]);
    const again = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(again.status).toBe(409);
    for (const status of await tryToReadTheReport(b.jar.header)) expect([403, 404]).toContain(status);
    expect((await auditActions(sockId)).map((r) => r.action)).toEqual([
      "staff.invite",
      "staff.access_requested",
      "auth.password_set",
      "auth.two_factor_enrolled",
      "auth.sign_in",
      "staff.access_refused",
    ]);
  });

  it("a moderator role given to an existing account takes effect once a moderator of the region approves it", async () => {
    const evaluator = await createStaff(database.db, app.config, { displayName: "Evaluator Kota", grants: [{ role: "evaluator", region: CITY }] });
    const evaluatorCookie = await sessionFor(database.db, app.config, evaluator.id);
    const path = `/staff/admin/staff/${evaluator.id}`;
    const asked = await app.post(path, { intent: "add-grant", role: "moderator", regionId: String(city) }, { Cookie: cookies.cityAdmin });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toContain("saved=grant-requested");
    const twice = await app.post(path, { intent: "add-grant", role: "moderator", regionId: String(city) }, { Cookie: cookies.cityAdmin });
    expect(twice.status).toBe(400);
    expect(textOf(await twice.text())).toContain("Peran ini sudah menunggu persetujuan.");
    expect(textOf(await (await app.get(path, { Cookie: cookies.cityAdmin })).text())).toContain("menunggu persetujuan moderator");
    for (const status of await tryToReadTheReport(evaluatorCookie)) expect([403, 404]).toContain(status);

    const [request] = await pendingRequests(evaluator.id);
    const approved = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(approved.status).toBe(303);
    const page = await app.get(`/staff/reports/${report.id}`, { Cookie: evaluatorCookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(NARRATIVE);
    const entries = await database.db.select().from(auditLog).where(and(eq(auditLog.objectId, String(evaluator.id)), eq(auditLog.action, "staff.access_approved")));
    expect(entries[0]).toMatchObject({ actorStaffId: people.colleague.id, regionId: city, details: { kind: "grant", grant: { role: "moderator", regionId: city } } });
    const list = textOf(await (await app.get("/staff/access-requests", { Cookie: cookies.moderator })).text());
    expect(list).toContain("disetujui oleh Rekan Moderator");
  });
});

describe("the unit manager sockpuppet", () => {
  it("an admin's second address invited as unit manager sees nothing forwarded until a moderator of the unit's region approves", async () => {
    const invite = await app.post(
      "/staff/admin/staff",
      { email: "admin.ketiga@example.org", displayName: "Akun Ketiga", role: "unit_manager", unitId: String(disdukcapil) },
      { Cookie: cookies.cityAdmin },
    );
    expect(invite.status).toBe(200);
    const inviteHtml = await invite.text();
    expect(textOf(inviteHtml)).toContain("Peran ini membuka isi laporan");
    const [sock] = await database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, "admin.ketiga@example.org"));
    const sockId = sock!.id;
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([]);
    const b = await completeSetup(/http:\/\/localhost:3000(\/staff\/setup\?token=[\w-]+)/.exec(inviteHtml)![1]!, sockId);
    const sockCookie = b.jar.header;
    const before = await app.get("/staff/forwarded", { Cookie: sockCookie });
    expect(before.status).toBe(403);
    expect(await before.text()).not.toContain(SUMMARY);

    // The request names the unit and goes to the unit's region, whose moderators are told.
    const [request] = await pendingRequests(sockId);
    expect(request).toMatchObject({ kind: "grant", role: "unit_manager", unitId: disdukcapil, regionId: city, requestedByStaffId: people.cityAdmin.id });
    expect(textOf(await (await app.get("/staff/admin/staff", { Cookie: cookies.cityAdmin })).text())).toContain(
      `Pengelola unit — ${DISDUKCAPIL_NAME} (menunggu persetujuan moderator)`,
    );
    const list = textOf(await (await app.get("/staff/access-requests", { Cookie: cookies.moderator })).text());
    expect(list).toContain(`Beri Akun Ketiga <admin.ketiga@example.org> peran Pengelola unit untuk ${DISDUKCAPIL_NAME} (Kota Palangka Raya)`);

    // Neither the account, the admins, a moderator of another region nor a unit manager of the region can approve.
    const manager = await createStaff(database.db, app.config, { displayName: "Kepala DPMPTSP", grants: [{ role: "unit_manager", unit: `${CITY}/dpmptsp` }] });
    const managerCookie = await sessionFor(database.db, app.config, manager.id);
    for (const cookie of [sockCookie, cookies.cityAdmin, cookies.installationAdmin, cookies.kotimModerator, managerCookie]) {
      const attempt = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookie });
      expect(attempt.status).toBe(403);
    }
    expect(await database.db.select().from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([]);

    // A moderator of the region approves: the grant is the unit grant asked for, and it opens what was forwarded.
    const approved = await app.post("/staff/access-requests", { requestId: String(request!.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(approved.status).toBe(303);
    expect(await database.db.select({ role: staffGrants.role, regionId: staffGrants.regionId, unitId: staffGrants.unitId }).from(staffGrants).where(eq(staffGrants.staffId, sockId))).toEqual([
      { role: "unit_manager", regionId: null, unitId: disdukcapil },
    ]);
    const after = await app.get("/staff/forwarded", { Cookie: sockCookie });
    expect(after.status).toBe(200);
    expect(textOf(await after.text())).toContain(SUMMARY);
    const entries = await database.db.select().from(auditLog).where(and(eq(auditLog.objectId, String(sockId)), eq(auditLog.action, "staff.access_approved")));
    expect(entries[0]).toMatchObject({ actorStaffId: people.colleague.id, regionId: city, details: { kind: "grant", grant: { role: "unit_manager", unitId: disdukcapil } } });
  });

  it("a unit manager role and a moderator role asked for the same person in the same region wait side by side", async () => {
    const evaluator = await createStaff(database.db, app.config, { displayName: "Evaluator Dua", grants: [{ role: "evaluator", region: CITY }] });
    const path = `/staff/admin/staff/${evaluator.id}`;
    const unit = await app.post(path, { intent: "add-grant", role: "unit_manager", unitId: String(disdukcapil) }, { Cookie: cookies.cityAdmin });
    expect(unit.headers.get("location")).toContain("saved=grant-requested");
    const moderator = await app.post(path, { intent: "add-grant", role: "moderator", regionId: String(city) }, { Cookie: cookies.cityAdmin });
    expect(moderator.headers.get("location")).toContain("saved=grant-requested");
    expect((await pendingRequests(evaluator.id)).map((r) => r.role).sort()).toEqual(["moderator", "unit_manager"]);
    expect(await database.db.select().from(staffGrants).where(and(eq(staffGrants.staffId, evaluator.id), eq(staffGrants.role, "unit_manager")))).toEqual([]);
  });
});

describe("the reset", () => {
  it("an admin resetting a real moderator's password and two-step verification gets no way in; a moderator's approval hands the link to the moderator", async () => {
    const target = people.moderator;
    const path = `/staff/admin/staff/${target.id}`;
    const before = await database.db.select().from(staff).where(eq(staff.id, target.id));

    const password = await app.post(path, { intent: "reset-password" }, { Cookie: cookies.cityAdmin });
    expect(password.status).toBe(303);
    expect(password.headers.get("location")).toContain("saved=reset-requested");
    const twoFactor = await app.post(path, { intent: "reset-two-factor" }, { Cookie: cookies.cityAdmin });
    expect(twoFactor.status).toBe(303);
    const page = await (await app.get(path, { Cookie: cookies.cityAdmin })).text();
    expect(page).not.toMatch(/staff\/setup\?token=/);
    expect(textOf(page)).toContain("Atur ulang kata sandi menunggu persetujuan moderator");

    // Nothing changed for the moderator: same password, same authenticator, no link, session alive.
    expect(await database.db.select().from(staff).where(eq(staff.id, target.id))).toEqual(before);
    expect(await database.db.select().from(setupTokens).where(eq(setupTokens.staffId, target.id))).toEqual([]);
    expect((await app.get("/staff/reports", { Cookie: cookies.moderator })).status).toBe(200);

    // The admin tries to sign in as the moderator: without the password there is no way.
    const b = browser();
    const attempt = await b.post("/staff/login", { email: target.email, password: "tebakan-admin-yang-salah" });
    expect(attempt.status).toBe(400);
    for (const status of await tryToReadTheReport(b.jar.header)) expect([302, 403, 404]).toContain(status);

    // The moderator cannot approve a reset of their own account; the admin cannot either.
    const requests = await pendingRequests(target.id);
    expect(requests.map((r) => r.kind).sort()).toEqual(["password_reset", "two_factor_reset"]);
    const passwordRequest = requests.find((r) => r.kind === "password_reset")!;
    const twoFactorRequest = requests.find((r) => r.kind === "two_factor_reset")!;
    for (const cookie of [cookies.moderator, cookies.cityAdmin]) {
      expect((await app.post("/staff/access-requests", { requestId: String(passwordRequest.id), decision: "approve" }, { Cookie: cookie })).status).toBe(403);
    }

    // A colleague approves: the link is shown to the colleague (to hand over), never to the admin.
    const approved = await app.post("/staff/access-requests", { requestId: String(passwordRequest.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(approved.status).toBe(200);
    expect(approved.headers.get("cache-control")).toBe("no-store");
    expect(await approved.text()).toMatch(/staff\/setup\?token=/);
    const [link] = await database.db.select().from(setupTokens).where(eq(setupTokens.staffId, target.id));
    expect(link?.usedAt).toBeNull();
    expect((await app.get("/staff/reports", { Cookie: cookies.moderator })).status).toBe(302);

    const twoFactorApproved = await app.post("/staff/access-requests", { requestId: String(twoFactorRequest.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(twoFactorApproved.status).toBe(303);
    const [after] = await database.db.select({ secret: staff.totpSecret, enabled: staff.totpEnabledAt }).from(staff).where(eq(staff.id, target.id));
    expect(after).toEqual({ secret: null, enabled: null });
    const open = await database.db.select().from(staffSessions).where(eq(staffSessions.staffId, target.id));
    expect(open.every((s) => s.revokedAt !== null)).toBe(true);

    const actions = (await auditActions(target.id)).map((r) => `${r.action}:${r.actorStaffId}`);
    expect(actions).toEqual([
      `staff.access_requested:${people.cityAdmin.id}`,
      `staff.access_requested:${people.cityAdmin.id}`,
      `staff.access_approved:${people.colleague.id}`,
      `staff.access_approved:${people.colleague.id}`,
    ]);
  });

  it("an admin resetting a real unit manager's password and two-step verification waits for a moderator of the unit's region", async () => {
    const manager = await createStaff(database.db, app.config, { displayName: "Kepala Disdukcapil", grants: [{ role: "unit_manager", unit: DISDUKCAPIL }] });
    const managerCookie = await sessionFor(database.db, app.config, manager.id);
    const path = `/staff/admin/staff/${manager.id}`;
    const before = await database.db.select().from(staff).where(eq(staff.id, manager.id));
    for (const intent of ["reset-password", "reset-two-factor"]) {
      const response = await app.post(path, { intent }, { Cookie: cookies.cityAdmin });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toContain("saved=reset-requested");
    }
    expect(await database.db.select().from(staff).where(eq(staff.id, manager.id))).toEqual(before);
    expect(await database.db.select().from(setupTokens).where(eq(setupTokens.staffId, manager.id))).toEqual([]);
    expect((await app.get("/staff/forwarded", { Cookie: managerCookie })).status).toBe(200);

    const requests = await pendingRequests(manager.id);
    expect(requests.map((r) => [r.kind, r.regionId, r.unitId]).sort()).toEqual([
      ["password_reset", city, null],
      ["two_factor_reset", city, null],
    ]);
    const passwordRequest = requests.find((r) => r.kind === "password_reset")!;
    for (const cookie of [cookies.cityAdmin, managerCookie, cookies.kotimModerator]) {
      expect((await app.post("/staff/access-requests", { requestId: String(passwordRequest.id), decision: "approve" }, { Cookie: cookie })).status).toBe(403);
    }
    const approved = await app.post("/staff/access-requests", { requestId: String(passwordRequest.id), decision: "approve" }, { Cookie: cookies.colleague });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toMatch(/staff\/setup\?token=/);
    expect((await app.get("/staff/forwarded", { Cookie: managerCookie })).status).toBe(302);
  });

  it("resets of someone who reads no report need no approval", async () => {
    const evaluator = await createStaff(database.db, app.config, { grants: [{ role: "evaluator", region: CITY }] });
    const reset = await app.post(`/staff/admin/staff/${evaluator.id}`, { intent: "reset-password" }, { Cookie: cookies.cityAdmin });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toMatch(/staff\/setup\?token=/);
  });
});
