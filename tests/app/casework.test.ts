/**
 * The moderators' side of back-door reports through the app, as a browser without JavaScript:
 * the queue (order, filters, conflict of interest), each case action with its audit row,
 * refused moves writing nothing, redaction, forwarding and the unit head's view of it.
 */
import { and, count, eq, notInArray } from "drizzle-orm";
import { REPORT_READ_ACTIONS } from "~/audit/audit.server";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { holidays, reportAuditLog, reportEvents, reportFiles, reportForwards, reportMessages, reports } from "../../db/schema";
import { addReporterMessage } from "~/reports/case.server";
import { holidaySet } from "~/reports/clock.server";
import { clockView } from "~/reports/queue.server";
import { addWorkingDays } from "~/reports/working-days";
import { openBytes, openText } from "~/reports/sealed.server";
import { addDays, localDate } from "~/utils/calendar";
import { createTestApp } from "../helpers/app";
import { elementsWith, rowLinkingTo, sectionLabelledBy, textOf, textWithRole } from "../helpers/html";
import { translator } from "../helpers/i18n";
import { createReport, reportStaffForFile } from "../helpers/reports";
import { sessionFor } from "../helpers/staff";

const today = localDate("Asia/Jakarta");
const CITY = "kota-palangka-raya";
const t = translator("casework");

const bed = reportStaffForFile({
  moderator: { grants: [{ role: "moderator" as const, region: CITY }], displayName: "Moderator Kota" },
  colleague: { grants: [{ role: "moderator" as const, region: CITY }], displayName: "Rekan Moderator" },
  // Works at Disdukcapil: never sees reports about it.
  conflicted: { grants: [{ role: "moderator" as const, region: CITY }], homeUnit: `${CITY}/disdukcapil`, displayName: "Moderator Disduk" },
  kotimModerator: { grants: [{ role: "moderator" as const, region: "kabupaten-kotawaringin-timur" }] },
  disdukManager: { grants: [{ role: "unit_manager" as const, unit: `${CITY}/disdukcapil` }], homeUnit: `${CITY}/disdukcapil` },
  dpmptspManager: { grants: [{ role: "unit_manager" as const, unit: `${CITY}/dpmptsp` }] },
  cityAdmin: { grants: [{ role: "admin" as const, region: CITY }] },
  installationAdmin: { grants: [{ role: "admin" as const }] },
  evaluator: { grants: [{ role: "evaluator" as const, region: CITY }] },
});
const { ids, get, post } = bed;


/**
 * A report's audit rows of changes (the read log, tested in read-log.test.ts, is left out):
 * dated by day only and in no order within a day, so sorted by action.
 */
async function auditRows(reportId: string) {
  const rows = await bed.database.db
    .select()
    .from(reportAuditLog)
    .where(and(eq(reportAuditLog.reportId, reportId), notInArray(reportAuditLog.action, [...REPORT_READ_ACTIONS])));
  return rows.sort((a, b) => a.action.localeCompare(b.action));
}
async function reportRow(id: string) {
  const [row] = await bed.database.db.select().from(reports).where(eq(reports.id, id));
  return row!;
}
/** The deadline badge a report's row shows today, as the queue words it. */
async function clockText(id: string) {
  const clock = clockView(await reportRow(id), today, await holidaySet(bed.database.db));
  if (clock.daysLeft === null) return t("clock.none");
  return clock.overdue ? t("clock.overdue", { count: Math.max(1, -clock.daysLeft) }) : t("clock.left", { count: clock.daysLeft });
}
/** The text of the queue row linking to a report. */
const rowText = (html: string, id: string) => textOf(rowLinkingTo(html, `/staff/reports/${id}`));

describe("the queue", () => {
  let overdue: Awaited<ReturnType<typeof createReport>>;
  let fresh: Awaited<ReturnType<typeof createReport>>;
  let noUnit: Awaited<ReturnType<typeof createReport>>;
  let verified: Awaited<ReturnType<typeof createReport>>;
  let closed: Awaited<ReturnType<typeof createReport>>;
  let kotim: Awaited<ReturnType<typeof createReport>>;

  beforeAll(async () => {
    const db = bed.database.db;
    verified = await createReport(db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      receivedOn: addDays(today, -3),
      category: "calo",
      clock: { status: "verified", triagedOn: addDays(today, -2), verifiedOn: today, followUpDueOn: addDays(today, 20) },
    });
    noUnit = await createReport(db, bed.app.config, { unit: null, region: CITY, receivedOn: addDays(today, -1), category: "suap", clock: { status: "triage" } });
    fresh = await createReport(db, bed.app.config, { unit: `${CITY}/dpmptsp`, receivedOn: today, files: [{ format: "png" }] });
    overdue = await createReport(db, bed.app.config, { unit: `${CITY}/disdukcapil`, receivedOn: addDays(today, -30) });
    closed = await createReport(db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      receivedOn: addDays(today, -10),
      clock: { status: "closed", outcome: "spam", triagedOn: addDays(today, -9), closedOn: addDays(today, -9) },
    });
    kotim = await createReport(db, bed.app.config, { unit: null, region: "kabupaten-kotawaringin-timur", receivedOn: addDays(today, -30) });
    // The reporter answered a question on the triage report: flagged in the queue.
    await db.insert(reportMessages).values({ reportId: noUnit.id, kind: "reporter", body: "x", createdOn: today, seq: 1 });
  });

  it("puts overdue reports first, then new ones, then by deadline; closed and other regions' reports are not in it", async () => {
    const response = await get("/staff/reports", "moderator");
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    const order = [overdue, fresh, noUnit, verified].map((r) => text.indexOf(r.reference));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain(closed.reference);
    expect(text).not.toContain(kotim.reference);
    expect((await reportRow(overdue.id)).triageDueOn < today).toBe(true);
    expect(rowText(html, overdue.id)).toContain(await clockText(overdue.id));
    expect(rowLinkingTo(html, `/staff/reports/${overdue.id}`)).toMatch(/^<tr class="row-overdue"/);
    expect(rowText(html, noUnit.id)).toContain(t("case.unitUnknown"));
    expect(rowText(html, noUnit.id)).toContain(t("queue.flags.replied"));
    expect(rowText(html, fresh.id)).toContain(t("queue.flags.files"));
  });

  it("filters by status, category, unit, overdue and assignee", async () => {
    const list = async (query: string) => textOf(await (await get(`/staff/reports?${query}`, "moderator")).text());
    const closedOnly = await list("status=closed");
    expect(closedOnly).toContain(closed.reference);
    expect(closedOnly).not.toContain(fresh.reference);
    const calo = await list("category=calo");
    expect(calo).toContain(verified.reference);
    expect(calo).not.toContain(fresh.reference);
    const unknownUnit = await list("unit=none");
    expect(unknownUnit).toContain(noUnit.reference);
    expect(unknownUnit).not.toContain(overdue.reference);
    const lateHtml = await (await get("/staff/reports?overdue=1", "moderator")).text();
    const late = textOf(lateHtml);
    expect(late).toContain(overdue.reference);
    expect(late).not.toContain(fresh.reference);
    expect(textWithRole(lateHtml, "status")).toBe(t("queue.count", { count: 1 }));

    expect((await post(`/staff/reports/${fresh.id}`, "moderator", { intent: "assign", assigneeId: String(ids.moderator) })).status).toBe(303);
    const mine = await list("assignee=mine");
    expect(mine).toContain(fresh.reference);
    expect(mine).not.toContain(overdue.reference);
    const unassigned = await list("assignee=unassigned");
    expect(unassigned).toContain(overdue.reference);
    expect(unassigned).not.toContain(fresh.reference);
    // Nonsense filters fall back to their defaults instead of failing.
    expect((await get("/staff/reports?status=%27;drop&unit=abc&page=-4&assignee=x", "moderator")).status).toBe(200);
  });

  it("hides reports about a moderator's own unit from the list and by address", async () => {
    const text = textOf(await (await get("/staff/reports", "conflicted")).text());
    expect(text).toContain(fresh.reference);
    expect(text).toContain(noUnit.reference);
    expect(text).not.toContain(overdue.reference);
    expect((await get(`/staff/reports/${overdue.id}`, "conflicted")).status).toBe(404);
    expect((await post(`/staff/reports/${overdue.id}`, "conflicted", { intent: "note", body: "hi" })).status).toBe(404);
    expect((await get(`/staff/reports/${kotim.id}`, "moderator")).status).toBe(404);
  });

  it("never shows reports to unit managers, admins or evaluators", async () => {
    for (const who of ["disdukManager", "dpmptspManager", "cityAdmin", "installationAdmin", "evaluator"] as const) {
      expect((await get("/staff/reports", who)).status, who).toBe(403);
      expect((await get(`/staff/reports/${fresh.id}`, who)).status, who).toBe(404);
      expect((await get(`/staff/reports/${fresh.id}/files/${fresh.fileIds[0]}`, who)).status, who).toBe(404);
    }
    expect(await (await get("/staff", "disdukManager")).text()).not.toContain('href="/staff/reports"');
    expect(await (await get("/staff", "moderator")).text()).toContain('href="/staff/reports"');
  });

  it("answers 404 for a malformed id, and asks a signed-out visitor to sign in", async () => {
    expect((await get("/staff/reports/not-a-uuid", "moderator")).status).toBe(404);
    const signedOut = await bed.app.get(`/staff/reports/${fresh.id}`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/staff/login");
  });

  it("gives a case the reporter answered a new triage deadline, and the queue shows it", async () => {
    const asked = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      receivedOn: addDays(today, -40),
      clock: { status: "needs_info", triagedOn: addDays(today, -39) },
    });
    expect(await addReporterMessage(bed.database.db, bed.app.config, asked.id, "Kejadiannya di loket dua, pagi hari.")).toBe("stored");
    const holidaySet = new Set((await bed.database.db.select({ day: holidays.day }).from(holidays)).map((row) => row.day));
    const row = await reportRow(asked.id);
    expect(row).toMatchObject({ status: "triage", triagedOn: addDays(today, -39), triageDueOn: addWorkingDays(today, bed.app.config.reports.triageDays, holidaySet) });

    const line = rowText(await (await get("/staff/reports", "moderator")).text(), asked.id);
    expect(line).toContain(asked.reference);
    expect(line).toContain(t("clock.left", { count: clockView(row, today, holidaySet).daysLeft! }));
    expect(line).not.toContain(t("clock.none"));
  });

  it("shows the reporter's answers in words and the month of the incident as a month", async () => {
    const worded = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      receivedOn: today,
      content: { askedBy: "loket" },
    });
    await bed.database.db.update(reports).set({ incidentMonth: "2026-06-01" }).where(eq(reports.id, worded.id));
    const html = await (await get(`/staff/reports/${worded.id}`, "moderator")).text();
    expect(textOf(sectionLabelledBy(html, "content-heading"))).toContain(t("reports:askedBy.loket"));
    // The month in words, in the page's language (the browser's own month names, not ours).
    const month = new Intl.DateTimeFormat("id", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date("2026-06-01T00:00:00Z"));
    expect(textOf(sectionLabelledBy(html, "facts-heading"))).toContain(month);
    expect(textOf(html)).not.toMatch(/\b2026-06\b/);
  });
});

describe("case actions", () => {
  it("shows the decrypted content, and assigns only to a moderator who may see the case", async () => {
    const report = await createReport(bed.database.db, bed.app.config, { receivedOn: today, content: { narrative: "Diminta Rp 200.000 untuk KTP kilat." } });
    const page = textOf(await (await get(`/staff/reports/${report.id}`, "moderator")).text());
    expect(page).toContain("Diminta Rp 200.000 untuk KTP kilat.");
    expect(page).toContain(report.reference);

    const refused = await post(`/staff/reports/${report.id}`, "moderator", { intent: "assign", assigneeId: String(ids.conflicted) });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(textWithRole(refusedHtml, "alert")).toContain(t("errors.assigneeNotAllowed"));
    expect(refusedHtml).toContain('href="#assign-assigneeId"');
    expect((await reportRow(report.id)).assigneeId).toBeNull();

    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "assign", assigneeId: String(ids.colleague) })).status).toBe(303);
    expect((await reportRow(report.id)).assigneeId).toBe(ids.colleague);
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "unassign" })).status).toBe(303);
    expect((await reportRow(report.id)).assigneeId).toBeNull();
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "unassign" })).status).toBe(400);
    const actions = (await auditRows(report.id)).map((row) => row.action);
    expect(actions).toEqual(["report.assigned", "report.unassigned"]);
  });

  it("asks the reporter a question: needs_info, an encrypted public reason, an audit row", async () => {
    const report = await createReport(bed.database.db, bed.app.config, { receivedOn: today });
    const response = await post(`/staff/reports/${report.id}`, "moderator", {
      intent: "question",
      body: "Di loket nomor berapa?",
      reason: "Kami memerlukan informasi tambahan.",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/staff/reports/${report.id}?done=question`);
    const row = await reportRow(report.id);
    expect(row.status).toBe("needs_info");
    expect(row.triagedOn).toBe(today);
    const [event] = await bed.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id));
    expect(event).toMatchObject({ fromStatus: "received", toStatus: "needs_info", actorStaffId: ids.moderator, occurredOn: today });
    expect(event!.publicReason).not.toContain("informasi");
    expect(openText(event!.publicReason!, bed.app.config.secrets.encryptionKeys)).toBe("Kami memerlukan informasi tambahan.");
    const [message] = await bed.database.db.select().from(reportMessages).where(eq(reportMessages.reportId, report.id));
    expect(message).toMatchObject({ kind: "question", authorStaffId: ids.moderator, seq: 1 });
    const audit = (await auditRows(report.id)).find((row) => row.action === "report.question_asked");
    expect(audit).toMatchObject({ occurredOn: today, action: "report.question_asked", actorRole: "moderator", details: { from: "received", to: "needs_info" } });
    expect(JSON.stringify(audit!.details)).not.toContain("loket");
    const pageHtml = await (await get(`/staff/reports/${report.id}?done=question`, "moderator")).text();
    const page = textOf(pageHtml);
    expect(textOf(sectionLabelledBy(pageHtml, "facts-heading"))).toContain(t("statuses.needs_info"));
    expect(page).toContain("Di loket nomor berapa?");
  });

  it("changes status through the machine, and refuses a forbidden move with 409 writing nothing", async () => {
    const report = await createReport(bed.database.db, bed.app.config, { receivedOn: today });
    const forbidden = await post(`/staff/reports/${report.id}`, "moderator", { intent: "status", to: "handled_internally", reason: "Sudah ditangani." });
    expect(forbidden.status).toBe(409);
    const html = await forbidden.text();
    expect(textWithRole(html, "alert")).toContain(t("errors.transitionNotAllowed"));
    expect(html).toContain("Sudah ditangani.");
    expect((await reportRow(report.id)).status).toBe("received");
    expect(await bed.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id))).toEqual([]);
    expect(await auditRows(report.id)).toEqual([]);

    const noReason = await post(`/staff/reports/${report.id}`, "moderator", { intent: "status", to: "verified", reason: "  " });
    expect(noReason.status).toBe(400);
    const noReasonHtml = await noReason.text();
    expect(textWithRole(noReasonHtml, "alert")).toContain(t("errors.reasonRequired"));
    // The error summary links to the field, which describes its error.
    expect(noReasonHtml).toContain('href="#status-reason"');
    expect(noReasonHtml).toMatch(/<textarea id="status-reason" aria-describedby="[^"]*status-reason-error[^"]*" aria-invalid="true"/);

    const spamFromReceived = await post(`/staff/reports/${report.id}`, "moderator", { intent: "status", to: "closed", outcome: "substantiated", reason: "x" });
    expect(spamFromReceived.status).toBe(400);
    expect((await reportRow(report.id)).status).toBe("received");

    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "status", to: "verified", reason: "Keterangan cukup." })).status).toBe(303);
    const row = await reportRow(report.id);
    expect(row).toMatchObject({ status: "verified", verifiedOn: today, triagedOn: today });
    expect(row.followUpDueOn! > today).toBe(true);
    const audit = (await auditRows(report.id)).find((row) => row.action === "report.status_changed");
    expect(audit).toMatchObject({ occurredOn: today, action: "report.status_changed", details: { from: "received", to: "verified", outcome: null } });
  });

  it("closes as a duplicate only with a link to another report of the same region", async () => {
    const original = await createReport(bed.database.db, bed.app.config, { receivedOn: addDays(today, -5), unit: `${CITY}/dpmptsp` });
    const kotim = await createReport(bed.database.db, bed.app.config, { unit: null, region: "kabupaten-kotawaringin-timur", receivedOn: today });
    const copy = await createReport(bed.database.db, bed.app.config, { receivedOn: today, unit: `${CITY}/dpmptsp` });
    const withoutLink = await post(`/staff/reports/${copy.id}`, "moderator", { intent: "status", to: "closed", outcome: "duplicate", reason: "Sudah dilaporkan." });
    expect(withoutLink.status).toBe(400);
    const otherRegion = await post(`/staff/reports/${copy.id}`, "moderator", {
      intent: "status",
      to: "closed",
      outcome: "duplicate",
      duplicateOf: kotim.reference,
      reason: "Sudah dilaporkan.",
    });
    expect(otherRegion.status).toBe(400);
    expect(textWithRole(await otherRegion.text(), "alert")).toContain(t("errors.duplicateNotFound"));
    expect((await reportRow(copy.id)).status).toBe("received");

    const closing = await post(`/staff/reports/${copy.id}`, "moderator", {
      intent: "status",
      to: "closed",
      outcome: "duplicate",
      duplicateOf: original.reference.toLowerCase(),
      reason: "Sudah dilaporkan.",
    });
    expect(closing.status).toBe(303);
    expect(await reportRow(copy.id)).toMatchObject({ status: "closed", outcome: "duplicate", duplicateOfId: original.id, closedOn: today });
    const originalPage = textOf(await (await get(`/staff/reports/${original.id}`, "moderator")).text());
    expect(originalPage).toContain(copy.reference);

    expect((await post(`/staff/reports/${copy.id}`, "moderator", { intent: "unlink-duplicate" })).status).toBe(303);
    expect((await reportRow(copy.id)).duplicateOfId).toBeNull();
    expect((await post(`/staff/reports/${copy.id}`, "moderator", { intent: "link-duplicate", duplicateOf: original.reference })).status).toBe(303);
    expect((await reportRow(copy.id)).duplicateOfId).toBe(original.id);
    expect((await auditRows(copy.id)).map((r) => r.action)).toEqual(["report.duplicate_linked", "report.duplicate_unlinked", "report.status_changed"]);
  });

  it("counts deadlines with the configured time limits", async () => {
    const quick = await createTestApp(bed.database.db, { env: { REPORT_FOLLOW_UP_DAYS: "1" } });
    const cookie = await sessionFor(bed.database.db, quick.config, ids.moderator!);
    const report = await createReport(bed.database.db, quick.config, { receivedOn: today });
    const response = await quick.post(`/staff/reports/${report.id}`, { intent: "status", to: "verified", reason: "Cukup." }, { Cookie: cookie });
    expect(response.status).toBe(303);
    const set = new Set((await bed.database.db.select({ day: holidays.day }).from(holidays)).map((row) => row.day));
    expect((await reportRow(report.id)).followUpDueOn).toBe(addWorkingDays(today, 1, set));
  });

  it("pages the queue", async () => {
    for (let i = 0; i < 27; i++) await createReport(bed.database.db, bed.app.config, { receivedOn: addDays(today, -i), category: "gratifikasi", unit: `${CITY}/dpmptsp` });
    const first = await (await get("/staff/reports?category=gratifikasi", "moderator")).text();
    expect(textWithRole(first, "status")).toBe(t("queue.count", { count: 27 }));
    const pager = elementsWith(first, `aria-label="${t("common:paging.label")}"`).map(textOf);
    expect(pager).toEqual([expect.stringContaining(t("common:paging.position", { page: 1, pages: 2 }))]);
    const second = await (await get("/staff/reports?category=gratifikasi&page=2", "moderator")).text();
    expect(second.match(/href="\/staff\/reports\/[0-9a-f-]{36}"/g)).toHaveLength(2);
  });

  it("refuses an unknown intent and hostile text", async () => {
    const report = await createReport(bed.database.db, bed.app.config, { receivedOn: today });
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "delete" })).status).toBe(400);
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "note", body: "a\u0000b" })).status).toBe(400);
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "note", body: "x".repeat(5000) })).status).toBe(400);
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "assign", assigneeId: "99999999999" })).status).toBe(400);
    expect(await auditRows(report.id)).toEqual([]);
  });
});

describe("redaction, forwarding and what others see", () => {
  const NOTE = "CATATAN-INTERNAL-7781 jangan dibagikan";
  let report: Awaited<ReturnType<typeof createReport>>;

  beforeAll(async () => {
    report = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/disdukcapil`,
      receivedOn: addDays(today, -2),
      clock: { status: "verified", triagedOn: addDays(today, -1), verifiedOn: addDays(today, -1), followUpDueOn: addDays(today, 10) },
      files: [{ format: "jpeg", width: 200, height: 100, exif: true }, { format: "png" }],
    });
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "note", body: NOTE })).status).toBe(303);
  });

  it("serves the original to moderators only, never cached nor sniffed", async () => {
    const response = await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=original`, "moderator");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe("inline");
    // No redacted copy yet.
    expect((await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=redacted`, "moderator")).status).toBe(404);
  });

  it("validates the areas and keeps what was typed", async () => {
    const response = await post(`/staff/reports/${report.id}`, "moderator", {
      intent: "redact",
      fileId: report.fileIds[0]!,
      "areas[0].x": "90",
      "areas[0].y": "0",
      "areas[0].w": "20",
      "areas[0].h": "10",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textWithRole(html, "alert")).toContain(t("errors.areaOutside"));
    expect(html).toContain('value="90"');
    expect(html).toContain(`href="#redact-${report.fileIds[0]}-areas-0--x"`);
    expect(html).toContain(`id="redact-${report.fileIds[0]}-areas-0--x"`);
    expect((await post(`/staff/reports/${report.id}`, "moderator", { intent: "redact", fileId: report.fileIds[0]! })).status).toBe(400);
    const [file] = await bed.database.db.select({ redacted: reportFiles.redacted }).from(reportFiles).where(eq(reportFiles.id, report.fileIds[0]!));
    expect(file!.redacted).toBeNull();
  });

  it("blacks out the areas in a copy without metadata, keeping the original", async () => {
    const response = await post(`/staff/reports/${report.id}`, "moderator", {
      intent: "redact",
      fileId: report.fileIds[0]!,
      "areas[0].x": "10",
      "areas[0].y": "20",
      "areas[0].w": "30",
      "areas[0].h": "50",
      "areas[1].x": "",
      "areas[1].y": "",
      "areas[1].w": "",
      "areas[1].h": "",
    });
    expect(response.status).toBe(303);
    const served = await get(`/staff/reports/${report.id}/files/${report.fileIds[0]}?version=redacted`, "moderator");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([200, 100]);
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    // Inside the area (x 20–80 px, y 20–70 px): black, allowing for JPEG noise.
    for (const [x, y] of [[21, 21], [50, 45], [78, 68]] as const) expect(Math.max(...pixel(x, y)), `${x},${y}`).toBeLessThan(16);
    // Outside: still white.
    for (const [x, y] of [[5, 5], [150, 50], [50, 90]] as const) expect(Math.min(...pixel(x, y)), `${x},${y}`).toBeGreaterThan(239);

    const [stored] = await bed.database.db.select().from(reportFiles).where(eq(reportFiles.id, report.fileIds[0]!));
    expect(stored!.redactions).toEqual([{ x: 10, y: 20, w: 30, h: 50 }]);
    const original = openBytes(stored!.content, bed.app.config.secrets.encryptionKeys);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const audit = (await auditRows(report.id)).find((row) => row.action === "report.file_redacted");
    expect(audit).toMatchObject({ occurredOn: today, action: "report.file_redacted", details: { fileId: report.fileIds[0], areas: 1 } });
  });

  it("forwards to the unit head: the record is exactly what was sent, and only that unit's manager sees it", async () => {
    const summary = "Ringkasan untuk kepala unit: pungli di loket KTP.";
    const response = await post(`/staff/reports/${report.id}`, "moderator", {
      intent: "forward",
      destination: "unit_head",
      summary,
      reason: "Diteruskan kepada kepala unit.",
      fileIds: report.fileIds[0]!,
      externalReference: "ND-12/2026",
    });
    expect(response.status).toBe(303);
    expect(await reportRow(report.id)).toMatchObject({ status: "forwarded", followedUpOn: today });
    const [forward] = await bed.database.db.select().from(reportForwards).where(eq(reportForwards.reportId, report.id));
    expect(forward).toMatchObject({ destination: "unit_head", staffId: ids.moderator, sentOn: today, fileIds: [report.fileIds[0]], externalReference: "ND-12/2026" });
    expect(openText(forward!.summary, bed.app.config.secrets.encryptionKeys)).toBe(summary);
    const audit = (await auditRows(report.id)).find((row) => row.action === "report.forwarded");
    expect(audit).toMatchObject({ occurredOn: today, action: "report.forwarded", details: { destination: "unit_head", fileIds: [report.fileIds[0]] } });

    const managerPage = await get("/staff/forwarded", "disdukManager");
    expect(managerPage.status).toBe(200);
    const managerHtml = await managerPage.text();
    const managerText = textOf(managerHtml);
    expect(managerText).toContain(summary);
    expect(managerText).not.toContain("uang rokok");
    expect(managerText).not.toContain(NOTE);
    const fileUrl = `/staff/forwarded/${forward!.id}/files/${report.fileIds[0]}`;
    expect(managerHtml).toContain(fileUrl);
    const sent = await get(fileUrl, "disdukManager");
    expect(sent.status).toBe(200);
    expect(sent.headers.get("cache-control")).toBe("no-store");
    // The redacted copy was sent, not the original.
    const { data, info } = await sharp(Buffer.from(await sent.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect(Math.max(...data.subarray((45 * info.width + 50) * info.channels, (45 * info.width + 50) * info.channels + 3))).toBeLessThan(16);
    // A file that was not sent is not reachable through the forward.
    expect((await get(`/staff/forwarded/${forward!.id}/files/${report.fileIds[1]}`, "disdukManager")).status).toBe(404);

    expect(textOf(await (await get("/staff/forwarded", "dpmptspManager")).text())).not.toContain(summary);
    expect((await get(fileUrl, "dpmptspManager")).status).toBe(404);
    expect((await get("/staff/forwarded", "moderator")).status).toBe(403);
    expect((await get("/staff/forwarded", "cityAdmin")).status).toBe(403);
    // The manager still never reaches the report itself.
    expect((await get(`/staff/reports/${report.id}`, "disdukManager")).status).toBe(404);
  });

  it("never forwards to Saber Pungli, and refuses a file of another report", async () => {
    const other = await createReport(bed.database.db, bed.app.config, {
      unit: `${CITY}/dpmptsp`,
      receivedOn: today,
      clock: { status: "verified", triagedOn: today, verifiedOn: today, followUpDueOn: addDays(today, 10) },
      files: [{ format: "png" }],
    });
    const saber = await post(`/staff/reports/${other.id}`, "moderator", { intent: "forward", destination: "saber_pungli", summary: "x", reason: "x" });
    expect(saber.status).toBe(400);
    const foreign = await post(`/staff/reports/${other.id}`, "moderator", {
      intent: "forward",
      destination: "inspektorat",
      summary: "x",
      reason: "x",
      fileIds: report.fileIds[0]!,
    });
    expect(foreign.status).toBe(400);
    expect((await reportRow(other.id)).status).toBe("verified");
    const [{ n }] = (await bed.database.db.select({ n: count() }).from(reportForwards).where(eq(reportForwards.reportId, other.id))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("keeps internal notes on the moderators' case page only", async () => {
    const [note] = await bed.database.db
      .select()
      .from(reportMessages)
      .where(and(eq(reportMessages.reportId, report.id), eq(reportMessages.kind, "note")));
    expect(note!.body).not.toContain("CATATAN");
    expect(textOf(await (await get(`/staff/reports/${report.id}`, "moderator")).text())).toContain(NOTE);
    const pages = ["/staff", "/staff/forwarded", "/staff/unit-feedback", "/staff/reports", "/staff/audit"];
    for (const who of ["disdukManager", "dpmptspManager", "cityAdmin", "installationAdmin", "evaluator"] as const) {
      for (const page of pages) {
        const response = await get(page, who);
        expect(await response.text(), `${who} ${page}`).not.toContain("CATATAN-INTERNAL-7781");
      }
    }
    for (const page of ["/", "/report", `/staff/reports/${report.id}`]) {
      expect(await (await bed.app.get(page)).text(), page).not.toContain("CATATAN-INTERNAL-7781");
    }
  });
});
