/**
 * The audit log viewer through the whole app: only entries within the reader's reach, filters
 * as plain GET parameters, paging to older entries, escaped details, and a log that nobody
 * (not even the database owner through the app's connection) can rewrite.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { recordAudit } from "../../app/audit/audit.server";
import { localDate } from "../../app/utils/calendar";
import { createAdminCast, type CastMember } from "../helpers/admin-cast";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { h1Of, textOf } from "../helpers/html";
import { regionId, unitId, type TestStaff } from "../helpers/staff";

const CITY = "kota-palangka-raya";
const KOTIM = "kabupaten-kotawaringin-timur";

let database: TestDatabase;
let app: TestApp;
let cityAdmin: TestStaff;
let kotimAdmin: TestStaff;
let cookies: Record<CastMember, string>;
let ids: { cityUnit: number; city: number };

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  ({ staff: { city: cityAdmin, kotim: kotimAdmin }, cookies } = await createAdminCast(database.db, app.config, { city: CITY, kotim: KOTIM }));
  ids = {
    cityUnit: await unitId(database.db, `${CITY}/disdukcapil`),
    city: await regionId(database.db, CITY),
  };

  // Real changes through the admin screens, one after another: one in each region, then one installation-wide.
  const changes: Array<[string, Record<string, string>, string]> = [
    [`/staff/admin/structure/${CITY}/disdukcapil`, { intent: "add-service", slug: "legalisir", name: "Legalisir" }, cookies.city],
    [`/staff/admin/structure/${KOTIM}/disdukcapil`, { intent: "add-service", slug: "legalisir", name: "Legalisir" }, cookies.kotim],
    ["/staff/admin/structure", { intent: "create-province", slug: "kalimantan-barat", name: "Kalimantan Barat", code: "61" }, cookies.installation],
  ];
  for (const [path, fields, cookie] of changes) expect((await app.post(path, fields, { Cookie: cookie })).status).toBe(303);
});
afterAll(() => database.drop());

async function page(path: string, cookie?: string) {
  const response = await app.get(path, cookie ? { Cookie: cookie } : undefined);
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** The rows of the audit table, as text. */
function entriesOf(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1] ?? ""));
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
}

describe("who may read the audit log", () => {
  it("sends anonymous visitors to the sign-in page", async () => {
    const { status, location } = await page("/staff/audit?action=unit.update");
    expect(status).toBe(302);
    expect(location).toBe(`/staff/login?redirectTo=${encodeURIComponent("/staff/audit?action=unit.update")}`);
  });

  it("refuses moderators, unit managers and province monitors with 403", async () => {
    for (const who of ["moderator", "unitManager", "monitor"] as const) {
      expect((await page("/staff/audit", cookies[who])).status, who).toBe(403);
    }
  });
});

describe("what each admin sees", () => {
  it("a region admin sees only their region's entries, in the region's time zone", async () => {
    const { status, html } = await page("/staff/audit", cookies.city);
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Log audit");
    const rows = entriesOf(html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("service.create");
    expect(rows[0]).toContain(cityAdmin.email);
    expect(rows[0]).toContain("Kota Palangka Raya");
    expect(rows[0]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB/);
    expect(html).not.toContain(kotimAdmin.email);
    expect(textOf(html)).not.toContain("Kotawaringin Timur");
    expect(html).not.toContain("province.create");
    expect(html).toMatch(/<th scope="col">Waktu<\/th>/);
  });

  it("the other region's admin sees only theirs", async () => {
    const rows = entriesOf((await page("/staff/audit", cookies.kotim)).html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(kotimAdmin.email);
    expect(rows[0]).toContain("Kabupaten Kotawaringin Timur");
  });

  it("an installation admin sees everything, newest first, installation entries in UTC", async () => {
    const rows = entriesOf((await page("/staff/audit", cookies.installation)).html);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("province.create");
    expect(rows[0]).toContain("Seluruh instalasi");
    expect(rows[0]).toMatch(/ UTC/);
    expect(rows.some((row) => row.includes(cityAdmin.email))).toBe(true);
    expect(rows.some((row) => row.includes(kotimAdmin.email))).toBe(true);
  });

  it("a region admin cannot widen the view with a region filter of another region", async () => {
    const { status, html } = await page(`/staff/audit?region=${KOTIM}`, cookies.city);
    expect(status).toBe(400);
    expect(textOf(html)).toContain("Pilih daerah dari daftar.");
    expect(entriesOf(html)).toHaveLength(0);
  });
});

describe("filters", () => {
  it("by action, object type, actor email and region", async () => {
    const byAction = entriesOf((await page("/staff/audit?action=province.create", cookies.installation)).html);
    expect(byAction).toHaveLength(1);
    expect(byAction[0]).toContain("province.create");

    const byType = entriesOf((await page("/staff/audit?objectType=service", cookies.installation)).html);
    expect(byType).toHaveLength(2);

    const byActor = entriesOf((await page(`/staff/audit?actor=${encodeURIComponent(kotimAdmin.email.toUpperCase())}`, cookies.installation)).html);
    expect(byActor).toHaveLength(1);
    expect(byActor[0]).toContain(kotimAdmin.email);

    const nobody = await page("/staff/audit?actor=nobody%40example.org", cookies.installation);
    expect(nobody.status).toBe(200);
    expect(entriesOf(nobody.html)).toHaveLength(0);
    expect(textOf(nobody.html)).toContain("Tidak ada catatan yang cocok.");

    const byRegion = await page(`/staff/audit?region=${CITY}&action=&objectType=`, cookies.installation);
    expect(byRegion.status).toBe(200);
    const rows = entriesOf(byRegion.html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Kota Palangka Raya");
    expect(byRegion.html).toMatch(/<option value="kota-palangka-raya" selected="">/);
  });

  it("by dates, read in the region's time zone", async () => {
    const zoneDay = (offsetDays: number, zone: string) => localDate(zone, new Date(Date.now() + offsetDays * 86_400_000));
    const today = zoneDay(0, "Asia/Jakarta");
    expect(entriesOf((await page(`/staff/audit?from=${today}&to=${today}`, cookies.city)).html)).toHaveLength(1);
    expect(entriesOf((await page(`/staff/audit?from=${zoneDay(1, "Asia/Jakarta")}`, cookies.city)).html)).toHaveLength(0);
    expect(entriesOf((await page(`/staff/audit?to=${zoneDay(-1, "Asia/Jakarta")}`, cookies.city)).html)).toHaveLength(0);
    const utcToday = zoneDay(0, "UTC");
    expect(entriesOf((await page(`/staff/audit?from=${utcToday}&to=${utcToday}`, cookies.installation)).html)).toHaveLength(3);
    expect(textOf((await page("/staff/audit", cookies.city)).html)).toContain("Tanggal dibaca dalam zona waktu WIB.");
  });

  it("refuses malformed filters with 400 and the reasons, never a 500", async () => {
    const bad = await page("/staff/audit?from=2024-02-30&to=kemarin&beforeId=abc", cookies.installation);
    expect(bad.status).toBe(400);
    const text = textOf(bad.html);
    expect(text).toContain("Gunakan tanggal yang valid (TTTT-BB-HH).");
    expect(text).toContain("Nilai ini tidak valid.");
    expect(bad.html).toContain('value="2024-02-30"');

    const backwards = await page("/staff/audit?from=2024-05-02&to=2024-05-01", cookies.installation);
    expect(backwards.status).toBe(400);
    expect(textOf(backwards.html)).toContain("Tanggal akhir tidak boleh sebelum tanggal awal.");

    for (const query of [`action=${"x".repeat(5000)}`, "action=%00", "beforeId=99999999999999999999", "region=%3Cscript%3E", "actor=a%00b"]) {
      const response = await page(`/staff/audit?${query}`, cookies.installation);
      expect(response.status, query).toBe(400);
      expect(response.html).not.toContain("<script>");
    }
  });
});

describe("paging and details", () => {
  it("shows 50 entries a page with a link to older ones that keeps the filters", async () => {
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 60; i++) {
        await recordAudit(tx, { actorStaffId: cityAdmin.id, actorRole: "admin", action: "test.bulk", objectType: "unit", objectId: ids.cityUnit, regionId: ids.city, details: { i } });
      }
    });
    const first = await page("/staff/audit?action=test.bulk", cookies.city);
    const firstRows = entriesOf(first.html);
    expect(firstRows).toHaveLength(50);
    expect(firstRows[0]).toContain('{"i":59}');
    const older = hrefsOf(first.html).find((href) => href.includes("beforeId="));
    expect(older).toBeDefined();
    expect(older).toContain("action=test.bulk");
    expect(textOf(first.html)).toContain("Catatan lebih lama");

    const second = await page(older!, cookies.city);
    const secondRows = entriesOf(second.html);
    expect(secondRows).toHaveLength(10);
    expect(secondRows[0]).toContain('{"i":9}');
    expect(secondRows.at(-1)).toContain('{"i":0}');
    expect(hrefsOf(second.html).some((href) => href.includes("beforeId="))).toBe(false);
    expect(textOf(second.html)).toContain("Kembali ke yang terbaru");
  });

  it("escapes details", async () => {
    await recordAudit(database.db, {
      actorStaffId: cityAdmin.id,
      actorRole: "admin",
      action: "test.escape",
      objectType: "unit",
      objectId: ids.cityUnit,
      regionId: ids.city,
      details: { note: "<script>alert(1)</script>" },
    });
    const { html } = await page("/staff/audit?action=test.escape", cookies.city);
    expect(entriesOf(html)).toHaveLength(1);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("the log is append-only", () => {
  it("refuses UPDATE and DELETE of an audit row", async () => {
    const [row] = await database.db.select().from(auditLog).limit(1);
    await expect(database.db.update(auditLog).set({ action: "rewritten" }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(database.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    const [after] = await database.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after).toEqual(row);
  });
});
