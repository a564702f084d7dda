/**
 * The one permission module. Every route and query asks `can` (one object) or `reach`
 * (which objects) here; nothing else looks at roles. Pure: no I/O, no framework.
 *
 * Roles and their scopes:
 *  - admin: the whole installation (no scope) or one region; manages structure and staff.
 *    Admins do not read integrity reports unless they are also moderators.
 *  - moderator: one region; triages integrity reports and rating comments.
 *  - unit_manager: one unit per grant; sees that unit's results, answers its published comments,
 *    enrols and revokes the unit's counter kiosks.
 *  - evaluator (TPI): one region; fills the LKE worksheet of its units.
 *  - province_monitor: one province; reads aggregates of all its regions, nothing else.
 *
 * Report access needs someone who already has it: a grant of a role that opens any report
 * content (reports themselves, or what moderators forward to a unit's head), and a password or
 * two-factor reset of someone who holds one, take effect only once a person who already reads
 * reports in that region (a unit grant's: the unit's region) approves (`canApproveAccess`).
 * An admin's own second account cannot: it holds no report access, and nobody approves their
 * own grant or reset or one they asked for. Admins themselves never read reports.
 *
 * Conflict of interest: nobody attached to a unit (it is their home unit, or they manage it)
 * may read or act on integrity reports about that unit, whatever else they are.
 */

export const ROLES = ["admin", "moderator", "unit_manager", "evaluator", "province_monitor"] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  provinceId: number | null;
  regionId: number | null;
  unitId: number | null;
}

export interface Actor {
  staffId: number;
  homeUnitId: number | null;
  grants: readonly Grant[];
}

export type Resource =
  | { kind: "installation" }
  | { kind: "province"; provinceId: number }
  | { kind: "region"; provinceId: number; regionId: number }
  | { kind: "unit"; provinceId: number; regionId: number; unitId: number };

export const ACTIONS = [
  /** Create and edit provinces and regions. */
  "installation.manage",
  /** Edit a region's agencies, units and services. */
  "structure.manage",
  /** Invite staff, give and take roles, deactivate, reset two-factor. */
  "staff.manage",
  /** Read the audit log. */
  "audit.read",
  /** Read integrity reports (subject to conflict of interest). */
  "report.read",
  /** Triage, question, forward and close integrity reports (subject to conflict of interest). */
  "report.moderate",
  /** Cases moderators forwarded to a unit's head: the summary and the files sent, nothing else. */
  "report.forwarded.read",
  /** Publish, redact or reject rating comments. */
  "comment.moderate",
  /** Answer a published comment on behalf of the unit. */
  "comment.reply",
  /** A unit's own results: indices, comments published to it, cases forwarded to it. */
  "unit.results.read",
  /** Upload a unit's paper SKM questionnaires (its own unit for a manager, every unit in reach for an admin). */
  "skm.import",
  /** Read the LKE worksheet and ZI score detail. */
  "lke.read",
  /** Fill and submit the LKE worksheet. */
  "lke.edit",
  /** Aggregated figures (indices, report statistics) of everything in scope. */
  "aggregates.read",
  /** The SKM integrity flags of units, with the figures behind each. */
  "integrity.read",
  /** Mark a unit's integrity flag for a period as reviewed, with a note. */
  "integrity.review",
  /** Enrol, pair, configure and revoke a unit's counter kiosks. */
  "kiosk.manage",
  /** The staff area itself (any active staff member with at least one role). */
  "staff.area",
] as const;
export type Action = (typeof ACTIONS)[number];

const REPORT_ACTIONS: ReadonlySet<Action> = new Set(["report.read", "report.moderate"]);

/** What each role may do inside its scope. */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>([
    "installation.manage",
    "structure.manage",
    "staff.manage",
    "audit.read",
    "unit.results.read",
    "skm.import",
    "lke.read",
    "aggregates.read",
    "kiosk.manage",
    "staff.area",
  ]),
  moderator: new Set<Action>([
    "report.read",
    "report.moderate",
    "comment.moderate",
    "unit.results.read",
    "aggregates.read",
    "integrity.read",
    "staff.area",
  ]),
  unit_manager: new Set<Action>([
    "comment.reply",
    "report.forwarded.read",
    "unit.results.read",
    "skm.import",
    "aggregates.read",
    "kiosk.manage",
    "staff.area",
  ]),
  evaluator: new Set<Action>(["lke.read", "lke.edit", "unit.results.read", "aggregates.read", "integrity.read", "integrity.review", "staff.area"]),
  province_monitor: new Set<Action>(["aggregates.read", "integrity.read", "staff.area"]),
};

/** Does this grant's scope contain the resource? */
function grantCovers(grant: Grant, resource: Resource): boolean {
  switch (grant.role) {
    case "admin":
      if (grant.regionId === null) return true;
      return (resource.kind === "region" || resource.kind === "unit") && resource.regionId === grant.regionId;
    case "moderator":
    case "evaluator":
      return (resource.kind === "region" || resource.kind === "unit") && resource.regionId === grant.regionId;
    case "unit_manager":
      return resource.kind === "unit" && resource.unitId === grant.unitId;
    case "province_monitor":
      return resource.kind !== "installation" && resource.provinceId === grant.provinceId;
  }
}

/** Units this person is attached to: their home unit and every unit they manage. */
export function attachedUnits(actor: Pick<Actor, "homeUnitId" | "grants">): Set<number> {
  const attached = new Set<number>();
  if (actor.homeUnitId !== null) attached.add(actor.homeUnitId);
  for (const grant of actor.grants) if (grant.role === "unit_manager" && grant.unitId !== null) attached.add(grant.unitId);
  return attached;
}

/** Some actions are only meaningful at some levels (no installation-wide report queue, say). */
function actionFitsResource(action: Action, resource: Resource): boolean {
  switch (action) {
    case "installation.manage":
      return resource.kind === "installation" || resource.kind === "province";
    case "structure.manage":
    case "report.read":
    case "report.moderate":
    case "comment.moderate":
    case "lke.read":
    case "lke.edit":
    case "integrity.read":
    case "integrity.review":
      return resource.kind === "region" || resource.kind === "unit";
    case "comment.reply":
    case "report.forwarded.read":
    case "unit.results.read":
    case "kiosk.manage":
    case "skm.import":
      return resource.kind === "unit";
    case "staff.manage":
    case "audit.read":
    case "aggregates.read":
    case "staff.area":
      return true;
  }
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (!actionFitsResource(action, resource)) return false;
  if (action === "staff.area") return actor.grants.length > 0;
  if (REPORT_ACTIONS.has(action) && resource.kind === "unit" && attachedUnits(actor).has(resource.unitId)) return false;
  return actor.grants.some((grant) => ROLE_ACTIONS[grant.role].has(action) && grantCovers(grant, resource));
}

/**
 * Which objects an action reaches, for list queries: everything, or sets of provinces,
 * regions and units, minus units excluded by conflict of interest.
 */
export interface Reach {
  all: boolean;
  provinceIds: Set<number>;
  regionIds: Set<number>;
  unitIds: Set<number>;
  excludedUnitIds: Set<number>;
}

export function reach(actor: Actor, action: Action): Reach {
  const result: Reach = {
    all: false,
    provinceIds: new Set(),
    regionIds: new Set(),
    unitIds: new Set(),
    excludedUnitIds: REPORT_ACTIONS.has(action) ? attachedUnits(actor) : new Set(),
  };
  // Reach is about objects below a region; these two are not.
  if (action === "installation.manage" || action === "staff.area") return result;
  for (const grant of actor.grants) {
    if (!ROLE_ACTIONS[grant.role].has(action)) continue;
    if (grant.role === "admin" && grant.regionId === null) result.all = true;
    else if (grant.role === "province_monitor" && grant.provinceId !== null) result.provinceIds.add(grant.provinceId);
    else if (grant.role === "unit_manager" && grant.unitId !== null) result.unitIds.add(grant.unitId);
    else if (grant.regionId !== null) result.regionIds.add(grant.regionId);
  }
  return result;
}

/** Does the action reach anything at all? (Decides whether a list page opens or answers 403.) */
export function reachesAnything(r: Reach): boolean {
  return r.all || r.provinceIds.size > 0 || r.regionIds.size > 0 || r.unitIds.size > 0;
}

/** Is a unit (in a region of a province) within a reach? */
export function reachIncludesUnit(r: Reach, unit: { unitId: number; regionId: number; provinceId: number }): boolean {
  if (r.excludedUnitIds.has(unit.unitId)) return false;
  return r.all || r.provinceIds.has(unit.provinceId) || r.regionIds.has(unit.regionId) || r.unitIds.has(unit.unitId);
}

/** The policy resource of a unit (as `findUnitByAddress` gives it, or any unit with its region and province). */
export function unitResource(unit: { id: number; regionId: number; provinceId: number }): Resource {
  return { kind: "unit", unitId: unit.id, regionId: unit.regionId, provinceId: unit.provinceId };
}

/** The policy resource an integrity report is about: its unit, or its region when the unit is unknown. */
export function reportResource(report: { regionId: number; provinceId: number; unitId: number | null }): Resource {
  return report.unitId === null
    ? { kind: "region", provinceId: report.provinceId, regionId: report.regionId }
    : { kind: "unit", provinceId: report.provinceId, regionId: report.regionId, unitId: report.unitId };
}

/**
 * The same rule as `can(actor, action, reportResource(report))`, in the shape a list query
 * needs: reports of these regions, except those about these units. Reports with no unit are
 * region-level and stay visible to the region's moderators.
 */
export interface ReportScope {
  regionIds: number[];
  excludedUnitIds: number[];
}

export function reportScope(actor: Actor, action: "report.read" | "report.moderate" = "report.read"): ReportScope {
  const r = reach(actor, action);
  // Report actions are granted per region only (moderators); no other reach shape exists for them.
  return { regionIds: [...r.regionIds].sort((a, b) => a - b), excludedUnitIds: [...r.excludedUnitIds].sort((a, b) => a - b) };
}

/** The resource a grant is about: managing that grant needs staff.manage on it. */
export function grantResource(
  grant: Grant,
  lookup: { regionProvince(regionId: number): number | undefined; unit(unitId: number): { regionId: number; provinceId: number } | undefined },
): Resource | null {
  if (grant.unitId !== null) {
    const unit = lookup.unit(grant.unitId);
    return unit ? unitResource({ id: grant.unitId, ...unit }) : null;
  }
  if (grant.regionId !== null) {
    const provinceId = lookup.regionProvince(grant.regionId);
    return provinceId === undefined ? null : { kind: "region", regionId: grant.regionId, provinceId };
  }
  if (grant.provinceId !== null) return { kind: "province", provinceId: grant.provinceId };
  return { kind: "installation" };
}

/**
 * May the actor give (or take away) this grant? Only within their own staff.manage scope,
 * and an installation-wide or province-wide grant only by an installation admin.
 */
export function canManageGrant(actor: Actor, resource: Resource | null): boolean {
  return resource !== null && can(actor, "staff.manage", resource);
}

/**
 * Roles whose grant opens any report content: the reports themselves (moderators) or the
 * summaries and files moderators forward to a unit's head (unit managers).
 */
export const REPORT_CONTENT_ROLES: ReadonlySet<Role> = new Set(
  ROLES.filter((role) => ROLE_ACTIONS[role].has("report.read") || ROLE_ACTIONS[role].has("report.forwarded.read")),
);

/** Does this grant open report content (so giving it needs a report reader's approval)? */
export function grantReadsReports(grant: Pick<Grant, "role">): boolean {
  return REPORT_CONTENT_ROLES.has(grant.role);
}

/** Where a unit is: the region whose report readers decide about a grant on it. */
export type UnitRegion = (unitId: number) => number | undefined;

/**
 * The region whose report readers must approve this grant: its own region, or its unit's.
 * Null when the grant opens no report content (it takes effect at once), or when its unit is
 * unknown (the caller refuses it as an unknown scope).
 */
export function grantApprovalRegion(grant: Grant, unitRegion: UnitRegion): number | null {
  if (!grantReadsReports(grant)) return null;
  if (grant.unitId !== null) return unitRegion(grant.unitId) ?? null;
  return grant.regionId;
}

/**
 * Regions in which this person opens report content: a reset of their password or two-factor
 * needs the approval of a report reader of each of them.
 */
export function reportReadingRegions(actor: Pick<Actor, "grants">, unitRegion: UnitRegion): number[] {
  const regionIds = new Set<number>();
  for (const grant of actor.grants) {
    const regionId = grantApprovalRegion(grant, unitRegion);
    if (regionId !== null) regionIds.add(regionId);
  }
  return [...regionIds].sort((a, b) => a - b);
}

/** A grant or reset waiting for a report reader's approval, as the policy needs to see it. */
export interface AccessRequestParties {
  targetStaffId: number;
  /** Null when the operator asked from the command line. */
  requestedByStaffId: number | null;
  regionId: number;
}

/**
 * May this person approve (or refuse) the request? Only someone who already reads reports in
 * the request's region, and never the person it is about nor the one who asked: a second
 * account made by an admin holds no report access, so it cannot approve anything.
 */
export function canApproveAccess(approver: Actor, request: AccessRequestParties): boolean {
  if (approver.staffId === request.targetStaffId || approver.staffId === request.requestedByStaffId) return false;
  return reach(approver, "report.read").regionIds.has(request.regionId);
}

/** Requests this person is told about: those of every region in which they read reports. */
export function accessNoticeRegions(actor: Actor): number[] {
  return [...reach(actor, "report.read").regionIds].sort((a, b) => a - b);
}
