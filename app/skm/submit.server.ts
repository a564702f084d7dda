/**
 * Accepting one web rating: throttled per client and unit per day without keeping the
 * client's address (a keyed hash with a daily-changing input), idempotent per form token,
 * and stored with the running totals and the suggestion in one transaction.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmSubmissions, skmSuggestions } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { keyedHash } from "../security/crypto.server";
import { hitLimit, peekLimit, type Limit } from "../security/rate-limit.server";
import { isUniqueViolation } from "../utils/db-errors.server";
import type { Config } from "../utils/env.server";
import type { RatingValues } from "./form-schema";
import { localDate } from "../utils/calendar";
import { storeResponses } from "./responses.server";

/** Several people share one address behind mobile carriers' NAT: allow a family's worth. */
const RATING_LIMIT: Limit = { bucket: "skm-rating", max: 10, windowSeconds: 86_400 };

export type SubmitOutcome = "stored" | "duplicate" | "throttled";

export async function submitRating(
  db: Database,
  config: Config,
  input: { unit: { id: number; timeZone: string }; clientAddress: string; values: RatingValues },
): Promise<SubmitOutcome> {
  const tokenHash = keyedHash(config.secrets.hashKey, "skm-token", input.values.token);
  const [seen] = await db.select({ id: skmSubmissions.responseId }).from(skmSubmissions).where(eq(skmSubmissions.tokenHash, tokenHash));
  if (seen) return "duplicate";

  const clientKey = `${input.unit.id}:${input.clientAddress}`;
  if ((await peekLimit(db, config.secrets.hashKey, RATING_LIMIT, clientKey)).blocked) return "throttled";

  const today = localDate(input.unit.timeZone);
  const { values } = input;
  try {
    await db.transaction(async (tx) => {
      const [responseId] = await storeResponses(tx, [
        {
          unitId: input.unit.id,
          serviceId: values.serviceId,
          respondedOn: today,
          source: "web",
          profileId: SKM_2017.id,
          sex: values.sex ?? null,
          ageBand: values.ageBand ?? null,
          education: values.education ?? null,
          occupation: values.occupation ?? null,
          answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, values[e]])) as Record<(typeof SKM_ELEMENTS)[number], number>,
        },
      ]);
      if (responseId === undefined) throw new Error("response not stored");
      await tx.insert(skmSubmissions).values({ tokenHash, responseId, createdOn: today });
      if (values.suggestion) {
        await tx.insert(skmSuggestions).values({ responseId, unitId: input.unit.id, text: values.suggestion, submittedOn: today });
      }
    });
  } catch (error) {
    // The same form sent twice at the same moment: the other request stored it.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  await hitLimit(db, config.secrets.hashKey, RATING_LIMIT, clientKey);
  return "stored";
}
