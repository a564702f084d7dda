/**
 * Staff sessions. The cookie is signed (rotating secrets: the first signs, all verify),
 * httpOnly, SameSite=Lax and Secure in production; it carries a random session id whose
 * SHA-256 is the only thing stored. Sessions end after IDLE_MINUTES without a request, after
 * ABSOLUTE_HOURS in any case, on sign-out, and all at once on "sign out everywhere",
 * deactivation or a password or two-factor reset.
 */
import { createHash } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staff, staffGrants, staffSessions } from "../../db/schema";
import { randomToken } from "../security/crypto.server";
import type { Config } from "../utils/env.server";
import type { Actor, Grant } from "./policy";

const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_SECONDS = 60;

export function sessionCookie(config: Config) {
  return createCookie("pd_staff", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: config.secrets.sessionSecrets,
    maxAge: ABSOLUTE_HOURS * 3600,
  });
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** Starts a session; returns the Set-Cookie header value. */
export async function startSession(db: Database, config: Config, staffId: number, now = new Date()): Promise<string> {
  const id = randomToken();
  // The times come from the same clock that currentStaff and housekeeping judge them by.
  await db.insert(staffSessions).values({ idHash: sha256(id), staffId, createdAt: now, lastSeenAt: now });
  return sessionCookie(config).serialize(id);
}

export async function endSession(db: Database, config: Config, request: Request): Promise<string> {
  const id = await readSessionId(config, request);
  if (id) await db.update(staffSessions).set({ revokedAt: new Date() }).where(eq(staffSessions.idHash, sha256(id)));
  return sessionCookie(config).serialize("", { maxAge: 0 });
}

/** Ends every session of a staff member (sign out everywhere, deactivation, resets), but `keep`. */
export async function endAllSessions(db: Database, staffId: number, keep?: string): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(staffSessions.staffId, staffId),
        isNull(staffSessions.revokedAt),
        keep ? ne(staffSessions.idHash, keep) : undefined,
      ),
    );
}

async function readSessionId(config: Config, request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie(config).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export interface SignedInStaff {
  id: number;
  /** The stored hash of this request's session id. */
  sessionIdHash: string;
  email: string;
  displayName: string;
  actor: Actor;
}

/** The signed-in staff member of this request, or null (no cookie, expired, revoked, inactive). */
export async function currentStaff(db: Database, config: Config, request: Request, now = new Date()): Promise<SignedInStaff | null> {
  const id = await readSessionId(config, request);
  if (!id) return null;
  const idHash = sha256(id);
  const [row] = await db
    .select({
      session: staffSessions,
      staffId: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      homeUnitId: staff.homeUnitId,
      active: staff.active,
      totpEnabledAt: staff.totpEnabledAt,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.idHash, idHash));
  if (!row || row.session.revokedAt || !row.active || !row.totpEnabledAt) return null;
  const idleLimit = row.session.lastSeenAt.getTime() + IDLE_MINUTES * 60_000;
  const absoluteLimit = row.session.createdAt.getTime() + ABSOLUTE_HOURS * 3_600_000;
  if (now.getTime() > idleLimit || now.getTime() > absoluteLimit) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_SECONDS * 1000) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.idHash, idHash));
  }
  const grants = await loadGrants(db, row.staffId);
  return {
    id: row.staffId,
    sessionIdHash: idHash,
    email: row.email,
    displayName: row.displayName,
    actor: { staffId: row.staffId, homeUnitId: row.homeUnitId, grants },
  };
}

export async function loadGrants(db: Database, staffId: number): Promise<Grant[]> {
  return (await loadGrantsOf(db, [staffId])).get(staffId) ?? [];
}

/** The grants of several people in one query, by person. */
export async function loadGrantsOf(db: Database, staffIds: readonly number[]): Promise<Map<number, Grant[]>> {
  const byStaff = new Map<number, Grant[]>(staffIds.map((id) => [id, []]));
  if (staffIds.length === 0) return byStaff;
  const rows = await db
    .select({
      staffId: staffGrants.staffId,
      role: staffGrants.role,
      provinceId: staffGrants.provinceId,
      regionId: staffGrants.regionId,
      unitId: staffGrants.unitId,
    })
    .from(staffGrants)
    .where(inArray(staffGrants.staffId, [...staffIds]))
    .orderBy(staffGrants.id);
  for (const { staffId, ...grant } of rows) byStaff.get(staffId)?.push(grant);
  return byStaff;
}
