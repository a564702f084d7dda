/**
 * Paper SKM questionnaires uploaded in the browser (/staff/units/{region}/{unit}/skm-import):
 * who may upload, the guard's size limit, translated refusals, the same all-or-nothing checks
 * as `npm run skm:import` with every problem by line, a file counted once, the template and the
 * printable questionnaire, and an audit row with counts and no rows.
 */
import { and, count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, skmImports, skmResponses } from "../../db/schema";
import { CSV_HEADER, parseSkmCsv } from "~/skm/import";
import { unitServices } from "~/skm/queries.server";
import { SKM_ELEMENTS } from "~/regulation/skm";
import enSkm from "../../locales/en/skm.json";
import idSkm from "../../locales/id/skm.json";
import idCommon from "../../locales/id/common.json";
import enCommon from "../../locales/en/common.json";
import type { TestApp } from "../helpers/app";
import { textOf } from "../helpers/html";
import { seededAppForFile } from "../helpers/seeded-app";
import { createStaff, sessionFor, unitId, type GrantSpec } from "../helpers/staff";

const seeded = seededAppForFile();
const PAGE = "/staff/units/kota-palangka-raya/disdukcapil/skm-import";

async function cookieOf(grants: GrantSpec[]): Promise<string> {
  const person = await createStaff(seeded.database.db, seeded.app.config, { grants });
  return sessionFor(seeded.database.db, seeded.app.config, person.id);
}
const manager = () => cookieOf([{ role: "unit_manager", unit: "kota-palangka-raya/disdukcapil" }]);

function upload(on: TestApp, cookie: string, file: { name: string; type?: string; bytes: Uint8Array | string } | null, headers: Record<string, string> = {}) {
  const body = new FormData();
  if (file) body.append("file", new File([typeof file.bytes === "string" ? new TextEncoder().encode(file.bytes) : new Uint8Array(file.bytes)], file.name, { type: file.type ?? "text/csv" }));
  else body.append("file", new File([], "", { type: "application/octet-stream" }));
  return on.fetch(PAGE, { method: "POST", body, headers: { Origin: "http://localhost", Cookie: cookie, ...headers } });
}

async function paperResponses(): Promise<number> {
  const disdukcapil = await unitId(seeded.database.db, "kota-palangka-raya/disdukcapil");
  const [row] = await seeded.database.db
    .select({ n: count() })
    .from(skmResponses)
    .where(and(eq(skmResponses.unitId, disdukcapil), eq(skmResponses.source, "paper")));
  return row!.n;
}

const GOOD = [
  CSV_HEADER,
  "2026-03-05,KTP-el,P,20,S3,WIRAUSAHA,3,3,3,4,2,2,4,3,2",
  "2026-03-06,KTP-el,L,41,SMA,PNS,4,4,3,4,3,3,4,4,3",
  "2026-03-07,KTP-el,,,,,4,,3,4,3,3,4,4,",
].join("\n");
// Line 3 answers u4 with 5: the whole file is refused.
const ONE_BAD_LINE = GOOD.replace("2026-03-06,KTP-el,L,41,SMA,PNS,4,4,3,4,", "2026-03-06,KTP-el,L,41,SMA,PNS,4,4,3,5,");

describe("who may upload", () => {
  it("sends anonymous visitors to the sign-in page, for the page and for an upload", async () => {
    const page = await seeded.app.get(PAGE);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`/staff/login?redirectTo=${encodeURIComponent(PAGE)}`);
    const posted = await upload(seeded.app, "", { name: "a.csv", bytes: GOOD });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toMatch(/^\/staff\/login/);
    expect(await paperResponses()).toBe(0);
  });

  it("refuses another unit's manager and another region's admin, storing nothing", async () => {
    for (const grants of [[{ role: "unit_manager", unit: "kota-palangka-raya/dpmptsp" }], [{ role: "admin", region: "kabupaten-kotawaringin-timur" }]] as GrantSpec[][]) {
      const cookie = await cookieOf(grants);
      expect((await seeded.app.get(PAGE, { Cookie: cookie })).status).toBe(403);
      expect((await upload(seeded.app, cookie, { name: "a.csv", bytes: GOOD })).status).toBe(403);
      expect((await seeded.app.get(`${PAGE}/template.csv`, { Cookie: cookie })).status).toBe(403);
    }
    expect(await paperResponses()).toBe(0);
  });

  it("offers the unit's manager the page from the staff home, with the template and the questionnaire", async () => {
    const cookie = await manager();
    const home = await (await seeded.app.get("/staff", { Cookie: cookie })).text();
    expect(home).toContain('href="/staff/skm-import"');
    const list = await (await seeded.app.get("/staff/skm-import", { Cookie: cookie })).text();
    expect(list).toContain(`href="${PAGE}"`);
    expect(list).not.toContain("/staff/units/kota-palangka-raya/dpmptsp/skm-import");
    const page = await (await seeded.app.get(PAGE, { Cookie: cookie })).text();
    expect(page).toContain(`href="${PAGE}/template.csv"`);
    expect(page).toContain('href="/units/kota-palangka-raya/disdukcapil/questionnaire?lang=id"');
    expect(page).toContain('href="/units/kota-palangka-raya/disdukcapil/questionnaire?lang=en"');
    expect(page).toContain('type="file"');
  });
});

describe("refused uploads", () => {
  it("answers a file over 2 MiB with 413 in both languages, storing nothing", async () => {
    const big = `${CSV_HEADER}\n${"2026-03-05,KTP-el,P,20,S3,WIRAUSAHA,3,3,3,4,2,2,4,3,2\n".repeat(50_000)}`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await upload(seeded.app, await manager(), { name: "big.csv", bytes: big });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).toContain(idCommon.errors.requestRefused.fileTooLarge.replace("{{max}}", "2 MiB"));
    expect(text).toContain(enCommon.errors.requestRefused.fileTooLarge.replace("{{max}}", "2 MiB"));
    expect(await paperResponses()).toBe(0);
  });

  it("answers no file or an empty file with a translated 400", async () => {
    const cookie = await manager();
    const none = await upload(seeded.app, cookie, null);
    expect(none.status).toBe(400);
    expect(textOf(await none.text())).toContain(idSkm.import.errors.noFile);
    const empty = await upload(seeded.app, cookie, { name: "empty.csv", bytes: "" }, { "Accept-Language": "en" });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain(enSkm.import.errors.emptyFile);
    expect(await paperResponses()).toBe(0);
  });

  it("answers a picture or a file with another header with 400 and the problem, translated", async () => {
    const cookie = await manager();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x10]);
    const picture = await upload(seeded.app, cookie, { name: "photo.png", type: "image/png", bytes: png });
    expect(picture.status).toBe(400);
    expect(textOf(await picture.text())).toContain(idSkm.import.problems.encoding);
    const other = await upload(seeded.app, cookie, { name: "notes.csv", bytes: "nama,alamat\nBudi,Jalan Tjilik Riwut\n" }, { "Accept-Language": "en" });
    expect(other.status).toBe(400);
    expect(textOf(await other.text())).toContain(enSkm.import.problems.header.replace("{{expected}}", CSV_HEADER));
    expect(await paperResponses()).toBe(0);
  });

  it("refuses a file with one bad line whole, naming the line, exactly as the command's checks do", async () => {
    const response = await upload(seeded.app, await manager(), { name: "batch.csv", bytes: ONE_BAD_LINE });
    expect(response.status).toBe(400);
    const html = await response.text();
    const expected = idSkm.import.problems.answer.replace("{{column}}", "u4").replace("{{value}}", "5");
    expect(html).toMatch(new RegExp(`<th scope="row">3</th><td>${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/"/g, "&quot;")}</td>`));
    // The same list the command prints: the shared parser finds this one problem on line 3.
    const disdukcapil = await unitId(seeded.database.db, "kota-palangka-raya/disdukcapil");
    const { problems } = parseSkmCsv(ONE_BAD_LINE, await unitServices(seeded.database.db, disdukcapil), { today: "2026-12-01" });
    expect(problems).toEqual([{ line: 3, code: "answer", column: "u4", value: "5" }]);
    expect(await paperResponses()).toBe(0);
  });
});

describe("an accepted upload", () => {
  it("stores every response, links the unit's results, counts a file once and audits counts without rows", async () => {
    const cookie = await manager();
    const first = await upload(seeded.app, cookie, { name: "batch.csv", bytes: GOOD });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(textOf(html)).toContain(idSkm.import.imported_other.replace("{{count}}", "3").replace("{{unit}}", "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya"));
    expect(html).toContain('href="/units/kota-palangka-raya/disdukcapil"');
    expect(await paperResponses()).toBe(3);

    // The same file again, even saved with Windows line ends and a byte-order mark: refused, 409.
    const again = await upload(seeded.app, cookie, { name: "batch (1).csv", bytes: `\uFEFF${GOOD.replaceAll("\n", "\r\n")}\r\n` });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("sudah diimpor ke unit ini");
    expect(await paperResponses()).toBe(3);

    // A city admin may upload too; another file is another batch.
    const admin = await cookieOf([{ role: "admin", region: "kota-palangka-raya" }]);
    const other = await upload(seeded.app, admin, { name: "batch2.csv", bytes: GOOD.replace("2026-03-07", "2026-03-08") });
    expect(other.status).toBe(200);
    expect(await paperResponses()).toBe(6);
    expect(await seeded.database.db.select({ n: count() }).from(skmImports)).toEqual([{ n: 2 }]);

    const rows = await seeded.database.db.select().from(auditLog).where(eq(auditLog.action, "skm.import")).orderBy(desc(auditLog.id)).limit(2);
    expect(rows).toHaveLength(2);
    const [latest, earlier] = rows;
    expect(earlier).toMatchObject({ actorRole: "unit_manager", objectType: "unit", objectId: String(await unitId(seeded.database.db, "kota-palangka-raya/disdukcapil")) });
    expect(latest!.actorRole).toBe("admin");
    expect(earlier!.details).toMatchObject({ responses: 3, bytes: GOOD.length });
    expect((earlier!.details as { fileHash: string }).fileHash).toMatch(/^[\w-]{43}$/);
    const written = JSON.stringify(rows.map((row) => row.details));
    for (const content of ["KTP-el", "2026-03", "WIRAUSAHA"]) expect(written).not.toContain(content);
    const refused = await seeded.database.db.select().from(auditLog).where(eq(auditLog.action, "skm.import.refused"));
    expect(refused.map((row) => (row.details as { reason: string }).reason)).toContain("duplicate");
    expect(JSON.stringify(refused.map((row) => row.details))).not.toContain("KTP-el");

    // Two uploads of one new file at the same moment store it once.
    const racing = GOOD.replace("2026-03-07", "2026-03-09");
    const statuses = await Promise.all([upload(seeded.app, cookie, { name: "a.csv", bytes: racing }), upload(seeded.app, admin, { name: "b.csv", bytes: racing })]);
    expect(statuses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await paperResponses()).toBe(9);

    // The page lists the imports.
    const page = textOf(await (await seeded.app.get(PAGE, { Cookie: cookie })).text());
    expect(page).toContain(idSkm.import.historyCaption);
  });
});

describe("the template and the paper questionnaire", () => {
  it("downloads a template with the command's header and an example line that passes its checks", async () => {
    const response = await seeded.app.get(`${PAGE}/template.csv`, { Cookie: await manager() });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = await response.text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(CSV_HEADER);
    const disdukcapil = await unitId(seeded.database.db, "kota-palangka-raya/disdukcapil");
    const parsed = parseSkmCsv(text, await unitServices(seeded.database.db, disdukcapil), { today: "2099-12-31" });
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });

  it("prints the questionnaire in both languages, every box beside its CSV column, for anyone", async () => {
    for (const [lang, skm] of [["id", idSkm], ["en", enSkm]] as const) {
      const response = await seeded.app.get(`/units/kota-palangka-raya/disdukcapil/questionnaire?lang=${lang}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<div class="sheet" lang="${lang}">`);
      const text = textOf(html);
      for (const column of CSV_HEADER.split(",")) expect(text).toContain(`[${column}]`);
      expect(text).toContain(skm.questionnaire.title);
      for (const element of SKM_ELEMENTS) {
        const question = skm.questions[element];
        for (const answer of ["1", "2", "3", "4"] as const) expect(text).toContain(question[answer]);
        expect(text).toContain(question.question);
      }
      for (const code of ["KTP-el", "L", "P", "SD", "S3", "PNS", "LAINNYA"]) expect(html).toContain(`<strong>${code}</strong>`);
    }
    expect((await seeded.app.get("/units/kota-palangka-raya/no-such-unit/questionnaire")).status).toBe(404);
  });
});
