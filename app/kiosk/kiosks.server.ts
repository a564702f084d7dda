/**
 * Counter kiosks: enrolment and revocation by staff (policy: kiosk.manage on the unit, every
 * change audited), pairing of a device with a one-time code, and recognising a paired device
 * by its cookie. Codes and device secrets are stored only as keyed hashes.
 */
import { randomInt } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { kiosks, regions, staff, units } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { actingRole } from "../auth/guard.server";
import { can, unitResource, type Reach } from "../auth/policy";
import { unitsInReach } from "../auth/reach.server";
import type { SignedInStaff } from "../auth/session.server";
import { keyedHash, randomToken } from "../security/crypto.server";
import { hitLimit, type Limit } from "../security/rate-limit.server";
import { localDate } from "../utils/calendar";
import type { Config } from "../utils/env.server";
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, type KioskCommand } from "./schema";

/** A pairing code is good for this long, and once. */
export const PAIRING_MINUTES = 15;
/** Browsers keep a cookie at most 400 days; the device is seen far more often than that. */
const DEVICE_COOKIE_DAYS = 400;
/** Guessing codes: a handful of tries per address and hour is plenty for a person. */
const PAIR_LIMIT: Limit = { bucket: "kiosk-pair", max: 10, windowSeconds: 3600 };

const codeHash = (config: Config, code: string) => keyedHash(config.secrets.hashKey, "kiosk-pairing", code);
const secretHash = (config: Config, secret: string) => keyedHash(config.secrets.hashKey, "kiosk-device", secret);

function newPairingCode(): string {
  let code = "";
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** The device's credential: httpOnly, Secure in production, sent only to the kiosk pages. */
function kioskCookie(config: Config) {
  return createCookie("pd_kiosk", {
    path: "/kiosk",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: config.secrets.sessionSecrets,
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}

/** The unit columns a permission check and the local calendar need. */
const unitColumns = {
  id: units.id,
  name: units.name,
  slug: units.slug,
  regionId: regions.id,
  regionSlug: regions.slug,
  provinceId: regions.provinceId,
  timeZone: regions.timeZone,
};

/** Units whose kiosks this person manages, for the enrolment form. */
export async function kioskUnits(db: Database, r: Reach) {
  const scope = unitsInReach(r);
  if (scope === null) return [];
  return db
    .select(unitColumns)
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(scope, eq(units.active, true)))
    .orderBy(asc(regions.name), asc(units.name));
}

/** The kiosks of those units: those in use first, newest first, then the revoked ones; with who enrolled them. */
export async function listKiosks(db: Database, r: Reach) {
  const scope = unitsInReach(r);
  if (scope === null) return [];
  const rows = await db
    .select({
      id: kiosks.id,
      name: kiosks.name,
      askProfile: kiosks.askProfile,
      unitName: units.name,
      enrolledBy: staff.displayName,
      createdAt: kiosks.createdAt,
      pairedAt: kiosks.pairedAt,
      lastSeenOn: kiosks.lastSeenOn,
      revokedAt: kiosks.revokedAt,
      pairingExpiresAt: kiosks.pairingExpiresAt,
    })
    .from(kiosks)
    .innerJoin(units, eq(units.id, kiosks.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .leftJoin(staff, eq(staff.id, kiosks.enrolledBy))
    .where(scope)
    .orderBy(sql`${kiosks.revokedAt} ASC NULLS FIRST`, desc(kiosks.id));
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    pairedAt: row.pairedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    pairingExpiresAt: row.pairingExpiresAt?.toISOString() ?? null,
  }));
}

export type KioskOutcome =
  | { ok: true; kioskId: number; pairing: { code: string; expiresAt: string; kioskName: string } | null }
  | { ok: false; status: 400 | 403 | 404; error: string };

async function kioskWithUnit(db: Database, kioskId: number) {
  const [row] = await db
    .select({ kiosk: { id: kiosks.id, name: kiosks.name, revokedAt: kiosks.revokedAt }, unit: unitColumns })
    .from(kiosks)
    .innerJoin(units, eq(units.id, kiosks.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(kiosks.id, kioskId));
  return row ?? null;
}

/**
 * Carries out one staff command on the kiosk page: enrol a kiosk (with its first pairing
 * code), give a new code (a replaced tablet, an expired code), change its settings, revoke it.
 */
export async function runKioskCommand(
  db: Database,
  config: Config,
  signedIn: SignedInStaff,
  command: KioskCommand,
  now = new Date(),
): Promise<KioskOutcome> {
  if (command.intent === "enrol") {
    const [unit] = await db.select(unitColumns).from(units).innerJoin(regions, eq(regions.id, units.regionId)).where(eq(units.id, command.unitId));
    if (!unit) return { ok: false, status: 404, error: "errors.unit" };
    const resource = unitResource({ id: unit.id, regionId: unit.regionId, provinceId: unit.provinceId });
    if (!can(signedIn.actor, "kiosk.manage", resource)) return { ok: false, status: 403, error: "errors.outOfScope" };
    const code = newPairingCode();
    const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
    const kioskId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(kiosks)
        .values({
          unitId: unit.id,
          name: command.name,
          askProfile: command.askProfile,
          enrolledBy: signedIn.id,
          createdAt: now,
          pairingCodeHash: codeHash(config, code),
          pairingExpiresAt: expiresAt,
        })
        .returning({ id: kiosks.id });
      if (!row) throw new Error("kiosk not stored");
      await recordAudit(tx, {
        actorStaffId: signedIn.id,
        actorRole: actingRole(signedIn, "kiosk.manage", resource),
        action: "kiosk.enrolled",
        objectType: "kiosk",
        objectId: row.id,
        regionId: unit.regionId,
        details: { unitId: unit.id, askProfile: command.askProfile },
      });
      return row.id;
    });
    return { ok: true, kioskId, pairing: { code, expiresAt: expiresAt.toISOString(), kioskName: command.name } };
  }

  const found = await kioskWithUnit(db, command.kioskId);
  if (!found) return { ok: false, status: 404, error: "errors.unknownKiosk" };
  const resource = unitResource({ id: found.unit.id, regionId: found.unit.regionId, provinceId: found.unit.provinceId });
  if (!can(signedIn.actor, "kiosk.manage", resource)) return { ok: false, status: 403, error: "errors.outOfScope" };
  if (found.kiosk.revokedAt !== null) return { ok: false, status: 400, error: "errors.alreadyRevoked" };
  const audit = (tx: Database, action: string, details: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole: actingRole(signedIn, "kiosk.manage", resource),
      action,
      objectType: "kiosk",
      objectId: found.kiosk.id,
      regionId: found.unit.regionId,
      details: { unitId: found.unit.id, ...details },
    });
  const stillActive = and(eq(kiosks.id, found.kiosk.id), isNull(kiosks.revokedAt));

  return db.transaction(async (tx): Promise<KioskOutcome> => {
    switch (command.intent) {
      case "code": {
        const code = newPairingCode();
        const expiresAt = new Date(now.getTime() + PAIRING_MINUTES * 60_000);
        const changed = await tx
          .update(kiosks)
          .set({ pairingCodeHash: codeHash(config, code), pairingExpiresAt: expiresAt })
          .where(stillActive)
          .returning({ id: kiosks.id });
        if (changed.length !== 1) return { ok: false, status: 400, error: "errors.alreadyRevoked" };
        await audit(tx, "kiosk.pairing-code");
        return { ok: true, kioskId: found.kiosk.id, pairing: { code, expiresAt: expiresAt.toISOString(), kioskName: found.kiosk.name } };
      }
      case "settings": {
        const changed = await tx.update(kiosks).set({ askProfile: command.askProfile }).where(stillActive).returning({ id: kiosks.id });
        if (changed.length !== 1) return { ok: false, status: 400, error: "errors.alreadyRevoked" };
        await audit(tx, "kiosk.settings", { askProfile: command.askProfile });
        return { ok: true, kioskId: found.kiosk.id, pairing: null };
      }
      case "revoke": {
        // The device secret and any open code stop working at once; the row stays, so the
        // device's ratings keep pointing at it.
        const changed = await tx
          .update(kiosks)
          .set({ revokedAt: now, revokedBy: signedIn.id, secretHash: null, pairingCodeHash: null, pairingExpiresAt: null })
          .where(stillActive)
          .returning({ id: kiosks.id });
        if (changed.length !== 1) return { ok: false, status: 400, error: "errors.alreadyRevoked" };
        await audit(tx, "kiosk.revoked");
        return { ok: true, kioskId: found.kiosk.id, pairing: null };
      }
    }
  });
}

export type PairOutcome = { ok: true; setCookie: string; unitName: string } | { ok: false; status: 400 | 429; error: string };

/**
 * Pairs the device that shows a valid, unexpired code: the code is used up, a new device
 * secret replaces any earlier one (a replaced tablet stops working), and the secret goes to
 * the device in its cookie. Tries are counted per client address, hits or misses.
 */
export async function pairDevice(db: Database, config: Config, input: { code: string; clientAddress: string }, now = new Date()): Promise<PairOutcome> {
  const limit = await hitLimit(db, config.secrets.hashKey, PAIR_LIMIT, input.clientAddress, now);
  if (limit.blocked) return { ok: false, status: 429, error: "errors.tooManyTries" };
  const secret = randomToken();
  const [paired] = await db
    .update(kiosks)
    .set({ secretHash: secretHash(config, secret), pairedAt: now, pairingCodeHash: null, pairingExpiresAt: null })
    .where(and(eq(kiosks.pairingCodeHash, codeHash(config, input.code)), isNull(kiosks.revokedAt), gt(kiosks.pairingExpiresAt, now)))
    .returning({ id: kiosks.id, unitId: kiosks.unitId });
  if (!paired) return { ok: false, status: 400, error: "errors.code" };
  const [unit] = await db.select({ name: units.name, regionId: units.regionId }).from(units).where(eq(units.id, paired.unitId));
  await recordAudit(db, {
    actorStaffId: null,
    actorRole: "kiosk",
    action: "kiosk.paired",
    objectType: "kiosk",
    objectId: paired.id,
    regionId: unit?.regionId ?? null,
    details: { unitId: paired.unitId },
  });
  return { ok: true, setCookie: await kioskCookie(config).serialize(secret), unitName: unit?.name ?? "" };
}

export interface KioskDevice {
  id: number;
  askProfile: boolean;
  unit: { id: number; name: string; slug: string; regionSlug: string; timeZone: string };
}

/**
 * The paired, unrevoked kiosk this request comes from, or null (no cookie, unknown or revoked
 * device). Notes the local date it was last seen, once a day.
 */
export async function currentKiosk(db: Database, config: Config, request: Request, now = new Date()): Promise<KioskDevice | null> {
  const secret: unknown = await kioskCookie(config).parse(request.headers.get("Cookie"));
  if (typeof secret !== "string" || secret.length === 0) return null;
  const [row] = await db
    .select({ id: kiosks.id, askProfile: kiosks.askProfile, lastSeenOn: kiosks.lastSeenOn, unit: unitColumns, unitActive: units.active })
    .from(kiosks)
    .innerJoin(units, eq(units.id, kiosks.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(kiosks.secretHash, secretHash(config, secret)), isNull(kiosks.revokedAt)));
  if (!row || !row.unitActive) return null;
  const today = localDate(row.unit.timeZone, now);
  if (row.lastSeenOn !== today) await db.update(kiosks).set({ lastSeenOn: today }).where(eq(kiosks.id, row.id));
  return {
    id: row.id,
    askProfile: row.askProfile,
    unit: { id: row.unit.id, name: row.unit.name, slug: row.unit.slug, regionSlug: row.unit.regionSlug, timeZone: row.unit.timeZone },
  };
}
