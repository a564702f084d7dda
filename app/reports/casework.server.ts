/**
 * The one module that reads and changes a report on the moderators' side: the case page,
 * assignment, notes, questions, status changes, duplicates, forwards and redaction, and what
 * a unit's manager sees of cases forwarded to the unit's head. Every change is checked with
 * the policy, written in one transaction with its audit record (ids and enums only, never
 * content), and every status change goes through the status machine.
 */
import { and, asc, desc, eq, inArray, max, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, reportEvents, reportFiles, reportForwards, reportMessages, reports, services, staff, staffGrants, units } from "../../db/schema";
import { recordReportAudit, recordReportRead, reportReaders, type ReportReadAction } from "../audit/audit.server";
import { actingRole, actorRole } from "../auth/guard.server";
import { enqueueAlerts } from "../alerts/outbox.server";
import { can, reportResource, type Action, type Actor, type Resource } from "../auth/policy";
import type { SignedInStaff } from "../auth/session.server";
import { loadGrantsOf } from "../auth/session.server";
import { localDate } from "../utils/calendar";
import type { AppContext } from "../utils/context.server";
import type { AlertSettings } from "../utils/env.server";
import type { EncryptionKey } from "../utils/secrets.server";
import { DESTINATIONS, destinationAllowed, statusFormTargets, type CaseworkCommand } from "./casework-schema";
import { forwardSummaryFacts } from "./forward-summary";
import { holidaySet, reportClockColumns } from "./clock.server";
import { clockView } from "./queue.server";
import { redactImage, isRedactable } from "./redaction.server";
import { openBytes, openJson, openText, sealBytes, sealText, type ReportContent } from "./sealed.server";
import {
  CLOSING_OUTCOMES,
  STAFF_TRANSITIONS,
  apply,
  canAskQuestion,
  type MoveRefusal,
  type ReportClock,
  type ReportOutcome,
  type ReportStatus,
  type SlaSettings,
} from "./status-machine";
import { isUuid } from "../utils/ids";

export interface CaseworkDeps {
  db: Database;
  keys: readonly EncryptionKey[];
  sla: SlaSettings;
  holidays: ReadonlySet<string>;
  /** Staff alerts: an assignment tells the assignee (docs/alerts.md). */
  alerts: AlertSettings;
  now?: Date;
}

export async function caseworkDeps(context: AppContext): Promise<CaseworkDeps> {
  return { db: context.db, keys: context.config.secrets.encryptionKeys, sla: context.config.reports, holidays: await holidaySet(context.db), alerts: context.config.alerts };
}



/** A report with what a permission check and the clock need. */
async function loadReport(db: Database, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: reports.id,
      reference: reports.reference,
      regionId: reports.regionId,
      provinceId: regions.provinceId,
      timeZone: regions.timeZone,
      unitId: reports.unitId,
      category: reports.category,
      channel: reports.channel,
      assigneeId: reports.assigneeId,
      duplicateOfId: reports.duplicateOfId,
      ...reportClockColumns,
    })
    .from(reports)
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .where(eq(reports.id, id));
  if (!row) return null;
  const { status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn, ...rest } = row;
  const clock: ReportClock = { status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn };
  return { ...rest, clock, resource: reportResource(row) };
}
type LoadedReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;

/** The report if the actor may do `action` on it; null otherwise, so nobody learns it exists. */
export async function reportFor(db: Database, actor: Actor, id: string, action: Action = "report.read"): Promise<LoadedReport | null> {
  const report = await loadReport(db, id);
  return report && can(actor, action, report.resource) ? report : null;
}

/** Moderators this report may be assigned to: active, moderating its region, not attached to its unit. */
async function assignableModerators(db: Database, resource: Resource & { regionId: number }) {
  const candidates = await db
    .selectDistinct({ id: staff.id, name: staff.displayName, homeUnitId: staff.homeUnitId })
    .from(staff)
    .innerJoin(staffGrants, eq(staffGrants.staffId, staff.id))
    .where(and(eq(staffGrants.role, "moderator"), eq(staffGrants.regionId, resource.regionId), eq(staff.active, true)))
    .orderBy(asc(staff.displayName));
  const grants = await loadGrantsOf(db, candidates.map((c) => c.id));
  return candidates
    .filter((candidate) => {
      const actor: Actor = { staffId: candidate.id, homeUnitId: candidate.homeUnitId, grants: grants.get(candidate.id) ?? [] };
      return can(actor, "report.moderate", resource);
    })
    .map(({ id, name }) => ({ id, name }));
}

/**
 * The case's names and facts: where it is (region, unit, service), what it is about, its
 * sealed content, when that was purged and who is assigned. The case page and the dossier
 * both start from it.
 */
async function caseHead(db: Database, reportId: string) {
  const [head] = await db
    .select({
      regionName: regions.name,
      unitName: units.name,
      serviceName: services.name,
      category: reports.category,
      incidentMonth: reports.incidentMonth,
      content: reports.content,
      purgedOn: reports.purgedOn,
      assigneeName: staff.displayName,
    })
    .from(reports)
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .leftJoin(units, eq(units.id, reports.unitId))
    .leftJoin(services, eq(services.id, reports.serviceId))
    .leftJoin(staff, eq(staff.id, reports.assigneeId))
    .where(eq(reports.id, reportId));
  return head;
}

/** Everything the case page shows, decrypted. */
async function caseDetail(deps: CaseworkDeps, report: LoadedReport) {
  const { db, keys } = deps;
  const head = await caseHead(db, report.id);
  if (!head) throw new Error("report vanished");

  const author = db.$with("author").as(db.select({ id: staff.id, name: staff.displayName }).from(staff));
  const [files, events, messages, forwards, duplicateOf, duplicates, moderators] = await Promise.all([
    db
      .select({
        id: reportFiles.id,
        mediaType: reportFiles.mediaType,
        byteSize: reportFiles.byteSize,
        width: reportFiles.width,
        height: reportFiles.height,
        hasRedacted: sql<boolean>`${reportFiles.redacted} is not null`,
        redactions: reportFiles.redactions,
        addedOn: reportFiles.addedOn,
        seq: reportFiles.seq,
      })
      .from(reportFiles)
      .where(eq(reportFiles.reportId, report.id))
      .orderBy(asc(reportFiles.seq)),
    db
      .with(author)
      .select({
        id: reportEvents.id,
        fromStatus: reportEvents.fromStatus,
        toStatus: reportEvents.toStatus,
        actorName: author.name,
        occurredOn: reportEvents.occurredOn,
        publicReason: reportEvents.publicReason,
      })
      .from(reportEvents)
      .leftJoin(author, eq(author.id, reportEvents.actorStaffId))
      .where(eq(reportEvents.reportId, report.id))
      .orderBy(asc(reportEvents.seq)),
    db
      .with(author)
      .select({ id: reportMessages.id, kind: reportMessages.kind, authorName: author.name, body: reportMessages.body, createdOn: reportMessages.createdOn })
      .from(reportMessages)
      .leftJoin(author, eq(author.id, reportMessages.authorStaffId))
      .where(eq(reportMessages.reportId, report.id))
      .orderBy(asc(reportMessages.seq)),
    db
      .with(author)
      .select({
        id: reportForwards.id,
        destination: reportForwards.destination,
        staffName: author.name,
        sentOn: reportForwards.sentOn,
        summary: reportForwards.summary,
        fileIds: reportForwards.fileIds,
        externalReference: reportForwards.externalReference,
      })
      .from(reportForwards)
      .leftJoin(author, eq(author.id, reportForwards.staffId))
      .where(eq(reportForwards.reportId, report.id))
      .orderBy(asc(reportForwards.sentOn), asc(reportForwards.id)),
    report.duplicateOfId
      ? db.select({ id: reports.id, reference: reports.reference }).from(reports).where(eq(reports.id, report.duplicateOfId))
      : Promise.resolve([]),
    db.select({ id: reports.id, reference: reports.reference }).from(reports).where(eq(reports.duplicateOfId, report.id)).orderBy(asc(reports.reference)),
    assignableModerators(db, report.resource as Resource & { regionId: number }),
  ]);

  const today = localDate(report.timeZone, deps.now);
  return {
    id: report.id,
    reference: report.reference,
    channel: report.channel,
    ...head,
    content: head.content ? openJson<ReportContent>(head.content, keys) : null,
    status: report.clock.status,
    outcome: report.clock.outcome,
    clock: report.clock,
    clockView: clockView(report.clock, today, deps.holidays, deps.alerts.escalationDays),
    assigneeId: report.assigneeId,
    files,
    events: events.map((e) => ({ ...e, publicReason: e.publicReason ? openText(e.publicReason, keys) : null })),
    messages: messages.map((m) => ({ ...m, body: openText(m.body, keys) })),
    forwards: forwards.map((f) => ({ ...f, summary: openText(f.summary, keys) })),
    duplicateOf: duplicateOf[0] ?? null,
    duplicates,
    moderators,
    transitions: STAFF_TRANSITIONS[report.clock.status],
    canAsk: canAskQuestion(report.clock.status),
  };
}

/** What the moderator's case page shows: the case, what can be redacted, and the forms it offers. */
export async function casePage(deps: CaseworkDeps, report: LoadedReport) {
  const detail = await caseDetail(deps, report);
  return {
    ...detail,
    files: detail.files.map((f) => ({ ...f, redactable: isRedactable(f.mediaType) })),
    outcomes: CLOSING_OUTCOMES[detail.status],
    statusTargets: statusFormTargets(detail.transitions),
    canForward: detail.transitions.includes("forwarded"),
    destinations: DESTINATIONS.filter((d) => destinationAllowed(d, detail.category)),
    forwardFacts: forwardSummaryFacts(detail),
  };
}

/** Writes one line of the read log: this person opened this (part of a) case today. */
async function logRead(
  deps: CaseworkDeps,
  actor: Actor,
  action: ReportReadAction,
  report: { id: string; regionId: number; timeZone: string; resource: Resource },
  details: Record<string, unknown> = {},
  as: Action = "report.read",
): Promise<void> {
  await recordReportRead(deps.db, {
    actorStaffId: actor.staffId,
    actorRole: actorRole(actor, as, report.resource),
    action,
    reportId: report.id,
    regionId: report.regionId,
    occurredOn: localDate(report.timeZone, deps.now),
    details,
  });
}

/** The case page as a moderator opens it: recorded in the read log, with who has opened it so far. */
export async function openCase(deps: CaseworkDeps, actor: Actor, report: LoadedReport) {
  await logRead(deps, actor, "report.opened", report);
  const detail = await casePage(deps, report);
  return { ...detail, readers: await reportReaders(deps.db, report.id) };
}

export type CasePageView = Awaited<ReturnType<typeof casePage>>;

/** One change to a case, as the case page's forms send it (casework-schema.ts). */
export type CaseCommand = CaseworkCommand;

export type CaseOutcome =
  | { ok: true }
  | { ok: false; status: 400 | 404 | 409; field: string; error: string };

/** Thrown inside a transaction to undo it: the case changed under our feet, or a rule refused. */
class Refused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly field: string,
    readonly error: string,
  ) {
    super(error);
  }
}

const MOVE_ERRORS: Record<MoveRefusal, { field: string; error: string }> = {
  not_allowed: { field: "to", error: "errors.transitionNotAllowed" },
  outcome_required: { field: "outcome", error: "errors.outcomeRequired" },
  outcome_not_allowed: { field: "outcome", error: "errors.outcomeNotAllowed" },
};

export async function changeCase(deps: CaseworkDeps, signedIn: SignedInStaff, reportId: string, command: CaseCommand): Promise<CaseOutcome> {
  const { db } = deps;
  const report = await reportFor(db, signedIn.actor, reportId, "report.moderate");
  if (!report) return { ok: false, status: 404, field: "", error: "errors.unknownReport" };
  const today = localDate(report.timeZone, deps.now);
  const audit = (tx: Database, action: string, details: Record<string, unknown> = {}) =>
    recordReportAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole: actingRole(signedIn, "report.moderate", report.resource),
      action,
      reportId: report.id,
      regionId: report.regionId,
      occurredOn: today,
      details,
    });

  // Pre-checks that need reads but no lock: the transaction re-checks the status it relies on.
  let assignee: number | null = null;
  if (command.intent === "assign") {
    const allowed = await assignableModerators(db, report.resource as Resource & { regionId: number });
    if (!allowed.some((m) => m.id === command.assigneeId)) return { ok: false, status: 400, field: "assigneeId", error: "errors.assigneeNotAllowed" };
    assignee = command.assigneeId;
  }
  let duplicateTarget: string | null = null;
  if ((command.intent === "status" && command.outcome === "duplicate") || command.intent === "link-duplicate") {
    const found = await findDuplicateTarget(db, signedIn.actor, report, command.duplicateOf ?? "");
    if (!found) return { ok: false, status: 400, field: "duplicateOf", error: "errors.duplicateNotFound" };
    duplicateTarget = found;
  }
  if (command.intent === "forward" && !destinationAllowed(command.destination, report.category)) {
    return { ok: false, status: 400, field: "destination", error: "errors.destinationIntegrity" };
  }
  if (command.intent === "forward" || command.intent === "redact") {
    const ids = command.intent === "forward" ? command.fileIds : [command.fileId];
    if (ids.length > 0) {
      const found = await db
        .select({ id: reportFiles.id })
        .from(reportFiles)
        .where(and(eq(reportFiles.reportId, report.id), inArray(reportFiles.id, ids)));
      if (found.length !== new Set(ids).size) return { ok: false, status: 400, field: command.intent === "forward" ? "fileIds" : "fileId", error: "errors.unknownFile" };
    }
  }

  // Image work happens before the transaction, so the database is not held while it runs.
  let redactedCopy: Buffer | null = null;
  if (command.intent === "redact") {
    const [file] = await db
      .select({ content: reportFiles.content, mediaType: reportFiles.mediaType })
      .from(reportFiles)
      .where(and(eq(reportFiles.id, command.fileId), eq(reportFiles.reportId, report.id)));
    if (!file) return { ok: false, status: 400, field: "fileId", error: "errors.unknownFile" };
    if (!isRedactable(file.mediaType)) return { ok: false, status: 400, field: "fileId", error: "errors.notRedactable" };
    try {
      redactedCopy = await redactImage(openBytes(file.content, deps.keys), file.mediaType, command.areas);
    } catch {
      return { ok: false, status: 400, field: "fileId", error: "errors.notRedactable" };
    }
  }

  try {
    await db.transaction(async (tx) => {
      /** Moves the status through the machine, only if nobody moved it since we read it. */
      const move = async (to: ReportStatus, reason: string, outcome?: ReportOutcome, extra: Partial<typeof reports.$inferInsert> = {}) => {
        const result = apply(report.clock, { by: "staff", to, outcome }, today, deps.sla, deps.holidays);
        if (!result.ok) {
          const refusal = MOVE_ERRORS[result.reason];
          throw new Refused(result.reason === "not_allowed" ? 409 : 400, refusal.field, refusal.error);
        }
        const next = result.clock;
        const changed = await tx
          .update(reports)
          .set({
            status: next.status,
            outcome: next.outcome,
            triagedOn: next.triagedOn,
            triageDueOn: next.triageDueOn,
            verifiedOn: next.verifiedOn,
            followUpDueOn: next.followUpDueOn,
            followedUpOn: next.followedUpOn,
            closeDueOn: next.closeDueOn,
            closedOn: next.closedOn,
            ...extra,
          })
          .where(and(eq(reports.id, report.id), eq(reports.status, report.clock.status)))
          .returning({ id: reports.id });
        if (changed.length !== 1) throw new Refused(409, "", "errors.changedMeanwhile");
        await tx.insert(reportEvents).values({
          reportId: report.id,
          fromStatus: report.clock.status,
          toStatus: to,
          actorStaffId: signedIn.id,
          occurredOn: today,
          publicReason: sealText(reason, deps.keys),
        });
      };
      const addMessage = async (kind: "question" | "note", body: string) => {
        const [last] = await tx.select({ seq: max(reportMessages.seq) }).from(reportMessages).where(eq(reportMessages.reportId, report.id));
        await tx.insert(reportMessages).values({
          reportId: report.id,
          kind,
          authorStaffId: signedIn.id,
          body: sealText(body, deps.keys),
          createdOn: today,
          seq: (last?.seq ?? 0) + 1,
        });
      };

      switch (command.intent) {
        case "assign":
        case "unassign": {
          if (command.intent === "unassign" && report.assigneeId === null) throw new Refused(400, "", "errors.notAssigned");
          await tx.update(reports).set({ assigneeId: assignee }).where(eq(reports.id, report.id));
          if (assignee !== null) {
            await enqueueAlerts(tx, deps.alerts, { kind: "assigned", reportId: report.id, assigneeId: assignee, byStaffId: signedIn.id }, deps.now ?? new Date());
          }
          await audit(tx, command.intent === "assign" ? "report.assigned" : "report.unassigned", { assigneeId: assignee, previousAssigneeId: report.assigneeId });
          break;
        }
        case "note": {
          await addMessage("note", command.body);
          await audit(tx, "report.note_added");
          break;
        }
        case "question": {
          if (!canAskQuestion(report.clock.status)) throw new Refused(409, "", "errors.questionNotAllowed");
          await addMessage("question", command.body);
          if (report.clock.status !== "needs_info") await move("needs_info", command.reason);
          await audit(tx, "report.question_asked", { from: report.clock.status, to: "needs_info" });
          break;
        }
        case "status": {
          if (command.to === "needs_info" || command.to === "forwarded") throw new Refused(400, "to", "errors.useOwnForm");
          const duplicate = command.to === "closed" && command.outcome === "duplicate";
          await move(command.to, command.reason, command.to === "closed" ? command.outcome : undefined, duplicate ? { duplicateOfId: duplicateTarget } : {});
          await audit(tx, "report.status_changed", {
            from: report.clock.status,
            to: command.to,
            outcome: command.to === "closed" ? (command.outcome ?? null) : null,
            duplicateOf: duplicate ? duplicateTarget : null,
          });
          break;
        }
        case "link-duplicate": {
          await tx.update(reports).set({ duplicateOfId: duplicateTarget }).where(eq(reports.id, report.id));
          await audit(tx, "report.duplicate_linked", { duplicateOf: duplicateTarget });
          break;
        }
        case "unlink-duplicate": {
          if (report.duplicateOfId === null) throw new Refused(400, "", "errors.notLinked");
          await tx.update(reports).set({ duplicateOfId: null }).where(eq(reports.id, report.id));
          await audit(tx, "report.duplicate_unlinked", { duplicateOf: report.duplicateOfId });
          break;
        }
        case "forward": {
          await move("forwarded", command.reason);
          const fileIds = [...new Set(command.fileIds)];
          const [forward] = await tx
            .insert(reportForwards)
            .values({
              reportId: report.id,
              destination: command.destination,
              staffId: signedIn.id,
              sentOn: today,
              summary: sealText(command.summary, deps.keys),
              fileIds,
              externalReference: command.externalReference || null,
            })
            .returning({ id: reportForwards.id });
          await audit(tx, "report.forwarded", { destination: command.destination, forwardId: forward?.id, fileIds });
          break;
        }
        case "redact": {
          await tx
            .update(reportFiles)
            .set({ redacted: sealBytes(redactedCopy!, deps.keys), redactions: command.areas })
            .where(eq(reportFiles.id, command.fileId));
          await audit(tx, "report.file_redacted", { fileId: command.fileId, areas: command.areas.length });
          break;
        }
      }
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, status: error.status, field: error.field, error: error.error };
    throw error;
  }
  return { ok: true };
}

/** Another report of the same region, readable by the actor, named by its reference. */
async function findDuplicateTarget(db: Database, actor: Actor, report: LoadedReport, reference: string): Promise<string | null> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.reference, reference), eq(reports.regionId, report.regionId), ne(reports.id, report.id)));
  if (!row) return null;
  return (await reportFor(db, actor, row.id)) ? row.id : null;
}

/** A file of a report the actor may read: the cleaned original, or the redacted copy. */
export async function reportFile(deps: CaseworkDeps, actor: Actor, reportId: string, fileId: string, version: "original" | "redacted") {
  const report = await reportFor(deps.db, actor, reportId);
  if (!report || !isUuid(fileId)) return null;
  const [file] = await deps.db
    .select({ mediaType: reportFiles.mediaType, content: reportFiles.content, redacted: reportFiles.redacted })
    .from(reportFiles)
    .where(and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, report.id)));
  if (!file) return null;
  const sealed = version === "redacted" ? file.redacted : file.content;
  if (!sealed) return null;
  // The original may show what identifies the reporter: every opening is in the read log.
  if (version === "original") await logRead(deps, actor, "report.file_opened", report, { fileId });
  return { mediaType: file.mediaType, bytes: openBytes(sealed, deps.keys) };
}

/**
 * Cases forwarded to the head of units the actor manages: the summary and the files sent
 * (their redacted copies when one exists), nothing else of the report.
 */
export async function forwardedToUnitHeads(deps: CaseworkDeps, actor: Actor) {
  const managed = actor.grants.filter((g) => g.role === "unit_manager" && g.unitId !== null).map((g) => g.unitId!);
  if (managed.length === 0) return [];
  const rows = await deps.db
    .select({
      id: reportForwards.id,
      reportId: reports.id,
      unitId: reports.unitId,
      regionId: reports.regionId,
      provinceId: regions.provinceId,
      timeZone: regions.timeZone,
      unitName: units.name,
      reference: reports.reference,
      sentOn: reportForwards.sentOn,
      summary: reportForwards.summary,
      fileIds: reportForwards.fileIds,
      externalReference: reportForwards.externalReference,
    })
    .from(reportForwards)
    .innerJoin(reports, eq(reports.id, reportForwards.reportId))
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(and(eq(reportForwards.destination, "unit_head"), inArray(reports.unitId, managed)))
    .orderBy(desc(reportForwards.sentOn), asc(reports.reference));
  const visible = rows.filter((row) => row.unitId !== null && can(actor, "report.forwarded.read", reportResource(row)));
  for (const row of visible) {
    await logRead(deps, actor, "report.forward_opened", { ...row, id: row.reportId, resource: reportResource(row) }, { forwardId: row.id }, "report.forwarded.read");
  }
  const fileIds = [...new Set(visible.flatMap((row) => row.fileIds))];
  const types = new Map(
    fileIds.length === 0
      ? []
      : (await deps.db.select({ id: reportFiles.id, mediaType: reportFiles.mediaType }).from(reportFiles).where(inArray(reportFiles.id, fileIds))).map(
          (f) => [f.id, f.mediaType] as const,
        ),
  );
  return visible.map((row) => ({
    id: row.id,
    unitName: row.unitName,
    reference: row.reference,
    sentOn: row.sentOn,
    summary: openText(row.summary, deps.keys),
    files: row.fileIds.filter((id) => types.has(id)).map((id) => ({ id, image: isRedactable(types.get(id)!) })),
    externalReference: row.externalReference,
  }));
}

/** A file sent with a forward to a unit head, as sent: the redacted copy when one exists. */
export async function forwardedFile(deps: CaseworkDeps, actor: Actor, forwardId: string, fileId: string) {
  if (!isUuid(forwardId) || !isUuid(fileId)) return null;
  const [row] = await deps.db
    .select({
      destination: reportForwards.destination,
      fileIds: reportForwards.fileIds,
      reportId: reports.id,
      unitId: reports.unitId,
      regionId: reports.regionId,
      provinceId: regions.provinceId,
      timeZone: regions.timeZone,
    })
    .from(reportForwards)
    .innerJoin(reports, eq(reports.id, reportForwards.reportId))
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .where(eq(reportForwards.id, forwardId));
  if (!row || row.destination !== "unit_head" || row.unitId === null || !row.fileIds.includes(fileId)) return null;
  if (!can(actor, "report.forwarded.read", reportResource(row))) return null;
  const [file] = await deps.db
    .select({ mediaType: reportFiles.mediaType, content: reportFiles.content, redacted: reportFiles.redacted })
    .from(reportFiles)
    .where(and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, row.reportId)));
  if (!file) return null;
  const resource = reportResource(row);
  await logRead(deps, actor, "report.forward_opened", { id: row.reportId, regionId: row.regionId, timeZone: row.timeZone, resource }, { forwardId, fileId }, "report.forwarded.read");
  return { mediaType: file.mediaType, bytes: openBytes(file.redacted ?? file.content, deps.keys) };
}

/**
 * The printable dossier of one forward: the case number, the facts a forward may carry
 * (forward-summary.ts), the summary exactly as sent, the redacted copies of the files sent
 * (a file sent without a redacted copy is named, not shown), and the status history with
 * the public reasons. Internal notes, messages, the reporter's account and originals are
 * never read for it. Opening it is in the read log.
 */
export async function forwardDossier(deps: CaseworkDeps, actor: Actor, reportId: string, forwardId: string) {
  const report = await reportFor(deps.db, actor, reportId);
  if (!report || !isUuid(forwardId)) return null;
  const [forward] = await deps.db
    .select({
      id: reportForwards.id,
      destination: reportForwards.destination,
      sentOn: reportForwards.sentOn,
      summary: reportForwards.summary,
      fileIds: reportForwards.fileIds,
      externalReference: reportForwards.externalReference,
    })
    .from(reportForwards)
    .where(and(eq(reportForwards.id, forwardId), eq(reportForwards.reportId, report.id)));
  if (!forward) return null;
  const head = await caseHead(deps.db, report.id);
  if (!head) return null;
  const [files, events] = await Promise.all([
    forward.fileIds.length === 0
      ? Promise.resolve([])
      : deps.db
          .select({ id: reportFiles.id, seq: reportFiles.seq, mediaType: reportFiles.mediaType, hasRedacted: sql<boolean>`${reportFiles.redacted} is not null` })
          .from(reportFiles)
          .where(and(eq(reportFiles.reportId, report.id), inArray(reportFiles.id, forward.fileIds)))
          .orderBy(asc(reportFiles.seq)),
    deps.db
      .select({ id: reportEvents.id, fromStatus: reportEvents.fromStatus, toStatus: reportEvents.toStatus, occurredOn: reportEvents.occurredOn, publicReason: reportEvents.publicReason })
      .from(reportEvents)
      .where(eq(reportEvents.reportId, report.id))
      .orderBy(asc(reportEvents.seq)),
  ]);
  await logRead(deps, actor, "report.dossier_opened", report, { forwardId });
  // Only the amounts are read from the sealed content: the account and the rest stay sealed.
  const content = head.content ? openJson<ReportContent>(head.content, deps.keys) : null;
  return {
    reportId: report.id,
    reference: report.reference,
    facts: forwardSummaryFacts({
      reference: report.reference,
      unitName: head.unitName,
      regionName: head.regionName,
      category: head.category,
      serviceName: head.serviceName,
      incidentMonth: head.incidentMonth,
      content: content ? { amountAsked: content.amountAsked, officialTariff: content.officialTariff } : null,
    }),
    forward: { ...forward, summary: openText(forward.summary, deps.keys) },
    files: files.map((f) => ({ id: f.id, seq: f.seq, shown: f.hasRedacted && isRedactable(f.mediaType) })),
    events: events.map((e) => ({ ...e, publicReason: e.publicReason ? openText(e.publicReason, deps.keys) : null })),
  };
}

export type ForwardDossier = NonNullable<Awaited<ReturnType<typeof forwardDossier>>>;
