/**
 * Residents' suggestions through the app, as a browser without JavaScript: the moderators'
 * queue (publish with redaction, reject, bulk), the units' replies, the public list above the
 * disclosure threshold only, the CSV export, permissions, audit rows and hostile input.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, regions, services, skmResponses, skmSuggestions, units } from "../../db/schema";
import { localDate } from "~/utils/calendar";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createStaff, sessionFor, unitId } from "../helpers/staff";
import { daysOfJustNow } from "../helpers/clock";

let database: TestDatabase;
let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let kotimUnit: { id: number; address: string };
const today = localDate("Asia/Jakarta");
const QUEUE = "/staff/suggestions";
const FEEDBACK = "/staff/unit-feedback";

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const personas = {
    cityModerator: [{ role: "moderator" as const, region: "kota-palangka-raya" }],
    kotimModerator: [{ role: "moderator" as const, region: "kabupaten-kotawaringin-timur" }],
    disdukManager: [{ role: "unit_manager" as const, unit: "kota-palangka-raya/disdukcapil" }],
    dpmptspManager: [{ role: "unit_manager" as const, unit: "kota-palangka-raya/dpmptsp" }],
    cityEvaluator: [{ role: "evaluator" as const, region: "kota-palangka-raya" }],
    cityAdmin: [{ role: "admin" as const, region: "kota-palangka-raya" }],
  };
  for (const [name, grants] of Object.entries(personas)) {
    const person = await createStaff(database.db, app.config, { grants });
    ids[name] = person.id;
    cookies[name] = await sessionFor(database.db, app.config, person.id);
  }
  const [kotim] = await database.db
    .select({ id: units.id, slug: units.slug })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(regions.slug, "kabupaten-kotawaringin-timur"))
    .limit(1);
  kotimUnit = { id: kotim!.id, address: `kabupaten-kotawaringin-timur/${kotim!.slug}` };
});
afterAll(() => database.drop());

/** Stores `count` ratings of a unit today; the first ones carry the given suggestions. Returns their ids. */
async function ratings(unit: string | number, count: number, suggestions: string[] = [], serviceId: number | null = null): Promise<number[]> {
  const id = typeof unit === "number" ? unit : await unitId(database.db, unit);
  const response = (i: number): NewResponse => ({
    unitId: id,
    serviceId,
    respondedOn: today,
    source: "web",
    profileId: "permenpanrb-14-2017",
    sex: i % 2 === 0 ? "P" : null,
    ageBand: "30_39",
    education: "S1",
    occupation: null,
    answers: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 2, u9: i % 3 === 0 ? null : 3 },
  });
  return database.db.transaction(async (tx) => {
    const responseIds = await storeResponses(tx, Array.from({ length: count }, (_, i) => response(i)));
    const created: number[] = [];
    for (const [i, text] of suggestions.entries()) {
      const [row] = await tx
        .insert(skmSuggestions)
        .values({ responseId: responseIds[i]!, unitId: id, text, submittedOn: today })
        .returning({ id: skmSuggestions.id });
      created.push(row!.id);
    }
    return created;
  });
}

async function suggestion(id: number) {
  const [row] = await database.db.select().from(skmSuggestions).where(eq(skmSuggestions.id, id));
  return row!;
}

async function auditFor(id: number) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "suggestion"), eq(auditLog.objectId, String(id))))
    .orderBy(auditLog.id);
}

const as = (persona: string) => ({ Cookie: cookies[persona]! });

describe("the moderation queue", () => {
  it("sends anonymous visitors to the sign-in page and refuses staff without comment.moderate", async () => {
    const anonymous = await app.get(QUEUE);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/staff/login?redirectTo=${encodeURIComponent(QUEUE)}`);
    const anonymousPost = await app.post(QUEUE, { intent: "publish", id: "1", publishedText: "x" });
    expect(anonymousPost.status).toBe(302);
    for (const persona of ["disdukManager", "cityEvaluator", "cityAdmin"]) {
      expect((await app.get(QUEUE, as(persona))).status, persona).toBe(403);
      expect((await app.post(QUEUE, { intent: "reject", id: "1", reason: "spam" }, as(persona))).status, persona).toBe(403);
    }
  });

  it("lists pending suggestions within reach only, oldest first, with the redacted text prefilled", async () => {
    const [first, second] = await ratings("kota-palangka-raya/disdukcapil", 2, [
      "Petugas Budi minta uang, WA saya 0812-3456-7890 kalau perlu.",
      "Antrean terlalu panjang, tolong tambah loket.",
    ]);
    const [kotimOne] = await ratings(kotimUnit.id, 1, ["Saran dari Sampit: ruang tunggu panas."]);
    const response = await app.get(QUEUE, as("cityModerator"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("Petugas Budi minta uang");
    expect(text).not.toContain("ruang tunggu panas");
    expect(text.indexOf(`Saran #${first}`)).toBeLessThan(text.indexOf(`Saran #${second}`));
    // The textarea starts from the automatic redaction; the moderator edits further.
    expect(html).toMatch(/<textarea[^>]*name="publishedText"[^>]*>Petugas Budi minta uang, WA saya \[disamarkan\] kalau perlu\.<\/textarea>/);
    expect(html).toContain(`<input type="checkbox" id="select-${first}" name="ids" form="bulk-form" value="${first}"/>`);

    const kotimText = textOf(await (await app.get(QUEUE, as("kotimModerator"))).text());
    expect(kotimText).toContain("ruang tunggu panas");
    expect(kotimText).not.toContain("Petugas Budi");
    expect(kotimOne).toBeGreaterThan(0);

    // Filters are GET parameters; unknown values fall back to everything.
    const disdukcapil = await unitId(database.db, "kota-palangka-raya/dpmptsp");
    expect(textOf(await (await app.get(`${QUEUE}?unit=${disdukcapil}`, as("cityModerator"))).text())).not.toContain("Petugas Budi");
    expect((await app.get(`${QUEUE}?unit=abc&region=-1&status=weird&page=x`, as("cityModerator"))).status).toBe(200);
  });

  it("publishes the moderator's edited text, dated and audited without the text", async () => {
    const [id] = await ratings("kota-palangka-raya/disdukcapil", 1, ["Pak Joko di loket 3 kasar. Email saya joko@contoh.id"]);
    const response = await app.post(QUEUE, { intent: "publish", id: String(id), publishedText: "Petugas di loket 3 kasar. Email saya [disamarkan]" }, as("cityModerator"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("done=published");
    const row = await suggestion(id!);
    expect(row).toMatchObject({ status: "published", publishedText: "Petugas di loket 3 kasar. Email saya [disamarkan]" });
    expect(daysOfJustNow()).toContain(row.moderatedOn);
    expect(row.text).toContain("Pak Joko");
    const [entry] = await auditFor(id!);
    expect(entry).toMatchObject({ action: "suggestion.published", actorStaffId: ids.cityModerator, actorRole: "moderator", objectType: "suggestion" });
    expect(entry!.regionId).toBeGreaterThan(0);
    expect(entry!.details).toMatchObject({ redacted: true });
    expect(JSON.stringify(entry!.details)).not.toMatch(/loket|Joko|disamarkan/);
  });

  it("rejects with a reason code", async () => {
    const [id] = await ratings("kota-palangka-raya/disdukcapil", 1, ["beli obat murah di situs kami"]);
    expect((await app.post(QUEUE, { intent: "reject", id: String(id), reason: "spam" }, as("cityModerator"))).status).toBe(303);
    const rejected = await suggestion(id!);
    expect(rejected).toMatchObject({ status: "rejected", publishedText: null });
    expect(daysOfJustNow()).toContain(rejected.moderatedOn);
    const [entry] = await auditFor(id!);
    expect(entry).toMatchObject({ action: "suggestion.rejected", details: { reason: "spam", redacted: false } });
    expect(JSON.stringify(entry!.details)).not.toContain("obat");
  });

  it("publishes and rejects in bulk, all or nothing", async () => {
    const [a, b, c, d] = await ratings("kota-palangka-raya/disdukcapil", 4, [
      "Hubungi 081298765432 untuk konfirmasi.",
      "NIK saya 6271010101010001 tidak terbaca.",
      "spam spam",
      "tidak nyambung",
    ]);
    const body = new URLSearchParams([["intent", "bulk-publish"], ["ids", String(a)], ["ids", String(b)]]);
    const published = await app.fetch(QUEUE, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...as("cityModerator") },
    });
    expect(published.status).toBe(303);
    expect(await suggestion(a!)).toMatchObject({ status: "published", publishedText: "Hubungi [disamarkan] untuk konfirmasi." });
    expect(await suggestion(b!)).toMatchObject({ status: "published", publishedText: "NIK saya [disamarkan] tidak terbaca." });
    expect((await auditFor(a!))[0]?.details).toMatchObject({ redacted: true, bulk: true });

    // A kotim item among them: 403 and nothing changed.
    const [kotimItem] = await ratings(kotimUnit.id, 1, ["dari Sampit"]);
    const mixed = new URLSearchParams([["intent", "bulk-reject"], ["reason", "spam"], ["ids", String(c)], ["ids", String(kotimItem)]]);
    const refused = await app.fetch(QUEUE, {
      method: "POST",
      body: mixed,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...as("cityModerator") },
    });
    expect(refused.status).toBe(403);
    expect((await suggestion(c!)).status).toBe("pending");
    expect((await suggestion(kotimItem!)).status).toBe("pending");
    expect(await auditFor(c!)).toEqual([]);

    // An already-moderated item among them: 400 and nothing changed.
    const stale = await app.post(QUEUE, { intent: "bulk-reject", reason: "spam", ids: String(a) }, as("cityModerator"));
    expect(stale.status).toBe(400);
    expect((await suggestion(a!)).status).toBe("published");

    const rejected = new URLSearchParams([["intent", "bulk-reject"], ["reason", "off_topic"], ["ids", String(c)], ["ids", String(d)]]);
    const done = await app.fetch(QUEUE, {
      method: "POST",
      body: rejected,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...as("cityModerator") },
    });
    expect(done.status).toBe(303);
    const rows = await database.db.select().from(skmSuggestions).where(inArray(skmSuggestions.id, [c!, d!]));
    expect(rows.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((await auditFor(d!))[0]?.details).toMatchObject({ reason: "off_topic", bulk: true });

    const none = await app.post(QUEUE, { intent: "bulk-publish" }, as("cityModerator"));
    expect(none.status).toBe(400);
    expect(textOf(await none.text())).toContain("Centang setidaknya satu saran.");
  });

  it("refuses another region's moderator with 403 and changes nothing", async () => {
    const [id] = await ratings("kota-palangka-raya/disdukcapil", 1, ["saran kota"]);
    expect((await app.post(QUEUE, { intent: "publish", id: String(id), publishedText: "x" }, as("kotimModerator"))).status).toBe(403);
    expect((await app.post(QUEUE, { intent: "reject", id: String(id), reason: "spam" }, as("kotimModerator"))).status).toBe(403);
    expect(await suggestion(id!)).toMatchObject({ status: "pending", publishedText: null, moderatedOn: null });
    expect(await auditFor(id!)).toEqual([]);
  });

  it("answers hostile input with 400 or 404, never 500, and writes nothing", async () => {
    const [id] = await ratings("kota-palangka-raya/disdukcapil", 1, ["saran biasa"]);
    const cases: Array<[Record<string, string>, number, string | null]> = [
      [{ intent: "reject", id: String(id), reason: "kaisar" }, 400, "Pilih alasan penolakan."],
      [{ intent: "reject", id: String(id) }, 400, "Pilih alasan penolakan."],
      [{ intent: "publish", id: String(id), publishedText: "   " }, 400, "Isi teks yang akan diterbitkan."],
      [{ intent: "publish", id: String(id), publishedText: "x".repeat(5000) }, 400, "Teks terlalu panjang"],
      [{ intent: "publish", id: String(id), publishedText: "a\u0000b" }, 400, "karakter yang tidak diizinkan"],
      [{ intent: "publish", id: "abc", publishedText: "x" }, 400, "Saran tidak ditemukan."],
      [{ intent: "publish", id: "99999999999999999999999", publishedText: "x" }, 400, "Saran tidak ditemukan."],
      [{ intent: "publish", id: "-3", publishedText: "x" }, 400, null],
      [{ intent: "publish", id: "987654321", publishedText: "x" }, 404, null],
      [{ intent: "bulk-publish", ids: "987654321" }, 404, null],
      [{ intent: "drop-table" }, 400, "Tindakan tidak dikenal."],
      [{}, 400, null],
    ];
    for (const [fields, status, message] of cases) {
      const response = await app.post(QUEUE, fields, as("cityModerator"));
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      if (message) expect(textOf(await response.text()), JSON.stringify(fields).slice(0, 80)).toContain(message);
    }
    expect(await suggestion(id!)).toMatchObject({ status: "pending", publishedText: null });
    expect(await auditFor(id!)).toEqual([]);
    // The moderator's own text comes back in the form after a mistake.
    const typed = await app.post(QUEUE, { intent: "publish", id: String(id), publishedText: "x".repeat(2001) }, as("cityModerator"));
    expect(await typed.text()).toContain("x".repeat(2001));
  });
});

describe("the public unit page and the units' replies", () => {
  const PAGE = "/units/kota-palangka-raya/dpmptsp";

  it("shows published suggestions only from DISCLOSURE_MIN respondents, with the unit's reply", async () => {
    // Disdukcapil's ratings from the tests above hold only three answers to U9; they would be
    // recoverable as the region's total minus DPMPTSP, so the rule would hide DPMPTSP too.
    await ratings("kota-palangka-raya/disdukcapil", 5);
    const [id, pending] = await ratings("kota-palangka-raya/dpmptsp", 4, ["Izin saya selesai cepat, 0813-1111-2222.", "Belum dimoderasi"]);
    expect((await app.post(QUEUE, { intent: "publish", id: String(id), publishedText: "Izin saya selesai cepat, [disamarkan]." }, as("cityModerator"))).status).toBe(303);
    const below = textOf(await (await app.get(PAGE)).text());
    expect(below).not.toContain("Izin saya selesai cepat");
    expect(below).not.toContain("Saran dari warga");

    // Five more: nine respondents, and five answers to U9 (every third rating leaves it blank),
    // so no unsur of the cell rests on fewer than DISCLOSURE_MIN answers.
    await ratings("kota-palangka-raya/dpmptsp", 5);
    const above = textOf(await (await app.get(PAGE)).text());
    expect(above).toContain("Saran dari warga");
    expect(above).toContain("Izin saya selesai cepat, [disamarkan].");
    expect(above).not.toContain("0813");
    expect(above).not.toContain("Belum dimoderasi");
    expect(pending).toBeGreaterThan(0);

    // The unit's manager answers; the answer appears under the suggestion, and may be edited.
    const feedback = await app.get(FEEDBACK, as("dpmptspManager"));
    expect(feedback.status).toBe(200);
    const feedbackText = textOf(await feedback.text());
    expect(feedbackText).toContain("Izin saya selesai cepat, [disamarkan].");
    expect(feedbackText).not.toContain("Belum dimoderasi");
    expect(feedbackText).not.toContain("0813");

    expect((await app.post(FEEDBACK, { intent: "reply", id: String(id), reply: "Terima kasih atas sarannya." }, as("dpmptspManager"))).status).toBe(303);
    expect((await app.post(FEEDBACK, { intent: "reply", id: String(id), reply: "Terima kasih, kami pertahankan." }, as("dpmptspManager"))).status).toBe(303);
    const replied = await suggestion(id!);
    expect(replied).toMatchObject({ reply: "Terima kasih, kami pertahankan." });
    expect(daysOfJustNow()).toContain(replied.repliedOn);
    const replies = (await auditFor(id!)).filter((r) => r.action === "suggestion.replied");
    expect(replies.map((r) => r.details)).toEqual([{ edited: false }, { edited: true }]);
    expect(replies[0]).toMatchObject({ actorRole: "unit_manager", actorStaffId: ids.dpmptspManager });
    expect(textOf(await (await app.get(PAGE)).text())).toContain("Terima kasih, kami pertahankan.");
    // English is complete too.
    const english = textOf(await (await app.get(PAGE, { "Accept-Language": "en" })).text());
    expect(english).toContain("Suggestions from residents");
  });

  it("lets only the unit's own managers reply, to published suggestions only", async () => {
    const [published, pending] = await ratings("kota-palangka-raya/dpmptsp", 2, ["Ruang tunggu nyaman.", "Masih menunggu"]);
    await app.post(QUEUE, { intent: "publish", id: String(published), publishedText: "Ruang tunggu nyaman." }, as("cityModerator"));
    expect((await app.get(FEEDBACK)).status).toBe(302);
    for (const persona of ["cityModerator", "cityEvaluator", "cityAdmin"]) expect((await app.get(FEEDBACK, as(persona))).status, persona).toBe(403);
    expect(textOf(await (await app.get(FEEDBACK, as("disdukManager"))).text())).not.toContain("Ruang tunggu nyaman.");
    expect((await app.post(FEEDBACK, { intent: "reply", id: String(published), reply: "bukan urusan saya" }, as("disdukManager"))).status).toBe(403);
    expect((await app.post(FEEDBACK, { intent: "reply", id: String(pending), reply: "terlalu cepat" }, as("dpmptspManager"))).status).toBe(404);
    const huge = await app.post(FEEDBACK, { intent: "reply", id: String(published), reply: "y".repeat(2001) }, as("dpmptspManager"));
    expect(huge.status).toBe(400);
    expect(textOf(await huge.text())).toContain("Teks terlalu panjang (paling banyak 2000 karakter).");
    expect((await app.post(FEEDBACK, { intent: "reply", id: "x1", reply: "a" }, as("dpmptspManager"))).status).toBe(400);
    expect((await app.post(FEEDBACK, { intent: "reply", id: "123456789", reply: "a" }, as("dpmptspManager"))).status).toBe(404);
    expect(await suggestion(published!)).toMatchObject({ reply: null });
    expect(await suggestion(pending!)).toMatchObject({ reply: null });
  });
});

describe("the CSV export", () => {
  const csvPath = (unit: string, from = today, to = today) => `/staff/units/${unit}/responses.csv?from=${from}&to=${to}`;

  it("gives the unit's responses, one row each, without ids or texts", async () => {
    const disdukcapil = await unitId(database.db, "kota-palangka-raya/disdukcapil");
    const [service] = await database.db.select({ id: services.id, name: services.name }).from(services).where(eq(services.unitId, disdukcapil)).limit(1);
    await ratings(disdukcapil, 2, ["rahasia, jangan diekspor"], service!.id);
    const response = await app.get(csvPath("kota-palangka-raya/disdukcapil"), as("disdukManager"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
    const body = await response.text();
    expect(body).not.toContain("rahasia");
    const lines = body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,service,sex,age_band,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9");
    // Every response of the unit today, whoever stored it in this file.
    const [{ n }] = (await database.db
      .select({ n: count() })
      .from(skmResponses)
      .where(and(eq(skmResponses.unitId, disdukcapil), eq(skmResponses.respondedOn, today)))) as [{ n: number }];
    expect(lines.length - 1).toBe(n);
    expect(lines).toContain(`${today},${service!.name.includes(",") ? `"${service!.name}"` : service!.name},P,30_39,S1,,4,3,3,4,3,4,4,2,`);
    expect(lines).toContain(`${today},,,30_39,S1,,4,3,3,4,3,4,4,2,3`);
    for (const line of lines.slice(1)) expect(line.split(",").length).toBeGreaterThanOrEqual(15);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "responses.exported"));
    expect(audit.at(-1)).toMatchObject({ actorStaffId: ids.disdukManager, objectType: "unit", objectId: String(disdukcapil) });
  });

  it("is open to the unit's managers and its region's moderators and admins only", async () => {
    const path = csvPath("kota-palangka-raya/disdukcapil");
    const anonymous = await app.get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/staff\/login\?redirectTo=/);
    for (const persona of ["cityModerator", "cityAdmin", "cityEvaluator", "disdukManager"]) expect((await app.get(path, as(persona))).status, persona).toBe(200);
    for (const persona of ["dpmptspManager", "kotimModerator"]) expect((await app.get(path, as(persona))).status, persona).toBe(403);
    expect((await app.get(csvPath("kota-palangka-raya/tidak-ada"), as("cityModerator"))).status).toBe(404);
  });

  it("answers bad dates with a translated 400", async () => {
    const unit = "kota-palangka-raya/disdukcapil";
    const cases: Array<[string, string]> = [
      [`/staff/units/${unit}/responses.csv`, "Tanggal harus berformat TTTT-BB-HH"],
      [csvPath(unit, "2026-02-30", "2026-03-01"), "Tanggal harus berformat TTTT-BB-HH"],
      [csvPath(unit, "kemarin", today), "Tanggal harus berformat TTTT-BB-HH"],
      [csvPath(unit, "2026-03-01", "2026-02-01"), "Tanggal akhir tidak boleh sebelum tanggal awal."],
      [csvPath(unit, "2020-01-01", "2026-01-01"), "Rentang tanggal paling panjang 366 hari."],
    ];
    for (const [path, message] of cases) {
      const response = await app.get(path, as("disdukManager"));
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain(message);
    }
    const english = await app.get(csvPath(unit, "x", "y"), { ...as("disdukManager"), "Accept-Language": "en" });
    expect(await english.text()).toContain("Dates must be YYYY-MM-DD");
  });

  it("is linked from the unit managers' page", async () => {
    const html = await (await app.get(FEEDBACK, as("disdukManager"))).text();
    expect(html).toContain('action="/staff/units/kota-palangka-raya/disdukcapil/responses.csv"');
  });
});

describe("navigation", () => {
  it("shows moderators the queue and unit managers their page", async () => {
    const moderator = textOf(await (await app.get("/staff", as("cityModerator"))).text());
    expect(moderator).toContain("Saran warga");
    expect(moderator).not.toContain("Saran untuk unit");
    const manager = await (await app.get("/staff", as("disdukManager"))).text();
    expect(manager).toContain('href="/staff/unit-feedback"');
    expect(manager).not.toContain('href="/staff/suggestions"');
    const evaluator = await (await app.get("/staff", as("cityEvaluator"))).text();
    expect(evaluator).not.toContain('href="/staff/suggestions"');
    expect(evaluator).not.toContain('href="/staff/unit-feedback"');
  });
});
