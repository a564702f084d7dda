/**
 * Signing in: password, then the second factor (TOTP or a recovery code), with throttling
 * per client and per account that stores no raw address or email, and the same answer for
 * an unknown email, a wrong password and a deactivated account.
 */
import { createCookie } from "@remix-run/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { recoveryCodes, staff } from "../../db/schema";
import { decrypt, encrypt } from "../security/crypto.server";
import { hitLimit, peekLimit, type Limit } from "../security/rate-limit.server";
import type { Config } from "../utils/env.server";
import { verifyPassword } from "./password.server";
import { checkTotp, hashRecoveryCode, openTotpSecret } from "./totp.server";

const LIMITS = {
  /** Failed sign-ins from one client address. */
  client: { bucket: "login-client", max: 20, windowSeconds: 15 * 60 },
  /** Failed sign-ins for one email, whether or not it has an account. */
  account: { bucket: "login-account", max: 10, windowSeconds: 60 * 60 },
  /** Failed second-factor codes for one account. */
  secondFactor: { bucket: "login-2fa", max: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The short-lived cookie between the password step and the second factor: encrypted
 * (AES-256-GCM, `ENCRYPTION_KEYS`) as well as signed, because it names the staff member and
 * where they were going, which nobody holding the browser should be able to read.
 */
export interface PendingLogin {
  staffId: number;
  /** "verify": enter a code; "enrol": set up the authenticator first. */
  stage: "verify" | "enrol";
  expiresAt: number;
  redirectTo: string;
}

const PENDING_MINUTES = 10;

function pendingLoginCookie(config: Config) {
  return createCookie("pd_login", {
    path: "/staff",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: config.secrets.sessionSecrets,
    maxAge: PENDING_MINUTES * 60,
  });
}

export async function readPendingLogin(config: Config, request: Request, now = Date.now()): Promise<PendingLogin | null> {
  const sealed: unknown = await pendingLoginCookie(config).parse(request.headers.get("Cookie"));
  const value = typeof sealed === "string" ? openPending(sealed, config) : null;
  if (!value || typeof value.staffId !== "number" || (value.stage !== "verify" && value.stage !== "enrol")) return null;
  if (typeof value.expiresAt !== "number" || value.expiresAt < now) return null;
  return { staffId: value.staffId, stage: value.stage, expiresAt: value.expiresAt, redirectTo: value.redirectTo ?? "/staff" };
}

function openPending(sealed: string, config: Config): Partial<PendingLogin> | null {
  try {
    return JSON.parse(decrypt(sealed, config.secrets.encryptionKeys)) as Partial<PendingLogin>;
  } catch {
    return null;
  }
}

export function writePendingLogin(config: Config, pending: Omit<PendingLogin, "expiresAt">, now = Date.now()) {
  const value: PendingLogin = { ...pending, expiresAt: now + PENDING_MINUTES * 60_000 };
  return pendingLoginCookie(config).serialize(encrypt(JSON.stringify(value), config.secrets.encryptionKeys));
}

export function clearPendingLogin(config: Config) {
  return pendingLoginCookie(config).serialize("", { maxAge: 0 });
}

export type PasswordStepResult =
  | { outcome: "ok"; staffId: number; stage: "verify" | "enrol" }
  | { outcome: "invalid" }
  | { outcome: "throttled" };

export async function passwordStep(
  db: Database,
  config: Config,
  input: { email: string; password: string; clientAddress: string },
): Promise<PasswordStepResult> {
  const email = normaliseEmail(input.email);
  const hashKey = config.secrets.hashKey;
  const [byClient, byAccount] = await Promise.all([
    peekLimit(db, hashKey, LIMITS.client, input.clientAddress),
    peekLimit(db, hashKey, LIMITS.account, email),
  ]);
  if (byClient.blocked || byAccount.blocked) return { outcome: "throttled" };

  const [row] = await db
    .select({ id: staff.id, passwordHash: staff.passwordHash, active: staff.active, totpEnabledAt: staff.totpEnabledAt })
    .from(staff)
    .where(eq(staff.email, email));
  // Always verify (against a dummy hash for unknown emails) so timing tells nothing.
  const passwordOk = await verifyPassword(row?.passwordHash ?? null, input.password);
  if (!row || !row.active || !passwordOk) {
    await hitLimit(db, hashKey, LIMITS.client, input.clientAddress);
    await hitLimit(db, hashKey, LIMITS.account, email);
    return { outcome: "invalid" };
  }
  return { outcome: "ok", staffId: row.id, stage: row.totpEnabledAt ? "verify" : "enrol" };
}

export type SecondFactorResult = { outcome: "ok"; usedRecoveryCode: boolean } | { outcome: "invalid" } | { outcome: "throttled" };

/** Checks a TOTP code (never the same one twice) or an unused recovery code (then spends it). */
export async function secondFactorStep(
  db: Database,
  config: Config,
  input: { staffId: number; code: string; clientAddress: string },
): Promise<SecondFactorResult> {
  const hashKey = config.secrets.hashKey;
  const accountKey = `staff:${input.staffId}`;
  const [byClient, byAccount] = await Promise.all([
    peekLimit(db, hashKey, LIMITS.client, input.clientAddress),
    peekLimit(db, hashKey, LIMITS.secondFactor, accountKey),
  ]);
  if (byClient.blocked || byAccount.blocked) return { outcome: "throttled" };

  const fail = async (): Promise<SecondFactorResult> => {
    await hitLimit(db, hashKey, LIMITS.client, input.clientAddress);
    await hitLimit(db, hashKey, LIMITS.secondFactor, accountKey);
    return { outcome: "invalid" };
  };

  const [row] = await db
    .select({ totpSecret: staff.totpSecret, totpLastStep: staff.totpLastStep, active: staff.active })
    .from(staff)
    .where(eq(staff.id, input.staffId));
  if (!row || !row.active || !row.totpSecret) return fail();

  const code = input.code.trim();
  if (/^\d{3}\s?\d{3}$/.test(code)) {
    const step = await checkTotp(openTotpSecret(row.totpSecret, config.secrets), code);
    if (step === null || (row.totpLastStep !== null && step <= row.totpLastStep)) return fail();
    // Conditional update: two concurrent requests with one code cannot both succeed.
    const updated = await db
      .update(staff)
      .set({ totpLastStep: step })
      .where(and(eq(staff.id, input.staffId), sql`coalesce(${staff.totpLastStep}, -1) < ${step}`))
      .returning({ id: staff.id });
    return updated.length === 1 ? { outcome: "ok", usedRecoveryCode: false } : fail();
  }

  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.staffId, input.staffId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code, config.secrets)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length === 1 ? { outcome: "ok", usedRecoveryCode: true } : fail();
}
