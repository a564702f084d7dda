/**
 * The challenge a public form asks only on suspicion (see app/skm/suspicion.ts and
 * docs/integrity.md). Where hCaptcha is configured it is the hCaptcha widget, verified through
 * verifyCaptcha (the provider sees the visitor only then). Where it is not, the portal asks its
 * own question (a small sum) that works without JavaScript and without any third party: the
 * answer is not sent to the browser, only a keyed proof bound to the form's token and an
 * expiry, so each form view needs its own answer. It holds back unattended form-fillers, not a
 * determined person: production installations configure hCaptcha (docs/security.md).
 */
import { randomInt, timingSafeEqual } from "node:crypto";
import type { Config } from "../utils/env.server";
import { verifyCaptcha } from "./captcha.server";
import { keyedHash } from "./crypto.server";

/** How long the portal's own question can be answered. */
const QUESTION_VALID_MS = 30 * 60_000;

export type Challenge = { kind: "hcaptcha"; siteKey: string } | { kind: "question"; left: number; right: number; proof: string };

function proofOf(config: Config, token: string, answer: number, expires: number): string {
  return `${expires}.${keyedHash(config.secrets.hashKey, "form-challenge", token, String(answer), String(expires))}`;
}

/** A new challenge for the form view identified by `token`. */
export function issueChallenge(config: Config, token: string, now: Date): Challenge {
  if (config.captcha) return { kind: "hcaptcha", siteKey: config.captcha.siteKey };
  const left = randomInt(2, 10);
  const right = randomInt(1, 10);
  return { kind: "question", left, right, proof: proofOf(config, token, left + right, now.getTime() + QUESTION_VALID_MS) };
}

export type ChallengeOutcome = "absent" | "passed" | "failed" | "unavailable";

interface Fields {
  get(name: string): FormDataEntryValue | null;
}

const text = (fields: Fields, name: string) => {
  const value = fields.get(name);
  return typeof value === "string" && value.length > 0 ? value : null;
};

/**
 * Checks the challenge answer a form carries, if any. "absent" when the form carries none (it
 * was not asked, or not answered); the caller decides whether one was needed.
 */
export async function checkChallenge(config: Config, token: string, fields: Fields, now: Date): Promise<ChallengeOutcome> {
  if (config.captcha) {
    const response = text(fields, "h-captcha-response");
    if (!response) return "absent";
    const outcome = await verifyCaptcha(config, response);
    return outcome === "off" ? "absent" : outcome;
  }
  const proof = text(fields, "challengeProof");
  const answer = text(fields, "challengeAnswer");
  if (!proof) return "absent";
  if (!answer || !/^\d{1,3}$/.test(answer.trim()) || proof.length > 200) return "failed";
  const expires = Number(proof.split(".")[0]);
  if (!Number.isSafeInteger(expires) || expires < now.getTime()) return "failed";
  const expected = Buffer.from(proofOf(config, token, Number(answer.trim()), expires));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given) ? "passed" : "failed";
}
