/**
 * Encryption at rest and keyed hashes.
 * - encrypt/decrypt: AES-256-GCM; the output names the key that sealed it ("k1:iv:tag:data",
 *   base64url parts), so old data stays readable after a new key is put first.
 * - keyedHash: HMAC-SHA-256 for values that must be looked up but never stored in clear
 *   (throttling keys, recovery codes, one-time tokens).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { EncryptionKey } from "../utils/secrets.server";

export function encrypt(plaintext: string, keys: readonly EncryptionKey[]): string {
  const current = keys[0];
  if (!current) throw new Error("no encryption key configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function decrypt(sealed: string, keys: readonly EncryptionKey[]): string {
  const [id, iv, tag, data] = sealed.split(":");
  const key = keys.find((k) => k.id === id);
  if (!key || iv === undefined || tag === undefined || data === undefined) {
    throw new Error(`cannot decrypt: key "${id}" is not configured`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** HMAC-SHA-256 of the parts (joined unambiguously), base64url. `purpose` separates uses. */
export function keyedHash(hashKey: Buffer, purpose: string, ...parts: string[]): string {
  const mac = createHmac("sha256", hashKey);
  mac.update(purpose);
  for (const part of parts) mac.update(`\u0000${part.length}:${part}`);
  return mac.digest("base64url");
}

/** A random token for links and cookies (256 bits, base64url). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
