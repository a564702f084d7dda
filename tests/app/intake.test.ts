/**
 * Staff-assisted intake, the forwarding dossier and the SP4N-LAPOR! destination, through the
 * app as a browser without JavaScript: a moderator records a phone report (the same fields,
 * files and receipt as the public form, the channel, nobody's identity), every mistake is a
 * 4xx with nothing written, the channel is counted in the statistics and open data; the
 * dossier carries what was sent and never a note or an original.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reportAuditLog, reportFiles, reportForwards, reports, reportSubmissions } from "../../db/schema";
import { openBytes } from "~/reports/sealed.server";
import { regionReportStats } from "~/reports/stats.server";
import { localDate } from "~/utils/calendar";
import { CookieJar } from "../helpers/app";
import { sectionLabelledBy, textOf } from "../helpers/html";
import { postMultipart, receiptFrom, reportFields, testJpeg } from "../helpers/reporter";
import { createReport, reportStaffForFile } from "../helpers/reports";
import { regionId } from "../helpers/staff";

const today = localDate("Asia/Jakarta");
const CITY = "kota-palangka-raya";

const bed = reportStaffForFile({
  moderator: { grants: [{ role: "moderator" as const, region: CITY }], displayName: "Moderator Kota" },
  conflicted: { grants: [{ role: "moderator" as const, region: CITY }], homeUnit: `${CITY}/disdukcapil`, displayName: "Moderator Disduk" },
  kotimModerator: { grants: [{ role: "moderator" as const, region: "kabupaten-kotawaringin-timur" }] },
  disdukManager: { grants: [{ role: "unit_manager" as const, unit: `${CITY}/disdukcapil` }], homeUnit: `${CITY}/disdukcapil` },
  cityAdmin: { grants: [{ role: "admin" as const, region: CITY }] },
});
const { cookies, ids, get, post } = bed;

const record = (who: Parameters<typeof get>[1], fields: Record<string, string>, files: Parameters<typeof postMultipart>[3] = []) =>
  postMultipart(bed.app, "/staff/reports/new", fields, files, { Cookie: cookies[who] });
const written = async () => ({
  reports: (await bed.database.db.select({ n: count() }).from(reports))[0]!.n,
  tokens: (await bed.database.db.select({ n: count() }).from(reportSubmissions))[0]!.n,
  audit: (await bed.database.db.select({ n: count() }).from(reportAuditLog).where(eq(reportAuditLog.action, "report.recorded")))[0]!.n,
});

describe("recording a report received by phone", () => {
  it("offers the public form's fields and the channel, with no field for who reported", async () => {
    const response = await get("/staff/reports/new", "moderator");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/<form method="post" action="\/staff\/reports\/new" enctype="multipart\/form-data"/i);
    for (const channel of ["phone", "whatsapp", "letter", "complaint_box", "in_person"]) expect(html).toContain(`value="${channel}"`);
    expect(html).not.toContain('value="web"');
    expect(html.match(/name="category"/g)?.length).toBe(7);
    expect(html).toContain('name="files"');
    expect(html).not.toMatch(/name="(name|email|phone|contact|nama|telepon)"/);
    // Only the moderator's own region is offered.
    expect(html).toContain(`value="${CITY}/dpmptsp"`);
    expect(html).not.toContain('value="kabupaten-kotawaringin-timur/');
  });

  it("is for moderators only, and never offers a moderator their own unit", async () => {
    expect((await get("/staff/reports/new", "cityAdmin")).status).toBe(403);
    expect((await get("/staff/reports/new", "disdukManager")).status).toBe(403);
    const html = await (await get("/staff/reports/new", "conflicted")).text();
    expect(html).not.toContain(`value="${CITY}/disdukcapil"`);
    expect(html).toContain(`value="${CITY}/dpmptsp"`);
  });

  it("files the report with its channel and cleaned photo, audits it without content, and shows the code once", async () => {
    const before = await written();
    const photo = await testJpeg({ gps: true, marker: "kamera-pelapor-telepon" });
    const response = await record("moderator", { ...reportFields(), channel: "phone" }, [{ name: "foto.jpg", type: "image/jpeg", bytes: photo }]);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const code = receiptFrom(html)!;
    expect(code).toMatch(/^\d{16}$/);
    expect(textOf(html)).toContain("/report/case");

    const after = await written();
    expect(after).toEqual({ reports: before.reports + 1, tokens: before.tokens + 1, audit: before.audit + 1 });
    const [stored] = await bed.database.db.select().from(reports).where(eq(reports.channel, "phone"));
    expect(stored).toMatchObject({ channel: "phone", status: "received", receivedOn: today, category: "pungli" });
    const [file] = await bed.database.db.select().from(reportFiles).where(eq(reportFiles.reportId, stored!.id));
    const bytes = openBytes(file!.content, bed.app.config.secrets.encryptionKeys);
    expect(bytes.includes(Buffer.from("kamera-pelapor-telepon"))).toBe(false);
    expect(bytes.includes(Buffer.from("TestPhone"))).toBe(false);

    const [audit] = await bed.database.db.select().from(reportAuditLog).where(eq(reportAuditLog.reportId, stored!.id));
    expect(audit).toMatchObject({ action: "report.recorded", actorStaffId: ids.moderator, actorRole: "moderator", occurredOn: today, details: { channel: "phone" } });
    expect(JSON.stringify(audit)).not.toContain("seratus lima puluh");

    // The reporter follows the case with the code alone.
    const jar = new CookieJar();
    const signedIn = jar.take(await bed.app.post("/report/case", { intent: "signIn", code }));
    expect(signedIn.status).toBe(303);
    const casePage = await bed.app.get("/report/case", { Cookie: jar.header });
    expect(textOf(await casePage.text())).toContain("Petugas loket meminta uang seratus lima puluh ribu");

    // The case page tells moderators how it came in.
    expect(textOf(await (await get(`/staff/reports/${stored!.id}`, "moderator")).text())).toContain("Telepon");
  });

  it("refuses mistakes with a 4xx and writes nothing", async () => {
    const before = await written();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ...reportFields() }, 400, "Pilih cara laporan diterima."],
      [{ ...reportFields(), channel: "email" }, 400, "Pilih cara laporan diterima."],
      [{ ...reportFields(), channel: "web" }, 400, "Pilih cara laporan diterima."],
      [{ ...reportFields({ narrative: "pendek" }), channel: "letter" }, 400, ""],
      [{ ...reportFields({ unit: "kabupaten-kotawaringin-timur/disdukcapil" }), channel: "letter" }, 400, ""],
    ];
    for (const [fields, status, message] of cases) {
      const response = await record("moderator", fields);
      expect(response.status, JSON.stringify(fields)).toBe(status);
      if (message) expect(textOf(await response.text())).toContain(message);
      else await response.text();
    }
    // A conflicted moderator cannot record a report about their own unit, even by hand.
    const conflicted = await record("conflicted", { ...reportFields(), channel: "in_person" });
    expect(conflicted.status).toBe(400);
    // A file that is not an image is refused before anything is stored.
    const pdf = await record("moderator", { ...reportFields(), channel: "letter" }, [{ name: "surat.pdf", type: "application/pdf", bytes: Buffer.from("%PDF-1.4 surat") }]);
    expect(pdf.status).toBeGreaterThanOrEqual(400);
    expect(pdf.status).toBeLessThan(500);
    expect(await written()).toEqual(before);
  });

  it("files a resent form once", async () => {
    const fields = { ...reportFields(), channel: "whatsapp" };
    expect((await record("moderator", fields)).status).toBe(200);
    const before = await written();
    expect((await record("moderator", fields)).status).toBe(409);
    expect(await written()).toEqual(before);
  });

  it("is counted by channel in the statistics and in open data, under the disclosure rule", async () => {
    const year = Number(today.slice(0, 4));
    const city = await regionId(bed.database.db, CITY);
    const stats = await regionReportStats(bed.database.db, 1, city, year, today);
    expect(stats.channel("phone", "Y")).toEqual({ value: 1, published: true });
    expect(stats.channel("whatsapp", "Y")).toEqual({ value: 1, published: true });
    expect(stats.channel("web", "Y")).toEqual({ value: 0, published: true });

    const response = await bed.app.get(`/open-data/channels.json?region=${CITY}&year=${year}`);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { rows: Array<Record<string, unknown>> };
    const phone = data.rows.find((r) => r.channel === "phone" && r.period === String(year));
    // One phone report is below DISCLOSURE_MIN: held back, not published.
    expect(phone).toMatchObject({ region: CITY, reports: null, published: false });
  });
});

describe("the forwarding dossier", () => {
  const NOTE = "Catatan internal: saksi kedua bekerja di loket tiga.";
  let report: Awaited<ReturnType<typeof createReport>>;
  let forwardId: string;

  beforeAll(async () => {
    report = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/disdukcapil`,
      receivedOn: today,
      content: { narrative: "Cerita pelapor yang tidak boleh keluar dari portal." },
      clock: { status: "verified", triagedOn: today, verifiedOn: today, followUpDueOn: today },
      files: [{ format: "jpeg", width: 200, height: 200 }, { format: "png" }],
    });
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "note", body: NOTE })).status).toBe(303);
    const redacted = await post(`/staff/reports/${report.id}`, "moderator", {
      intent: "redact",
      fileId: report.fileIds[0]!,
      "areas[0].x": "10",
      "areas[0].y": "10",
      "areas[0].w": "30",
      "areas[0].h": "30",
    });
    expect(redacted.status).toBe(303);
    const body = new URLSearchParams({ intent: "forward", destination: "kpk", summary: "Ringkasan persis yang dikirim ke KPK.", reason: "Diteruskan ke KPK." });
    for (const id of report.fileIds) body.append("fileIds", id);
    const forwarded = await bed.app.fetch(`/staff/reports/${report.id}`, {
      method: "POST",
      body,
      headers: { Cookie: cookies.moderator!, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(forwarded.status).toBe(303);
    forwardId = (await bed.database.db.select().from(reportForwards).where(eq(reportForwards.reportId, report.id)))[0]!.id;
  });

  it("carries the case number, the facts, the summary as sent, redacted photos and public reasons only", async () => {
    const caseHtml = await (await get(`/staff/reports/${report.id}`, "moderator")).text();
    expect(caseHtml).toContain(`/staff/reports/${report.id}/forwards/${forwardId}/dossier`);
    const response = await get(`/staff/reports/${report.id}/forwards/${forwardId}/dossier`, "moderator");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain(report.reference);
    expect(text).toContain("KPK");
    expect(text).toContain("Ringkasan persis yang dikirim ke KPK.");
    expect(textOf(sectionLabelledBy(html, "dossier-facts"))).toContain("Rp 150.000");
    expect(text).toContain("Diteruskan ke KPK.");
    expect(html).toContain(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=redacted`);
    // The second photo has no redacted copy: named, not shown.
    expect(html).not.toContain(`/files/${report.fileIds[1]}`);
    expect(text).toContain("Berkas 2 dikirim tanpa salinan yang disamarkan");
    expect(html).not.toContain("version=original");
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain("Cerita pelapor");
    // The staff who worked the case are not named on paper (the page header names the reader).
    const dossier = html.slice(html.indexOf('<article class="dossier"'), html.indexOf("</article>"));
    expect(textOf(dossier)).toContain(report.reference);
    expect(textOf(dossier)).not.toContain("Moderator Kota");
  });

  it("is refused, like a case that does not exist, to anyone who may not read the case", async () => {
    const path = `/staff/reports/${report.id}/forwards/${forwardId}/dossier`;
    for (const who of ["conflicted", "kotimModerator", "disdukManager", "cityAdmin"] as const) expect((await get(path, who)).status, who).toBe(404);
    const other = await createReport(bed.database.db, bed.app.config, { unit: `${CITY}/dpmptsp`, receivedOn: today });
    expect((await get(`/staff/reports/${other.id}/forwards/${forwardId}/dossier`, "moderator")).status).toBe(404);
    expect((await get(`/staff/reports/${report.id}/forwards/not-a-uuid/dossier`, "moderator")).status).toBe(404);
  });
});

describe("SP4N-LAPOR! as a destination", () => {
  const verified = (category: "pungli" | "lainnya") =>
    createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      category,
      receivedOn: today,
      clock: { status: "verified", triagedOn: today, verifiedOn: today, followUpDueOn: today },
    });

  it("is offered for a complaint that is not about integrity, and records the forward", async () => {
    const report = await verified("lainnya");
    expect(await (await get(`/staff/reports/${report.id}`, "moderator")).text()).toContain('value="sp4n_lapor"');
    const response = await post(`/staff/reports/${report.id}`, "moderator", { intent: "forward", destination: "sp4n_lapor", summary: "Petugas tidak ramah.", reason: "Diteruskan ke SP4N-LAPOR!." });
    expect(response.status).toBe(303);
    const [forward] = await bed.database.db.select().from(reportForwards).where(eq(reportForwards.reportId, report.id));
    expect(forward).toMatchObject({ destination: "sp4n_lapor" });
  });

  it("is neither offered nor accepted for a corruption report", async () => {
    const report = await verified("pungli");
    expect(await (await get(`/staff/reports/${report.id}`, "moderator")).text()).not.toContain('value="sp4n_lapor"');
    const response = await post(`/staff/reports/${report.id}`, "moderator", { intent: "forward", destination: "sp4n_lapor", summary: "Pungli.", reason: "Diteruskan." });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("SP4N-LAPOR! tidak menerima laporan korupsi");
    expect(await bed.database.db.select().from(reportForwards).where(eq(reportForwards.reportId, report.id))).toEqual([]);
    const [row] = await bed.database.db.select({ status: reports.status }).from(reports).where(eq(reports.id, report.id));
    expect(row!.status).toBe("verified");
  });
});
