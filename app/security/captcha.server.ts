/**
 * hCaptcha verification on the server, used by the challenge a form asks on suspicion
 * (challenge.server.ts). Without keys it is off and the portal asks its own question instead
 * (the server warned at start). Only the token and our secret are sent: never the client's address.
 */
import type { Config } from "../utils/env.server";

export type CaptchaOutcome = "passed" | "failed" | "off" | "unavailable";

export async function verifyCaptcha(config: Config, token: string | null, timeoutMs = 5_000): Promise<CaptchaOutcome> {
  if (!config.captcha) return "off";
  if (!token || token.length > 10_000) return "failed";
  try {
    const response = await fetch(config.captcha.verifyUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ secret: config.captcha.secret, response: token, sitekey: config.captcha.siteKey }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return "unavailable";
    const body = (await response.json()) as { success?: unknown };
    return body.success === true ? "passed" : "failed";
  } catch {
    return "unavailable";
  }
}
