/**
 * Secrets: the session-signing secrets, the data-encryption keys and the hashing key.
 * Given in the environment in a real deployment; otherwise generated once into
 * DATA_DIR/secrets.json (readable by the owner only) so that a first run needs nothing.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface EncryptionKey {
  /** Short identifier stored beside every ciphertext so keys can rotate. */
  id: string;
  key: Buffer;
}

export interface Secrets {
  /** The first signs new cookies; all verify (rotation). */
  sessionSecrets: string[];
  /** The first encrypts; all decrypt (rotation). */
  encryptionKeys: EncryptionKey[];
  /** Key of the keyed hashes (throttling keys, recovery codes, tokens). */
  hashKey: Buffer;
}

export type SecretName = "SESSION_SECRET" | "ENCRYPTION_KEYS" | "HASH_KEY";

/** Parses "id:base64key,id2:base64key2"; every key must be 32 bytes. */
export function parseEncryptionKeys(value: string): EncryptionKey[] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(":");
      if (!id || !encoded || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new Error("ENCRYPTION_KEYS must look like id:base64key[,id:base64key…]");
      const key = Buffer.from(encoded, "base64");
      if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS key "${id}" must be 32 bytes, base64-encoded`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error("ENCRYPTION_KEYS is empty");
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error("ENCRYPTION_KEYS has a repeated key id");
  return keys;
}

export function generateSecrets(): Secrets {
  return {
    sessionSecrets: [randomBytes(32).toString("base64url")],
    encryptionKeys: [{ id: "k1", key: randomBytes(32) }],
    hashKey: randomBytes(32),
  };
}

interface StoredSecrets {
  SESSION_SECRET: string;
  ENCRYPTION_KEYS: string;
  HASH_KEY: string;
}

/** Reads DATA_DIR/secrets.json, creating it with fresh secrets the first time. */
export function secretsFromDataDir(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) {
    const fresh = generateSecrets();
    const stored: StoredSecrets = {
      SESSION_SECRET: fresh.sessionSecrets.join(","),
      ENCRYPTION_KEYS: fresh.encryptionKeys.map((k) => `${k.id}:${k.key.toString("base64")}`).join(","),
      HASH_KEY: fresh.hashKey.toString("base64"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as StoredSecrets;
  return {
    sessionSecrets: stored.SESSION_SECRET.split(","),
    encryptionKeys: parseEncryptionKeys(stored.ENCRYPTION_KEYS),
    hashKey: Buffer.from(stored.HASH_KEY, "base64"),
  };
}
