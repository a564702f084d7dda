/**
 * Signing in with a receipt code, and the reporter's session.
 *
 * Guessing is throttled without identities: per client (a keyed hash of the address with a
 * daily input) and installation-wide (all wrong codes of the day), both day-aligned. A wrong
 * code and an unknown code are the same thing here: every attempt runs one Argon2 hash and
 * one indexed lookup, so neither the answer nor its timing tells them apart.
 *
 * The session is a cookie without Max-Age (it ends with the browser), encrypted, holding only
 * the report id and an idle expiry: nothing about it is stored on the server.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reports } from "../../db/schema";
import { decrypt, encrypt } from "../security/crypto.server";
import { hitLimit, peekLimit, type Limit } from "../security/rate-limit.server";
import type { Config } from "../utils/env.server";
import { hashReceipt, normaliseReceipt } from "./receipt.server";

export const CASE_CLIENT_LIMIT: Limit = { bucket: "report-case-client", max: 10, windowSeconds: 86_400, reportPath: true };
/** A ceiling on wrong codes for the whole installation: spreading guesses over many addresses does not help. */
export const CASE_GLOBAL_LIMIT: Limit = { bucket: "report-case-all", max: 2000, windowSeconds: 86_400, reportPath: true };
const GLOBAL_KEY = "all";

const SESSION_IDLE_MINUTES = 30;
const COOKIE = "pd_report";
const COOKIE_PATH = "/report";

export type SignInOutcome = { outcome: "ok"; reportId: string } | { outcome: "wrong" } | { outcome: "throttled" };

export async function signInWithReceipt(db: Database, config: Config, clientAddress: string, typed: string): Promise<SignInOutcome> {
  const key = config.secrets.hashKey;
  const client = await peekLimit(db, key, CASE_CLIENT_LIMIT, clientAddress);
  const all = await peekLimit(db, key, CASE_GLOBAL_LIMIT, GLOBAL_KEY);
  if (client.blocked || all.blocked) return { outcome: "throttled" };

  const code = normaliseReceipt(typed);
  // A malformed code costs the same hash and lookup as a real one (its hash matches nothing).
  const receiptHash = await hashReceipt(code ?? `malformed:${typed.slice(0, 64)}`, key);
  const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.receiptHash, receiptHash));
  if (row && code) return { outcome: "ok", reportId: row.id };

  await hitLimit(db, key, CASE_CLIENT_LIMIT, clientAddress);
  await hitLimit(db, key, CASE_GLOBAL_LIMIT, GLOBAL_KEY);
  return { outcome: "wrong" };
}

function attributes(config: Config): string {
  return `Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax${config.secureCookies ? "; Secure" : ""}`;
}

/** A session cookie (no Max-Age, no Expires) for the report, valid for the idle period. */
export function reporterSessionCookie(config: Config, reportId: string, now = Date.now()): string {
  const value = encrypt(JSON.stringify({ r: reportId, e: now + SESSION_IDLE_MINUTES * 60_000 }), config.secrets.encryptionKeys);
  return `${COOKIE}=${value}; ${attributes(config)}`;
}

export function clearReporterSessionCookie(config: Config): string {
  return `${COOKIE}=; Max-Age=0; ${attributes(config)}`;
}

/** The report of this request's reporter session, or null (none, tampered or idle too long). */
export function reporterSession(request: Request, config: Config, now = Date.now()): string | null {
  const cookies = request.headers.get("cookie") ?? "";
  const value = cookies
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!value) return null;
  try {
    const session = JSON.parse(decrypt(value, config.secrets.encryptionKeys)) as { r?: unknown; e?: unknown };
    if (typeof session.r !== "string" || typeof session.e !== "number" || session.e < now) return null;
    return session.r;
  } catch {
    return null;
  }
}
