/**
 * Writing and reading the append-only audit log. Call `recordAudit` with the same transaction
 * handle as the change it describes, so a change and its record commit together or not at all.
 * Details carry identifiers and field names, never report content or personal data.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog, reportAuditLog, reports, staff } from "../../db/schema";
import type { Reach } from "../auth/policy";

export interface AuditEntry {
  actorStaffId: number | null;
  /** The role the action was done in, or "system" for command-line tools. */
  actorRole: string;
  action: string;
  objectType: string;
  objectId?: string | number | null;
  regionId?: number | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorStaffId: entry.actorStaffId,
    actorRole: entry.actorRole,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    regionId: entry.regionId ?? null,
    details: entry.details ?? {},
  });
}

export interface AuditFilter {
  actorStaffId?: number;
  action?: string;
  actions?: readonly string[];
  exceptActions?: readonly string[];
  objectType?: string;
  objectId?: string;
  regionId?: number;
  /** Inclusive start and exclusive end. */
  from?: Date;
  to?: Date;
  /** Rows older than this id (paging, newest first). */
  beforeId?: number;
  limit?: number;
}

/** Audit entries within the reader's reach (installation-wide entries only for installation admins). */
export async function listAudit(db: Database, readable: Reach, filter: AuditFilter = {}) {
  const conditions: SQL[] = [];
  if (!readable.all) {
    const regionIds = [...readable.regionIds];
    if (regionIds.length === 0) return [];
    conditions.push(inArray(auditLog.regionId, regionIds));
  }
  if (filter.actorStaffId !== undefined) conditions.push(eq(auditLog.actorStaffId, filter.actorStaffId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actions) conditions.push(inArray(auditLog.action, [...filter.actions]));
  if (filter.exceptActions) conditions.push(notInArray(auditLog.action, [...filter.exceptActions]));
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId !== undefined) conditions.push(eq(auditLog.objectId, filter.objectId));
  if (filter.regionId !== undefined) conditions.push(eq(auditLog.regionId, filter.regionId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorStaffId: auditLog.actorStaffId,
      actorEmail: staff.email,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      regionId: auditLog.regionId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 50, 200));
}

/**
 * A staff action on an integrity report. Kept in its own table and dated by the region's
 * local day only, like the report: an exact time, or a place in the sequence of timed
 * entries, would bound when the report was filed.
 */
export interface ReportAuditEntry {
  actorStaffId: number;
  actorRole: string;
  action: string;
  reportId: string;
  regionId: number;
  /** The region's local date (YYYY-MM-DD). */
  occurredOn: string;
  details?: Record<string, unknown>;
}

export async function recordReportAudit(db: Database, entry: ReportAuditEntry): Promise<void> {
  await db.insert(reportAuditLog).values({ ...entry, details: entry.details ?? {} });
}

/**
 * The read log: who opened a case page (with its decrypted report and messages), an original
 * photo, a record of what was forwarded, or a forwarding dossier. Kept with the other report
 * entries, by day only, and written once per person, thing and day: a second look the same
 * day adds nothing the day-only log could tell.
 */
export const REPORT_READ_ACTIONS = ["report.opened", "report.file_opened", "report.forward_opened", "report.dossier_opened"] as const;
export type ReportReadAction = (typeof REPORT_READ_ACTIONS)[number];

/** Reads outside reports (exports of raw responses), in the timed audit log. */
export const READ_ACTIONS = ["responses.exported"] as const;

export async function recordReportRead(db: Database, entry: ReportAuditEntry & { action: ReportReadAction }): Promise<void> {
  const details = entry.details ?? {};
  const [seen] = await db
    .select({ id: reportAuditLog.id })
    .from(reportAuditLog)
    .where(
      and(
        eq(reportAuditLog.reportId, entry.reportId),
        eq(reportAuditLog.actorStaffId, entry.actorStaffId),
        eq(reportAuditLog.action, entry.action),
        eq(reportAuditLog.occurredOn, entry.occurredOn),
        sql`${reportAuditLog.details} = ${JSON.stringify(details)}::jsonb`,
      ),
    )
    .limit(1);
  if (!seen) await recordReportAudit(db, { ...entry, details });
}

/** Who has opened a case, and what of it, newest day first (no order within a day is kept). */
export async function reportReaders(db: Database, reportId: string) {
  return db
    .select({
      id: reportAuditLog.id,
      occurredOn: reportAuditLog.occurredOn,
      name: staff.displayName,
      action: reportAuditLog.action,
      details: reportAuditLog.details,
    })
    .from(reportAuditLog)
    .leftJoin(staff, eq(staff.id, reportAuditLog.actorStaffId))
    .where(and(eq(reportAuditLog.reportId, reportId), inArray(reportAuditLog.action, [...REPORT_READ_ACTIONS])))
    .orderBy(desc(reportAuditLog.occurredOn), asc(staff.displayName), asc(reportAuditLog.action))
    .limit(200);
}

export interface ReportAuditFilter {
  actorStaffId?: number;
  action?: string;
  /** Only these actions (the "reads" or "changes" filter). */
  actions?: readonly string[];
  /** Not these actions. */
  exceptActions?: readonly string[];
  reportId?: string;
  regionId?: number;
  /** Inclusive local dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit?: number;
}

/** Report actions within the reader's reach, newest day first (no order within a day is kept). */
export async function listReportAudit(db: Database, readable: Reach, filter: ReportAuditFilter = {}) {
  const conditions: SQL[] = [];
  if (!readable.all) {
    const regionIds = [...readable.regionIds];
    if (regionIds.length === 0) return [];
    conditions.push(inArray(reportAuditLog.regionId, regionIds));
  }
  if (filter.actorStaffId !== undefined) conditions.push(eq(reportAuditLog.actorStaffId, filter.actorStaffId));
  if (filter.action) conditions.push(eq(reportAuditLog.action, filter.action));
  if (filter.actions) conditions.push(inArray(reportAuditLog.action, [...filter.actions]));
  if (filter.exceptActions) conditions.push(notInArray(reportAuditLog.action, [...filter.exceptActions]));
  if (filter.reportId) conditions.push(eq(reportAuditLog.reportId, filter.reportId));
  if (filter.regionId !== undefined) conditions.push(eq(reportAuditLog.regionId, filter.regionId));
  if (filter.from) conditions.push(gte(reportAuditLog.occurredOn, filter.from));
  if (filter.to) conditions.push(lte(reportAuditLog.occurredOn, filter.to));
  return db
    .select({
      id: reportAuditLog.id,
      occurredOn: reportAuditLog.occurredOn,
      actorEmail: staff.email,
      actorRole: reportAuditLog.actorRole,
      action: reportAuditLog.action,
      reportId: reportAuditLog.reportId,
      regionId: reportAuditLog.regionId,
      details: reportAuditLog.details,
    })
    .from(reportAuditLog)
    .leftJoin(staff, eq(staff.id, reportAuditLog.actorStaffId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(reportAuditLog.occurredOn), asc(reportAuditLog.action))
    .limit(Math.min(filter.limit ?? 200, 200));
}

/** The id of the report with this case number, within the reader's reach (or null). */
export async function reportIdByReference(db: Database, readable: Reach, reference: string): Promise<string | null> {
  const [row] = await db.select({ id: reports.id, regionId: reports.regionId }).from(reports).where(eq(reports.reference, reference));
  if (!row || (!readable.all && !readable.regionIds.has(row.regionId))) return null;
  return row.id;
}
