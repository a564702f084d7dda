/**
 * Accepting one rating from a counter kiosk. The device is known (its cookie), so there is no
 * captcha and no per-address limit: a whole office may share one address. Instead each
 * device has its own pace (config.kiosk): not two ratings within a few seconds, and an hourly
 * ceiling. Idempotent per token made on the device, as the web form is per form token: a
 * rating queued offline and sent again after a lost answer is stored once. Stored through
 * the same running totals as web ratings, so it counts in the IKM the same way.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmSubmissions } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { keyedHash } from "../security/crypto.server";
import { hitLimit, type Limit } from "../security/rate-limit.server";
import { storeResponses } from "../skm/responses.server";
import { countSlot } from "../skm/submit.server";
import { slotOf } from "../skm/suspicion";
import { localDateTime } from "../utils/calendar";
import { isUniqueViolation } from "../utils/db-errors.server";
import type { Config } from "../utils/env.server";
import type { KioskDevice } from "./kiosks.server";
import type { KioskRatingValues } from "./schema";

export type KioskSubmitOutcome = { kind: "stored" } | { kind: "duplicate" } | { kind: "paced"; retryAfterSeconds: number };

function kioskPaceLimits(config: Config): Limit[] {
  return [
    { bucket: "kiosk-gap", max: 1, windowSeconds: config.kiosk.minSeconds },
    { bucket: "kiosk-hour", max: config.kiosk.hourlyMax, windowSeconds: 3600 },
  ];
}

export async function submitKioskRating(
  db: Database,
  config: Config,
  input: { kiosk: KioskDevice; values: KioskRatingValues },
  now = new Date(),
): Promise<KioskSubmitOutcome> {
  const { kiosk, values } = input;
  const tokenHash = keyedHash(config.secrets.hashKey, "skm-kiosk-token", String(kiosk.id), values.token);
  // A resend of a stored rating is answered as such before the pace is looked at: the
  // device's queue must be able to learn that its rating arrived.
  const [seen] = await db.select({ id: skmSubmissions.responseId }).from(skmSubmissions).where(eq(skmSubmissions.tokenHash, tokenHash));
  if (seen) return { kind: "duplicate" };

  for (const limit of kioskPaceLimits(config)) {
    const state = await hitLimit(db, config.secrets.hashKey, limit, `kiosk:${kiosk.id}`, now);
    if (state.blocked) return { kind: "paced", retryAfterSeconds: state.retryAfterSeconds };
  }

  // The ten-minute slot count feeds the burst and opening-hours flags, as web ratings do.
  const [today = "", time = "00:00"] = localDateTime(now, kiosk.unit.timeZone).split(" ");
  try {
    await db.transaction(async (tx) => {
      const [responseId] = await storeResponses(tx, [
        {
          unitId: kiosk.unit.id,
          serviceId: values.serviceId,
          respondedOn: today,
          source: "kiosk",
          kioskId: kiosk.id,
          profileId: SKM_2017.id,
          sex: values.sex ?? null,
          ageBand: values.ageBand ?? null,
          education: values.education ?? null,
          occupation: values.occupation ?? null,
          answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, values[e]])) as Record<(typeof SKM_ELEMENTS)[number], number>,
          coercion: values.coercion === undefined ? null : values.coercion === "yes",
        },
      ]);
      if (responseId === undefined) throw new Error("response not stored");
      await tx.insert(skmSubmissions).values({ tokenHash, responseId, createdOn: today });
      await countSlot(tx, kiosk.unit.id, today, slotOf(time));
    });
  } catch (error) {
    // The same rating sent twice at the same moment: the other request stored it.
    if (isUniqueViolation(error)) return { kind: "duplicate" };
    throw error;
  }
  return { kind: "stored" };
}
