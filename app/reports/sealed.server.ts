/**
 * Sealing report content at rest with the configured keys (ENCRYPTION_KEYS, first = current).
 * Text and JSON use the "keyId:iv:tag:data" string of crypto.server; files use a binary
 * envelope: 1 byte key-id length, key id, 12-byte IV, 16-byte tag, ciphertext. Old keys stay
 * readable after rotation; `npm run reports:rekey` (or retention) rewrites old envelopes.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { decrypt, encrypt } from "../security/crypto.server";
import type { EncryptionKey } from "../utils/secrets.server";

export function sealText(text: string, keys: readonly EncryptionKey[]): string {
  return encrypt(text, keys);
}

export function openText(sealed: string, keys: readonly EncryptionKey[]): string {
  return decrypt(sealed, keys);
}

export function sealJson(value: unknown, keys: readonly EncryptionKey[]): string {
  return encrypt(JSON.stringify(value), keys);
}

export function openJson<T>(sealed: string, keys: readonly EncryptionKey[]): T {
  return JSON.parse(decrypt(sealed, keys)) as T;
}

export function sealBytes(bytes: Buffer, keys: readonly EncryptionKey[]): Buffer {
  const current = keys[0];
  if (!current) throw new Error("no encryption key configured");
  const id = Buffer.from(current.id, "utf8");
  if (id.length > 255) throw new Error("encryption key id too long");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const data = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), data]);
}

export function openBytes(sealed: Buffer, keys: readonly EncryptionKey[]): Buffer {
  const idLength = sealed[0] ?? 0;
  const id = sealed.subarray(1, 1 + idLength).toString("utf8");
  const key = keys.find((k) => k.id === id);
  if (!key) throw new Error(`cannot decrypt: key "${id}" is not configured`);
  const iv = sealed.subarray(1 + idLength, 13 + idLength);
  const tag = sealed.subarray(13 + idLength, 29 + idLength);
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(29 + idLength)), decipher.final()]);
}

/** The id of the key that sealed a value (to find envelopes that need re-keying). */
export function sealedKeyId(sealed: string | Buffer): string {
  if (typeof sealed === "string") return sealed.split(":")[0] ?? "";
  return sealed.subarray(1, 1 + (sealed[0] ?? 0)).toString("utf8");
}

/** What a report's sealed `content` holds. */
export interface ReportContent {
  narrative: string;
  /** Rupiah, whole numbers. */
  amountAsked: number | null;
  officialTariff: number | null;
  paid: "yes" | "no" | "unknown" | null;
  askedBy: string | null;
}
