/**
 * Reads and writes of the organisation structure for the admin screens. Writers take the
 * transaction handle of the change (run through `runChange`), check for duplicates before
 * inserting, and report a clash as a `FieldConflict` that the route turns into a 400 with a
 * field error; the unique and foreign-key constraints catch whatever a race lets through.
 */
import { and, asc, count, eq, inArray, max, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agencies, provinces, regions, services, staff, units, type OpeningHoursRule } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Reach } from "../auth/policy";
import type { UnitAdminCommand, UnitUpdate } from "./admin-schema";
import { unitContactColumns } from "./queries.server";

// ─── Reads ─────────────────────────────────────────────────────────────────────────

export async function listProvinces(db: Database) {
  return db
    .select({ id: provinces.id, slug: provinces.slug, name: provinces.name, code: provinces.code })
    .from(provinces)
    .orderBy(asc(provinces.name));
}

/** Regions within a reach, grouped by province (installation admins reach every region). */
export async function listManageableRegions(db: Database, reachable: Reach) {
  const regionIds = [...reachable.regionIds];
  const provinceIds = [...reachable.provinceIds];
  if (!reachable.all && regionIds.length === 0 && provinceIds.length === 0) return [];
  const scope = reachable.all
    ? undefined
    : or(
        regionIds.length > 0 ? inArray(regions.id, regionIds) : undefined,
        provinceIds.length > 0 ? inArray(regions.provinceId, provinceIds) : undefined,
      );
  const rows = await db
    .select({
      provinceId: provinces.id,
      provinceName: provinces.name,
      id: regions.id,
      slug: regions.slug,
      name: regions.name,
      kind: regions.kind,
      code: regions.code,
      unitCount: count(units.id),
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.id, regions.provinceId))
    .leftJoin(units, eq(units.regionId, regions.id))
    .where(scope)
    .groupBy(regions.id, provinces.id)
    .orderBy(asc(provinces.name), asc(regions.name));

  const byProvince = new Map<number, { id: number; name: string; regions: Array<Omit<(typeof rows)[number], "provinceId" | "provinceName">> }>();
  for (const { provinceId, provinceName, ...region } of rows) {
    const group = byProvince.get(provinceId) ?? { id: provinceId, name: provinceName, regions: [] };
    group.regions.push(region);
    byProvince.set(provinceId, group);
  }
  return [...byProvince.values()];
}

export async function findRegion(db: Database, slug: string) {
  const [region] = await db
    .select({
      id: regions.id,
      provinceId: regions.provinceId,
      provinceName: provinces.name,
      slug: regions.slug,
      name: regions.name,
      kind: regions.kind,
      code: regions.code,
      timeZone: regions.timeZone,
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.id, regions.provinceId))
    .where(eq(regions.slug, slug));
  return region ?? null;
}

export type AdminRegion = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

/** Every region, for the audit viewer (names and time zones of the rows' regions). */
export async function listAllRegions(db: Database) {
  return db
    .select({ id: regions.id, slug: regions.slug, name: regions.name, timeZone: regions.timeZone })
    .from(regions)
    .orderBy(asc(regions.name));
}

/** The region's agencies with all their units, inactive ones included. */
export async function regionStructure(db: Database, regionId: number) {
  const agencyRows = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(eq(agencies.regionId, regionId))
    .orderBy(asc(agencies.name));
  const unitRows = await db
    .select({ id: units.id, agencyId: units.agencyId, slug: units.slug, name: units.name, active: units.active })
    .from(units)
    .where(eq(units.regionId, regionId))
    .orderBy(asc(units.name));
  return agencyRows.map((agency) => ({
    ...agency,
    units: unitRows.filter((unit) => unit.agencyId === agency.id).map(({ agencyId: _agencyId, ...unit }) => unit),
  }));
}

/** A unit of a region the admin already resolved, inactive ones included, with what the structure admin edits. */
export async function adminUnit(db: Database, regionId: number, slug: string) {
  const [unit] = await db
    .select({
      id: units.id,
      agencyId: units.agencyId,
      slug: units.slug,
      name: units.name,
      ...unitContactColumns,
      active: units.active,
      ziPredicate: units.ziPredicate,
      ziPredicateYear: units.ziPredicateYear,
    })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.slug, slug)));
  return unit ?? null;
}

export type AdminUnit = NonNullable<Awaited<ReturnType<typeof adminUnit>>>;

export async function listAgencyOptions(db: Database, regionId: number) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.regionId, regionId))
    .orderBy(asc(agencies.name));
}

/** A unit's services in the order residents see them, inactive ones included. */
export async function listServices(db: Database, unitId: number) {
  return db
    .select({ id: services.id, slug: services.slug, name: services.name, position: services.position, active: services.active })
    .from(services)
    .where(eq(services.unitId, unitId))
    .orderBy(asc(services.position), asc(services.name), asc(services.id));
}

export type AdminService = Awaited<ReturnType<typeof listServices>>[number];

export async function staffIdByEmail(db: Database, email: string): Promise<number | null> {
  const [row] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}

// ─── Changes ───────────────────────────────────────────────────────────────────────

/** A user mistake found while writing: which field (or "" for the form) and the message key. */
class FieldConflict extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type ChangeOutcome<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Which field a violated constraint is about, and what to tell the person. */
const CONSTRAINT_FIELDS: Record<string, { field: string; message: string }> = {
  provinces_slug_unique: { field: "slug", message: "errors.slugTaken" },
  provinces_code_unique: { field: "code", message: "errors.codeTaken" },
  regions_slug_unique: { field: "slug", message: "errors.slugTaken" },
  regions_code_unique: { field: "code", message: "errors.codeTaken" },
  agencies_region_slug_key: { field: "slug", message: "errors.slugTaken" },
  units_region_slug_key: { field: "slug", message: "errors.slugTaken" },
  services_unit_slug_key: { field: "slug", message: "errors.slugTaken" },
  units_agency_region_fk: { field: "agencyId", message: "errors.agencyUnknown" },
  regions_province_id_provinces_id_fk: { field: "provinceId", message: "errors.provinceUnknown" },
};

/** PostgreSQL's own error (drizzle wraps it as `cause`): its SQLSTATE and constraint name. */
function databaseError(error: unknown): { code: string; constraint: string | undefined } | null {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}

function conflictOf(error: unknown): { field: string; message: string } | null {
  if (error instanceof FieldConflict) return { field: error.field, message: error.message };
  const db = databaseError(error);
  if (!db) return null;
  const known = db.constraint ? CONSTRAINT_FIELDS[db.constraint] : undefined;
  // 23505 unique, 23503 foreign key, 23514 check: a clash or bad value that slipped past the checks.
  if (db.code === "23505") return known ?? { field: "slug", message: "errors.slugTaken" };
  if (db.code === "23503") return known ?? { field: "", message: "errors.invalidValue" };
  if (db.code === "23514") return { field: db.constraint?.endsWith("_slug_format") ? "slug" : "", message: "errors.invalidValue" };
  return null;
}

/** Runs a change in one transaction; a user mistake rolls it all back and comes back as a field error. */
export async function runChange<T>(db: Database, change: (tx: Database) => Promise<T>): Promise<ChangeOutcome<T>> {
  try {
    return { ok: true, value: await db.transaction((tx) => change(tx)) };
  } catch (error) {
    const conflict = conflictOf(error);
    if (conflict) return { ok: false, ...conflict };
    throw error;
  }
}

const blankToNull = (value: string | undefined) => (value === undefined || value === "" ? null : value);

export async function createProvince(tx: Database, values: { slug: string; name: string; code: string }): Promise<number> {
  const [slugTaken] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, values.slug));
  if (slugTaken) throw new FieldConflict("slug", "errors.slugTaken");
  const [codeTaken] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.code, values.code));
  if (codeTaken) throw new FieldConflict("code", "errors.codeTaken");
  const [row] = await tx.insert(provinces).values(values).returning({ id: provinces.id });
  if (!row) throw new Error("province not created");
  return row.id;
}

async function regionCodeTaken(tx: Database, code: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  return row !== undefined && row.id !== exceptId;
}

export async function createRegion(
  tx: Database,
  values: { provinceId: number; slug: string; name: string; kind: "provinsi" | "kabupaten" | "kota"; code: string; timeZone: string },
): Promise<number> {
  const [province] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, values.provinceId));
  if (!province) throw new FieldConflict("provinceId", "errors.provinceUnknown");
  const [slugTaken] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, values.slug));
  if (slugTaken) throw new FieldConflict("slug", "errors.slugTaken");
  if (await regionCodeTaken(tx, values.code)) throw new FieldConflict("code", "errors.codeTaken");
  const [row] = await tx.insert(regions).values(values).returning({ id: regions.id });
  if (!row) throw new Error("region not created");
  return row.id;
}

/** Updates what differs; returns the names of the fields that changed. */
export async function updateRegion(
  tx: Database,
  region: AdminRegion,
  values: { name: string; code: string; timeZone: string },
): Promise<string[]> {
  const changed = (["name", "code", "timeZone"] as const).filter((field) => region[field] !== values[field]);
  if (changed.length === 0) return [];
  if (changed.includes("code") && (await regionCodeTaken(tx, values.code, region.id))) throw new FieldConflict("code", "errors.codeTaken");
  await tx.update(regions).set(values).where(eq(regions.id, region.id));
  return changed;
}

export async function createAgency(tx: Database, regionId: number, values: { slug: string; name: string; shortName?: string }): Promise<number> {
  const [slugTaken] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.regionId, regionId), eq(agencies.slug, values.slug)));
  if (slugTaken) throw new FieldConflict("slug", "errors.slugTaken");
  const [row] = await tx
    .insert(agencies)
    .values({ regionId, slug: values.slug, name: values.name, shortName: blankToNull(values.shortName) })
    .returning({ id: agencies.id });
  if (!row) throw new Error("agency not created");
  return row.id;
}

/** An agency id from a form must be one of this region's agencies. */
async function requireAgencyOfRegion(tx: Database, regionId: number, agencyId: number): Promise<void> {
  const [agency] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.regionId, regionId)));
  if (!agency) throw new FieldConflict("agencyId", "errors.agencyUnknown");
}

export async function createUnit(tx: Database, regionId: number, values: { agencyId: number; slug: string; name: string }): Promise<number> {
  await requireAgencyOfRegion(tx, regionId, values.agencyId);
  const [slugTaken] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionId, regionId), eq(units.slug, values.slug)));
  if (slugTaken) throw new FieldConflict("slug", "errors.slugTaken");
  const [row] = await tx.insert(units).values({ regionId, ...values }).returning({ id: units.id });
  if (!row) throw new Error("unit not created");
  return row.id;
}

const sameHours = (a: readonly OpeningHoursRule[], b: readonly OpeningHoursRule[]) =>
  JSON.stringify(a.map((r) => [r.days, r.opens, r.closes])) === JSON.stringify(b.map((r) => [r.days, r.opens, r.closes]));

/** Updates what differs; returns the names of the fields that changed (never their values). */
async function updateUnit(tx: Database, regionId: number, unit: AdminUnit, values: UnitUpdate): Promise<string[]> {
  const next = {
    name: values.name,
    agencyId: values.agencyId,
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    openingHours: values.openingHours,
    servedPerPeriod: values.servedPerPeriod ?? null,
    servedPeriod: values.servedPeriod,
    active: values.active,
    ziPredicate: values.ziPredicate,
    ziPredicateYear: values.ziPredicateYear,
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((field) =>
    field === "openingHours" ? !sameHours(unit.openingHours, next.openingHours) : unit[field] !== next[field],
  );
  if (changed.length === 0) return [];
  if (changed.includes("agencyId")) await requireAgencyOfRegion(tx, regionId, next.agencyId);
  await tx.update(units).set(next).where(eq(units.id, unit.id));
  return changed;
}

async function addService(tx: Database, unitId: number, values: { slug: string; name: string }): Promise<number> {
  const [slugTaken] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.unitId, unitId), eq(services.slug, values.slug)));
  if (slugTaken) throw new FieldConflict("slug", "errors.slugTaken");
  const [last] = await tx.select({ position: max(services.position) }).from(services).where(eq(services.unitId, unitId));
  const [row] = await tx
    .insert(services)
    .values({ unitId, ...values, position: (last?.position ?? -1) + 1 })
    .returning({ id: services.id });
  if (!row) throw new Error("service not created");
  return row.id;
}

async function serviceOfUnit(tx: Database, unitId: number, serviceId: number) {
  const [service] = await tx
    .select({ id: services.id, name: services.name, active: services.active })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.unitId, unitId)));
  if (!service) throw new FieldConflict("", "errors.serviceUnknown");
  return service;
}

/** Returns whether anything changed. */
async function renameService(tx: Database, unitId: number, serviceId: number, name: string): Promise<boolean> {
  const service = await serviceOfUnit(tx, unitId, serviceId);
  if (service.name === name) return false;
  await tx.update(services).set({ name }).where(eq(services.id, serviceId));
  return true;
}

async function setServiceActive(tx: Database, unitId: number, serviceId: number, active: boolean): Promise<boolean> {
  const service = await serviceOfUnit(tx, unitId, serviceId);
  if (service.active === active) return false;
  await tx.update(services).set({ active }).where(eq(services.id, serviceId));
  return true;
}

/**
 * Moves a service one place up or down. Positions are renumbered 0…n-1 in the shown order,
 * so ties left by older data cannot make a move do nothing. Returns whether it moved.
 */
async function moveService(tx: Database, unitId: number, serviceId: number, direction: "up" | "down"): Promise<boolean> {
  await serviceOfUnit(tx, unitId, serviceId);
  const order = await listServices(tx, unitId);
  const from = order.findIndex((service) => service.id === serviceId);
  const to = direction === "up" ? from - 1 : from + 1;
  const moving = order[from];
  const other = order[to];
  if (!moving || !other) return false;
  order[to] = moving;
  order[from] = other;
  for (const [position, service] of order.entries()) {
    if (service.position !== position) await tx.update(services).set({ position }).where(eq(services.id, service.id));
  }
  return true;
}

// ─── A unit's admin page: each change in its transaction, with its audit row ─────────

/** Who makes a change, in which role, in which region: what the change's audit row records. */
export interface StructureActor {
  actorStaffId: number;
  actorRole: string;
  regionId: number;
}

/** Runs one form of a unit's admin page in its own transaction, with its audit row. */
export function changeUnit(db: Database, actor: StructureActor, unit: AdminUnit, command: UnitAdminCommand): Promise<ChangeOutcome<void>> {
  return runChange(db, async (tx) => {
    switch (command.intent) {
      case "update-unit":
        return saveUnit(tx, actor, unit, command.unit);
      case "add-service":
        return addUnitService(tx, actor, unit.id, { slug: command.slug, name: command.name });
      case "rename-service":
        return renameUnitService(tx, actor, unit.id, command.serviceId, command.name);
      case "move-service":
        return moveUnitService(tx, actor, unit.id, command.serviceId, command.direction);
      case "deactivate-service":
      case "reactivate-service":
        return setUnitServiceActive(tx, actor, unit.id, command.serviceId, command.intent === "reactivate-service");
    }
  });
}

/** Audited only when a field changed, naming the fields (never their values). */
async function saveUnit(tx: Database, actor: StructureActor, unit: AdminUnit, values: UnitUpdate): Promise<void> {
  const fields = await updateUnit(tx, actor.regionId, unit, values);
  if (fields.length === 0) return;
  await recordAudit(tx, { ...actor, action: "unit.update", objectType: "unit", objectId: unit.id, details: { fields } });
}

async function addUnitService(tx: Database, actor: StructureActor, unitId: number, values: { slug: string; name: string }): Promise<void> {
  const serviceId = await addService(tx, unitId, values);
  await recordAudit(tx, { ...actor, action: "service.create", objectType: "service", objectId: serviceId, details: { unitId, fields: Object.keys(values) } });
}

const recordServiceChange = (tx: Database, actor: StructureActor, unitId: number, serviceId: number, action: string, details: Record<string, unknown>) =>
  recordAudit(tx, { ...actor, action, objectType: "service", objectId: serviceId, details: { unitId, ...details } });

async function renameUnitService(tx: Database, actor: StructureActor, unitId: number, serviceId: number, name: string): Promise<void> {
  if (await renameService(tx, unitId, serviceId, name)) await recordServiceChange(tx, actor, unitId, serviceId, "service.update", { fields: ["name"] });
}

async function moveUnitService(tx: Database, actor: StructureActor, unitId: number, serviceId: number, direction: "up" | "down"): Promise<void> {
  if (await moveService(tx, unitId, serviceId, direction)) {
    await recordServiceChange(tx, actor, unitId, serviceId, "service.move", { fields: ["position"], direction });
  }
}

async function setUnitServiceActive(tx: Database, actor: StructureActor, unitId: number, serviceId: number, active: boolean): Promise<void> {
  if (await setServiceActive(tx, unitId, serviceId, active)) {
    await recordServiceChange(tx, actor, unitId, serviceId, active ? "service.reactivate" : "service.deactivate", { fields: ["active"] });
  }
}
