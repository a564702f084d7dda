/**
 * Counter kiosks through the whole app: a unit manager enrols a kiosk, the device pairs with
 * the one-time code and rates (JSON outbox and the no-JavaScript pages), the pace limit holds
 * one device back, resends are stored once, no captcha and no address limit apply, and a
 * revoked device or another unit's manager is refused. Domain calls take `now` where the
 * clock matters (code expiry, pace).
 */
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, kiosks, rateLimits, services, skmResponses } from "../../db/schema";
import { pairDevice, runKioskCommand, type KioskDevice } from "~/kiosk/kiosks.server";
import { submitKioskRating } from "~/kiosk/submit.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { textOf } from "../helpers/html";
import { seededAppForFile } from "../helpers/seeded-app";
import { createSignedInStaff, createStaff, sessionFor, unitId } from "../helpers/staff";

const env = seededAppForFile();
const UNIT = "kota-palangka-raya/disdukcapil";
const OTHER_UNIT = "kota-palangka-raya/dpmptsp";

async function manager(app: TestApp, unit = UNIT): Promise<string> {
  const person = await createStaff(env.database.db, app.config, { grants: [{ role: "unit_manager", unit }] });
  return sessionFor(env.database.db, app.config, person.id);
}

/** Enrols a kiosk through the staff page and reads the one-time code off the answer. */
async function enrol(app: TestApp, cookie: string, name = "Loket 1", unit = UNIT): Promise<string> {
  const response = await app.post("/staff/kiosks", { intent: "enrol", unitId: String(await unitId(env.database.db, unit)), name }, { Cookie: cookie });
  expect(response.status).toBe(200);
  const code = /<code>([A-Z0-9]{4}-[A-Z0-9]{4})<\/code>/.exec(await response.text())?.[1];
  expect(code).toBeTruthy();
  return code!;
}

/** Pairs a device with the code; returns the device's cookie. */
async function pair(app: TestApp, code: string): Promise<string> {
  const response = await app.post("/kiosk/pair", { code });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("pd_kiosk="));
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/Path=\/kiosk/);
  return cookie!.split(";")[0]!;
}

async function serviceOf(unit = UNIT): Promise<number> {
  const [row] = await env.database.db.select({ id: services.id }).from(services).where(eq(services.unitId, await unitId(env.database.db, unit)));
  return row!.id;
}

let tokens = 0;
function rating(serviceId: number, token = `kiosk-token-${String(++tokens).padStart(4, "0")}-${"k".repeat(24)}`) {
  return { token, serviceId, u1: 4, u2: 4, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 4 };
}

function send(app: TestApp, device: string, body: unknown) {
  return app.fetch("/kiosk/ratings", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Cookie: device, Origin: "http://localhost" },
  });
}

async function kioskRatings(kioskId?: number): Promise<number> {
  const [row] = await env.database.db
    .select({ n: count() })
    .from(skmResponses)
    .where(kioskId === undefined ? eq(skmResponses.source, "kiosk") : eq(skmResponses.kioskId, kioskId));
  return row?.n ?? 0;
}

/** The app with a pace of one rating per ten minutes, for tests of the gap through HTTP. */
function slowApp(): Promise<TestApp> {
  return createTestApp(env.database.db, { env: { KIOSK_MIN_SECONDS: "600" } });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("enrolling and pairing a kiosk", () => {
  it("gives a one-time code that pairs one device, lists the kiosk, and audits the staff action", async () => {
    const { app } = env;
    const cookie = await manager(app);
    const code = await enrol(app, cookie, "Loket pairing");
    const device = await pair(app, code.toLowerCase().replace("-", " "));

    // Used once: a second device with the same code is refused and gets no credential.
    const again = await app.post("/kiosk/pair", { code });
    expect(again.status).toBe(400);
    expect(again.headers.getSetCookie().some((c) => c.startsWith("pd_kiosk="))).toBe(false);
    expect(textOf(await again.text())).toContain("Kode tidak berlaku");

    const screen = await app.get("/kiosk", { Cookie: device });
    expect(screen.status).toBe(200);
    const html = await screen.text();
    expect(textOf(html)).toContain("Bagaimana layanan kami hari ini?");
    expect(html).toContain('rel="manifest" href="/kiosk.webmanifest"');

    const list = textOf(await (await app.get("/staff/kiosks", { Cookie: cookie })).text());
    expect(list).toContain("Loket pairing");
    expect(list).toContain("Aktif");

    const [row] = await env.database.db.select().from(kiosks).where(eq(kiosks.name, "Loket pairing"));
    expect(row!.pairingCodeHash).toBeNull();
    expect(row!.secretHash).not.toContain(device.split("=")[1]!);
    const audited = await env.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, String(row!.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(["kiosk.enrolled", "kiosk.paired"]);
  });

  it("lets a code expire after 15 minutes", async () => {
    const { app } = env;
    const signedIn = await createSignedInStaff(env.database.db, app.config, { grants: [{ role: "unit_manager", unit: UNIT }] });
    const enrolledAt = new Date("2026-03-02T01:00:00Z");
    const unit = await unitId(env.database.db, UNIT);
    const late = await runKioskCommand(env.database.db, app.config, signedIn, { intent: "enrol", unitId: unit, name: "Loket lambat", askProfile: false }, enrolledAt);
    const onTime = await runKioskCommand(env.database.db, app.config, signedIn, { intent: "enrol", unitId: unit, name: "Loket tepat", askProfile: false }, enrolledAt);
    if (!late.ok || !late.pairing || !onTime.ok || !onTime.pairing) throw new Error("not enrolled");
    const after = (minutes: number) => new Date(enrolledAt.getTime() + minutes * 60_000);
    expect(await pairDevice(env.database.db, app.config, { code: late.pairing.code, clientAddress: "192.0.2.50" }, after(16))).toMatchObject({ ok: false, status: 400 });
    expect(await pairDevice(env.database.db, app.config, { code: onTime.pairing.code, clientAddress: "192.0.2.50" }, after(14))).toMatchObject({ ok: true });
  });

  it("lets only the unit's managers and the region's admins enrol; another unit's manager gets 403", async () => {
    const { app } = env;
    const other = await manager(app, OTHER_UNIT);
    const before = await env.database.db.select({ n: count() }).from(kiosks);
    const refused = await app.post("/staff/kiosks", { intent: "enrol", unitId: String(await unitId(env.database.db, UNIT)), name: "Bukan milikku" }, { Cookie: other });
    expect(refused.status).toBe(403);
    expect(await env.database.db.select({ n: count() }).from(kiosks)).toEqual(before);
    // Nor does the other unit's kiosk list show this unit's kiosks.
    expect(textOf(await (await app.get("/staff/kiosks", { Cookie: other })).text())).not.toContain("Loket pairing");

    const moderator = await createStaff(env.database.db, app.config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
    expect((await app.get("/staff/kiosks", { Cookie: await sessionFor(env.database.db, app.config, moderator.id) })).status).toBe(403);

    const admin = await createStaff(env.database.db, app.config, { grants: [{ role: "admin", region: "kota-palangka-raya" }] });
    await enrol(app, await sessionFor(env.database.db, app.config, admin.id), "Loket admin");

    // A name is required; the answer names the field.
    const empty = await app.post("/staff/kiosks", { intent: "enrol", unitId: String(await unitId(env.database.db, UNIT)), name: " " }, { Cookie: await manager(app) });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Tulis nama kios.");
  });
});

describe("rating on a kiosk", () => {
  it("stores a resend of the same device token once, with source kiosk and the kiosk's id, in the unit's index", async () => {
    const { app } = env;
    const device = await pair(app, await enrol(app, await manager(app), "Loket ulang"));
    const [row] = await env.database.db.select({ id: kiosks.id }).from(kiosks).where(eq(kiosks.name, "Loket ulang"));
    const body = rating(await serviceOf());
    expect((await send(app, device, body)).status).toBe(201);
    expect(await (await send(app, device, body)).json()).toEqual({ status: "duplicate" });
    expect(await kioskRatings(row!.id)).toBe(1);

    // A broken rating is refused and stores nothing.
    expect((await send(app, device, { ...rating(await serviceOf()), u3: 7 })).status).toBe(400);
    expect((await send(app, device, { ...rating(await serviceOf(OTHER_UNIT)) })).status).toBe(400);
    expect(await kioskRatings(row!.id)).toBe(1);
  });

  it("holds one device to its pace: not two within a few seconds, and an hourly ceiling", async () => {
    const { app } = env;
    const device: KioskDevice = {
      id: (await env.database.db.select({ id: kiosks.id }).from(kiosks).where(eq(kiosks.name, "Loket tepat")))[0]!.id,
      askProfile: false,
      unit: { id: await unitId(env.database.db, UNIT), name: "", slug: "disdukcapil", regionSlug: "kota-palangka-raya", timeZone: "Asia/Jakarta" },
    };
    const config = { ...app.config, kiosk: { minSeconds: 5, hourlyMax: 3 } };
    const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 2, 0, seconds));
    const serviceId = await serviceOf();
    const submit = (seconds: number) => submitKioskRating(env.database.db, config, { kiosk: device, values: rating(serviceId) }, at(seconds));
    expect(await submit(0)).toEqual({ kind: "stored" });
    expect(await submit(2)).toEqual({ kind: "paced", retryAfterSeconds: 3 });
    expect(await submit(6)).toEqual({ kind: "stored" });
    expect(await submit(12)).toEqual({ kind: "stored" });
    expect(await submit(20)).toMatchObject({ kind: "paced" });
    expect(await kioskRatings(device.id)).toBe(3);

    // Through the app (a ten-minute gap, so the two requests cannot straddle a window's edge):
    // the second rating at once is answered 429.
    const slow = await slowApp();
    const paced = await pair(slow, await enrol(slow, await manager(slow), "Loket cepat"));
    expect((await send(slow, paced, rating(serviceId))).status).toBe(201);
    const second = await send(slow, paced, rating(serviceId));
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("needs no captcha and counts against no address limit", async () => {
    // Captcha required for the web forms, with a verifier that cannot be reached.
    const app = await createTestApp(env.database.db, {
      clientAddress: "203.0.113.77",
      env: { HCAPTCHA_SITE_KEY: "10000000-ffff-ffff-ffff-000000000001", HCAPTCHA_SECRET: "0x0000000000000000000000000000000000000000", HCAPTCHA_VERIFY_URL: "http://127.0.0.1:9/siteverify", REQUIRE_CAPTCHA: "on", KIOSK_MIN_SECONDS: "1" },
    });
    const device = await pair(app, await enrol(app, await manager(app), "Loket kantor"));
    const serviceId = await serviceOf();
    const limitRows = async () => (await env.database.db.select({ n: count() }).from(rateLimits).where(eq(rateLimits.bucket, "skm-rating")))[0]!.n;
    const before = await limitRows();
    // More ratings from the office's one address than a web client may give a unit in a day.
    for (let i = 0; i < 12; i++) {
      expect((await send(app, device, rating(serviceId))).status).toBe(201);
      await wait(1050);
    }
    expect(await limitRows()).toBe(before);
  }, 30_000);

  it("works without JavaScript, one question per page, and ends on the selesai screen", async () => {
    const { app } = env;
    const device = await pair(app, await enrol(app, await manager(app), "Loket tanpa JS"));
    const [row] = await env.database.db.select({ id: kiosks.id }).from(kiosks).where(eq(kiosks.name, "Loket tanpa JS"));
    const page = await (await app.get("/kiosk", { Cookie: device })).text();
    const token = /name="token" value="([\w-]{43})"/.exec(page)![1]!;
    const answers: Record<string, string> = { token };
    const serviceId = String(await serviceOf());
    let response = await app.post("/kiosk", { ...answers, serviceId }, { Cookie: device });
    answers.serviceId = serviceId;
    expect(textOf(await response.text())).toContain("Pertanyaan 1 dari 9");
    for (const element of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"]) {
      response = await app.post("/kiosk", { ...answers, [element]: "3" }, { Cookie: device });
      expect(response.status).toBe(200);
      answers[element] = "3";
    }
    expect(textOf(await response.text())).toContain("Pertanyaan 9 dari 9");
    response = await app.post("/kiosk", { ...answers, u9: "4" }, { Cookie: device });
    answers.u9 = "4";
    // The optional last question; a "yes" ends on the selesai screen with the back-door report offer.
    expect(textOf(await response.text())).toContain("meminta Anda memberi nilai baik");
    expect(await kioskRatings(row!.id)).toBe(0);
    response = await app.post("/kiosk", { ...answers, coercion: "yes" }, { Cookie: device });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/kiosk?done=report");
    const done = await (await app.get("/kiosk?done=report", { Cookie: device })).text();
    expect(textOf(done)).toContain("Selesai");
    expect(textOf(done)).toContain("Anda diminta memberi nilai baik atau ditunggui?");
    expect(done).toContain('href="http://localhost:3000/report"');
    expect(done).toMatch(/<noscript><meta http-equiv="refresh" content="\d+;url=\/kiosk"/);
    expect(await kioskRatings(row!.id)).toBe(1);
    const [stored] = await env.database.db.select({ coercion: skmResponses.coercion, u9: skmResponses.u9 }).from(skmResponses).where(eq(skmResponses.kioskId, row!.id));
    expect(stored).toEqual({ coercion: true, u9: 4 });
  });

  it("without JavaScript, asks to send again a moment later when the pace holds a rating back, and keeps the answers", async () => {
    const app = await slowApp();
    const device = await pair(app, await enrol(app, await manager(app), "Loket sabar"));
    const [row] = await env.database.db.select({ id: kiosks.id }).from(kiosks).where(eq(kiosks.name, "Loket sabar"));
    const serviceId = String(await serviceOf());
    const full = (token: string) => ({ token, serviceId, u1: "4", u2: "4", u3: "4", u4: "4", u5: "4", u6: "4", u7: "4", u8: "4", u9: "4", coercion: "" });
    expect((await app.post("/kiosk", full("a".repeat(43)), { Cookie: device })).status).toBe(303);
    const held = await app.post("/kiosk", full("b".repeat(43)), { Cookie: device });
    expect(held.status).toBe(429);
    const html = await held.text();
    expect(textOf(html)).toContain("Mohon tunggu sebentar");
    expect(html).toContain('name="u9" value="4"');
    expect(html).toContain(`name="token" value="${"b".repeat(43)}"`);
    expect(await kioskRatings(row!.id)).toBe(1);
  });
});

describe("revoking a kiosk", () => {
  it("refuses the device at once, stores nothing from it, and is audited", async () => {
    const { app } = env;
    const cookie = await manager(app);
    const device = await pair(app, await enrol(app, cookie, "Loket dicabut"));
    const [row] = await env.database.db.select({ id: kiosks.id }).from(kiosks).where(eq(kiosks.name, "Loket dicabut"));

    // Another unit's manager cannot revoke it.
    expect((await app.post("/staff/kiosks", { intent: "revoke", kioskId: String(row!.id) }, { Cookie: await manager(app, OTHER_UNIT) })).status).toBe(403);

    const revoked = await app.post("/staff/kiosks", { intent: "revoke", kioskId: String(row!.id) }, { Cookie: cookie });
    expect(revoked.status).toBe(303);
    const screen = await app.get("/kiosk", { Cookie: device });
    expect(screen.status).toBe(403);
    expect(textOf(await screen.text())).toContain("Perangkat ini bukan kios terdaftar");
    expect((await send(app, device, rating(await serviceOf()))).status).toBe(403);
    expect((await app.post("/kiosk", { token: "x".repeat(43), serviceId: "1" }, { Cookie: device })).status).toBe(403);
    expect(await kioskRatings(row!.id)).toBe(0);
    // An unknown device, too.
    expect((await send(app, "pd_kiosk=forged", rating(await serviceOf()))).status).toBe(403);

    const [audit] = await env.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "kiosk.revoked"), eq(auditLog.objectId, String(row!.id))));
    expect(audit!.n).toBe(1);
  });
});
