/**
 * Staff accounts: one-time set-up links, authenticator enrolment, recovery codes, password
 * changes. Functions that change several rows take a transaction handle.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { recoveryCodes, setupTokens, staff } from "../../db/schema";
import { keyedHash, randomToken } from "../security/crypto.server";
import type { Config } from "../utils/env.server";
import { verifyPassword } from "./password.server";
import { endAllSessions } from "./session.server";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret } from "./totp.server";

export const SETUP_LINK_HOURS = 72;

const tokenHash = (config: Config, token: string) => keyedHash(config.secrets.hashKey, "setup-token", token);

/** A one-time link token; only its keyed hash is stored. Earlier unused links of the person stop working. */
export async function createSetupToken(tx: Database, config: Config, staffId: number, now = new Date()): Promise<string> {
  await tx
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.staffId, staffId), isNull(setupTokens.usedAt)));
  const token = randomToken();
  await tx.insert(setupTokens).values({
    tokenHash: tokenHash(config, token),
    staffId,
    expiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
  });
  return token;
}

export function setupLink(config: Config, token: string): string {
  return `${config.publicUrl}/staff/setup?token=${encodeURIComponent(token)}`;
}

export async function findSetupToken(db: Database, config: Config, token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ staffId: staff.id, email: staff.email, displayName: staff.displayName, active: staff.active })
    .from(setupTokens)
    .innerJoin(staff, eq(staff.id, setupTokens.staffId))
    .where(and(eq(setupTokens.tokenHash, tokenHash(config, token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
  return row && row.active ? row : null;
}

/** Spends the link and sets the password; every open session of the person ends. */
export async function completeSetup(tx: Database, config: Config, token: string, passwordHash: string): Promise<number | null> {
  const [spent] = await tx
    .update(setupTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(setupTokens.tokenHash, tokenHash(config, token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, new Date())))
    .returning({ staffId: setupTokens.staffId });
  if (!spent) return null;
  await tx.update(staff).set({ passwordHash, failedLogins: 0 }).where(eq(staff.id, spent.staffId));
  await endAllSessions(tx, spent.staffId);
  return spent.staffId;
}

/** The secret being enrolled: created on first view, kept until confirmed or reset. */
export async function pendingTotpSecret(db: Database, config: Config, staffId: number): Promise<{ secret: string; email: string } | null> {
  const [row] = await db
    .select({ email: staff.email, totpSecret: staff.totpSecret, totpEnabledAt: staff.totpEnabledAt })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!row || row.totpEnabledAt) return null;
  if (row.totpSecret) return { secret: openTotpSecret(row.totpSecret, config.secrets), email: row.email };
  const secret = await newTotpSecret();
  await db.update(staff).set({ totpSecret: sealTotpSecret(secret, config.secrets) }).where(eq(staff.id, staffId));
  return { secret, email: row.email };
}

/** Confirms enrolment with a first code; returns the recovery codes to show once, or null. */
export async function confirmEnrolment(tx: Database, config: Config, staffId: number, code: string): Promise<string[] | null> {
  const pending = await pendingTotpSecret(tx, config, staffId);
  if (!pending) return null;
  const step = await checkTotp(pending.secret, code);
  if (step === null) return null;
  await tx.update(staff).set({ totpEnabledAt: new Date(), totpLastStep: step }).where(eq(staff.id, staffId));
  return replaceRecoveryCodes(tx, config, staffId);
}

export async function replaceRecoveryCodes(tx: Database, config: Config, staffId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffId, staffId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code, config.secrets) })));
  return codes;
}

export async function unusedRecoveryCodeCount(db: Database, staffId: number): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.staffId, staffId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** Forgets the authenticator: the next sign-in enrols a new one. Ends every session. */
export async function resetTwoFactor(tx: Database, staffId: number): Promise<void> {
  await tx.update(staff).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(staff.id, staffId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffId, staffId));
  await endAllSessions(tx, staffId);
}

export async function isEnrolled(db: Database, staffId: number): Promise<boolean> {
  const [row] = await db.select({ at: staff.totpEnabledAt }).from(staff).where(eq(staff.id, staffId));
  return Boolean(row?.at);
}

/** Changes a signed-in person's own password; their other sessions end. */
export async function changePassword(tx: Database, staffId: number, passwordHash: string, keepSessionIdHash?: string): Promise<void> {
  await tx.update(staff).set({ passwordHash }).where(eq(staff.id, staffId));
  await endAllSessions(tx, staffId, keepSessionIdHash);
}

/** Re-checks a signed-in person's password before a sensitive change. */
export async function checkOwnPassword(db: Database, staffId: number, password: string): Promise<boolean> {
  const [row] = await db.select({ hash: staff.passwordHash }).from(staff).where(eq(staff.id, staffId));
  return verifyPassword(row?.hash ?? null, password);
}
