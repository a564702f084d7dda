/**
 * Staff management for admins: who is in reach, inviting, roles and scopes, deactivation,
 * two-factor and password resets. Who may do what is the policy module's decision; this
 * module only reads and writes.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { provinces, regions, staff, staffGrants, units } from "../../db/schema";
import { pendingGrantsOf } from "./access-requests.server";
import { canManageGrant, grantResource, reach, unitResource, type Actor, type Grant, type Resource, type UnitRegion } from "./policy";

export interface ScopeDirectory {
  provinces: Map<number, { name: string }>;
  regions: Map<number, { name: string; provinceId: number }>;
  units: Map<number, { name: string; regionId: number; provinceId: number }>;
}

/** Names and parents of every province, region and unit (hundreds of rows at most). */
export async function scopeDirectory(db: Database): Promise<ScopeDirectory> {
  const [p, r, u] = await Promise.all([
    db.select({ id: provinces.id, name: provinces.name }).from(provinces).orderBy(asc(provinces.name)),
    db.select({ id: regions.id, name: regions.name, provinceId: regions.provinceId }).from(regions).orderBy(asc(regions.name)),
    db
      .select({ id: units.id, name: units.name, regionId: units.regionId, provinceId: regions.provinceId })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .orderBy(asc(units.name)),
  ]);
  return {
    provinces: new Map(p.map(({ id, ...rest }) => [id, rest])),
    regions: new Map(r.map(({ id, ...rest }) => [id, rest])),
    units: new Map(u.map(({ id, ...rest }) => [id, rest])),
  };
}

export function resourceOfGrant(directory: ScopeDirectory, grant: Grant): Resource | null {
  return grantResource(grant, {
    regionProvince: (id) => directory.regions.get(id)?.provinceId,
    unit: (id) => directory.units.get(id),
  });
}

/** Where each unit is, for the policy's approval rule (`grantApprovalRegion`). */
export function unitRegion(directory: ScopeDirectory): UnitRegion {
  return (unitId) => directory.units.get(unitId)?.regionId;
}

/** The region a grant belongs to, for the audit log (null for installation or province grants). */
export function regionOfGrant(directory: ScopeDirectory, grant: Grant): number | null {
  if (grant.unitId !== null) return directory.units.get(grant.unitId)?.regionId ?? null;
  return grant.regionId;
}

/** Human name of a grant's scope (the role itself is translated by the page). */
export function scopeName(directory: ScopeDirectory, grant: Grant): string | null {
  if (grant.unitId !== null) return directory.units.get(grant.unitId)?.name ?? null;
  if (grant.regionId !== null) return directory.regions.get(grant.regionId)?.name ?? null;
  if (grant.provinceId !== null) return directory.provinces.get(grant.provinceId)?.name ?? null;
  return null;
}

interface StaffRow {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  enrolled: boolean;
  grants: Grant[];
  /** Grants that wait for a report reader's approval. */
  pendingGrants: Grant[];
}

async function staffWithGrants(db: Database, ids?: number[]): Promise<StaffRow[]> {
  const people = await db
    .select({ id: staff.id, email: staff.email, displayName: staff.displayName, active: staff.active, totpEnabledAt: staff.totpEnabledAt })
    .from(staff)
    .where(ids ? inArray(staff.id, ids) : undefined)
    .orderBy(asc(staff.displayName));
  if (people.length === 0) return [];
  const grants = await db
    .select({ staffId: staffGrants.staffId, role: staffGrants.role, provinceId: staffGrants.provinceId, regionId: staffGrants.regionId, unitId: staffGrants.unitId })
    .from(staffGrants)
    .where(inArray(staffGrants.staffId, people.map((p) => p.id)))
    .orderBy(asc(staffGrants.id));
  const pending = await pendingGrantsOf(db, people.map((p) => p.id));
  return people.map(({ totpEnabledAt, ...person }) => ({
    ...person,
    enrolled: totpEnabledAt !== null,
    grants: grants.filter((g) => g.staffId === person.id).map(({ staffId: _staffId, ...grant }) => grant),
    pendingGrants: pending.get(person.id) ?? [],
  }));
}

/**
 * May the actor manage this person? Only if every one of their grants, given or waiting for
 * approval, is within the actor's staff.manage scope (nobody edits someone with a wider
 * scope), and a person without any grant only by an installation admin.
 */
export function canManageStaff(
  actor: Actor,
  directory: ScopeDirectory,
  target: { id: number; grants: readonly Grant[]; pendingGrants?: readonly Grant[] },
): boolean {
  if (target.id === actor.staffId) return false;
  const all = [...target.grants, ...(target.pendingGrants ?? [])];
  if (all.length === 0) return canManageGrant(actor, { kind: "installation" });
  return all.every((grant) => canManageGrant(actor, resourceOfGrant(directory, grant)));
}

/** Staff the actor may manage, or who work in the actor's scope, for the list page. */
export async function listStaffFor(db: Database, actor: Actor, directory: ScopeDirectory) {
  const everyone = await staffWithGrants(db);
  const manageable = reach(actor, "staff.manage");
  return everyone
    .filter((person) => person.id !== actor.staffId)
    .filter((person) => manageable.all || canManageStaff(actor, directory, person))
    .map((person) => ({ ...person, manageable: canManageStaff(actor, directory, person) }));
}

export async function getStaffMember(db: Database, id: number) {
  const [person] = await staffWithGrants(db, [id]);
  if (!person) return null;
  const [home] = await db.select({ homeUnitId: staff.homeUnitId }).from(staff).where(eq(staff.id, id));
  return { ...person, homeUnitId: home?.homeUnitId ?? null };
}

export async function emailTaken(db: Database, email: string): Promise<boolean> {
  const [row] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  return Boolean(row);
}

/** Creates the account; with `grant: null` it has no role yet (one waits for approval). */
export async function createStaffMember(
  tx: Database,
  input: { email: string; displayName: string; homeUnitId: number | null; grant: Grant | null },
): Promise<number> {
  const [row] = await tx
    .insert(staff)
    .values({ email: input.email, displayName: input.displayName, homeUnitId: input.homeUnitId })
    .returning({ id: staff.id });
  if (!row) throw new Error("staff member not created");
  if (input.grant) await tx.insert(staffGrants).values({ staffId: row.id, ...input.grant });
  return row.id;
}

export async function hasGrant(db: Database, staffId: number, grant: Grant): Promise<boolean> {
  const existing = await grantIds(db, staffId);
  return existing.some((g) => g.role === grant.role && g.provinceId === grant.provinceId && g.regionId === grant.regionId && g.unitId === grant.unitId);
}

export async function addGrant(tx: Database, staffId: number, grant: Grant): Promise<boolean> {
  const existing = await tx
    .select({ id: staffGrants.id, role: staffGrants.role, provinceId: staffGrants.provinceId, regionId: staffGrants.regionId, unitId: staffGrants.unitId })
    .from(staffGrants)
    .where(eq(staffGrants.staffId, staffId));
  const same = existing.some(
    (g) => g.role === grant.role && g.provinceId === grant.provinceId && g.regionId === grant.regionId && g.unitId === grant.unitId,
  );
  if (same) return false;
  await tx.insert(staffGrants).values({ staffId, ...grant });
  return true;
}

export async function grantById(db: Database, staffId: number, grantId: number) {
  const [row] = await db
    .select({ id: staffGrants.id, role: staffGrants.role, provinceId: staffGrants.provinceId, regionId: staffGrants.regionId, unitId: staffGrants.unitId })
    .from(staffGrants)
    .where(and(eq(staffGrants.staffId, staffId), eq(staffGrants.id, grantId)));
  return row ?? null;
}

export async function grantIds(db: Database, staffId: number) {
  return db
    .select({ id: staffGrants.id, role: staffGrants.role, provinceId: staffGrants.provinceId, regionId: staffGrants.regionId, unitId: staffGrants.unitId })
    .from(staffGrants)
    .where(eq(staffGrants.staffId, staffId))
    .orderBy(asc(staffGrants.id));
}

export async function removeGrant(tx: Database, grantId: number): Promise<void> {
  await tx.delete(staffGrants).where(eq(staffGrants.id, grantId));
}

export async function setActive(tx: Database, staffId: number, active: boolean): Promise<void> {
  await tx.update(staff).set({ active }).where(eq(staff.id, staffId));
}

/** What the actor may offer in a grant form: only roles and scopes within their staff.manage reach. */
export function grantOptions(actor: Actor, directory: ScopeDirectory) {
  const installation = canManageGrant(actor, { kind: "installation" });
  const regionsInReach = [...directory.regions].filter(([id, r]) =>
    canManageGrant(actor, { kind: "region", regionId: id, provinceId: r.provinceId }),
  );
  const unitsInReach = [...directory.units].filter(([id, u]) => canManageGrant(actor, unitResource({ id, ...u })));
  return {
    roles: ["admin", "moderator", "unit_manager", "evaluator", ...(installation ? ["province_monitor"] : [])],
    regions: regionsInReach.map(([id, r]) => ({ id, name: r.name })),
    units: unitsInReach.map(([id, u]) => ({ id, name: u.name, regionName: directory.regions.get(u.regionId)?.name ?? "" })),
    provinces: installation ? [...directory.provinces].map(([id, p]) => ({ id, name: p.name })) : [],
  };
}
