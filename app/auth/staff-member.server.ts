/**
 * What an admin changes on one staff member's account, one function per intent of the staff
 * member page: roles added (or requested, for roles that open report content) and removed,
 * the account deactivated or reactivated, two-step verification or the password reset. Each
 * change and its audit entry are written in one transaction; a reset of someone who reads
 * reports waits for a report reader's approval instead (access-requests.server.ts).
 */
import type { Database } from "../../db/client";
import { recordAudit, type AuditEntry } from "../audit/audit.server";
import type { Config } from "../utils/env.server";
import { requestGrant, requestReset } from "./access-requests.server";
import { createSetupToken, resetTwoFactor, setupLink } from "./accounts.server";
import { grantFromForm, type StaffMemberCommand } from "./forms";
import { canManageGrant, grantApprovalRegion, reportReadingRegions } from "./policy";
import type { SignedInStaff } from "./session.server";
import { endAllSessions } from "./session.server";
import {
  addGrant,
  type getStaffMember,
  grantById,
  hasGrant,
  regionOfGrant,
  removeGrant,
  resourceOfGrant,
  setActive,
  unitRegion,
  type ScopeDirectory,
} from "./staff-admin.server";

type StaffMember = NonNullable<Awaited<ReturnType<typeof getStaffMember>>>;

/** Who changes whom: the audit entry's fixed part is the acting admin's role and the member's region. */
export interface StaffMemberChange {
  db: Database;
  config: Config;
  signedIn: SignedInStaff;
  target: StaffMember;
  directory: ScopeDirectory;
  audit: Omit<AuditEntry, "action">;
}

type Saved = "grant-requested" | "grant-added" | "grant-removed" | "deactivate" | "reactivate" | "reset-requested" | "two-factor-reset";

export type StaffMemberOutcome =
  | { ok: true; saved: Saved }
  /** A one-time set-up link, shown once to the admin who hands it over. */
  | { ok: true; link: string }
  | { ok: false; status: 400 | 403; error?: string; fieldErrors?: Record<string, string[]> };

const refused = (error: string): StaffMemberOutcome => ({ ok: false, status: 400, error });
const refusedField = (field: string, error: string): StaffMemberOutcome => ({ ok: false, status: 400, fieldErrors: { [field]: [error] } });

export function changeStaffMember(change: StaffMemberChange, command: StaffMemberCommand): Promise<StaffMemberOutcome> {
  switch (command.intent) {
    case "add-grant":
      return addRole(change, grantFromForm(command));
    case "remove-grant":
      return removeRole(change, command.grantId);
    case "deactivate":
    case "reactivate":
      return setAccountActive(change, command.intent === "reactivate");
    case "reset-two-factor":
      return resetTwoStep(change);
    case "reset-password":
      return resetPassword(change);
  }
}

async function addRole(change: StaffMemberChange, grant: ReturnType<typeof grantFromForm>): Promise<StaffMemberOutcome> {
  const { db, signedIn, target, directory, audit } = change;
  const resource = resourceOfGrant(directory, grant);
  if (!resource) return refusedField("role", "errors.scopeUnknown");
  if (!canManageGrant(signedIn.actor, resource)) return refusedField("role", "errors.scopeNotAllowed");
  const approvalRegion = grantApprovalRegion(grant, unitRegion(directory));
  if (approvalRegion !== null) {
    // A role that opens report content waits for a report reader of the region (a unit's:
    // the unit's region) to approve it.
    if (await hasGrant(db, target.id, grant)) return refusedField("role", "errors.grantExists");
    const requested = await db.transaction((tx) => requestGrant(tx, { staffId: signedIn.id, role: audit.actorRole }, target.id, grant, approvalRegion));
    return requested ? { ok: true, saved: "grant-requested" } : refusedField("role", "errors.grantPending");
  }
  const added = await db.transaction(async (tx) => {
    const ok = await addGrant(tx, target.id, grant);
    if (ok) await recordAudit(tx, { ...audit, action: "staff.grant_added", regionId: regionOfGrant(directory, grant), details: { grant } });
    return ok;
  });
  return added ? { ok: true, saved: "grant-added" } : refusedField("role", "errors.grantExists");
}

async function removeRole(change: StaffMemberChange, grantId: number): Promise<StaffMemberOutcome> {
  const { db, signedIn, target, directory, audit } = change;
  const grant = await grantById(db, target.id, grantId);
  if (!grant) return refused("errors.grantUnknown");
  if (!canManageGrant(signedIn.actor, resourceOfGrant(directory, grant))) return { ok: false, status: 403 };
  if (target.grants.length <= 1) return refused("errors.lastGrant");
  await db.transaction(async (tx) => {
    await removeGrant(tx, grant.id);
    await endAllSessions(tx, target.id);
    const { id: _id, ...scope } = grant;
    await recordAudit(tx, { ...audit, action: "staff.grant_removed", regionId: regionOfGrant(directory, grant), details: { grant: scope } });
  });
  return { ok: true, saved: "grant-removed" };
}

async function setAccountActive(change: StaffMemberChange, active: boolean): Promise<StaffMemberOutcome> {
  const { db, target, audit } = change;
  await db.transaction(async (tx) => {
    await setActive(tx, target.id, active);
    if (!active) await endAllSessions(tx, target.id);
    await recordAudit(tx, { ...audit, action: active ? "staff.reactivated" : "staff.deactivated" });
  });
  return { ok: true, saved: active ? "reactivate" : "deactivate" };
}

/** The regions whose report readers must approve a reset of this person, if they read reports. */
function readerRegionsOf(change: StaffMemberChange): number[] {
  return reportReadingRegions(change.target, unitRegion(change.directory));
}

async function resetTwoStep(change: StaffMemberChange): Promise<StaffMemberOutcome> {
  const { db, signedIn, target, audit } = change;
  const readerRegions = readerRegionsOf(change);
  if (readerRegions.length > 0) {
    await db.transaction((tx) => requestReset(tx, { staffId: signedIn.id, role: audit.actorRole }, target.id, "two_factor_reset", readerRegions));
    return { ok: true, saved: "reset-requested" };
  }
  await db.transaction(async (tx) => {
    await resetTwoFactor(tx, target.id);
    await recordAudit(tx, { ...audit, action: "staff.two_factor_reset" });
  });
  return { ok: true, saved: "two-factor-reset" };
}

async function resetPassword(change: StaffMemberChange): Promise<StaffMemberOutcome> {
  const { db, config, signedIn, target, audit } = change;
  if (!target.active) return refused("errors.inactive");
  const readerRegions = readerRegionsOf(change);
  if (readerRegions.length > 0) {
    // The link goes to the approving report reader, who hands it over in person.
    await db.transaction((tx) => requestReset(tx, { staffId: signedIn.id, role: audit.actorRole }, target.id, "password_reset", readerRegions));
    return { ok: true, saved: "reset-requested" };
  }
  const token = await db.transaction(async (tx) => {
    await endAllSessions(tx, target.id);
    await recordAudit(tx, { ...audit, action: "staff.setup_link_issued" });
    return createSetupToken(tx, config, target.id);
  });
  return { ok: true, link: setupLink(config, token) };
}
