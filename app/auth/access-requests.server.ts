/**
 * Grants and resets that open report content, waiting for a report reader's approval. Who
 * may approve is the policy's decision (`canApproveAccess`); this module reads and writes,
 * and carries the change out once approved: the grant is written, the authenticator
 * forgotten, or a one-time set-up link issued to the approver to hand over in person.
 * A grant that already exists is never requested (the staff pages check first).
 */
import { and, desc, eq, gte, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { accessRequests, staff, staffGrants } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Config } from "../utils/env.server";
import { createSetupToken, resetTwoFactor } from "./accounts.server";
import { accessNoticeRegions, canApproveAccess, type Actor, type Grant, type Role } from "./policy";
import { endAllSessions } from "./session.server";

export type AccessRequestKind = "grant" | "password_reset" | "two_factor_reset";

/** How long an approved or refused request stays on report readers' home page. */
const NOTICE_DAYS = 30;

interface Requester {
  staffId: number | null;
  role: string;
}

/**
 * Asks for a grant of a role that opens report content. False when the same grant already
 * waits. `regionId` is the region whose readers decide (`grantApprovalRegion`): the grant's
 * own, or its unit's; the request is audited under it.
 */
export async function requestGrant(tx: Database, requester: Requester, targetStaffId: number, grant: Grant, regionId: number): Promise<boolean> {
  const values = { kind: "grant" as const, targetStaffId, role: grant.role, regionId, unitId: grant.unitId };
  return openRequest(tx, requester, values, { kind: "grant", grant });
}

/** Asks for a reset of someone who reads reports: one request per region they read reports in. */
export async function requestReset(
  tx: Database,
  requester: Requester,
  targetStaffId: number,
  kind: "password_reset" | "two_factor_reset",
  regionIds: readonly number[],
): Promise<void> {
  for (const regionId of regionIds) await openRequest(tx, requester, { kind, targetStaffId, regionId }, { kind });
}

/** Writes one request unless the same one already waits, and audits it; false when it waited already. */
async function openRequest(
  tx: Database,
  requester: Requester,
  values: Omit<typeof accessRequests.$inferInsert, "requestedByStaffId"> & { targetStaffId: number; regionId: number },
  details: Record<string, unknown>,
): Promise<boolean> {
  const [row] = await tx
    .insert(accessRequests)
    .values({ ...values, requestedByStaffId: requester.staffId })
    .onConflictDoNothing()
    .returning({ id: accessRequests.id });
  if (!row) return false;
  await recordAudit(tx, {
    actorStaffId: requester.staffId,
    actorRole: requester.role,
    action: "staff.access_requested",
    objectType: "staff",
    objectId: values.targetStaffId,
    regionId: values.regionId,
    details: { request: row.id, ...details },
  });
  return true;
}

/** The grant a request asks for: a unit manager grant names its unit, any other its region. */
function requestedGrant(request: { role: Role | null; regionId: number; unitId: number | null }): Grant | null {
  if (!request.role) return null;
  if (request.unitId !== null) return { role: request.role, regionId: null, provinceId: null, unitId: request.unitId };
  return { role: request.role, regionId: request.regionId, provinceId: null, unitId: null };
}

/** Pending grants of these people (for the staff list and page), by person. */
export async function pendingGrantsOf(db: Database, staffIds: readonly number[]): Promise<Map<number, Grant[]>> {
  const byStaff = new Map<number, Grant[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return byStaff;
  const rows = await db
    .select({ staffId: accessRequests.targetStaffId, role: accessRequests.role, regionId: accessRequests.regionId, unitId: accessRequests.unitId })
    .from(accessRequests)
    .where(and(eq(accessRequests.kind, "grant"), eq(accessRequests.status, "pending"), inArray(accessRequests.targetStaffId, [...staffIds])))
    .orderBy(accessRequests.id);
  for (const row of rows) {
    const grant = requestedGrant(row);
    if (grant) byStaff.get(row.staffId)?.push(grant);
  }
  return byStaff;
}

/** Resets of this person still waiting for approval. */
export async function pendingResetsOf(db: Database, staffId: number): Promise<AccessRequestKind[]> {
  const rows = await db
    .selectDistinct({ kind: accessRequests.kind })
    .from(accessRequests)
    .where(and(eq(accessRequests.targetStaffId, staffId), eq(accessRequests.status, "pending"), sql`${accessRequests.kind} <> 'grant'`));
  return rows.map((r) => r.kind);
}

export interface AccessNotice {
  id: number;
  kind: AccessRequestKind;
  role: Role | null;
  regionId: number;
  /** The unit of a unit manager grant. */
  unitId: number | null;
  status: "pending" | "approved" | "refused";
  targetName: string;
  targetEmail: string;
  requesterName: string | null;
  deciderName: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  canDecide: boolean;
}

/**
 * What a report reader is told: every request of their regions still pending, and those
 * decided in the last NOTICE_DAYS days. Nobody else is told anything here.
 */
export async function accessNoticesFor(db: Database, actor: Actor, now = new Date()): Promise<AccessNotice[]> {
  const regionIds = accessNoticeRegions(actor);
  if (regionIds.length === 0) return [];
  const target = alias(staff, "target");
  const requester = alias(staff, "requester");
  const decider = alias(staff, "decider");
  const since = new Date(now.getTime() - NOTICE_DAYS * 86_400_000);
  const rows = await db
    .select({
      id: accessRequests.id,
      kind: accessRequests.kind,
      role: accessRequests.role,
      regionId: accessRequests.regionId,
      unitId: accessRequests.unitId,
      status: accessRequests.status,
      targetStaffId: accessRequests.targetStaffId,
      requestedByStaffId: accessRequests.requestedByStaffId,
      targetName: target.displayName,
      targetEmail: target.email,
      requesterName: requester.displayName,
      deciderName: decider.displayName,
      requestedAt: accessRequests.requestedAt,
      decidedAt: accessRequests.decidedAt,
    })
    .from(accessRequests)
    .innerJoin(target, eq(target.id, accessRequests.targetStaffId))
    .leftJoin(requester, eq(requester.id, accessRequests.requestedByStaffId))
    .leftJoin(decider, eq(decider.id, accessRequests.decidedByStaffId))
    .where(and(inArray(accessRequests.regionId, regionIds), or(eq(accessRequests.status, "pending"), gte(accessRequests.decidedAt, since))))
    .orderBy(desc(accessRequests.id))
    .limit(100);
  return rows.map(({ targetStaffId, requestedByStaffId, ...row }) => ({
    ...row,
    canDecide: row.status === "pending" && canApproveAccess(actor, { targetStaffId, requestedByStaffId, regionId: row.regionId }),
  }));
}

export type DecisionOutcome =
  | { ok: true; kind: AccessRequestKind; approved: boolean; token: string | null }
  | { ok: false; status: 403 | 404 | 409; error: string };

/**
 * Approves or refuses a request, in one transaction with its effect and audit entries. A
 * reset of someone who reads reports in several regions is carried out once every region's
 * request is approved.
 */
export async function decideAccessRequest(
  tx: Database,
  config: Config,
  approver: { id: number; actor: Actor },
  requestId: number,
  approve: boolean,
  now = new Date(),
): Promise<DecisionOutcome> {
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, requestId)).for("update");
  if (!request) return { ok: false, status: 404, error: "errors.requestUnknown" };
  if (!canApproveAccess(approver.actor, request)) return { ok: false, status: 403, error: "errors.requestNotYours" };
  if (request.status !== "pending") return { ok: false, status: 409, error: "errors.requestDecided" };
  await tx
    .update(accessRequests)
    .set({ status: approve ? "approved" : "refused", decidedByStaffId: approver.id, decidedAt: now })
    .where(eq(accessRequests.id, request.id));
  const grant = requestedGrant(request);
  await recordAudit(tx, {
    actorStaffId: approver.id,
    actorRole: "moderator",
    action: approve ? "staff.access_approved" : "staff.access_refused",
    objectType: "staff",
    objectId: request.targetStaffId,
    regionId: request.regionId,
    details: { request: request.id, kind: request.kind, ...(grant ? { grant } : {}) },
  });
  if (!approve) return { ok: true, kind: request.kind, approved: false, token: null };

  if (request.kind === "grant" && grant) {
    await tx.insert(staffGrants).values({ staffId: request.targetStaffId, ...grant });
    return { ok: true, kind: request.kind, approved: true, token: null };
  }
  const [stillPending] = await tx
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.targetStaffId, request.targetStaffId), eq(accessRequests.kind, request.kind), eq(accessRequests.status, "pending")));
  if (stillPending) return { ok: true, kind: request.kind, approved: true, token: null };
  if (request.kind === "two_factor_reset") {
    await resetTwoFactor(tx, request.targetStaffId);
    return { ok: true, kind: request.kind, approved: true, token: null };
  }
  await endAllSessions(tx, request.targetStaffId);
  const token = await createSetupToken(tx, config, request.targetStaffId, now);
  return { ok: true, kind: request.kind, approved: true, token };
}
