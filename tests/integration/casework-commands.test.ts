/**
 * The moderators' casework commands called directly, without pages or wording: each intent of
 * `changeCase` against a real database, with the rows it stores (status, clock dates, events,
 * sealed messages, forwards, redacted copies, audit entries) and the refusals it answers with,
 * and what `reportFor` and `casePage` give a moderator with and without reach. The clock is a
 * fixed instant given to the commands; the real one is never read.
 */
import { and, asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { reportAuditLog, reportEvents, reportFiles, reportForwards, reportMessages, reports } from "../../db/schema";
import type { SignedInStaff } from "~/auth/session.server";
import { holidaySet } from "~/reports/clock.server";
import { casePage, changeCase, reportFor, type CaseCommand, type CaseworkDeps } from "~/reports/casework.server";
import { openBytes, openText } from "~/reports/sealed.server";
import { addWorkingDays, overdueBy, workingDaysBetween } from "~/reports/working-days";
import { addDays } from "~/utils/calendar";
import { loadConfig } from "~/utils/env.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { createReport } from "../helpers/reports";
import { createSignedInStaff } from "../helpers/staff";

/** 10:00 in Palangka Raya (UTC+7), a Tuesday: every command is dated this local day. */
const NOW = new Date("2026-03-10T03:00:00Z");
const TODAY = "2026-03-10";
const CITY = "kota-palangka-raya";
const config = loadConfig({});
const keys = config.secrets.encryptionKeys;

let database: TestDatabase;
let deps: CaseworkDeps;
let holidays: Set<string>;
const people: Record<"moderator" | "colleague" | "conflicted" | "kotimModerator", SignedInStaff> = {} as never;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  holidays = await holidaySet(database.db);
  deps = { db: database.db, keys, sla: config.reports, holidays, alerts: config.alerts, now: NOW };
  people.moderator = await createSignedInStaff(database.db, config, { grants: [{ role: "moderator", region: CITY }], displayName: "Moderator Kota" });
  people.colleague = await createSignedInStaff(database.db, config, { grants: [{ role: "moderator", region: CITY }], displayName: "Rekan Moderator" });
  // Works at Disdukcapil: never reaches reports about it.
  people.conflicted = await createSignedInStaff(database.db, config, {
    grants: [{ role: "moderator", region: CITY }],
    homeUnit: `${CITY}/disdukcapil`,
    displayName: "Moderator Disduk",
  });
  people.kotimModerator = await createSignedInStaff(database.db, config, { grants: [{ role: "moderator", region: "kabupaten-kotawaringin-timur" }] });
});
afterAll(() => database.drop());

const change = (reportId: string, command: CaseCommand, who: SignedInStaff = people.moderator, on: CaseworkDeps = deps) => changeCase(on, who, reportId, command);

async function reportRow(id: string) {
  const [row] = await database.db.select().from(reports).where(eq(reports.id, id));
  return row!;
}
async function eventsOf(reportId: string) {
  return database.db.select().from(reportEvents).where(eq(reportEvents.reportId, reportId)).orderBy(asc(reportEvents.seq));
}
async function messagesOf(reportId: string) {
  return database.db.select().from(reportMessages).where(eq(reportMessages.reportId, reportId)).orderBy(asc(reportMessages.seq));
}
/** A report's audit entries: dated by day only and in no order within a day, so sorted by action. */
async function auditOf(reportId: string) {
  const rows = await database.db.select().from(reportAuditLog).where(eq(reportAuditLog.reportId, reportId));
  return rows.sort((a, b) => a.action.localeCompare(b.action));
}
/** Everything a refused command could have written about a report. */
async function traces(reportId: string) {
  const [row, events, messages, forwards, audit] = await Promise.all([
    reportRow(reportId),
    eventsOf(reportId),
    messagesOf(reportId),
    database.db.select().from(reportForwards).where(eq(reportForwards.reportId, reportId)),
    auditOf(reportId),
  ]);
  return { row, events, messages, forwards, audit };
}
/** The report as it would be loaded for `who`, for casePage. */
async function loaded(reportId: string, who: SignedInStaff = people.moderator) {
  const report = await reportFor(database.db, who.actor, reportId);
  if (!report) throw new Error("report out of reach");
  return report;
}

const verifiedClock = { status: "verified" as const, triagedOn: addDays(TODAY, -1), verifiedOn: addDays(TODAY, -1), followUpDueOn: addDays(TODAY, 10) };

describe("reach", () => {
  it("gives the report and its case page to a moderator of its region, and nothing to one without reach", async () => {
    const report = await createReport(database.db, config, { unit: `${CITY}/disdukcapil`, receivedOn: addDays(TODAY, -2), files: [{ format: "png" }] });
    const found = await reportFor(database.db, people.moderator.actor, report.id);
    expect(found).toMatchObject({ id: report.id, reference: report.reference, assigneeId: null, duplicateOfId: null });
    expect(found!.clock).toMatchObject({ status: "received", receivedOn: addDays(TODAY, -2), triagedOn: null });

    expect(await reportFor(database.db, people.conflicted.actor, report.id)).toBeNull();
    expect(await reportFor(database.db, people.kotimModerator.actor, report.id)).toBeNull();
    expect(await reportFor(database.db, people.moderator.actor, "not-a-uuid")).toBeNull();
    expect(await reportFor(database.db, people.moderator.actor, "00000000-0000-4000-8000-000000000000")).toBeNull();

    const before = await traces(report.id);
    for (const who of [people.conflicted, people.kotimModerator]) {
      expect(await change(report.id, { intent: "note", body: "Catatan." }, who)).toEqual({ ok: false, status: 404, field: "", error: "errors.unknownReport" });
      expect(await change(report.id, { intent: "status", to: "verified", reason: "Cukup." }, who)).toEqual({
        ok: false,
        status: 404,
        field: "",
        error: "errors.unknownReport",
      });
    }
    expect(await traces(report.id)).toEqual(before);

    const page = await casePage(deps, found!);
    expect(page).toMatchObject({
      id: report.id,
      reference: report.reference,
      status: "received",
      outcome: null,
      unitName: expect.any(String),
      content: expect.objectContaining({ narrative: expect.stringContaining("uang rokok") }),
      transitions: ["triage", "needs_info", "verified", "closed"],
      statusTargets: ["triage", "verified", "closed"],
      outcomes: ["out_of_scope", "duplicate", "spam"],
      canAsk: true,
      canForward: false,
      events: [],
      messages: [],
      forwards: [],
      duplicateOf: null,
      duplicates: [],
    });
    // The clock as of the injected day, not the real one.
    expect(page.clockView).toEqual({
      stage: "triage",
      dueOn: found!.clock.triageDueOn,
      overdue: found!.clock.triageDueOn < TODAY,
      daysLeft: workingDaysBetween(TODAY, found!.clock.triageDueOn, holidays),
      escalated: overdueBy(found!.clock.triageDueOn, TODAY, config.alerts.escalationDays, holidays),
    });
    expect(page.files).toEqual([expect.objectContaining({ id: report.fileIds[0], mediaType: "image/png", hasRedacted: false, redactable: true, seq: 1 })]);
    // Only moderators who may see the case can be given it.
    const assignable = page.moderators.map((m) => m.id);
    expect(assignable).toEqual(expect.arrayContaining([people.moderator.id, people.colleague.id]));
    expect(assignable).not.toContain(people.conflicted.id);
    expect(assignable).not.toContain(people.kotimModerator.id);
  });
});

describe("assignment and notes", () => {
  it("assigns to a moderator who may see the case, unassigns, and refuses what cannot be done", async () => {
    const report = await createReport(database.db, config, { unit: `${CITY}/disdukcapil`, receivedOn: TODAY });
    expect(await change(report.id, { intent: "assign", assigneeId: people.conflicted.id })).toEqual({
      ok: false,
      status: 400,
      field: "assigneeId",
      error: "errors.assigneeNotAllowed",
    });
    expect(await change(report.id, { intent: "assign", assigneeId: people.kotimModerator.id })).toMatchObject({ ok: false, error: "errors.assigneeNotAllowed" });
    expect(await change(report.id, { intent: "unassign" })).toEqual({ ok: false, status: 400, field: "", error: "errors.notAssigned" });
    expect(await traces(report.id)).toMatchObject({ row: { assigneeId: null }, audit: [] });

    expect(await change(report.id, { intent: "assign", assigneeId: people.colleague.id })).toEqual({ ok: true });
    expect((await reportRow(report.id)).assigneeId).toBe(people.colleague.id);
    expect((await casePage(deps, await loaded(report.id))).assigneeName).toBe("Rekan Moderator");
    expect(await change(report.id, { intent: "unassign" })).toEqual({ ok: true });
    expect(await reportRow(report.id)).toMatchObject({ assigneeId: null, status: "received" });

    const audit = await auditOf(report.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "report.assigned",
        actorStaffId: people.moderator.id,
        actorRole: "moderator",
        occurredOn: TODAY,
        details: { assigneeId: people.colleague.id, previousAssigneeId: null },
      }),
      expect.objectContaining({
        action: "report.unassigned",
        actorStaffId: people.moderator.id,
        actorRole: "moderator",
        occurredOn: TODAY,
        details: { assigneeId: null, previousAssigneeId: people.colleague.id },
      }),
    ]);
    expect(await eventsOf(report.id)).toEqual([]);
  });

  it("adds internal notes sealed, numbered in order, with an audit entry that holds no text", async () => {
    const report = await createReport(database.db, config, { receivedOn: TODAY });
    const first = "CATATAN-1 saksi di loket dua";
    const second = "CATATAN-2 periksa CCTV";
    expect(await change(report.id, { intent: "note", body: first })).toEqual({ ok: true });
    expect(await change(report.id, { intent: "note", body: second }, people.colleague)).toEqual({ ok: true });

    const messages = await messagesOf(report.id);
    expect(messages).toMatchObject([
      { kind: "note", authorStaffId: people.moderator.id, createdOn: TODAY, seq: 1 },
      { kind: "note", authorStaffId: people.colleague.id, createdOn: TODAY, seq: 2 },
    ]);
    expect(Buffer.from(messages[0]!.body).toString("latin1")).not.toContain("CATATAN");
    expect(messages.map((m) => openText(m.body, keys))).toEqual([first, second]);
    // A note moves nothing.
    expect(await reportRow(report.id)).toMatchObject({ status: "received", triagedOn: null });
    expect(await eventsOf(report.id)).toEqual([]);

    const audit = await auditOf(report.id);
    expect(audit.map((a) => [a.action, a.actorStaffId, a.details])).toEqual([
      ["report.note_added", expect.any(Number), {}],
      ["report.note_added", expect.any(Number), {}],
    ]);
    expect(audit.map((a) => a.actorStaffId).sort()).toEqual([people.moderator.id, people.colleague.id].sort());

    const page = await casePage(deps, await loaded(report.id));
    expect(page.messages.map((m) => [m.kind, m.authorName, m.body])).toEqual([
      ["note", "Moderator Kota", first],
      ["note", "Rekan Moderator", second],
    ]);
  });
});

describe("questions", () => {
  it("moves the case to needs_info with a sealed public reason, and a follow-up question leaves the status", async () => {
    const report = await createReport(database.db, config, { receivedOn: addDays(TODAY, -1) });
    const reason = "Kami memerlukan informasi tambahan.";
    expect(await change(report.id, { intent: "question", body: "Di loket nomor berapa?", reason })).toEqual({ ok: true });
    expect(await reportRow(report.id)).toMatchObject({ status: "needs_info", triagedOn: TODAY, verifiedOn: null, closedOn: null });

    const [event] = await eventsOf(report.id);
    expect(event).toMatchObject({ fromStatus: "received", toStatus: "needs_info", actorStaffId: people.moderator.id, occurredOn: TODAY });
    expect(Buffer.from(event!.publicReason!).toString("latin1")).not.toContain("informasi");
    expect(openText(event!.publicReason!, keys)).toBe(reason);

    expect(await change(report.id, { intent: "question", body: "Jam berapa kejadiannya?", reason: "Masih perlu keterangan." })).toEqual({ ok: true });
    expect((await eventsOf(report.id)).length).toBe(1);
    const messages = await messagesOf(report.id);
    expect(messages).toMatchObject([
      { kind: "question", authorStaffId: people.moderator.id, createdOn: TODAY, seq: 1 },
      { kind: "question", authorStaffId: people.moderator.id, createdOn: TODAY, seq: 2 },
    ]);
    expect(messages.map((m) => openText(m.body, keys))).toEqual(["Di loket nomor berapa?", "Jam berapa kejadiannya?"]);

    const audit = await auditOf(report.id);
    // Both entries fall on the same day, which is all the order they keep.
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => [a.action, a.actorRole, a.occurredOn, a.details])).toEqual(
      expect.arrayContaining([
        ["report.question_asked", "moderator", TODAY, { from: "received", to: "needs_info" }],
        ["report.question_asked", "moderator", TODAY, { from: "needs_info", to: "needs_info" }],
      ]),
    );
    expect(JSON.stringify(audit.map((a) => a.details))).not.toMatch(/loket|informasi|keterangan/);

    const page = await casePage(deps, await loaded(report.id));
    expect(page).toMatchObject({ status: "needs_info", canAsk: true, clockView: { stage: null, dueOn: null, overdue: false, daysLeft: null } });
    expect(page.events).toEqual([expect.objectContaining({ fromStatus: "received", toStatus: "needs_info", actorName: "Moderator Kota", publicReason: reason })]);
  });

  it("refuses a question once the case can no longer wait for the reporter", async () => {
    const report = await createReport(database.db, config, {
      receivedOn: addDays(TODAY, -10),
      clock: { status: "closed", outcome: "spam", triagedOn: addDays(TODAY, -9), closedOn: addDays(TODAY, -9) },
    });
    const before = await traces(report.id);
    expect(await change(report.id, { intent: "question", body: "Masih di sana?", reason: "Perlu keterangan." })).toEqual({
      ok: false,
      status: 409,
      field: "",
      error: "errors.questionNotAllowed",
    });
    expect(await traces(report.id)).toEqual(before);
  });
});

describe("status changes", () => {
  it("refuses a move the machine forbids, a close without or with a wrong outcome, and the moves with their own forms, writing nothing", async () => {
    const report = await createReport(database.db, config, { receivedOn: TODAY });
    const before = await traces(report.id);
    expect(await change(report.id, { intent: "status", to: "handled_internally", reason: "Sudah ditangani." })).toEqual({
      ok: false,
      status: 409,
      field: "to",
      error: "errors.transitionNotAllowed",
    });
    expect(await change(report.id, { intent: "status", to: "closed", reason: "Selesai." })).toEqual({
      ok: false,
      status: 400,
      field: "outcome",
      error: "errors.outcomeRequired",
    });
    expect(await change(report.id, { intent: "status", to: "closed", outcome: "substantiated", reason: "Terbukti." })).toEqual({
      ok: false,
      status: 400,
      field: "outcome",
      error: "errors.outcomeNotAllowed",
    });
    for (const to of ["needs_info", "forwarded"] as const) {
      expect(await change(report.id, { intent: "status", to, reason: "Alasan." })).toEqual({ ok: false, status: 400, field: "to", error: "errors.useOwnForm" });
    }
    expect(await traces(report.id)).toEqual(before);
  });

  it("verifies, then closes with an outcome: the clock dates, one event per move and the audit entries", async () => {
    const report = await createReport(database.db, config, { receivedOn: addDays(TODAY, -2) });
    const { triageDueOn } = await reportRow(report.id);
    expect(await change(report.id, { intent: "status", to: "verified", reason: "Keterangan cukup." })).toEqual({ ok: true });
    expect(await reportRow(report.id)).toMatchObject({
      status: "verified",
      outcome: null,
      triagedOn: TODAY,
      triageDueOn,
      verifiedOn: TODAY,
      followUpDueOn: addWorkingDays(TODAY, config.reports.followUpDays, holidays),
      followedUpOn: null,
      closeDueOn: null,
      closedOn: null,
    });
    const verifiedPage = await casePage(deps, await loaded(report.id));
    expect(verifiedPage).toMatchObject({ canForward: true, outcomes: ["substantiated", "not_substantiated", "out_of_scope", "duplicate"] });

    expect(await change(report.id, { intent: "status", to: "closed", outcome: "substantiated", reason: "Terbukti dan ditindaklanjuti." })).toEqual({ ok: true });
    expect(await reportRow(report.id)).toMatchObject({ status: "closed", outcome: "substantiated", verifiedOn: TODAY, closedOn: TODAY, duplicateOfId: null });

    const events = await eventsOf(report.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorStaffId, e.occurredOn])).toEqual([
      ["received", "verified", people.moderator.id, TODAY],
      ["verified", "closed", people.moderator.id, TODAY],
    ]);
    expect(events.map((e) => openText(e.publicReason!, keys))).toEqual(["Keterangan cukup.", "Terbukti dan ditindaklanjuti."]);
    const audit = await auditOf(report.id);
    expect(audit.map((a) => a.action)).toEqual(["report.status_changed", "report.status_changed"]);
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        { from: "received", to: "verified", outcome: null, duplicateOf: null },
        { from: "verified", to: "closed", outcome: "substantiated", duplicateOf: null },
      ]),
    );
    expect(audit.every((a) => a.occurredOn === TODAY && a.actorRole === "moderator")).toBe(true);

    // Closed: only reopening is offered, and it starts a new triage round from today.
    const closedPage = await casePage(deps, await loaded(report.id));
    expect(closedPage).toMatchObject({ transitions: ["triage"], canAsk: false, canForward: false, outcomes: [] });
    expect(await change(report.id, { intent: "status", to: "triage", reason: "Dibuka kembali." })).toEqual({ ok: true });
    expect(await reportRow(report.id)).toMatchObject({
      status: "triage",
      outcome: null,
      closedOn: null,
      triagedOn: TODAY,
      triageDueOn: addWorkingDays(TODAY, config.reports.triageDays, holidays),
    });
  });

  it("answers 409 when someone else moved the case between reading it and changing it, writing nothing", async () => {
    const report = await createReport(database.db, config, { receivedOn: TODAY });
    // Another moderator's move lands after the command read the case, just before it writes.
    const db = database.db;
    const interleaved: Database = Object.assign(Object.create(db) as Database, {
      transaction: (async (...args: Parameters<Database["transaction"]>) => {
        await db.update(reports).set({ status: "triage" }).where(eq(reports.id, report.id));
        return db.transaction(...args);
      }) as Database["transaction"],
    });
    expect(await change(report.id, { intent: "status", to: "verified", reason: "Cukup." }, people.moderator, { ...deps, db: interleaved })).toEqual({
      ok: false,
      status: 409,
      field: "",
      error: "errors.changedMeanwhile",
    });
    expect(await traces(report.id)).toMatchObject({ row: { status: "triage", verifiedOn: null, triagedOn: null }, events: [], audit: [] });
  });
});

describe("duplicates", () => {
  it("closes as a duplicate only of another report of the same region, then unlinks and links again", async () => {
    const original = await createReport(database.db, config, { unit: `${CITY}/dpmptsp`, receivedOn: addDays(TODAY, -5) });
    const kotim = await createReport(database.db, config, { unit: null, region: "kabupaten-kotawaringin-timur", receivedOn: TODAY });
    const copy = await createReport(database.db, config, { unit: `${CITY}/dpmptsp`, receivedOn: TODAY });
    const before = await traces(copy.id);
    const refused = { ok: false, status: 400, field: "duplicateOf", error: "errors.duplicateNotFound" };
    for (const duplicateOf of [kotim.reference, copy.reference, "PD-XXXX-XXXX", undefined]) {
      expect(await change(copy.id, { intent: "status", to: "closed", outcome: "duplicate", duplicateOf, reason: "Sudah dilaporkan." }), String(duplicateOf)).toEqual(refused);
    }
    expect(await change(copy.id, { intent: "link-duplicate", duplicateOf: kotim.reference })).toEqual(refused);
    expect(await change(copy.id, { intent: "unlink-duplicate" })).toEqual({ ok: false, status: 400, field: "", error: "errors.notLinked" });
    expect(await traces(copy.id)).toEqual(before);

    expect(await change(copy.id, { intent: "status", to: "closed", outcome: "duplicate", duplicateOf: original.reference, reason: "Sudah dilaporkan." })).toEqual({
      ok: true,
    });
    expect(await reportRow(copy.id)).toMatchObject({ status: "closed", outcome: "duplicate", duplicateOfId: original.id, triagedOn: TODAY, closedOn: TODAY });
    const [event] = await eventsOf(copy.id);
    expect(event).toMatchObject({ fromStatus: "received", toStatus: "closed", occurredOn: TODAY });
    expect((await casePage(deps, await loaded(copy.id))).duplicateOf).toEqual({ id: original.id, reference: original.reference });
    expect((await casePage(deps, await loaded(original.id))).duplicates).toEqual([{ id: copy.id, reference: copy.reference }]);

    expect(await change(copy.id, { intent: "unlink-duplicate" })).toEqual({ ok: true });
    expect((await reportRow(copy.id)).duplicateOfId).toBeNull();
    expect(await change(copy.id, { intent: "link-duplicate", duplicateOf: original.reference })).toEqual({ ok: true });
    expect(await reportRow(copy.id)).toMatchObject({ duplicateOfId: original.id, status: "closed", outcome: "duplicate" });
    // Linking and unlinking move no status.
    expect((await eventsOf(copy.id)).length).toBe(1);

    const audit = await auditOf(copy.id);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["report.duplicate_linked", { duplicateOf: original.id }],
      ["report.duplicate_unlinked", { duplicateOf: original.id }],
      ["report.status_changed", { from: "received", to: "closed", outcome: "duplicate", duplicateOf: original.id }],
    ]);
    expect(await auditOf(original.id)).toEqual([]);
  });
});

describe("forwarding and redaction", () => {
  const NOTE = "CATATAN-INTERNAL-7781 jangan dibagikan";
  let report: Awaited<ReturnType<typeof createReport>>;
  let other: Awaited<ReturnType<typeof createReport>>;

  beforeAll(async () => {
    report = await createReport(database.db, config, {
      unit: `${CITY}/disdukcapil`,
      receivedOn: addDays(TODAY, -2),
      clock: verifiedClock,
      files: [{ format: "jpeg", width: 200, height: 100, exif: true }, { format: "png" }],
    });
    other = await createReport(database.db, config, { unit: `${CITY}/dpmptsp`, receivedOn: TODAY, clock: verifiedClock, files: [{ format: "png" }] });
    expect(await change(report.id, { intent: "note", body: NOTE })).toEqual({ ok: true });
  });

  it("refuses to redact or forward a file of another report, writing nothing", async () => {
    const before = await traces(report.id);
    expect(await change(report.id, { intent: "redact", fileId: other.fileIds[0]!, areas: [{ x: 0, y: 0, w: 10, h: 10 }] })).toEqual({
      ok: false,
      status: 400,
      field: "fileId",
      error: "errors.unknownFile",
    });
    expect(
      await change(report.id, { intent: "forward", destination: "inspektorat", summary: "Ringkasan.", reason: "Diteruskan.", fileIds: [report.fileIds[0]!, other.fileIds[0]!] }),
    ).toEqual({ ok: false, status: 400, field: "fileIds", error: "errors.unknownFile" });
    expect(await traces(report.id)).toEqual(before);
    const [otherFile] = await database.db.select({ redacted: reportFiles.redacted }).from(reportFiles).where(eq(reportFiles.id, other.fileIds[0]!));
    expect(otherFile!.redacted).toBeNull();
  });

  it("blacks out the areas of a real image in a sealed copy without metadata, keeping the original", async () => {
    const fileId = report.fileIds[0]!;
    expect(await change(report.id, { intent: "redact", fileId, areas: [{ x: 10, y: 20, w: 30, h: 50 }] })).toEqual({ ok: true });

    const [stored] = await database.db.select().from(reportFiles).where(eq(reportFiles.id, fileId));
    expect(stored!.redactions).toEqual([{ x: 10, y: 20, w: 30, h: 50 }]);
    const copy = openBytes(stored!.redacted!, keys);
    const metadata = await sharp(copy).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(["jpeg", 200, 100, undefined]);
    const { data, info } = await sharp(copy).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    // Inside the area (x 20–80 px, y 20–70 px): black, allowing for JPEG noise; outside: white.
    for (const [x, y] of [[21, 21], [50, 45], [78, 68]] as const) expect(Math.max(...pixel(x, y)), `${x},${y}`).toBeLessThan(16);
    for (const [x, y] of [[5, 5], [150, 50], [50, 90]] as const) expect(Math.min(...pixel(x, y)), `${x},${y}`).toBeGreaterThan(239);
    expect((await sharp(openBytes(stored!.content, keys)).metadata()).exif).toBeDefined();

    const audit = (await auditOf(report.id)).filter((a) => a.action === "report.file_redacted");
    expect(audit).toEqual([expect.objectContaining({ occurredOn: TODAY, actorStaffId: people.moderator.id, actorRole: "moderator", details: { fileId, areas: 1 } })]);
    expect((await reportRow(report.id)).status).toBe("verified");
    const page = await casePage(deps, await loaded(report.id));
    expect(page.files.map((f) => [f.id, f.hasRedacted, f.redactable])).toEqual([
      [fileId, true, true],
      [report.fileIds[1], false, true],
    ]);
  });

  it("forwards with files: the forward record is what was sent, the status and clock move, the audit names ids only", async () => {
    const summary = "Ringkasan untuk kepala unit: pungli di loket KTP.";
    const reason = "Diteruskan kepada kepala unit.";
    const fileId = report.fileIds[0]!;
    expect(
      await change(report.id, { intent: "forward", destination: "unit_head", summary, reason, fileIds: [fileId, fileId], externalReference: "ND-12/2026" }),
    ).toEqual({ ok: true });

    expect(await reportRow(report.id)).toMatchObject({
      status: "forwarded",
      verifiedOn: verifiedClock.verifiedOn,
      followedUpOn: TODAY,
      closeDueOn: addWorkingDays(TODAY, config.reports.closeDays, holidays),
    });
    const forwards = await database.db.select().from(reportForwards).where(eq(reportForwards.reportId, report.id));
    expect(forwards).toEqual([
      expect.objectContaining({ destination: "unit_head", staffId: people.moderator.id, sentOn: TODAY, fileIds: [fileId], externalReference: "ND-12/2026" }),
    ]);
    expect(openText(forwards[0]!.summary, keys)).toBe(summary);
    const [event] = await eventsOf(report.id);
    expect(event).toMatchObject({ fromStatus: "verified", toStatus: "forwarded", actorStaffId: people.moderator.id, occurredOn: TODAY });
    expect(openText(event!.publicReason!, keys)).toBe(reason);

    const audit = await auditOf(report.id);
    expect(audit.map((a) => a.action)).toEqual(["report.file_redacted", "report.forwarded", "report.note_added"]);
    expect(audit.find((a) => a.action === "report.forwarded")!.details).toEqual({ destination: "unit_head", forwardId: forwards[0]!.id, fileIds: [fileId] });
    expect(JSON.stringify(audit.map((a) => a.details))).not.toMatch(/Ringkasan|loket|CATATAN|kepala unit/);

    // Forwarded again elsewhere, without files and without their reference.
    expect(await change(report.id, { intent: "forward", destination: "inspektorat", summary: "Ringkasan kedua.", reason: "Diteruskan lagi.", fileIds: [], externalReference: "" })).toEqual({
      ok: true,
    });
    const [second] = await database.db
      .select()
      .from(reportForwards)
      .where(and(eq(reportForwards.reportId, report.id), eq(reportForwards.destination, "inspektorat")));
    expect(second).toMatchObject({ fileIds: [], externalReference: null, sentOn: TODAY });
    expect(await reportRow(report.id)).toMatchObject({ status: "forwarded", followedUpOn: TODAY });

    const page = await casePage(deps, await loaded(report.id));
    expect(page.forwards).toHaveLength(2);
    expect(page.forwards.map((f) => [f.destination, f.staffName, f.summary, f.fileIds])).toEqual(
      expect.arrayContaining([
        ["unit_head", "Moderator Kota", summary, [fileId]],
        ["inspektorat", "Moderator Kota", "Ringkasan kedua.", []],
      ]),
    );
    expect(page.messages.map((m) => [m.kind, m.body])).toEqual([["note", NOTE]]);
  });
});
