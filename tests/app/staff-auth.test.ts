/**
 * Signing in as staff, end to end through the real app with form posts (no JavaScript):
 * password, two-factor, enrolment, recovery codes, throttling, expiry, sign-out, set-up links.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, staff, staffSessions } from "../../db/schema";
import { createSetupToken } from "~/auth/accounts.server";
import { currentTotp, openTotpSecret } from "~/auth/totp.server";
import { CookieJar } from "../helpers/app";
import { seededAppForFile } from "../helpers/seeded-app";
import { h1Of, textOf } from "../helpers/html";
import { createStaff, TEST_PASSWORD, type TestStaff } from "../helpers/staff";

const seeded = seededAppForFile();

let clients = 0;
/** A browser: its own cookies and, unless told, its own client address. */
function browser(clientAddress = `198.51.100.${++clients}`) {
  const jar = new CookieJar();
  const client = seeded.app.from(clientAddress);
  return {
    jar,
    async get(path: string) {
      return jar.take(await client.get(path, { Cookie: jar.header }));
    },
    async post(path: string, fields: Record<string, string>) {
      return jar.take(await client.post(path, fields, { Cookie: jar.header }));
    },
  };
}

async function nextCode(person: TestStaff): Promise<string> {
  return currentTotp(person.totpSecret);
}

/** A code is accepted once per 30-second step; tests that sign in twice pretend the step passed. */
async function letTimePass(person: TestStaff) {
  await seeded.database.db.update(staff).set({ totpLastStep: null }).where(eq(staff.id, person.id));
}

async function signIn(person: TestStaff, b = browser()) {
  await letTimePass(person);
  const first = await b.post("/staff/login", { email: person.email, password: person.password });
  expect(first.status).toBe(303);
  expect(first.headers.get("location")).toBe("/staff/login/verify");
  const second = await b.post("/staff/login/verify", { code: await nextCode(person) });
  expect(second.status).toBe(303);
  return b;
}

describe("password step", () => {
  it("answers an unknown email, a wrong password and a deactivated account the same way", async () => {
    const known = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const inactive = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    await seeded.database.db.update(staff).set({ active: false }).where(eq(staff.id, inactive.id));

    const attempts = [
      { email: "nobody@palangkaraya.go.id", password: TEST_PASSWORD },
      { email: known.email, password: "wrong-password-entirely" },
      { email: inactive.email, password: TEST_PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const response = await browser().post("/staff/login", attempt);
      const html = await response.text();
      answers.push({
        status: response.status,
        cookies: response.headers.getSetCookie().length,
        // The page echoes the email typed; nothing else may differ.
        text: textOf(html).replace(attempt.email, "EMAIL"),
      });
    }
    expect(answers[0]!.status).toBe(400);
    expect(answers[0]!.text).toContain("Surel atau kata sandi salah.");
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(seeded.app.logs.text).not.toContain("nobody@palangkaraya.go.id");
    expect(seeded.app.logs.text).not.toContain(known.email);
    expect(seeded.app.logs.text).not.toContain("wrong-password-entirely");
  });

  it("validates the form and keeps the email typed, never the password", async () => {
    const response = await browser().post("/staff/login", { email: "bukan-surel", password: "rahasia-sekali" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain("Alamat surel tidak valid.");
    expect(html).toContain('value="bukan-surel"');
    expect(html).not.toContain("rahasia-sekali");
    expect(html).toMatch(/aria-invalid="true"/);
  });

  it("refuses hostile input with 400, never 500", async () => {
    for (const fields of [{}, { email: "x".repeat(100_000), password: "y" }, { email: "a@b.id", password: "p".repeat(100_000) }]) {
      const response = await browser().post("/staff/login", fields as Record<string, string>);
      expect(response.status).toBe(400);
    }
  });
});

describe("second factor", () => {
  it("signs in with password and TOTP, and the staff home then opens", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { displayName: "Rina Moderator", grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
    const b = await signIn(person);
    expect(b.jar.has("pd_staff")).toBe(true);
    expect(b.jar.has("pd_login")).toBe(false);
    const home = await b.get("/staff");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(h1Of(html)).toBe("Selamat datang, Rina Moderator");
    expect(textOf(html)).toContain("Moderator (Inspektorat) — Kota Palangka Raya");
    const [entry] = await seeded.database.db.select().from(auditLog).where(sql`${auditLog.actorStaffId} = ${person.id} AND ${auditLog.action} = 'auth.sign_in'`);
    expect(entry?.details).toEqual({ method: "totp" });
  });

  it("never accepts the same code twice", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const code = await nextCode(person);
    const first = browser();
    await first.post("/staff/login", { email: person.email, password: person.password });
    expect((await first.post("/staff/login/verify", { code })).status).toBe(303);

    const second = browser();
    await second.post("/staff/login", { email: person.email, password: person.password });
    const replay = await second.post("/staff/login/verify", { code });
    expect(replay.status).toBe(400);
    expect(textOf(await replay.text())).toContain("Kode tidak cocok atau sudah pernah dipakai.");
  });

  it("refuses wrong codes and cannot be reached without the password step", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const b = browser();
    expect((await b.get("/staff/login/verify")).headers.get("location")).toBe("/staff/login");
    expect((await b.post("/staff/login/verify", { code: "123456" })).headers.get("location")).toBe("/staff/login");
    await b.post("/staff/login", { email: person.email, password: person.password });
    const wrong = await b.post("/staff/login/verify", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(b.jar.has("pd_staff")).toBe(false);
  });

  it("takes a recovery code once", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }], enrolled: false });
    // Enrol through the app to get real recovery codes.
    const b = browser();
    const start = await b.post("/staff/login", { email: person.email, password: person.password });
    expect(start.headers.get("location")).toBe("/staff/two-factor");
    const page = await b.get("/staff/two-factor");
    expect(page.status, `${page.headers.get("location")} ${b.jar.header}`).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("<svg");
    const [row] = await seeded.database.db.select({ secret: staff.totpSecret }).from(staff).where(eq(staff.id, person.id));
    const secret = openTotpSecret(row!.secret!, seeded.app.config.secrets);
    const enrolled = await b.post("/staff/two-factor", { code: await currentTotp(secret) });
    expect(enrolled.status).toBe(200);
    expect(enrolled.headers.get("cache-control")).toBe("no-store");
    const codes = [...(await enrolled.text()).matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(b.jar.has("pd_staff")).toBe(true);

    const viaCode = browser();
    await viaCode.post("/staff/login", { email: person.email, password: person.password });
    expect((await viaCode.post("/staff/login/verify", { code: codes[0]!.toUpperCase().replace(/-/g, " ") })).status).toBe(303);

    const again = browser();
    await again.post("/staff/login", { email: person.email, password: person.password });
    expect((await again.post("/staff/login/verify", { code: codes[0]! })).status).toBe(400);
    // The codes are stored only as keyed hashes.
    const stored = await seeded.database.db.execute(sql`SELECT code_hash FROM recovery_codes WHERE staff_id = ${person.id}`);
    expect(JSON.stringify(stored)).not.toContain(codes[1]!);
  });

  it("refuses an enrolment confirmed with a wrong code", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }], enrolled: false });
    const b = browser();
    await b.post("/staff/login", { email: person.email, password: person.password });
    await b.get("/staff/two-factor");
    const wrong = await b.post("/staff/two-factor", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(b.jar.has("pd_staff")).toBe(false);
    // Not enrolled: a signed session cannot exist without two-factor.
    expect((await b.get("/staff")).status).toBe(302);
  });
});

describe("throttling", () => {
  it("locks an email after 10 failures, even for the right password, whatever the address", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    for (let i = 0; i < 10; i++) {
      const response = await browser().post("/staff/login", { email: person.email, password: `wrong-${i}-password` });
      expect(response.status).toBe(400);
    }
    const locked = await browser().post("/staff/login", { email: person.email, password: person.password });
    expect(locked.status).toBe(429);
    expect(textOf(await locked.text())).toContain("Terlalu banyak percobaan masuk.");
    // Unknown emails are throttled the same way: the lock reveals nothing.
    for (let i = 0; i < 10; i++) await browser().post("/staff/login", { email: "ghost@palangkaraya.go.id", password: `wrong-${i}-password` });
    expect((await browser().post("/staff/login", { email: "ghost@palangkaraya.go.id", password: "x" })).status).toBe(429);
  });

  it("locks a client address after 20 failures, without storing the address", async () => {
    const noisy = seeded.app.from("203.0.113.99");
    for (let i = 0; i < 20; i++) await noisy.post("/staff/login", { email: `guess${i}@palangkaraya.go.id`, password: "guess-guess-guess" });
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const blocked = await noisy.post("/staff/login", { email: person.email, password: person.password });
    expect(blocked.status).toBe(429);
    // Another address is not affected.
    const other = seeded.app.from("203.0.113.100");
    expect((await other.post("/staff/login", { email: person.email, password: person.password })).status).toBe(303);

    const dump = JSON.stringify(await seeded.database.db.execute(sql`SELECT * FROM rate_limits`));
    expect(dump).not.toContain("203.0.113.99");
    expect(dump).not.toContain("guess1@palangkaraya.go.id");
  });

  it("locks the second factor after 5 wrong codes", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const b = browser();
    await b.post("/staff/login", { email: person.email, password: person.password });
    for (let i = 0; i < 5; i++) expect((await b.post("/staff/login/verify", { code: "000000" })).status).toBe(400);
    const locked = await b.post("/staff/login/verify", { code: await nextCode(person) });
    expect(locked.status).toBe(429);
  });
});

describe("sessions", () => {
  it("end after 30 idle minutes and after 12 hours in any case", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const idle = await signIn(person);
    await seeded.database.db
      .update(staffSessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(staffSessions.staffId, person.id));
    const expired = await idle.get("/staff");
    expect(expired.status).toBe(302);
    expect(expired.headers.get("location")).toBe("/staff/login?redirectTo=%2Fstaff");

    const other = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const long = await signIn(other);
    await seeded.database.db
      .update(staffSessions)
      .set({ createdAt: new Date(Date.now() - 12 * 3_600_000 - 60_000) })
      .where(eq(staffSessions.staffId, other.id));
    expect((await long.get("/staff")).status).toBe(302);
  });

  it("end on sign-out, and everywhere on request", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const laptop = await signIn(person);
    const phone = await signIn(person, browser("198.51.100.2"));
    const stolen = laptop.jar.header;

    const out = await laptop.post("/staff/logout", {});
    expect(out.status).toBe(303);
    expect((await seeded.app.get("/staff", { Cookie: stolen })).status).toBe(302);
    expect((await phone.get("/staff")).status).toBe(200);

    expect((await phone.post("/staff/account", { intent: "sign-out-everywhere" })).status).toBe(303);
    const again = await signIn(person, browser("198.51.100.3"));
    expect((await again.get("/staff")).status).toBe(200);
    expect((await phone.get("/staff")).status).toBe(302);
  });

  it("do not survive deactivation, and a forged cookie is worthless", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const b = await signIn(person);
    await seeded.database.db.update(staff).set({ active: false }).where(eq(staff.id, person.id));
    expect((await b.get("/staff")).status).toBe(302);
    expect((await seeded.app.get("/staff", { Cookie: "pd_staff=InNvbWV0aGluZyI%3D.forged" })).status).toBe(302);
  });

  it("are stored only as hashes, and the cookie is httpOnly and SameSite=Lax", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const b = browser();
    await b.post("/staff/login", { email: person.email, password: person.password });
    const response = await b.post("/staff/login/verify", { code: await nextCode(person) });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("pd_staff="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i);
    const id = decodeURIComponent(setCookie.split(";")[0]!.slice("pd_staff=".length));
    const raw = JSON.parse(Buffer.from(id.split(".")[0]!, "base64").toString()) as string;
    const dump = JSON.stringify(await seeded.database.db.execute(sql`SELECT * FROM staff_sessions`));
    expect(dump).not.toContain(raw);
  });
});

describe("set-up links", () => {
  it("set a first password once, refuse weak ones, then lead to enrolment", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }], enrolled: false });
    const token = await seeded.database.db.transaction((tx) => createSetupToken(tx, seeded.app.config, person.id));
    const path = `/staff/setup?token=${encodeURIComponent(token)}`;
    const page = await seeded.app.get(path);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain(person.email);

    const b = browser();
    for (const [password, message] of [
      ["pendek", "Kata sandi paling sedikit 12 karakter."],
      ["password1234", "Kata sandi ini terlalu umum"],
      ["Bismillah2024!", "Kata sandi ini terlalu umum"],
    ] as const) {
      const weak = await b.post(path, { token, password, confirm: password });
      expect(weak.status).toBe(400);
      expect(textOf(await weak.text())).toContain(message);
    }
    const mismatch = await b.post(path, { token, password: "sungai-kahayan-pagi-hari", confirm: "sungai-kahayan-sore" });
    expect(textOf(await mismatch.text())).toContain("Kedua kata sandi tidak sama.");

    const ok = await b.post(path, { token, password: "sungai-kahayan-pagi-hari", confirm: "sungai-kahayan-pagi-hari" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/staff/two-factor");
    expect((await seeded.app.get(path)).status).toBe(410);
    expect((await browser().post("/staff/login", { email: person.email, password: "sungai-kahayan-pagi-hari" })).status).toBe(303);
  });

  it("unknown or garbage tokens get a translated 410", async () => {
    for (const token of ["", "nope", "x".repeat(500)]) {
      const response = await seeded.app.get(`/staff/setup?token=${token}`);
      expect(response.status).toBe(410);
      expect(h1Of(await response.text())).toBe("Tautan tidak berlaku");
    }
  });
});

describe("account", () => {
  it("changes the password after checking the current one, ending other sessions", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const here = await signIn(person);
    const elsewhere = await signIn(person, browser("198.51.100.7"));
    const wrong = await here.post("/staff/account", { intent: "password", current: "not-it-at-all", password: "hujan-di-bukit-batu", confirm: "hujan-di-bukit-batu" });
    expect(wrong.status).toBe(400);
    expect(textOf(await wrong.text())).toContain("Kata sandi saat ini salah.");
    const ok = await here.post("/staff/account", { intent: "password", current: person.password, password: "hujan-di-bukit-batu", confirm: "hujan-di-bukit-batu" });
    expect(ok.status).toBe(303);
    expect((await here.get("/staff")).status).toBe(200);
    expect((await elsewhere.get("/staff")).status).toBe(302);
    expect((await browser().post("/staff/login", { email: person.email, password: "hujan-di-bukit-batu" })).status).toBe(303);
  });

  it("answers an unknown intent with 400", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const b = await signIn(person);
    expect((await b.post("/staff/account", { intent: "drop-tables" })).status).toBe(400);
  });
});
