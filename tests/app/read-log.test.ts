/**
 * The read log through the app: opening a case page and an original photo as a moderator
 * writes one day-only row each (once per person, thing and day), the case page lists who
 * opened it, /staff/audit filters reads and case numbers, and nobody can change a row.
 * A refused reader writes nothing; forwards and dossiers are logged too.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { reportAuditLog, reportForwards } from "../../db/schema";
import { REPORT_READ_ACTIONS } from "~/audit/audit.server";
import { localDate } from "~/utils/calendar";
import { sectionLabelledBy, textOf } from "../helpers/html";
import { createReport, reportStaffForFile } from "../helpers/reports";

const today = localDate("Asia/Jakarta");
const CITY = "kota-palangka-raya";
let report: Awaited<ReturnType<typeof createReport>>;

const bed = reportStaffForFile({
  moderator: { grants: [{ role: "moderator" as const, region: CITY }], displayName: "Moderator Pembaca" },
  colleague: { grants: [{ role: "moderator" as const, region: CITY }], displayName: "Rekan Moderator" },
  conflicted: { grants: [{ role: "moderator" as const, region: CITY }], homeUnit: `${CITY}/disdukcapil`, displayName: "Moderator Disduk" },
  disdukManager: { grants: [{ role: "unit_manager" as const, unit: `${CITY}/disdukcapil` }], homeUnit: `${CITY}/disdukcapil`, displayName: "Kepala Disduk" },
  cityAdmin: { grants: [{ role: "admin" as const, region: CITY }] },
});
const { cookies, ids, get } = bed;

beforeAll(async () => {
  report = await createReport(bed.database.db, bed.app.config, {
    unit: `${CITY}/disdukcapil`,
    receivedOn: today,
    content: { narrative: "Isi rahasia laporan: petugas loket meminta uang rokok." },
    files: [{ format: "jpeg" }, { format: "png" }],
  });
});

const reads = (reportId: string) =>
  bed.database.db
    .select()
    .from(reportAuditLog)
    .where(and(eq(reportAuditLog.reportId, reportId), inArray(reportAuditLog.action, [...REPORT_READ_ACTIONS])));

describe("the read log", () => {
  it("records a moderator opening a case and an original photo, by day, with no content", async () => {
    expect((await get(`/staff/reports/${report.id}`, "moderator")).status).toBe(200);
    const photo = await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=original`, "moderator");
    expect(photo.status).toBe(200);
    await photo.arrayBuffer();

    const rows = (await reads(report.id)).sort((a, b) => a.action.localeCompare(b.action));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: "report.file_opened", actorStaffId: ids.moderator, actorRole: "moderator", occurredOn: today, details: { fileId: report.fileIds[0] } });
    expect(rows[1]).toMatchObject({ action: "report.opened", actorStaffId: ids.moderator, actorRole: "moderator", occurredOn: today, details: {} });
    expect(JSON.stringify(rows)).not.toContain("uang rokok");
  });

  it("shows on the case page who has opened the case and which original, with the day", async () => {
    const html = await (await get(`/staff/reports/${report.id}`, "colleague")).text();
    const section = textOf(sectionLabelledBy(html, "readers-heading"));
    expect(section).toContain("Siapa yang telah membuka kasus ini");
    expect(section).toContain("Moderator Pembaca");
    expect(section).toContain("Rekan Moderator");
    expect(section).toContain("Halaman kasus");
    expect(section).toContain("Berkas asli 1");
    // No time of day anywhere next to the report.
    expect(section).not.toMatch(/\d{1,2}[:.]\d{2}/);
  });

  it("writes one row per person, thing and day, however often it is opened", async () => {
    await get(`/staff/reports/${report.id}`, "moderator");
    await (await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}`, "moderator")).arrayBuffer();
    await (await get(`/staff/reports/${report.id}/files/${report.fileIds[1]}`, "moderator")).arrayBuffer();
    const mine = (await reads(report.id)).filter((r) => r.actorStaffId === ids.moderator);
    expect(mine.map((r) => `${r.action}:${String(r.details.fileId ?? "")}`).sort()).toEqual(
      [`report.file_opened:${report.fileIds[0]}`, `report.file_opened:${report.fileIds[1]}`, "report.opened:"].sort(),
    );
  });

  it("writes nothing for a reader who is refused, nor for a file that is not there", async () => {
    const before = (await reads(report.id)).length;
    expect((await get(`/staff/reports/${report.id}`, "conflicted")).status).toBe(404);
    expect((await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}`, "conflicted")).status).toBe(404);
    expect((await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=redacted`, "moderator")).status).toBe(404);
    expect((await get(`/staff/reports/${report.id}`, "disdukManager")).status).toBe(404);
    expect((await reads(report.id)).length).toBe(before);
  });

  it("cannot be changed or deleted", async () => {
    await expect(bed.database.db.update(reportAuditLog).set({ occurredOn: "2020-01-01" }).where(eq(reportAuditLog.reportId, report.id))).rejects.toThrow();
    await expect(bed.database.db.delete(reportAuditLog).where(eq(reportAuditLog.reportId, report.id))).rejects.toThrow();
  });

  it("is filtered on /staff/audit by reads and by case number", async () => {
    const other = await createReport(bed.database.db, bed.app.config, { unit: `${CITY}/dpmptsp`, receivedOn: today });
    await get(`/staff/reports/${other.id}`, "moderator");
    const assigned = await bed.app.post(`/staff/reports/${report.id}`, { intent: "assign", assigneeId: String(ids.colleague) }, { Cookie: cookies.moderator! });
    expect(assigned.status).toBe(303);

    const section = async (query: string) => {
      const response = await get(`/staff/audit?${query}`, "cityAdmin");
      expect(response.status).toBe(200);
      return textOf(sectionLabelledBy(await response.text(), "report-entries-heading"));
    };
    const readsOfCase = await section(`kind=reads&case=${report.reference.toLowerCase()}`);
    expect(readsOfCase).toContain("report.opened");
    expect(readsOfCase).toContain("report.file_opened");
    expect(readsOfCase).not.toContain("report.assigned");
    expect(readsOfCase).not.toContain(other.id);
    expect(readsOfCase).toContain(report.id);

    const changes = await section(`kind=changes&case=${report.reference}`);
    expect(changes).toContain("report.assigned");
    expect(changes).not.toContain("report.opened");

    const nothing = await section("kind=reads&case=PD-ZZZZ-ZZZZ");
    expect(nothing).not.toContain("report.opened");

    const refused = await get("/staff/audit?case=%3Cscript%3E", "cityAdmin");
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Isikan nomor kasus");
  });

  it("records a unit head opening what was forwarded, and a moderator opening the dossier", async () => {
    const verified = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/disdukcapil`,
      receivedOn: today,
      clock: { status: "verified", triagedOn: today, verifiedOn: today, followUpDueOn: today },
    });
    const forwarded = await bed.app.post(
      `/staff/reports/${verified.id}`,
      { intent: "forward", destination: "unit_head", summary: "Ringkasan untuk kepala unit.", reason: "Diteruskan." },
      { Cookie: cookies.moderator! },
    );
    expect(forwarded.status).toBe(303);
    const [forward] = await bed.database.db.select().from(reportForwards).where(eq(reportForwards.reportId, verified.id));
    expect((await get("/staff/forwarded", "disdukManager")).status).toBe(200);
    expect((await get(`/staff/reports/${verified.id}/forwards/${forward!.id}/dossier`, "moderator")).status).toBe(200);

    const rows = await reads(verified.id);
    expect(rows.find((r) => r.action === "report.forward_opened")).toMatchObject({ actorStaffId: ids.disdukManager, actorRole: "unit_manager", details: { forwardId: forward!.id } });
    expect(rows.find((r) => r.action === "report.dossier_opened")).toMatchObject({ actorStaffId: ids.moderator, details: { forwardId: forward!.id } });
  });

  it("finds exports of raw responses among the reads of the timed audit log", async () => {
    const csv = await get(`/staff/units/${CITY}/disdukcapil/responses.csv?from=${today}&to=${today}`, "disdukManager");
    expect(csv.status).toBe(200);
    await csv.text();
    const entries = async (query: string) => textOf(sectionLabelledBy(await (await get(`/staff/audit?${query}`, "cityAdmin")).text(), "entries-heading"));
    expect(await entries("kind=reads")).toContain("responses.exported");
    expect(await entries("kind=changes")).not.toContain("responses.exported");
  });
});
