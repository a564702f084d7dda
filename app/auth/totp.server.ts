/**
 * Two-factor login with TOTP (RFC 6238: 6 digits, 30 seconds, SHA-1, the settings every
 * authenticator app understands) and one-time recovery codes.
 */
import { randomInt } from "node:crypto";
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import QRCode from "qrcode";
import { decrypt, encrypt, keyedHash } from "../security/crypto.server";
import type { Secrets } from "../utils/secrets.server";

const TOTP = { period: 30, digits: 6, algorithm: "SHA-1" } as const;

export async function newTotpSecret(): Promise<string> {
  const { secret } = await generateTOTP(TOTP);
  return secret;
}

export function sealTotpSecret(secret: string, secrets: Secrets): string {
  return encrypt(secret, secrets.encryptionKeys);
}

export function openTotpSecret(sealed: string, secrets: Secrets): string {
  return decrypt(sealed, secrets.encryptionKeys);
}

/** The otpauth:// URI and its QR code as an SVG string (rendered on the server, no script). */
export async function enrolmentQr(secret: string, accountName: string): Promise<{ uri: string; svg: string }> {
  const uri = getTOTPAuthUri({ ...TOTP, secret, accountName, issuer: "Pintu Depan" });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, svg };
}

/**
 * Checks a code, allowing one step of clock drift either way. Returns the time step it
 * matched, so the caller can refuse the same code a second time; null when wrong.
 */
export async function checkTotp(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const otp = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(otp)) return null;
  const result = await verifyTOTP({ ...TOTP, otp, secret, window: 1 });
  if (!result) return null;
  return Math.floor(now / 1000 / TOTP.period) + result.delta;
}

/** A code for a given secret (used by the tests' authenticator and the demo seed's notes). */
export async function currentTotp(secret: string): Promise<string> {
  const { otp } = await generateTOTP({ ...TOTP, secret });
  return otp;
}

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2-x9qp-4hdt": 60 bits each, easy to read aloud and type. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("")).join("-"),
  );
}

function normaliseRecoveryCode(code: string): string {
  const compact = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return compact.match(/.{1,4}/g)?.join("-") ?? "";
}

export function hashRecoveryCode(code: string, secrets: Secrets): string {
  return keyedHash(secrets.hashKey, "recovery-code", normaliseRecoveryCode(code));
}
