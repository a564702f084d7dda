/**
 * The reporter's whole journey without JavaScript (form posts only): report, receipt shown
 * once, sign in with it, see the status, answer a moderator's question, sign out. Guessing is
 * throttled per client and installation-wide without keeping identities, and the receipt
 * is stored only as a slow keyed hash.
 */
import { flushReportLogs } from "~/utils/logger.server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportRateLimits, reportEvents, reportMessages, reports } from "../../db/schema";
import { localDate } from "~/utils/calendar";
import { hashReceipt } from "~/reports/receipt.server";
import { CASE_CLIENT_LIMIT, CASE_GLOBAL_LIMIT } from "~/reports/reporter-session.server";
import { CookieJar, createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { addNote, askReporter, countRows, postMultipart, receiptFrom, reportFields } from "../helpers/reporter";
import { daysOfJustNow } from "../helpers/clock";

let database: TestDatabase;
let app: TestApp;
const today = localDate("Asia/Jakarta");

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

let reporters = 0;
/** Files a report from a fresh address (a client may send only a few a day). */
async function fileReport(narrative?: string): Promise<string> {
  const response = await postMultipart(app.from(`203.0.113.${++reporters}`), "/report", reportFields(narrative ? { narrative } : {}));
  expect(response.status).toBe(200);
  const code = receiptFrom(await response.text());
  expect(code).toMatch(/^\d{16}$/);
  return code!;
}

async function signIn(code: string, from: TestApp = app, jar = new CookieJar()) {
  const response = jar.take(await from.post("/report/case", { intent: "signIn", code }));
  return { response, jar };
}

describe("the receipt", () => {
  it("is shown once on the response page, grouped, never in a URL, a cookie or a header", async () => {
    const response = await postMultipart(app, "/report", reportFields());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual([]);
    const html = await response.text();
    expect(html).toMatch(/class="receipt-code">\d{4} \d{4} \d{4} \d{4}</);
    const code = receiptFrom(html)!;
    // The page ships no framework: its plain script shows the print button, sent hidden.
    expect(html).toMatch(/<button type="button" class="button" hidden="" data-print="">Cetak halaman ini<\/button>/);
    expect(html).toMatch(/<script src="\/enhance\/report\.js" defer="" nonce="[^"]+"><\/script>/);
    expect(html).not.toMatch(/\/build\/[^"]*\.js/);
    for (const [, value] of response.headers) expect(value).not.toContain(code);
    flushReportLogs();
    expect(app.logs.text).not.toContain(code);
  });

  it("is stored only as an Argon2id hash keyed with the installation's secret, beside a short case number", async () => {
    const code = await fileReport();
    const rows = await database.db.select({ receiptHash: reports.receiptHash, reference: reports.reference }).from(reports);
    const hashes = rows.map((r) => r.receiptHash);
    expect(hashes.join("\n")).not.toContain(code);
    for (const row of rows) {
      expect(row.receiptHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.reference).toMatch(/^PD-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
  });
});

describe("following a report", () => {
  it("signs in with the code (spaces and dashes allowed), answers a question, and the case returns to triage", async () => {
    const code = await fileReport("Saya diminta uang rokok lima puluh ribu rupiah oleh petugas loket.");
    const typed = `${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8, 12)} ${code.slice(12)}`;
    const { response, jar } = await signIn(typed);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/report/case");

    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^pd_report=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    expect(cookie).not.toContain(code);

    const first = await app.get("/report/case", { Cookie: jar.header });
    const firstHtml = await first.clone().text();
    // Every view restarts the idle period with a fresh session cookie.
    expect(first.headers.getSetCookie()[0]).toMatch(/^pd_report=.+; Path=\/report; HttpOnly; SameSite=Lax; Secure$/);
    let page = textOf(await first.text());
    expect(page).toContain("Laporan Anda");
    expect(page).toContain("Diterima");
    expect(page).toContain("Saya diminta uang rokok lima puluh ribu rupiah");
    expect(page).toContain("Rp 150.000");
    // The summary names the facts plainly, not with the form's questions.
    expect(page).toContain("Yang meminta");
    expect(page).toContain("Petugas loket/pelayanan");
    const facts = firstHtml.slice(firstHtml.indexOf('<dl class="case-facts">'), firstHtml.indexOf("</dl>", firstHtml.indexOf('<dl class="case-facts">')));
    expect(textOf(facts)).not.toContain("(boleh dikosongkan)");
    expect(textOf(facts)).not.toContain("?");

    const reportId = (await reportIdFor(code))!;
    await askReporter(database.db, app.config, reportId, "Pada bulan apa kejadian itu?", today);
    await addNote(database.db, app.config, reportId, "CATATAN-INTERNAL-RAHASIA: pelapor mungkin pegawai", today);

    page = textOf(await (await app.get("/report/case", { Cookie: jar.header })).text());
    expect(page).toContain("Menunggu jawaban Anda");
    expect(page).toContain("Pada bulan apa kejadian itu?");
    expect(page).toContain("Kami perlu keterangan tambahan.");
    expect(page).not.toContain("CATATAN-INTERNAL-RAHASIA");

    const answer = await app.post("/report/case", { intent: "message", body: "Bulan lalu, sekitar minggu kedua." }, { Cookie: jar.header });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/report/case?sent=message");

    const [after] = await database.db.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
    expect(after!.status).toBe("triage");
    const events = await database.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId));
    const back = events.find((e) => e.fromStatus === "needs_info" && e.toStatus === "triage");
    expect(back).toMatchObject({ actorStaffId: null });
    expect(daysOfJustNow()).toContain(back!.occurredOn);

    const sentHtml = await (await app.get("/report/case?sent=message", { Cookie: jar.header })).text();
    // The page after a full page post: the box is empty again, and its forms post to the page
    // itself, not to the "sent" address.
    expect(sentHtml).toMatch(/<textarea id="body"[^>]*><\/textarea>/);
    expect(sentHtml).not.toContain('action="/report/case?sent');
    page = textOf(sentHtml);
    expect(page).toContain("Pesan Anda terkirim.");
    expect(page).toContain("Bulan lalu, sekitar minggu kedua.");
    expect(page).toContain("Sedang ditelaah");
    expect(page).not.toContain("CATATAN-INTERNAL-RAHASIA");
  });

  it("refuses an empty or overlong message with 400 and stores nothing", async () => {
    const code = await fileReport();
    const { jar } = await signIn(code);
    const before = await countRows(database.db, reportMessages);
    expect((await app.post("/report/case", { intent: "message", body: "  " }, { Cookie: jar.header })).status).toBe(400);
    const long = await app.post("/report/case", { intent: "message", body: `Awal pesan panjang ${"x".repeat(5001)}` }, { Cookie: jar.header });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(textOf(html)).toContain("Pesan paling panjang 5000 karakter.");
    expect(html).toContain("Awal pesan panjang");
    // The error is tied to the box, and the summary at the top of the form links to it.
    expect(html).toMatch(/<textarea id="body" aria-describedby="body-hint body-error" aria-invalid="true"/);
    expect(html).toContain('id="body-error"');
    expect(html).toContain('href="#body"');
    expect(await countRows(database.db, reportMessages)).toBe(before);
  });

  it("signs out: the cookie is cleared and the case is no longer shown", async () => {
    const code = await fileReport();
    const { jar } = await signIn(code);
    const out = jar.take(await app.post("/report/case", { intent: "signOut" }, { Cookie: jar.header }));
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^pd_report=;.*Max-Age=0/);
    expect(jar.has("pd_report")).toBe(false);
    const page = textOf(await (await app.get("/report/case", { Cookie: jar.header })).text());
    expect(page).toContain("Pantau laporan Anda");
    expect(page).not.toContain("Rp 150.000");
  });

  it("shows only the final status and outcome of a closed report", async () => {
    const code = await fileReport("Sebuah laporan yang nanti ditutup oleh moderator sebagai di luar kanal.");
    const reportId = (await reportIdFor(code))!;
    await database.db.update(reports).set({ status: "closed", outcome: "out_of_scope", closedOn: today }).where(eq(reports.id, reportId));
    const { jar } = await signIn(code);
    const page = textOf(await (await app.get("/report/case", { Cookie: jar.header })).text());
    expect(page).toContain("Ditutup");
    expect(page).toContain("di luar kanal ini");
    expect(page).not.toContain("Sebuah laporan yang nanti ditutup");
    expect((await app.post("/report/case", { intent: "message", body: "Halo" }, { Cookie: jar.header })).status).toBe(409);
  });
});

describe("guessing codes", () => {
  it("gives a wrong code and an unknown code the same answer", async () => {
    const code = await fileReport();
    const client = app.from("198.51.100.1");
    const wrong = code.slice(0, 15) + String((Number(code[15]) + 1) % 10);
    const a = await client.post("/report/case", { intent: "signIn", code: wrong });
    const b = await client.post("/report/case", { intent: "signIn", code: "0000000000000000" });
    const c = await client.post("/report/case", { intent: "signIn", code: "not a code" });
    expect([a.status, b.status, c.status]).toEqual([400, 400, 400]);
    // Pages differ only by the per-request script nonce.
    const page = async (r: Response) => (await r.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
    const [ta, tb, tc] = await Promise.all([page(a), page(b), page(c)]);
    expect(ta).toContain("tidak dikenali");
    expect(tb).toBe(ta);
    expect(tc).toBe(ta);
    expect(a.headers.getSetCookie()).toEqual([]);
  });

  it("throttles a client after too many wrong codes, even with the right one; another client still signs in", async () => {
    const code = await fileReport();
    const guesser = app.from("198.51.100.2");
    for (let i = 0; i < CASE_CLIENT_LIMIT.max; i++) {
      expect((await guesser.post("/report/case", { intent: "signIn", code: String(1000_0000_0000_0000 + i) })).status).toBe(400);
    }
    const blocked = await guesser.post("/report/case", { intent: "signIn", code });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Terlalu banyak kode salah");
    expect((await signIn(code, app.from("198.51.100.3"))).response.status).toBe(303);

    // The counters are keyed hashes in day-aligned windows: no address, no hour.
    const counters = await database.db.select().from(reportRateLimits).where(eq(reportRateLimits.bucket, CASE_CLIENT_LIMIT.bucket));
    for (const counter of counters) {
      expect(counter.keyHash).not.toContain("198.51.100");
      expect(counter.windowStart.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it("has an installation-wide ceiling of wrong codes a day", async () => {
    const code = await fileReport();
    expect((await app.from("198.51.100.4").post("/report/case", { intent: "signIn", code: "1111222233334444" })).status).toBe(400);
    // As if the rest of the day's ceiling had been used from many other addresses.
    await database.db.update(reportRateLimits).set({ hits: CASE_GLOBAL_LIMIT.max }).where(eq(reportRateLimits.bucket, CASE_GLOBAL_LIMIT.bucket));
    const fresh = await app.from("198.51.100.5").post("/report/case", { intent: "signIn", code });
    expect(fresh.status).toBe(429);
    await database.db.update(reportRateLimits).set({ hits: 0 }).where(eq(reportRateLimits.bucket, CASE_GLOBAL_LIMIT.bucket));
    expect((await signIn(code, app.from("198.51.100.5"))).response.status).toBe(303);
  });
});

async function reportIdFor(code: string): Promise<string | null> {
  const [row] = await database.db.select({ id: reports.id }).from(reports).where(eq(reports.receiptHash, await hashReceipt(code, app.config.secrets.hashKey)));
  return row?.id ?? null;
}
