/**
 * The optional perception step, driven as a browser without JavaScript would: rate a visit,
 * follow the thanks page's offer, answer with a form-encoded post. Only a ticket from an
 * accepted SKM rating opens the step, a ticket stores at most one response, hostile input is
 * a 400 that stores nothing, and the API publishes the index only past the threshold.
 */
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { perceptionResponses, perceptionSubmissions, services } from "../../db/schema";
import { localDate } from "~/utils/calendar";
import { PERCEPTION_ITEMS, SPAK_ITEMS, SPKP_ITEMS } from "~/regulation/perception";
import { CookieJar, createTestApp, type TestApp } from "../helpers/app";
import { parsePeriod } from "~/skm/periods";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { unitId } from "../helpers/staff";
import { daysOfJustNow } from "../helpers/clock";

let database: TestDatabase;
let app: TestApp;
let ktp: number;
let pbg: number;
const FORM = "/rate/kota-palangka-raya/disdukcapil";
const STEP = `${FORM}/perception`;
const today = localDate("Asia/Jakarta");

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
function rating(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    token: `perception-token-${String(++tokens).padStart(4, "0")}-${"x".repeat(24)}`,
    serviceId: String(ktp),
    ...Object.fromEntries(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((u) => [u, "3"])),
    ...overrides,
  };
}

/** Every item answered: SPAK with `spak`, SPKP with `spkp`. */
function answers(spak: string, spkp: string): Record<string, string> {
  return { ...Object.fromEntries(SPAK_ITEMS.map((i) => [i, spak])), ...Object.fromEntries(SPKP_ITEMS.map((i) => [i, spkp])) };
}

let visitors = 0;
/**
 * Rates a visit and returns the browser's cookie jar holding the ticket it was given. Each visit
 * comes from its own resident's phone: many ratings from one address would be asked for a challenge.
 */
async function rate(fields = rating(), form = FORM): Promise<CookieJar> {
  const jar = new CookieJar();
  const response = jar.take(await app.from(`198.18.${Math.floor(++visitors / 250)}.${visitors % 250}`).post(form, fields));
  expect(response.status).toBe(303);
  return jar;
}

async function stored(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(perceptionResponses);
  return row?.n ?? 0;
}

async function api(query = `period=${today.slice(0, 7)}`, unit = "kota-palangka-raya/disdukcapil") {
  return app.get(`/api/v1/units/${unit}/perception?${query}`);
}

describe("the perception step", () => {
  it("is offered after an accepted rating, through a short-lived httpOnly cookie scoped to the unit, never a URL", async () => {
    const response = await app.post(FORM, rating());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${FORM}/thanks`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("pd_perception="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Path=\/rate\/kota-palangka-raya\/disdukcapil(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Max-Age=7200/);

    const jar = new CookieJar();
    jar.take(response);
    const thanks = await app.get(`${FORM}/thanks`, { Cookie: jar.header });
    expect(thanks.headers.get("cache-control")).toBe("no-store");
    const html = await thanks.text();
    expect(textOf(html)).toContain("Jawab 16 pertanyaan lagi tentang integritas dan mutu pelayanan unit ini.");
    expect(html).toContain(`href="${STEP}"`);
    // Without the ticket the thanks page offers nothing.
    expect(await (await app.get(`${FORM}/thanks`)).text()).not.toContain(`href="${STEP}"`);
  });

  it("shows sixteen items of six labelled options each, skippable, never cached", async () => {
    const jar = await rate();
    const response = await app.get(STEP, { Cookie: jar.header });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/<form method="post"/);
    expect(html.match(/<fieldset/g)?.length).toBe(16);
    for (const item of PERCEPTION_ITEMS) {
      for (const v of [1, 2, 3, 4, 5, 6]) expect(html).toContain(`id="${item}-${v}" name="${item}"`);
      expect(html).toContain(`id="${item}-skip" name="${item}" checked="" value=""`);
    }
    const text = textOf(html);
    expect(text).toContain("Ada calo atau perantara.");
    expect(text).toContain("Petugas merespons dengan cepat.");
    // Every option is named for screen readers; the ends are named on screen too.
    for (const label of ["1: Selalu terjadi", "3: Kadang-kadang terjadi", "6: Tidak pernah terjadi", "2: Tidak setuju", "6: Sangat setuju"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("pemantauan internal");
    expect(text).toContain("Tidak menjawab");
  });

  it("speaks English to an English browser, ends and all", async () => {
    const jar = await rate();
    const thanks = textOf(await (await app.get(`${FORM}/thanks`, { Cookie: jar.header, "Accept-Language": "en" })).text());
    expect(thanks).toContain("Answer 16 more questions about integrity and service quality at this unit.");
    const text = textOf(await (await app.get(STEP, { Cookie: jar.header, "Accept-Language": "en" })).text());
    for (const phrase of ["How often does the following happen at this unit?", "1: Always happens", "6: Never happens", "1: Strongly disagree", "Prefer not to answer", "internal monitoring"]) {
      expect(text).toContain(phrase);
    }
    expect(textOf(await (await app.get(STEP, { "Accept-Language": "en" })).text())).toContain("This page opens after you rate a visit to this unit");
  });

  it("stores the answers with the local date, thanks the resident, and spends the ticket", async () => {
    const before = await stored();
    const jar = await rate();
    const response = jar.take(await app.post(STEP, { ...answers("6", "5"), a2: "", q8: "" }, { Cookie: jar.header }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${FORM}/thanks?perception=done`);
    expect(jar.has("pd_perception")).toBe(false);
    expect(await stored()).toBe(before + 1);
    const [row] = await database.db.select().from(perceptionResponses).orderBy(sql`${perceptionResponses.id} desc`).limit(1);
    expect(row).toMatchObject({ profileId: "permenpanrb-90-2021-perception", a1: 6, a2: null, q1: 5, q8: null });
    expect(daysOfJustNow()).toContain(row!.respondedOn);

    const thanks = await (await app.get(`${FORM}/thanks?perception=done`, { Cookie: jar.header })).text();
    expect(textOf(thanks)).toContain("Jawaban tambahan Anda sudah kami terima");
    expect(thanks).not.toContain(`href="${STEP}"`);
  });

  it("stores one response per rating: a replayed ticket, a double click, or a resent rating form", async () => {
    const before = await stored();
    const fields = rating();
    const jar = await rate(fields);
    const ticket = jar.header;
    const [a, b] = await Promise.all([app.post(STEP, answers("5", "5"), { Cookie: ticket }), app.post(STEP, answers("4", "4"), { Cookie: ticket })]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect((await app.post(STEP, answers("1", "1"), { Cookie: ticket })).status).toBe(303);
    expect(await stored()).toBe(before + 1);

    // The same rating form sent again gets the same ticket: already used, so no offer and no second response.
    const again = await rate(fields);
    expect(await (await app.get(`${FORM}/thanks`, { Cookie: again.header })).text()).not.toContain(`href="${STEP}"`);
    const used = await app.get(STEP, { Cookie: again.header });
    expect(used.status).toBe(409);
    expect(textOf(await used.text())).toContain("sudah kami terima");
    expect((await app.post(STEP, answers("2", "2"), { Cookie: again.header })).status).toBe(303);
    expect(await stored()).toBe(before + 1);
    const [tickets] = await database.db.select({ n: count() }).from(perceptionSubmissions);
    expect(tickets?.n).toBe(await stored());
  });

  it("stays closed without a valid ticket for this unit: a friendly 403 that leads to the rating form, nothing stored", async () => {
    const before = await stored();
    const closed = await app.get(STEP);
    expect(closed.status).toBe(403);
    const html = await closed.text();
    expect(textOf(html)).toContain("Halaman ini terbuka setelah Anda menilai kunjungan ke unit ini");
    expect(html).toContain(`href="${FORM}"`);
    expect((await app.post(STEP, answers("6", "6"))).status).toBe(403);

    const jar = await rate();
    const [name, value] = jar.header.split("=") as [string, string];
    const forged = `${name}=${value.slice(0, -3)}${value.endsWith("abc") ? "xyz" : "abc"}`;
    expect((await app.post(STEP, answers("6", "6"), { Cookie: forged })).status).toBe(403);
    // A ticket of another unit does not open this one.
    const other = await rate(rating({ serviceId: String(pbg) }), "/rate/kota-palangka-raya/dpmptsp");
    expect((await app.post(STEP, answers("6", "6"), { Cookie: other.header })).status).toBe(403);
    // A rating refused for bad input hands out no ticket.
    const refused = await app.post(FORM, rating({ u1: "9" }));
    expect(refused.status).toBe(400);
    expect(refused.headers.getSetCookie().some((c) => c.startsWith("pd_perception="))).toBe(false);
    expect(await stored()).toBe(before);
  });

  it("answers bad and hostile input with 400 and field errors, keeps the answers, stores nothing", async () => {
    const before = await stored();
    const jar = await rate();
    const cases: Array<[Record<string, string>, string]> = [
      [{ a1: "0" }, "Pilih angka 1 sampai 6"],
      [{ q2: "7" }, "Pilih angka 1 sampai 6"],
      [{ a3: "sering" }, "Pilih angka 1 sampai 6"],
      [{ q4: "4.5" }, "Pilih angka 1 sampai 6"],
      [{ a5: "x".repeat(1000) }, "Pilih angka 1 sampai 6"],
      [{ a9: "3" }, "Formulir ini berisi isian yang tidak dikenal."],
      [Object.fromEntries(PERCEPTION_ITEMS.map((i) => [i, ""])), "Jawab paling sedikit satu pertanyaan"],
    ];
    for (const [fields, message] of cases) {
      const response = await app.post(STEP, { ...answers("", ""), a6: "5", ...fields }, { Cookie: jar.header });
      expect(response.status, Object.keys(fields).join(",")).toBe(400);
      const html = await response.text();
      expect(textOf(html)).toContain(message);
      expect(html).toContain('role="alert"');
    }
    // A body past the form's size limit is refused before any parsing.
    expect((await app.post(STEP, { a5: "x".repeat(10 * 1024 * 1024) }, { Cookie: jar.header })).status).toBe(413);
    const empty = await app.post(STEP, {}, { Cookie: jar.header });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Jawab paling sedikit satu pertanyaan");
    const kept = await (await app.post(STEP, { a1: "0", q3: "2" }, { Cookie: jar.header })).text();
    expect(kept).toContain('<input type="radio" id="q3-2" name="q3" checked="" value="2"');
    expect(textOf(kept)).toContain('Pertanyaan 1: Pilih angka 1 sampai 6');
    expect(kept).toContain('href="#a1"');
    expect(kept).toContain('aria-describedby="a1-error"');
    expect(await stored()).toBe(before);
    // The ticket is still good after a refused post.
    expect((await app.post(STEP, { q3: "2" }, { Cookie: jar.header })).status).toBe(303);
    expect(await stored()).toBe(before + 1);
  });

  it("lets the honeypot swallow bots silently", async () => {
    const before = await stored();
    const jar = await rate();
    const response = await app.post(STEP, { ...answers("6", "6"), website: "http://spam.example" }, { Cookie: jar.header });
    expect(response.status).toBe(303);
    expect(await stored()).toBe(before);
  });

  it("keeps no ticket in clear and no client address", async () => {
    const rated = await app.from("203.0.113.77").post(FORM, rating());
    const value = decodeURIComponent(rated.headers.getSetCookie()[0]!.split(";")[0]!.split("=").slice(1).join("="));
    const { nonce } = JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString()) as { nonce: string };
    await app.post(STEP, { a1: "4" }, { Cookie: `pd_perception=${encodeURIComponent(value)}` });
    const dump = JSON.stringify(
      await Promise.all(["perception_responses", "perception_daily_totals", "perception_submissions"].map((t) => database.db.execute(sql.raw(`SELECT * FROM ${t}`)))),
    );
    expect(dump).toContain("permenpanrb-90-2021-perception");
    expect(dump).not.toContain(nonce);
    expect(dump).not.toContain("203.0.113.77");
  });
});

describe("GET /api/v1/units/{region}/{unit}/perception", () => {
  it("publishes the internal-monitoring index only when a survey reaches the threshold", async () => {
    const fresh = await createSeededTestDatabase({ demo: false });
    const own = await createTestApp(fresh.db);
    try {
      const month = parsePeriod(today.slice(0, 7))!;
      const get = async () => (await (await own.get(`/api/v1/units/kota-palangka-raya/dpmptsp/perception?period=${month.key}`)).json()) as unknown;
      const respond = async (fields: Record<string, string>) => {
        const jar = new CookieJar();
        jar.take(await own.from(`198.19.0.${++visitors % 250}`).post("/rate/kota-palangka-raya/dpmptsp", rating({ serviceId: String(pbg) })));
        expect((await own.post("/rate/kota-palangka-raya/dpmptsp/perception", fields, { Cookie: jar.header })).status).toBe(303);
      };
      const base = { unit: "kota-palangka-raya/dpmptsp", period: month.key, from: month.from, to: month.to, profile: "permenpanrb-90-2021-perception", monitoring: "internal" };
      for (let i = 0; i < 4; i++) await respond(answers("6", "5"));
      // Not published, and without the count: it would say how many answered.
      expect(await get()).toEqual({ ...base, respondents: { ipak: null, ipkp: null }, published: false, ipak: null, ipkp: null });

      // A fifth SPAK answer reaches the threshold; SPKP, still at four, stays withheld.
      await respond(answers("5", ""));
      const ipakItems = Object.fromEntries(SPAK_ITEMS.map((i) => [i, 5.8]));
      expect(await get()).toEqual({
        ...base,
        respondents: { ipak: 5, ipkp: null },
        published: true,
        // Item means 5.8: index 5.8 ÷ 6 × 4 = 3.8667 → 3.87.
        ipak: { index: 3.87, mean: 5.8, items: ipakItems },
        ipkp: null,
      });

      await respond(answers("", "2"));
      const published = (await get()) as { ipkp: { index: number; mean: number; items: Record<string, number> } };
      // SPKP means (5 × 4 + 2) ÷ 5 = 4.4 on every item: index 2.93.
      expect(published.ipkp).toEqual({ index: 2.93, mean: 4.4, items: Object.fromEntries(SPKP_ITEMS.map((i) => [i, 4.4])) });
    } finally {
      await fresh.drop();
    }
  });

  it("follows the SKM endpoint's conventions: 400 on bad periods, 404 on an unknown unit, cacheable", async () => {
    for (const query of ["", `from=${today}`, `from=${today}&to=${today}`, "from=2026-02-30&to=2026-03-01", "from=2026-03-01&to=2026-02-01", "from=2000-01-01&to=2026-01-01", "from=x&to=y", "period=2026-13"]) {
      const response = await api(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe("bad_period");
    }
    const english = await app.get(`/api/v1/units/kota-palangka-raya/disdukcapil/perception?from=x`, { "Accept-Language": "en" });
    expect(((await english.json()) as { message: string }).message).toMatch(/[a-z]/);
    const unknown = await api(undefined, "kota-palangka-raya/nope");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "unknown_unit", message: "Unit layanan tidak ditemukan." });
    const ok = await api("from=2020-01-01&to=2020-12-31");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=30");
    expect(await ok.json()).toEqual({
      unit: "kota-palangka-raya/disdukcapil",
      period: "2020",
      from: "2020-01-01",
      to: "2020-12-31",
      respondents: { ipak: 0, ipkp: 0 },
      published: false,
      profile: "permenpanrb-90-2021-perception",
      monitoring: "internal",
      ipak: null,
      ipkp: null,
    });
  });
});
