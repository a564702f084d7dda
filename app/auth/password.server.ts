/**
 * Staff passwords: Argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane). Rules by length
 * and a check against a bundled list of common and breached passwords, not composition
 * rules (NIST SP 800-63B).
 */
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX, PASSWORD_MIN } from "./forms";

const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

// Words an attacker tries first against an Indonesian government portal.
const LOCAL_WORDS = [
  "indonesia",
  "bismillah",
  "sayangku",
  "rahasia",
  "merdeka",
  "palangkaraya",
  "palangka raya",
  "kalimantan",
  "kalteng",
  "pintudepan",
  "pintu depan",
  "disdukcapil",
  "dpmptsp",
  "inspektorat",
  "admin",
  "password",
  "katasandi",
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL_WORDS].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsEmail";

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  const lower = password.toLowerCase();
  // "Password2024!" is "password" with decoration: strip digits and symbols at the ends too.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const words = commonPasswords();
  if (words.has(lower) || words.has(core) || LOCAL_WORDS.some((w) => core === w || core.replace(/\s/g, "") === w.replace(/\s/g, ""))) {
    return "common";
  }
  if (new Set(lower).size <= 3) return "common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verifying against this keeps the time of a login for an unknown email the same as for a known one.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash("pintu-depan-timing-equaliser", ARGON2);
  const target = passwordHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}
