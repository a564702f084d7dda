/**
 * Accepting one perception response: the ticket's keyed hash, the response and the running
 * totals commit in one transaction, so a resent form stores one response and a refused one
 * stores nothing.
 */
import type { Database } from "../../db/client";
import { perceptionSubmissions } from "../../db/schema";
import { CURRENT_PERCEPTION_PROFILE, type PerceptionItem } from "../regulation/perception";
import { localDate } from "../utils/calendar";
import { isUniqueViolation } from "../utils/db-errors.server";
import type { Config } from "../utils/env.server";
import { offerHash, type PerceptionOffer } from "./offer.server";
import { storePerceptionResponses } from "./responses.server";

export type PerceptionOutcome = "stored" | "duplicate";

export async function submitPerception(
  db: Database,
  config: Config,
  input: { unit: { id: number; timeZone: string }; offer: PerceptionOffer; answers: Record<PerceptionItem, number | null> },
): Promise<PerceptionOutcome> {
  const today = localDate(input.unit.timeZone);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(perceptionSubmissions).values({ tokenHash: offerHash(config, input.offer), createdOn: today });
      await storePerceptionResponses(tx, [
        { unitId: input.unit.id, respondedOn: today, profileId: CURRENT_PERCEPTION_PROFILE.id, answers: input.answers },
      ]);
    });
  } catch (error) {
    // The ticket was already used (a resend, a double click, or two tabs).
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  return "stored";
}
