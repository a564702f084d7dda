/**
 * The ticket to the optional perception step. When an SKM rating is accepted, the rating
 * action sets a short-lived, signed, httpOnly cookie scoped to that unit's /rate path; the
 * thanks page offers the step only while it is valid, and the perception action accepts one
 * response per ticket. Its nonce is derived from the SKM form token, so a resent rating
 * form gets the same ticket again: one SKM rating can give at most one perception response.
 * Only a keyed hash of the nonce is stored, when it is used (perception_submissions).
 * docs/decisions/008-perception-step-ticket.md explains the choice.
 */
import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { perceptionSubmissions } from "../../db/schema";
import { keyedHash } from "../security/crypto.server";
import type { Config } from "../utils/env.server";

/** Long enough to answer 16 questions on a slow phone; far shorter than the two days tickets are remembered. */
const OFFER_MINUTES = 120;

export interface PerceptionOffer {
  unitId: number;
  nonce: string;
  expiresAt: number;
}

const unitPath = (unit: { regionSlug: string; slug: string }) => `/rate/${unit.regionSlug}/${unit.slug}`;

function offerCookie(config: Config) {
  return createCookie("pd_perception", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    secrets: config.secrets.sessionSecrets,
    maxAge: OFFER_MINUTES * 60,
  });
}

/** The Set-Cookie value that hands the ticket of an accepted SKM rating to its thanks page. */
export function issueOffer(
  config: Config,
  unit: { id: number; regionSlug: string; slug: string },
  skmToken: string,
  now = Date.now(),
): Promise<string> {
  const offer: PerceptionOffer = {
    unitId: unit.id,
    nonce: keyedHash(config.secrets.hashKey, "perception-offer", String(unit.id), skmToken),
    expiresAt: now + OFFER_MINUTES * 60_000,
  };
  return offerCookie(config).serialize(offer, { path: unitPath(unit) });
}

/** The Set-Cookie value that removes a spent ticket. */
export function clearOffer(config: Config, unit: { regionSlug: string; slug: string }): Promise<string> {
  return offerCookie(config).serialize("", { path: unitPath(unit), maxAge: 0 });
}

/** The request's ticket for this unit, or null when it is missing, forged, expired or for another unit. */
export async function readOffer(config: Config, request: Request, unitId: number, now = Date.now()): Promise<PerceptionOffer | null> {
  const value = (await offerCookie(config).parse(request.headers.get("Cookie"))) as Partial<PerceptionOffer> | null;
  if (!value || typeof value !== "object") return null;
  if (value.unitId !== unitId || typeof value.nonce !== "string" || typeof value.expiresAt !== "number") return null;
  if (value.expiresAt < now) return null;
  return { unitId: value.unitId, nonce: value.nonce, expiresAt: value.expiresAt };
}

export function offerHash(config: Config, offer: PerceptionOffer): string {
  return keyedHash(config.secrets.hashKey, "perception-token", offer.nonce);
}

export async function offerUsed(db: Database, config: Config, offer: PerceptionOffer): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: perceptionSubmissions.tokenHash })
    .from(perceptionSubmissions)
    .where(eq(perceptionSubmissions.tokenHash, offerHash(config, offer)));
  return row !== undefined;
}
