/**
 * Where a kiosk's outbox sends its ratings (JSON), one at a time. 201 stored, 200 already
 * stored (a resend), 429 with Retry-After when the device's pace limit holds it back, 400 for
 * a rating that can never be stored, 403 for an unknown or revoked device. Nothing is stored
 * unless the answer is 201.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { currentKiosk } from "~/kiosk/kiosks.server";
import { kioskRatingSchema } from "~/kiosk/schema";
import { submitKioskRating } from "~/kiosk/submit.server";
import { findUnitByAddress } from "~/org/queries.server";

const json = (body: Record<string, unknown>, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ status: "method-not-allowed" }, 405, { Allow: "POST" });
  const kiosk = await currentKiosk(context.db, context.config, request);
  if (!kiosk) return json({ status: "refused" }, 403);
  const unit = await findUnitByAddress(context.db, kiosk.unit.regionSlug, kiosk.unit.slug, { services: true });
  if (!unit) return json({ status: "refused" }, 403);

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ status: "invalid" }, 400);
  }
  const parsed = kioskRatingSchema(unit.services.map((s) => s.id)).safeParse(body);
  if (!parsed.success) return json({ status: "invalid", fields: Object.keys(parsed.error.flatten().fieldErrors) }, 400);

  const outcome = await submitKioskRating(context.db, context.config, { kiosk, values: parsed.data });
  switch (outcome.kind) {
    case "stored":
      return json({ status: "stored" }, 201);
    case "duplicate":
      return json({ status: "duplicate" }, 200);
    case "paced":
      return json({ status: "paced", retryAfter: outcome.retryAfterSeconds }, 429, { "Retry-After": String(outcome.retryAfterSeconds) });
  }
}

export function loader() {
  return json({ status: "method-not-allowed" }, 405, { Allow: "POST" });
}
