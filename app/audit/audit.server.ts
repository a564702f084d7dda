/**
 * Writing and reading the append-only audit log. Call `recordAudit` with the same transaction
 * handle as the change it describes, so a change and its record commit together or not at all.
 * Details carry identifiers and field names, never report content or personal data.
 */
import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog, staff } from "../../db/schema";
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
  objectType?: string;
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
  if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
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
