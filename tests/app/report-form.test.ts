/**
 * The report form as a browser without JavaScript sees it, and what it refuses: every user
 * mistake or hostile input is a translated 4xx with the typed values kept and nothing
 * stored; bots, resends and floods are held back without keeping identities.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regions, reports, reportSubmissions, services, units } from "../../db/schema";
import { openJson, type ReportContent } from "~/reports/sealed.server";
import { REPORT_CHALLENGE_AFTER, REPORT_LIMIT } from "~/reports/submit.server";
import { challengeAnswer, challengeAsked } from "../helpers/challenge";
import { localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { countRows, formToken, postMultipart, receiptFrom, reportFields, testJpeg } from "../helpers/reporter";
import { daysOfJustNow } from "../helpers/clock";

let database: TestDatabase;
let app: TestApp;
let kotimKtp: number;
let disdukcapilKtp: number;
const today = localDate("Asia/Jakarta");

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const rows = await database.db
    .select({ id: services.id, slug: services.slug, region: regions.slug, unit: units.slug })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(services.slug, "ktp-el"), eq(units.slug, "disdukcapil")));
  kotimKtp = rows.find((r) => r.region === "kabupaten-kotawaringin-timur")!.id;
  disdukcapilKtp = rows.find((r) => r.region === "kota-palangka-raya")!.id;
});
afterAll(() => database.drop());

let clients = 0;
const fresh = () => app.from(`192.0.2.${++clients}`);

describe("the report form", () => {
  it("is a plain multipart form with no name or contact field, never cached", async () => {
    const response = await app.get("/report");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/<form method="post" action="\/report\?index" enctype="multipart\/form-data"/i);
    expect(html.match(/name="category"/g)?.length).toBe(7);
    expect(html).toContain('value="kota-palangka-raya/*"');
    expect(html).toContain('name="files"');
    expect(html).not.toMatch(/name="(name|email|phone|contact|nama|telepon)"/);
    const text = textOf(html);
    expect(text).toContain("Yang kami lindungi");
    expect(text).toContain("Yang tidak dapat kami lindungi");
    expect(text).toContain("jendela pribadi");
    // No challenge for an ordinary report; without hCaptcha keys no third party is ever involved.
    expect(challengeAsked(html)).toBe(false);
    expect(text).toContain("Pemeriksaan itu dijalankan portal ini sendiri");
    // A complaint that is not about integrity is pointed to the ordinary channels.
    expect(text).toContain("SP4N-LAPOR!");
    expect(html).toContain('href="/rate"');
  });

  it("groups the services by unit, each group naming its region and unit", async () => {
    const html = await (await app.get("/report")).text();
    const groups = [...html.matchAll(/<optgroup label="([^"]+)" data-unit="[^"]+">(?:<option value="\d+">[^<]*<\/option>)+<\/optgroup>/g)].map((m) => m[1]);
    expect(groups).toContain("Kota Palangka Raya · Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya");
    expect(groups).toContain("Kabupaten Kotawaringin Timur · Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kotawaringin Timur");
    // Two units of the same name in two regions can no longer be told apart only by order.
    expect(new Set(groups).size).toBe(groups.length);
  });

  it("keeps the protection notice short on a phone: the gist shown, the details folded", async () => {
    const html = await (await app.get("/report")).text();
    const notice = html.slice(html.indexOf('id="protection-heading"'), html.indexOf("</section>", html.indexOf('id="protection-heading"')));
    expect(textOf(notice)).toContain("tidak menyimpan alamat IP Anda");
    expect(notice).toMatch(/<details><summary>Rincian perlindungan dan kiat keamanan<\/summary><h3>Yang kami lindungi<\/h3>/);
  });

  it("preselects the unit given in the address, as unit pages and the rating thank-you page link", async () => {
    const html = await (await app.get("/report?unit=kota-palangka-raya/dpmptsp")).text();
    expect(html).toMatch(/<option value="kota-palangka-raya\/dpmptsp" selected="">/);
    const unit = await (await app.get("/units/kota-palangka-raya/dpmptsp")).text();
    expect(unit).toContain('href="/report?unit=kota-palangka-raya/dpmptsp"');
    const thanks = await (await app.get("/rate/kota-palangka-raya/dpmptsp/thanks")).text();
    expect(thanks).toContain('href="/report?unit=kota-palangka-raya/dpmptsp"');
    // An unknown unit is simply not preselected.
    expect(await (await app.get("/report?unit=nowhere/none")).text()).not.toMatch(/<option value="[a-z-]+\/[^"]*" selected="">/);
  });

  it("stores a valid report with its facts; amounts are read as whole rupiah", async () => {
    const before = await countRows(database.db, reports);
    const response = await postMultipart(
      fresh(),
      "/report",
      reportFields({ amountAsked: "Rp 1.250.000", officialTariff: "150000", serviceId: String(disdukcapilKtp), month: "1", year: today.slice(0, 4) }),
    );
    expect(response.status).toBe(200);
    expect(receiptFrom(await response.text())).toMatch(/^\d{16}$/);
    expect(await countRows(database.db, reports)).toBe(before + 1);
    const [row] = await database.db.select().from(reports).where(eq(reports.incidentMonth, `${today.slice(0, 4)}-01-01`));
    expect(row).toMatchObject({ category: "pungli", status: "received", serviceId: disdukcapilKtp });
    expect(daysOfJustNow()).toContain(row!.receivedOn);
    expect(row!.triageDueOn > row!.receivedOn).toBe(true);
    const content = openJson<ReportContent>(row!.content!, app.config.secrets.encryptionKeys);
    expect(content).toMatchObject({ amountAsked: 1_250_000, officialTariff: 150_000, paid: "yes", askedBy: "loket" });
  });

  it("accepts \"I don't know which unit\"", async () => {
    const response = await postMultipart(fresh(), "/report", reportFields({ unit: "kota-palangka-raya/*" }));
    expect(response.status).toBe(200);
  });
});

describe("refusals", () => {
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const nextMonth = thisMonth === 12 ? { month: "1", year: String(thisYear + 1) } : { month: String(thisMonth + 1), year: String(thisYear) };

  it.each<[string, Record<string, string | undefined>, string, string]>([
    ["a missing category", { category: undefined }, "category", "Pilih apa yang terjadi."],
    ["a missing unit", { unit: undefined }, "unit", "Pilih unit dari daftar"],
    ["a missing narrative", { narrative: undefined }, "narrative", "minimal 20 karakter"],
    ["a too short narrative", { narrative: "uang" }, "narrative", "minimal 20 karakter"],
    ["a unit of another region", { unit: "kabupaten-kotawaringin-timur/puskesmas-pahandut" }, "unit", "Pilih unit dari daftar"],
    ["a month in the future", nextMonth, "month", "Bulan itu belum tiba."],
    ["a year in the future", { month: "1", year: String(thisYear + 1) }, "year", "Bulan itu belum tiba."],
    ["a month without a year", { month: "3" }, "year", "Isi bulan dan tahun sekaligus"],
    ["a negative amount", { amountAsked: "-5000" }, "amountAsked", "rupiah bulat"],
    ["an absurd amount", { amountAsked: "99.999.999.999.999" }, "amountAsked", "rupiah bulat"],
    ["a decimal amount", { officialTariff: "12,5" }, "officialTariff", "rupiah bulat"],
    ["an unknown category", { category: "korupsi" }, "category", "Pilih apa yang terjadi."],
    ["an unknown role", { askedBy: "bupati" }, "askedBy", "Pilih salah satu pilihan."],
  ])("%s: 400, the field's error linked from the summary, values kept, nothing stored", async (_what, overrides, field, message) => {
    const before = await countRows(database.db, reports);
    const fields = reportFields({ narrative: "Narasi khas yang harus tetap ada di formulir: Kahayan 4471.", ...overrides });
    const response = await postMultipart(fresh(), "/report", fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`href="#${field}"`);
    expect(textOf(html)).toContain(message);
    if (overrides.narrative === undefined && "narrative" in overrides) expect(html).not.toContain("Kahayan 4471");
    else if (!("narrative" in overrides)) expect(html).toContain("Kahayan 4471");
    expect(await countRows(database.db, reports)).toBe(before);
  });

  it("puts the error summary above the protection notice", async () => {
    const html = await (await postMultipart(fresh(), "/report", reportFields({ category: undefined }))).text();
    expect(html.indexOf('role="alert"')).toBeGreaterThan(0);
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('id="protection-heading"'));
  });

  it("refuses a service of another unit (the same service of another region's Disdukcapil)", async () => {
    const before = await countRows(database.db, reports);
    const response = await postMultipart(fresh(), "/report", reportFields({ serviceId: String(kotimKtp) }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('href="#serviceId"');
    expect(await countRows(database.db, reports)).toBe(before);
  });

  it("refuses a 10 MB narrative with 400 and a field error, not a 500", async () => {
    const before = await countRows(database.db, reports);
    const response = await postMultipart(fresh(), "/report", reportFields({ narrative: "a".repeat(10 * 1024 * 1024) }));
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Cerita paling panjang 5000 karakter.");
    expect(await countRows(database.db, reports)).toBe(before);
  });

  it("says that chosen photos must be chosen again after an error", async () => {
    const response = await postMultipart(fresh(), "/report", reportFields({ category: undefined }), [
      { name: "a.jpg", type: "image/jpeg", bytes: await testJpeg() },
    ]);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("pilih lagi sebelum mengirim");
  });

  it("answers a bot that fills the hidden field as if all went well, storing nothing", async () => {
    const before = await countRows(database.db, reports);
    const tokensBefore = (await database.db.select().from(reportSubmissions)).length;
    const response = await postMultipart(fresh(), "/report", reportFields({ website: "http://spam.example" }));
    expect(response.status).toBe(200);
    expect(await countRows(database.db, reports)).toBe(before);
    expect((await database.db.select().from(reportSubmissions)).length).toBe(tokensBefore);
  });

  it("files a resent form once: the resend gets 409 explaining the code was shown once", async () => {
    const before = await countRows(database.db, reports);
    const fields = reportFields({ token: formToken() });
    const client = fresh();
    expect((await postMultipart(client, "/report", fields)).status).toBe(200);
    const again = await postMultipart(client, "/report", fields);
    expect(again.status).toBe(409);
    const text = textOf(await again.text());
    expect(text).toContain("hanya ditampilkan sekali");
    expect(receiptFrom(text)).toBeNull();
    expect(await countRows(database.db, reports)).toBe(before + 1);
  });

  it("challenges a client after a few reports a day, stores nothing unchallenged, and refuses with 429 only at the limit", async () => {
    const client = fresh();
    for (let i = 0; i < REPORT_CHALLENGE_AFTER; i++) expect((await postMultipart(client, "/report", reportFields())).status).toBe(200);
    for (let i = REPORT_CHALLENGE_AFTER; i < REPORT_LIMIT.max; i++) {
      const fields = reportFields();
      const before = await countRows(database.db, reports);
      const asked = await postMultipart(client, "/report", fields);
      expect(asked.status).toBe(200);
      const html = await asked.text();
      expect(challengeAsked(html)).toBe(true);
      expect(textOf(html)).toContain("Laporan ini belum dikirim");
      expect(receiptFrom(html)).toBeNull();
      expect(await countRows(database.db, reports)).toBe(before);
      const answered = await postMultipart(client, "/report", { ...fields, ...challengeAnswer(html) });
      expect(answered.status).toBe(200);
      expect(receiptFrom(await answered.text())).toMatch(/^\d{16}$/);
      expect(await countRows(database.db, reports)).toBe(before + 1);
    }
    const before = await countRows(database.db, reports);
    const blocked = await postMultipart(client, "/report", reportFields());
    expect(blocked.status).toBe(429);
    expect(textOf(await blocked.text())).toContain("Silakan coba lagi besok");
    expect(await countRows(database.db, reports)).toBe(before);
    expect((await postMultipart(fresh(), "/report", reportFields())).status).toBe(200);
  });

  it("speaks English when asked", async () => {
    const response = await postMultipart(fresh(), "/report", reportFields({ category: undefined }), [], { "Accept-Language": "en" });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Choose what happened.");
  });
});
