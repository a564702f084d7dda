/**
 * A resident rates a visit as a browser without JavaScript would: form-encoded posts.
 * Valid ratings change the index; bad or hostile input gets a 400 with field errors and
 * stores nothing; repeats, bots and floods are held back without keeping identities.
 */
import { createServer, type Server } from "node:http";
import { count, desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services, skmResponses, skmSuggestions } from "../../db/schema";
import { localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { parsePeriod } from "~/skm/periods";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { BURST_MAX_FREE } from "~/skm/suspicion";
import { unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
let ktp: number;
let pbg: number;
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const today = localDate("Asia/Jakarta");
// The API publishes calendar periods only: the month of today.
const month = parsePeriod(today.slice(0, 7))!;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const rows = await database.db.select({ id: services.id, slug: services.slug, unitId: services.unitId }).from(services);
  const disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  ktp = rows.find((s) => s.slug === "ktp-el" && s.unitId === disdukcapil)!.id;
  pbg = rows.find((s) => s.slug === "pbg")!.id;
});
afterAll(() => database.drop());

let tokens = 0;
function rating(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    token: `test-token-${String(++tokens).padStart(4, "0")}-${"x".repeat(24)}`,
    serviceId: String(ktp),
    u1: "4", u2: "3", u3: "3", u4: "4", u5: "3", u6: "4", u7: "4", u8: "2", u9: "3",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

async function stored(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(skmResponses);
  return row?.n ?? 0;
}

async function api(unit = "kota-palangka-raya/disdukcapil") {
  return (await (await app.get(`/api/v1/units/${unit}/skm?period=${month.key}`)).json()) as Record<string, unknown>;
}

describe("the rating form", () => {
  it("is a plain form with the nine unsur, the services and a fresh token, never cached", async () => {
    const response = await app.get(FORM);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/<form method="post"/);
    // The service, the nine unsur, sex, and the optional coercion question.
    expect(html.match(/<fieldset/g)?.length).toBe(12);
    for (const element of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]) {
      for (const v of [1, 2, 3, 4]) expect(html).toContain(`name="${element}" value="${v}"`);
    }
    expect(textOf(html)).toContain("Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?");
    expect(textOf(html)).toContain("Dikelola dengan baik");
    expect(html).toContain(`value="${ktp}"`);
    expect(html).not.toContain(`value="${pbg}"`);
    expect(/name="token" value="([\w-]{43})"/.exec(html)).toBeTruthy();
    expect(textOf(html)).toContain("Penilaian ini tidak pernah menjadi syarat layanan.");
    // No challenge for an ordinary visit; without hCaptcha keys no third party is ever involved.
    expect(html).not.toContain("data-captcha-required");
    expect(textOf(html)).toContain("tidak ada pihak ketiga yang menerima data Anda");
    expect((await app.get("/rate/kota-palangka-raya/nope")).status).toBe(404);
  });

  it("stores a valid rating, thanks the resident, points to the back-door report, and the index changes", async () => {
    expect(await api()).toMatchObject({ respondents: 0, published: false });
    const response = await app.post(FORM, rating({ sex: "P", ageBand: "30_39", education: "S1", occupation: "WIRAUSAHA" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${FORM}/thanks`);
    const thanks = await app.get(`${FORM}/thanks`);
    expect(textOf(await thanks.text())).toContain("Laporkan pintu belakang");
    // One rating: not published, and not even counted (the count would single the resident out).
    expect(await api()).toMatchObject({ respondents: null, published: false });

    for (let i = 0; i < 4; i++) await app.from(`198.51.100.${i + 20}`).post(FORM, rating());
    expect(await api()).toEqual({
      unit: "kota-palangka-raya/disdukcapil",
      period: month.key,
      from: month.from,
      to: month.to,
      respondents: 5,
      published: true,
      profile: "permenpanrb-14-2017",
      nrr: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: 3 },
      ikm: 3.333333,
      score: 83.33,
      grade: "B",
    });
  });

  it("stores one rating for a resent form or a double click", async () => {
    const before = await stored();
    const fields = rating();
    expect((await app.from("198.51.100.60").post(FORM, fields)).status).toBe(303);
    expect((await app.from("198.51.100.60").post(FORM, fields)).status).toBe(303);
    const [a, b] = await Promise.all([app.from("198.51.100.61").post(FORM, rating({ token: fields.token })), app.post(FORM, fields)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await stored()).toBe(before + 1);
  });

  it("answers bad and hostile input with 400 and field errors, keeps the answers, stores nothing", async () => {
    const before = await stored();
    const cases: Array<[Record<string, string>, string]> = [
      [rating({ u1: "0" }), "Pilih salah satu jawaban."],
      [rating({ u2: "5" }), "Pilih salah satu jawaban."],
      [rating({ u3: undefined }), "Pilih salah satu jawaban."],
      [rating({ u4: "abc" }), "Pilih salah satu jawaban."],
      [rating({ u5: "2.5" }), "Pilih salah satu jawaban."],
      [rating({ serviceId: String(pbg) }), "Pilih layanan yang Anda terima."],
      [rating({ serviceId: "99999999999999" }), "Pilih layanan yang Anda terima."],
      [rating({ serviceId: undefined }), "Pilih layanan yang Anda terima."],
      [rating({ sex: "X" }), "Pilihan tidak dikenal."],
      [rating({ education: "PhD" }), "Pilihan tidak dikenal."],
      [rating({ suggestion: "x".repeat(2001) }), "Saran paling banyak 2.000 karakter."],
      [rating({ token: "short" }), "Formulir ini sudah kedaluwarsa."],
      [rating({ token: undefined }), "Formulir ini sudah kedaluwarsa."],
    ];
    for (const [fields, message] of cases) {
      const response = await app.post(FORM, fields);
      expect(response.status, JSON.stringify(Object.keys(fields))).toBe(400);
      const html = await response.text();
      expect(textOf(html)).toContain(message);
      expect(html).toContain('role="alert"');
    }
    // A body past the form's size limit is refused before any parsing.
    expect((await app.post(FORM, rating({ suggestion: "x".repeat(10 * 1024 * 1024) }))).status).toBe(413);
    // The answers typed are kept.
    const kept = await (await app.post(FORM, rating({ u1: undefined, u2: "1" }))).text();
    expect(kept).toContain('<input type="radio" id="u2-1" name="u2" checked="" value="1"');
    expect(kept).not.toContain('name="u2" checked="" value="2"');
    expect(await stored()).toBe(before);
  });

  it("lets the honeypot swallow bots silently", async () => {
    const before = await stored();
    const response = await app.post(FORM, rating({ website: "http://spam.example" }));
    expect(response.status).toBe(303);
    expect(await stored()).toBe(before);
  });

  it("keeps suggestions for moderation, never published directly", async () => {
    await app.from("198.51.100.70").post(FORM, rating({ suggestion: "  Antrean pagi terlalu panjang.  " }));
    const rows = await database.db.select().from(skmSuggestions);
    expect(rows.at(-1)).toMatchObject({ text: "Antrean pagi terlalu panjang.", status: "pending", publishedText: null });
  });

  it("asks the optional coercion question last, stores the answer, and offers the report link after a yes", async () => {
    const yes = await app.from("198.51.100.77").post(FORM, rating({ coercion: "yes" }));
    expect(yes.status).toBe(303);
    expect(yes.headers.get("location")).toBe(`${FORM}/thanks?followup=report`);
    const thanks = await (await app.get(yes.headers.get("location")!)).text();
    expect(thanks).toContain("data-coercion-followup");
    expect(textOf(thanks)).toContain("Anda diminta memberi nilai baik atau ditunggui?");
    expect(thanks).toContain('href="/report?unit=kota-palangka-raya/disdukcapil"');
    expect((await app.from("198.51.100.78").post(FORM, rating({ coercion: "no" }))).headers.get("location")).toBe(`${FORM}/thanks`);
    expect((await app.from("198.51.100.79").post(FORM, rating({ coercion: "" }))).status).toBe(303);
    expect((await app.from("198.51.100.80").post(FORM, rating({ coercion: "maybe" }))).status).toBe(400);
    const rows = await database.db.select({ coercion: skmResponses.coercion }).from(skmResponses).orderBy(desc(skmResponses.id)).limit(3);
    expect(rows.map((r) => r.coercion)).toEqual([null, false, true]);
  });
});

describe("with hCaptcha configured", () => {
  let fake: Server;
  let captchaApp: TestApp;
  let answer: () => { status: number; body: unknown } = () => ({ status: 200, body: { success: true } });
  const received: string[] = [];

  beforeAll(async () => {
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(body);
        const { status, body: json } = answer();
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const port = (fake.address() as { port: number }).port;
    captchaApp = await createTestApp(database.db, {
      env: { HCAPTCHA_SITE_KEY: "site-key-test", HCAPTCHA_SECRET: "secret-test", HCAPTCHA_VERIFY_URL: `http://127.0.0.1:${port}/siteverify` },
      clientAddress: "198.51.100.99",
    });
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it("shows no widget and loads no third-party script until a signal fires, and says so", async () => {
    const response = await captchaApp.get(FORM);
    const html = await response.text();
    expect(html).not.toContain("data-sitekey");
    expect(html).not.toContain("js.hcaptcha.com");
    expect(textOf(html)).toContain("Hanya saat pemeriksaan itu tampil, pihak ketiga (hCaptcha)");
    expect(received).toHaveLength(0);
  });

  it("asks for hCaptcha once a signal fires, says what to do without JavaScript, and stores only when siteverify says yes", async () => {
    const before = await stored();
    for (let i = 0; i < BURST_MAX_FREE; i++) expect((await captchaApp.post(FORM, rating())).status).toBe(303);
    expect(received).toHaveLength(0);
    const fields = rating();
    const challenged = await captchaApp.post(FORM, fields);
    expect(challenged.status).toBe(200);
    const html = await challenged.text();
    expect(html).toContain("data-captcha-required");
    expect(html).toContain('data-sitekey="site-key-test"');
    expect(html).toMatch(/<noscript>.*layar penilaian \(kios\) di loket unit.*<\/noscript>/s);
    expect(challenged.headers.get("content-security-policy")).toContain("https://*.hcaptcha.com");
    expect(await stored()).toBe(before + BURST_MAX_FREE);

    answer = () => ({ status: 200, body: { success: false } });
    const refused = await captchaApp.post(FORM, { ...fields, "h-captcha-response": "bad-token" });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Pemeriksaan anti-spam belum selesai atau gagal.");
    answer = () => ({ status: 500, body: {} });
    expect((await captchaApp.post(FORM, { ...fields, "h-captcha-response": "any" })).status).toBe(503);
    answer = () => ({ status: 200, body: { success: true } });
    expect((await captchaApp.post(FORM, { ...fields, "h-captcha-response": "good-token" })).status).toBe(303);
    expect(await stored()).toBe(before + BURST_MAX_FREE + 1);
    expect(received.at(-1)).toContain("response=good-token");
    expect(received.at(-1)).toContain("secret=secret-test");
    expect(received.join("&")).not.toContain("remoteip");
    expect(received.join("&")).not.toContain("198.51.100.99");
  });
});
