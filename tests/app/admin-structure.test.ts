/**
 * The organisation-structure admin screens through the whole app, as a browser without
 * JavaScript uses them: who may open them, every change landing on the public pages with
 * exactly one audit row, and every mistake a 400 with the field's message and nothing written.
 */
import { and, asc, count, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, auditLog, provinces, regions, services, units } from "../../db/schema";
import { runChange } from "../../app/org/admin.server";
import { createAdminCast, type CastMember } from "../helpers/admin-cast";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { h1Of, textOf, titleOf } from "../helpers/html";
import { regionId, unitId, type TestStaff } from "../helpers/staff";

const CITY = "kota-palangka-raya";
const KOTIM = "kabupaten-kotawaringin-timur";
const STRUCTURE = "/staff/admin/structure";
const CITY_PAGE = `${STRUCTURE}/${CITY}`;
const DISDUKCAPIL_PAGE = `${CITY_PAGE}/disdukcapil`;

let database: TestDatabase;
let app: TestApp;
let installationAdmin: TestStaff;
let cityAdmin: TestStaff;
let cookies: Record<CastMember, string>;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  ({ staff: { installation: installationAdmin, city: cityAdmin }, cookies } = await createAdminCast(database.db, app.config, { city: CITY, kotim: KOTIM }));
});
afterAll(() => database.drop());

async function page(path: string, cookie?: string) {
  const response = await app.get(path, cookie ? { Cookie: cookie } : undefined);
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** A form post with repeated names (checkbox groups), as a browser sends it. */
async function post(path: string, fields: Record<string, string> | Array<[string, string]>, cookie?: string) {
  const response = await app.fetch(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", ...(cookie ? { Cookie: cookie } : {}) },
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

async function lastAuditId(): Promise<number> {
  const rows = await database.db.select({ id: auditLog.id }).from(auditLog);
  return rows.reduce((highest, row) => Math.max(highest, row.id), 0);
}

async function auditSince(id: number) {
  return database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
}

/** Runs a change and returns the audit rows it wrote. */
async function audited(change: () => Promise<{ status: number; location: string | null; html: string }>) {
  const before = await lastAuditId();
  const response = await change();
  return { response, rows: await auditSince(before) };
}

async function tableCounts() {
  const [[p], [r], [a], [u], [s]] = await Promise.all([
    database.db.select({ n: count() }).from(provinces),
    database.db.select({ n: count() }).from(regions),
    database.db.select({ n: count() }).from(agencies),
    database.db.select({ n: count() }).from(units),
    database.db.select({ n: count() }).from(services),
  ]);
  const [l] = await database.db.select({ n: count() }).from(auditLog);
  return { provinces: p!.n, regions: r!.n, agencies: a!.n, units: u!.n, services: s!.n, audit: l!.n };
}

async function agencyId(region: string, slug: string): Promise<number> {
  const [row] = await database.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.regionId, await regionId(database.db, region)), eq(agencies.slug, slug)));
  return row!.id;
}

async function serviceRows(address: string) {
  return database.db
    .select()
    .from(services)
    .where(eq(services.unitId, await unitId(database.db, address)))
    .orderBy(asc(services.position), asc(services.name));
}

/** Every field of the unit form, filled as the page would show it, with overrides. */
function unitForm(agency: number, overrides: Record<string, string> = {}, days: Array<[number, number[]]> = []): Array<[string, string]> {
  const fields: Record<string, string> = {
    intent: "update-unit",
    name: "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya",
    agencyId: String(agency),
    address: "",
    phone: "",
    email: "",
    servedPerPeriod: "",
    servedPeriod: "year",
    active: "on",
    ...Object.fromEntries([0, 1, 2, 3].flatMap((i) => [[`hours[${i}].opens`, ""], [`hours[${i}].closes`, ""]])),
    ...overrides,
  };
  const entries = Object.entries(fields).filter(([name, value]) => !(name === "active" && value === ""));
  for (const [rule, list] of days) for (const day of list) entries.push([`hours[${rule}].days`, String(day)]);
  return entries;
}

describe("who may open the structure screens", () => {
  const paths = [STRUCTURE, CITY_PAGE, DISDUKCAPIL_PAGE];

  it("sends anonymous visitors to the sign-in page, for pages and posts alike", async () => {
    for (const path of [...paths, `${STRUCTURE}/atlantis`, `${CITY_PAGE}/nope`]) {
      const { status, location } = await page(path);
      expect(status, path).toBe(302);
      expect(location, path).toMatch(/^\/staff\/login\?redirectTo=/);
    }
    for (const path of paths) {
      const { status, location } = await post(path, { intent: "create-agency", slug: "x", name: "X" });
      expect(status, path).toBe(302);
      expect(location, path).toMatch(/^\/staff\/login/);
    }
  });

  it("refuses moderators, unit managers and province monitors with 403", async () => {
    for (const who of ["moderator", "unitManager", "monitor"] as const) {
      for (const path of paths) expect((await page(path, cookies[who])).status, `${who} ${path}`).toBe(403);
      const before = await tableCounts();
      expect((await post(CITY_PAGE, { intent: "create-agency", slug: "dinas-baru", name: "Dinas Baru" }, cookies[who])).status).toBe(403);
      expect(await tableCounts()).toEqual(before);
    }
  });

  it("refuses a region admin of another region with 403, and writes nothing", async () => {
    expect((await page(CITY_PAGE, cookies.kotim)).status).toBe(403);
    expect((await page(DISDUKCAPIL_PAGE, cookies.kotim)).status).toBe(403);
    const before = await tableCounts();
    const agency = await agencyId(CITY, "disdukcapil");
    expect((await post(CITY_PAGE, { intent: "create-unit", agencyId: String(agency), slug: "unit-curian", name: "Unit" }, cookies.kotim)).status).toBe(403);
    expect((await post(DISDUKCAPIL_PAGE, unitForm(agency, { name: "Diubah" }), cookies.kotim)).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
  });

  it("lists only the regions a region admin manages, and no installation forms", async () => {
    const { status, html } = await page(STRUCTURE, cookies.city);
    expect(status).toBe(200);
    expect(html).toContain(`href="${CITY_PAGE}"`);
    expect(html).not.toContain(`href="${STRUCTURE}/${KOTIM}"`);
    expect(html).not.toContain('value="create-region"');
    expect(html).not.toContain('value="create-province"');
  });

  it("lets only installation admins create regions, provinces, or edit a region", async () => {
    const before = await tableCounts();
    const city = await post(STRUCTURE, { intent: "create-province", slug: "kalimantan-barat", name: "Kalimantan Barat", code: "61" }, cookies.city);
    expect(city.status).toBe(403);
    const edit = await post(CITY_PAGE, { intent: "update-region", name: "Kota Lain", code: "62.71", timeZone: "Asia/Jakarta" }, cookies.city);
    expect(edit.status).toBe(403);
    expect(await tableCounts()).toEqual(before);
    expect((await page(CITY_PAGE, cookies.city)).html).not.toContain('value="update-region"');
  });

  it("answers 404 for an unknown region or unit", async () => {
    expect((await page(`${STRUCTURE}/atlantis`, cookies.installation)).status).toBe(404);
    expect((await page(`${CITY_PAGE}/nope`, cookies.installation)).status).toBe(404);
    expect((await page(`${STRUCTURE}/${KOTIM}/dinsos`, cookies.installation)).status).toBe(404);
  });
});

describe("the structure overview", () => {
  it("groups every region by province for an installation admin, with both creation forms", async () => {
    const { status, html } = await page(STRUCTURE, cookies.installation);
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Struktur organisasi");
    expect(titleOf(html)).toBe("Struktur organisasi · Pintu Depan");
    const text = textOf(html);
    expect(text).toContain("Kalimantan Tengah");
    expect(html).toContain(`href="${CITY_PAGE}"`);
    expect(html).toContain(`href="${STRUCTURE}/${KOTIM}"`);
    expect(html).toContain('value="create-region"');
    expect(html).toContain('value="create-province"');
    expect(text).toContain("Tidak dapat diubah setelah disimpan");
    expect(html).toMatch(/<th scope="col">/);
  });

  it("speaks English on request", async () => {
    const html = await (await app.get(STRUCTURE, { Cookie: cookies.installation, "Accept-Language": "en" })).text();
    expect(h1Of(html)).toBe("Organisation structure");
    expect(textOf(html)).toContain("Add a region");
  });
});

describe("provinces and regions", () => {
  it("an installation admin creates a province and a region in it, each with one audit row", async () => {
    const province = await audited(() =>
      post(STRUCTURE, { intent: "create-province", slug: "kalimantan-selatan", name: "Kalimantan Selatan", code: "63" }, cookies.installation),
    );
    expect(province.response.status).toBe(303);
    expect(province.response.location).toBe(`${STRUCTURE}?saved=1`);
    expect(province.rows).toHaveLength(1);
    expect(province.rows[0]).toMatchObject({ action: "province.create", objectType: "province", actorStaffId: installationAdmin.id, actorRole: "admin", regionId: null });
    const [created] = await database.db.select().from(provinces).where(eq(provinces.slug, "kalimantan-selatan"));
    expect(created).toMatchObject({ name: "Kalimantan Selatan", code: "63" });

    const region = await audited(() =>
      post(
        STRUCTURE,
        { intent: "create-region", provinceId: String(created!.id), slug: "kota-banjarmasin", name: "Kota Banjarmasin", kind: "kota", code: "63.71", timeZone: "Asia/Makassar" },
        cookies.installation,
      ),
    );
    expect(region.response.status).toBe(303);
    const newRegion = await regionId(database.db, "kota-banjarmasin");
    expect(region.rows).toHaveLength(1);
    expect(region.rows[0]).toMatchObject({ action: "region.create", objectType: "region", objectId: String(newRegion), regionId: newRegion, actorStaffId: installationAdmin.id });

    const saved = await page(`${STRUCTURE}?saved=1`, cookies.installation);
    expect(saved.html).toMatch(/role="status"[^>]*>Perubahan tersimpan\./);
    expect(textOf(saved.html)).toContain("Kalimantan Selatan");
    expect(saved.html).toContain(`href="${STRUCTURE}/kota-banjarmasin"`);
    const publicPage = await page("/regions/kota-banjarmasin");
    expect(publicPage.status).toBe(200);
    expect(h1Of(publicPage.html)).toBe("Kota Banjarmasin");
  });

  it("refuses a duplicate region slug or code with a field error, writing nothing", async () => {
    const [province] = await database.db.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, "kalimantan-tengah"));
    const before = await tableCounts();
    const slug = await post(
      STRUCTURE,
      { intent: "create-region", provinceId: String(province!.id), slug: CITY, name: "Kota Kembar", kind: "kota", code: "62.99", timeZone: "Asia/Jakarta" },
      cookies.installation,
    );
    expect(slug.status).toBe(400);
    expect(textOf(slug.html)).toContain("Alamat singkat ini sudah dipakai. Pilih yang lain.");
    expect(slug.html).toContain('value="Kota Kembar"');
    expect(slug.html).toMatch(/aria-invalid="true"/);

    const code = await post(
      STRUCTURE,
      { intent: "create-region", provinceId: String(province!.id), slug: "kota-kembar", name: "Kota Kembar", kind: "kota", code: "62.71", timeZone: "Asia/Jakarta" },
      cookies.installation,
    );
    expect(code.status).toBe(400);
    expect(textOf(code.html)).toContain("Kode wilayah ini sudah dipakai.");

    const province2 = await post(STRUCTURE, { intent: "create-province", slug: "kalimantan-tengah", name: "Lagi", code: "99" }, cookies.installation);
    expect(province2.status).toBe(400);
    expect(textOf(province2.html)).toContain("Alamat singkat ini sudah dipakai.");
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses malformed slugs, codes, zones and provinces with 400 and the reasons", async () => {
    const before = await tableCounts();
    const bad = await post(
      STRUCTURE,
      { intent: "create-region", provinceId: "999999", slug: "Kota Baru!", name: "", kind: "desa", code: "abc", timeZone: "Europe/Paris" },
      cookies.installation,
    );
    expect(bad.status).toBe(400);
    const text = textOf(bad.html);
    expect(text).toContain("Gunakan huruf kecil tanpa spasi");
    expect(text).toContain("Isi nama.");
    expect(text).toContain("Pilih jenis daerah dari daftar.");
    expect(text).toContain("Gunakan format “62.71”");
    expect(text).toContain("Pilih zona waktu dari daftar.");
    expect(bad.html).toContain('value="Kota Baru!"');

    const unknownProvince = await post(
      STRUCTURE,
      { intent: "create-region", provinceId: "999999", slug: "kota-baru", name: "Kota Baru", kind: "kota", code: "62.98", timeZone: "Asia/Jakarta" },
      cookies.installation,
    );
    expect(unknownProvince.status).toBe(400);
    expect(textOf(unknownProvince.html)).toContain("Pilih provinsi dari daftar.");

    const missingIntent = await post(STRUCTURE, { slug: "x" }, cookies.installation);
    expect(missingIntent.status).toBe(400);
    expect(textOf(missingIntent.html)).toContain("Permintaan tidak dikenali.");
    expect(await tableCounts()).toEqual(before);
  });

  it("an installation admin edits a region's name, code and time zone; the slug stays", async () => {
    const kotim = await regionId(database.db, KOTIM);
    const { response, rows } = await audited(() =>
      post(
        `${STRUCTURE}/${KOTIM}`,
        { intent: "update-region", name: "Kabupaten Kotawaringin Timur (Kotim)", code: "62.02", timeZone: "Asia/Makassar", slug: "dicoba-ganti" },
        cookies.installation,
      ),
    );
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${STRUCTURE}/${KOTIM}?saved=1`);
    const [region] = await database.db.select().from(regions).where(eq(regions.id, kotim));
    expect(region).toMatchObject({ slug: KOTIM, name: "Kabupaten Kotawaringin Timur (Kotim)", timeZone: "Asia/Makassar", code: "62.02" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "region.update", regionId: kotim, actorStaffId: installationAdmin.id, details: { fields: ["name", "timeZone"] } });

    const unchanged = await audited(() =>
      post(`${STRUCTURE}/${KOTIM}`, { intent: "update-region", name: "Kabupaten Kotawaringin Timur (Kotim)", code: "62.02", timeZone: "Asia/Makassar" }, cookies.installation),
    );
    expect(unchanged.response.status).toBe(303);
    expect(unchanged.rows).toHaveLength(0);

    const duplicate = await post(`${STRUCTURE}/${KOTIM}`, { intent: "update-region", name: "X", code: "62.71", timeZone: "Asia/Jakarta" }, cookies.installation);
    expect(duplicate.status).toBe(400);
    expect(textOf(duplicate.html)).toContain("Kode wilayah ini sudah dipakai.");
  });
});

describe("agencies and units", () => {
  it("a region admin creates an agency and a unit that appears on the public pages", async () => {
    const agency = await audited(() =>
      post(CITY_PAGE, { intent: "create-agency", slug: "dinas-perpustakaan", name: "Dinas Perpustakaan dan Kearsipan", shortName: "Dispursip" }, cookies.city),
    );
    expect(agency.response.status).toBe(303);
    expect(agency.response.location).toBe(`${CITY_PAGE}?saved=1`);
    const city = await regionId(database.db, CITY);
    const newAgency = await agencyId(CITY, "dinas-perpustakaan");
    expect(agency.rows).toHaveLength(1);
    expect(agency.rows[0]).toMatchObject({ action: "agency.create", objectType: "agency", objectId: String(newAgency), regionId: city, actorStaffId: cityAdmin.id, actorRole: "admin" });

    const unit = await audited(() =>
      post(CITY_PAGE, { intent: "create-unit", agencyId: String(newAgency), slug: "perpustakaan-kota", name: "Perpustakaan Kota Palangka Raya" }, cookies.city),
    );
    expect(unit.response.status).toBe(303);
    const newUnit = await unitId(database.db, `${CITY}/perpustakaan-kota`);
    expect(unit.rows).toHaveLength(1);
    expect(unit.rows[0]).toMatchObject({ action: "unit.create", objectType: "unit", objectId: String(newUnit), regionId: city, actorStaffId: cityAdmin.id });

    const admin = await page(`${CITY_PAGE}?saved=1`, cookies.city);
    expect(textOf(admin.html)).toContain("Dinas Perpustakaan dan Kearsipan (Dispursip)");
    expect(admin.html).toContain(`href="${CITY_PAGE}/perpustakaan-kota"`);
    expect(admin.html).toContain("Perubahan tersimpan.");

    const unitPage = await page(`/units/${CITY}/perpustakaan-kota`);
    expect(unitPage.status).toBe(200);
    expect(h1Of(unitPage.html)).toBe("Perpustakaan Kota Palangka Raya");
    expect(textOf(unitPage.html)).toContain("Dinas Perpustakaan dan Kearsipan");
    expect((await page(`/regions/${CITY}`)).html).toContain(`href="/units/${CITY}/perpustakaan-kota"`);
  });

  it("refuses a duplicate agency or unit slug with a 400 field error and writes nothing", async () => {
    const before = await tableCounts();
    const agency = await post(CITY_PAGE, { intent: "create-agency", slug: "disdukcapil", name: "Dinas Kembar" }, cookies.city);
    expect(agency.status).toBe(400);
    expect(textOf(agency.html)).toContain("Alamat singkat ini sudah dipakai. Pilih yang lain.");
    expect(agency.html).toContain('value="Dinas Kembar"');

    const unit = await post(
      CITY_PAGE,
      { intent: "create-unit", agencyId: String(await agencyId(CITY, "disdukcapil")), slug: "disdukcapil", name: "Unit Kembar" },
      cookies.city,
    );
    expect(unit.status).toBe(400);
    expect(textOf(unit.html)).toContain("Alamat singkat ini sudah dipakai. Pilih yang lain.");
    expect(await tableCounts()).toEqual(before);
  });

  it("the same slug is fine in another region", async () => {
    const response = await post(`${STRUCTURE}/${KOTIM}`, { intent: "create-agency", slug: "dinas-perpustakaan", name: "Dinas Perpustakaan Kotim" }, cookies.kotim);
    expect(response.status).toBe(303);
  });

  it("refuses an agency of another region, or an unknown one, with 400", async () => {
    const before = await tableCounts();
    const otherRegion = await agencyId(KOTIM, "disdukcapil");
    for (const id of [String(otherRegion), "99999", "abc", "-1", "99999999999999"]) {
      const response = await post(CITY_PAGE, { intent: "create-unit", agencyId: id, slug: "unit-nyasar", name: "Unit Nyasar" }, cookies.city);
      expect(response.status, id).toBe(400);
      expect(textOf(response.html), id).toContain("Pilih perangkat daerah dari daerah ini.");
    }
    const move = await post(DISDUKCAPIL_PAGE, unitForm(otherRegion), cookies.city);
    expect(move.status).toBe(400);
    expect(textOf(move.html)).toContain("Pilih perangkat daerah dari daerah ini.");
    expect(await tableCounts()).toEqual(before);
  });

  it("survives hostile input: huge fields, control characters, missing intent", async () => {
    const before = await tableCounts();
    const huge = await post(CITY_PAGE, { intent: "create-agency", slug: "a".repeat(5000), name: "N".repeat(100_000) }, cookies.city);
    expect(huge.status).toBe(400);
    expect(textOf(huge.html)).toContain("Teks terlalu panjang.");
    const nul = await post(CITY_PAGE, { intent: "create-agency", slug: "dinas-nul", name: "Dinas\u0000Nul" }, cookies.city);
    // Refused by the request guard before the action runs: no control character reaches a query.
    expect(nul.status).toBe(400);
    expect(textOf(nul.html)).toContain("Permintaan ditolak: formatnya rusak");
    const noIntent = await post(CITY_PAGE, { slug: "dinas-x", name: "Dinas X" }, cookies.city);
    expect(noIntent.status).toBe(400);
    expect(textOf(noIntent.html)).toContain("Permintaan tidak dikenali.");
    const wrongIntent = await post(CITY_PAGE, { intent: "drop-table", slug: "dinas-x", name: "Dinas X" }, cookies.city);
    expect(wrongIntent.status).toBe(400);
    const script = await post(CITY_PAGE, { intent: "create-agency", slug: "<script>", name: "<script>alert(1)</script>" }, cookies.city);
    expect(script.status).toBe(400);
    expect(script.html).not.toContain("<script>alert(1)</script>");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("editing a unit", () => {
  it("saves details, hours and the people-served figure; the public page shows them; one audit row without values", async () => {
    const agency = await agencyId(CITY, "disdukcapil");
    const { response, rows } = await audited(() =>
      post(
        DISDUKCAPIL_PAGE,
        unitForm(
          agency,
          {
            address: "Jl. Tjilik Riwut Km. 5, Palangka Raya",
            phone: "0536 3221234",
            email: "disdukcapil@palangkaraya.go.id",
            "hours[0].opens": "07:30",
            "hours[0].closes": "15:30",
            "hours[1].opens": "07:30",
            "hours[1].closes": "11:00",
            servedPerPeriod: "3000",
            servedPeriod: "month",
          },
          [
            [0, [1, 2, 3, 4]],
            [1, [5]],
          ],
        ),
        cookies.city,
      ),
    );
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${DISDUKCAPIL_PAGE}?saved=1`);
    expect(rows).toHaveLength(1);
    const disdukcapil = await unitId(database.db, `${CITY}/disdukcapil`);
    expect(rows[0]).toMatchObject({
      action: "unit.update",
      objectType: "unit",
      objectId: String(disdukcapil),
      regionId: await regionId(database.db, CITY),
      actorStaffId: cityAdmin.id,
      actorRole: "admin",
    });
    expect((rows[0]!.details as { fields: string[] }).fields.sort()).toEqual(["address", "email", "openingHours", "phone", "servedPerPeriod", "servedPeriod"]);
    const details = JSON.stringify(rows[0]!.details);
    expect(details).not.toContain("palangkaraya.go.id");
    expect(details).not.toContain("0536");

    const [stored] = await database.db.select().from(units).where(eq(units.id, disdukcapil));
    expect(stored!.openingHours).toEqual([
      { days: [1, 2, 3, 4], opens: "07:30", closes: "15:30" },
      { days: [5], opens: "07:30", closes: "11:00" },
    ]);

    const text = textOf((await page(`/units/${CITY}/disdukcapil`)).html);
    expect(text).toContain("Jl. Tjilik Riwut Km. 5, Palangka Raya");
    expect(text).toContain("Senin–Kamis: 07:30–15:30");
    expect(text).toContain("Jumat: 07:30–11:00");
    expect(text).toContain("3.000 orang per bulan");

    const admin = await page(`${DISDUKCAPIL_PAGE}?saved=1`, cookies.city);
    expect(admin.status).toBe(200);
    expect(admin.html).toContain('value="07:30"');
    expect(admin.html).toMatch(/<fieldset[^>]*>\s*<legend>Hari<\/legend>/);
    expect(textOf(admin.html)).toContain("tidak dapat diubah");
  });

  it("refuses invalid hours with 400, keeps what was typed, and changes nothing", async () => {
    const agency = await agencyId(CITY, "disdukcapil");
    const disdukcapil = await unitId(database.db, `${CITY}/disdukcapil`);
    const [before] = await database.db.select().from(units).where(eq(units.id, disdukcapil));
    const beforeCounts = await tableCounts();

    const backwards = await post(
      DISDUKCAPIL_PAGE,
      unitForm(agency, { name: "Nama Baru", "hours[0].opens": "15:00", "hours[0].closes": "08:00" }, [[0, [1, 2]]]),
      cookies.city,
    );
    expect(backwards.status).toBe(400);
    expect(textOf(backwards.html)).toContain("Jam tutup harus setelah jam buka.");
    expect(backwards.html).toContain('value="Nama Baru"');
    expect(backwards.html).toContain('value="15:00"');

    const malformed = await post(DISDUKCAPIL_PAGE, unitForm(agency, { "hours[0].opens": "24:00", "hours[0].closes": "8:5" }, [[0, [1]]]), cookies.city);
    expect(malformed.status).toBe(400);
    expect(textOf(malformed.html)).toContain("Gunakan format JJ:MM antara 00:00 dan 23:59.");

    const noDays = await post(DISDUKCAPIL_PAGE, unitForm(agency, { "hours[2].opens": "08:00", "hours[2].closes": "12:00" }), cookies.city);
    expect(noDays.status).toBe(400);
    expect(textOf(noDays.html)).toContain("Pilih paling sedikit satu hari.");

    const badDay = await post(DISDUKCAPIL_PAGE, unitForm(agency, { "hours[0].opens": "08:00", "hours[0].closes": "12:00" }, [[0, [8]]]), cookies.city);
    expect(badDay.status).toBe(400);

    const tooMany = await post(DISDUKCAPIL_PAGE, unitForm(agency, { "hours[4].opens": "08:00", "hours[4].closes": "12:00" }, [[4, [6]]]), cookies.city);
    expect(tooMany.status).toBe(400);
    expect(textOf(tooMany.html)).toContain("Paling banyak empat aturan jam layanan.");

    const other = await post(
      DISDUKCAPIL_PAGE,
      unitForm(agency, { email: "bukan surel", phone: "telepon saya", servedPerPeriod: "-5", servedPeriod: "decade", address: "A".repeat(600) }),
      cookies.city,
    );
    expect(other.status).toBe(400);
    const text = textOf(other.html);
    expect(text).toContain("Alamat surel tidak valid.");
    expect(text).toContain("Gunakan angka, spasi, tanda hubung, atau tanda kurung");
    expect(text).toContain("Isi bilangan bulat dari 0 sampai 100.000.000.");
    expect(text).toContain("Pilih periode dari daftar.");
    expect(text).toContain("Teks terlalu panjang.");

    const [after] = await database.db.select().from(units).where(eq(units.id, disdukcapil));
    expect(after).toEqual(before);
    expect(await tableCounts()).toEqual(beforeCounts);
  });

  it("moves a unit to another agency of its region, and deactivating hides it from the public", async () => {
    const dinsosAgency = await agencyId(CITY, "dinsos");
    const perpustakaan = await agencyId(CITY, "dinas-perpustakaan");
    const path = `${CITY_PAGE}/perpustakaan-kota`;
    const moved = await audited(() => post(path, unitForm(perpustakaan, { name: "Perpustakaan Kota", agencyId: String(dinsosAgency) }), cookies.city));
    expect(moved.response.status).toBe(303);
    expect(moved.rows).toHaveLength(1);
    expect((moved.rows[0]!.details as { fields: string[] }).fields.sort()).toEqual(["agencyId", "name"]);
    expect(textOf((await page(`/units/${CITY}/perpustakaan-kota`)).html)).toContain("Dinas Sosial");

    const off = await audited(() => post(path, unitForm(dinsosAgency, { name: "Perpustakaan Kota", active: "" }), cookies.city));
    expect(off.response.status).toBe(303);
    expect(off.rows[0]!.details).toEqual({ fields: ["active"] });
    expect((await page(`/units/${CITY}/perpustakaan-kota`)).status).toBe(404);
    // The admin page still opens, so the unit can be reactivated.
    const admin = await page(path, cookies.city);
    expect(admin.status).toBe(200);
    expect(textOf(admin.html)).toContain("Unit nonaktif");
    expect((await post(path, unitForm(dinsosAgency, { name: "Perpustakaan Kota" }), cookies.city)).status).toBe(303);
    expect((await page(`/units/${CITY}/perpustakaan-kota`)).status).toBe(200);
  });
});

describe("services", () => {
  it("adds, renames, reorders, deactivates and reactivates, one audit row each, visible on the public page", async () => {
    const address = `${CITY}/disdukcapil`;
    const publicText = async () => textOf((await page(`/units/${address}`)).html);

    const added = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "add-service", slug: "legalisir-dokumen", name: "Legalisir Dokumen Kependudukan" }, cookies.city));
    expect(added.response.status).toBe(303);
    expect(added.rows).toHaveLength(1);
    expect(added.rows[0]).toMatchObject({ action: "service.create", objectType: "service", actorStaffId: cityAdmin.id });
    let list = await serviceRows(address);
    expect(list.at(-1)!.slug).toBe("legalisir-dokumen");
    expect(await publicText()).toContain("Legalisir Dokumen Kependudukan");
    const serviceId = String(list.at(-1)!.id);

    const renamed = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "rename-service", serviceId, name: "Legalisasi Dokumen Kependudukan" }, cookies.city));
    expect(renamed.response.status).toBe(303);
    expect(renamed.rows).toHaveLength(1);
    expect(renamed.rows[0]).toMatchObject({ action: "service.update", objectId: serviceId, details: { fields: ["name"] } });
    expect(await publicText()).toContain("Legalisasi Dokumen Kependudukan");

    const moved = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "move-service", serviceId, direction: "up" }, cookies.city));
    expect(moved.response.status).toBe(303);
    expect(moved.rows).toHaveLength(1);
    expect(moved.rows[0]).toMatchObject({ action: "service.move" });
    list = await serviceRows(address);
    expect(list.at(-2)!.slug).toBe("legalisir-dokumen");
    const text = await publicText();
    expect(text.indexOf("Legalisasi Dokumen Kependudukan")).toBeLessThan(text.indexOf("Surat Pindah / Datang"));

    const first = String(list[0]!.id);
    const noop = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "move-service", serviceId: first, direction: "up" }, cookies.city));
    expect(noop.response.status).toBe(303);
    expect(noop.rows).toHaveLength(0);

    const off = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "deactivate-service", serviceId }, cookies.city));
    expect(off.response.status).toBe(303);
    expect(off.rows).toHaveLength(1);
    expect(off.rows[0]).toMatchObject({ action: "service.deactivate", details: { fields: ["active"] } });
    expect(await publicText()).not.toContain("Legalisasi Dokumen Kependudukan");
    const admin = await page(DISDUKCAPIL_PAGE, cookies.city);
    expect(admin.html).toContain('value="reactivate-service"');

    const on = await audited(() => post(DISDUKCAPIL_PAGE, { intent: "reactivate-service", serviceId }, cookies.city));
    expect(on.rows).toHaveLength(1);
    expect(on.rows[0]).toMatchObject({ action: "service.reactivate" });
    expect(await publicText()).toContain("Legalisasi Dokumen Kependudukan");
  });

  it("refuses a duplicate service slug, an empty name, or a service of another unit with 400", async () => {
    const before = await tableCounts();
    const duplicate = await post(DISDUKCAPIL_PAGE, { intent: "add-service", slug: "ktp-el", name: "KTP lagi" }, cookies.city);
    expect(duplicate.status).toBe(400);
    expect(textOf(duplicate.html)).toContain("Alamat singkat ini sudah dipakai. Pilih yang lain.");
    expect(duplicate.html).toContain('value="KTP lagi"');

    const [ktp] = (await serviceRows(`${CITY}/disdukcapil`)).filter((s) => s.slug === "ktp-el");
    const empty = await post(DISDUKCAPIL_PAGE, { intent: "rename-service", serviceId: String(ktp!.id), name: "   " }, cookies.city);
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Isi nama.");

    const [elsewhere] = await serviceRows(`${CITY}/dpmptsp`);
    for (const intent of ["rename-service", "move-service", "deactivate-service"]) {
      const response = await post(DISDUKCAPIL_PAGE, { intent, serviceId: String(elsewhere!.id), name: "Dibajak", direction: "down" }, cookies.city);
      expect(response.status, intent).toBe(400);
      expect(textOf(response.html), intent).toContain("Layanan ini tidak ditemukan di unit ini.");
    }
    const garbage = await post(DISDUKCAPIL_PAGE, { intent: "move-service", serviceId: "x", direction: "sideways" }, cookies.city);
    expect(garbage.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
    const [dpmptsp] = await serviceRows(`${CITY}/dpmptsp`);
    expect(dpmptsp).toEqual(elsewhere);
  });

  it("maps a unique violation that slips past the check (a race) to the field error", async () => {
    // Two admins adding the same slug at once: simulated by racing two posts.
    const [a, b] = await Promise.all([
      post(DISDUKCAPIL_PAGE, { intent: "add-service", slug: "layanan-kembar", name: "Layanan Kembar A" }, cookies.city),
      post(DISDUKCAPIL_PAGE, { intent: "add-service", slug: "layanan-kembar", name: "Layanan Kembar B" }, cookies.installation),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 400]);
    const loser = a.status === 400 ? a : b;
    expect(textOf(loser.html)).toContain("Alamat singkat ini sudah dipakai.");
    expect((await serviceRows(`${CITY}/disdukcapil`)).filter((s) => s.slug === "layanan-kembar")).toHaveLength(1);
  });

  it("maps constraint violations raised by the database itself (23505, 23503) to field errors, writing nothing", async () => {
    const before = await tableCounts();
    const disdukcapil = await unitId(database.db, `${CITY}/disdukcapil`);
    const duplicate = await runChange(database.db, async (tx) => {
      await tx.insert(services).values({ unitId: disdukcapil, slug: "rawat-inap", name: "Rawat Inap" });
      await tx.insert(services).values({ unitId: disdukcapil, slug: "ktp-el", name: "KTP lagi" });
    });
    expect(duplicate).toEqual({ ok: false, field: "slug", message: "errors.slugTaken" });
    const [city, kotimAgency] = [await regionId(database.db, CITY), await agencyId(KOTIM, "disdukcapil")];
    const foreignAgency = await runChange(database.db, async (tx) => {
      await tx.insert(units).values({ regionId: city, agencyId: kotimAgency, slug: "unit-silang", name: "Unit Silang" });
    });
    expect(foreignAgency).toEqual({ ok: false, field: "agencyId", message: "errors.agencyUnknown" });
    expect(await tableCounts()).toEqual(before);
  });
});
