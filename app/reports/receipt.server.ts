/**
 * Receipt codes and case numbers. The receipt (16 random digits, about 53 bits) is the only
 * key a reporter has to their case; it is shown once and stored only as a slow keyed hash:
 * Argon2id with the installation's hash key as secret. The salt is derived from the hash
 * key, so the same code always gives the same hash and can be found by a unique index; the
 * secret makes a stolen database useless for guessing without the key.
 */
import { createHmac, randomInt } from "node:crypto";
import { hash } from "@node-rs/argon2";

const RECEIPT_DIGITS = 16;

const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function newReceiptCode(): string {
  let code = "";
  for (let i = 0; i < RECEIPT_DIGITS; i++) code += String(randomInt(10));
  return code;
}

/** "1234567890123456" → "1234 5678 9012 3456". */
export function formatReceipt(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** The digits of a typed code (spaces and dashes ignored), or null when it cannot be a code. */
export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : null;
}

function saltFor(hashKey: Buffer): Buffer {
  return createHmac("sha256", hashKey).update("report-receipt-salt").digest().subarray(0, 16);
}

/** The stored form of a receipt code (an Argon2id PHC string). */
export function hashReceipt(code: string, hashKey: Buffer): Promise<string> {
  return hash(code, { ...ARGON2, secret: hashKey, salt: saltFor(hashKey) });
}

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short random case number for staff, such as "PD-7KQ2-M9XA" (not the receipt). */
export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("");
  return `PD-${part()}-${part()}`;
}
