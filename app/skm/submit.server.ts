/**
 * Accepting one web rating: throttled per client and unit per day without keeping the
 * client's address (a keyed hash with a daily-changing input), idempotent per form token,
 * and stored with the running totals the suggestion and the client's hit in one statement.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmSubmissions, skmSuggestions } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { keyedHash } from "../security/crypto.server";
import { hitLimitStatement, peekLimit, type Limit } from "../security/rate-limit.server";
import { isUniqueViolation } from "../utils/db-errors.server";
import type { Config } from "../utils/env.server";
import type { RatingValues } from "./form-schema";
import { localDate } from "../utils/calendar";
import { storeOneResponse } from "./responses.server";

/** Several people share one address behind mobile carriers' NAT: allow a family's worth. */
const RATING_LIMIT: Limit = { bucket: "skm-rating", max: 10, windowSeconds: 86_400 };

export type SubmitOutcome = "stored" | "duplicate" | "throttled";

export async function submitRating(
  db: Database,
  config: Config,
  input: { unit: { id: number; timeZone: string }; clientAddress: string; values: RatingValues },
): Promise<SubmitOutcome> {
  const tokenHash = keyedHash(config.secrets.hashKey, "skm-token", input.values.token);
  const clientKey = `${input.unit.id}:${input.clientAddress}`;
  // Two independent reads, side by side (on PostgreSQL, two connections at once).
  const [[seen], limit] = await Promise.all([
    db.select({ id: skmSubmissions.responseId }).from(skmSubmissions).where(eq(skmSubmissions.tokenHash, tokenHash)),
    peekLimit(db, config.secrets.hashKey, RATING_LIMIT, clientKey),
  ]);
  if (seen) return "duplicate";
  if (limit.blocked) return "throttled";

  const today = localDate(input.unit.timeZone);
  const { values } = input;
  try {
    // One statement: the response, its running totals, the token, the suggestion and the
    // client's hit all commit together, or (a token sent twice at once) none of them.
    await storeOneResponse(
      db,
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
      (responseId) => [
        sql`INSERT INTO ${skmSubmissions} (token_hash, response_id, created_on) VALUES (${tokenHash}, ${responseId}, ${today})`,
        ...(values.suggestion
          ? [
              sql`INSERT INTO ${skmSuggestions} (response_id, unit_id, text, submitted_on)
                  VALUES (${responseId}, ${input.unit.id}, ${values.suggestion}, ${today})`,
            ]
          : []),
        hitLimitStatement(config.secrets.hashKey, RATING_LIMIT, clientKey),
      ],
    );
  } catch (error) {
    // The same form sent twice at the same moment: the other request stored it.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  return "stored";
}
