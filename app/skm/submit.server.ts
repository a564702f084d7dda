/**
 * Accepting one web rating: challenged only on suspicion (app/skm/suspicion.ts), refused only
 * over a high daily ceiling, idempotent per form token, and stored with the running totals, the
 * suggestion and the aggregate counts the integrity flags read, in one statement. The client's
 * address is never kept: it is counted under keyed hashes whose input includes the day.
 */
import { and, between, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmClientDayCounts, skmDailyTotals, skmSlotCounts, skmSubmissions, skmSuggestions } from "../../db/schema";
import { SKM_2017, SKM_ELEMENTS } from "../regulation/skm";
import { keyedHash } from "../security/crypto.server";
import { hitLimitStatement, peekLimitHits, type Limit } from "../security/rate-limit.server";
import { isUniqueViolation } from "../utils/db-errors.server";
import type { Config } from "../utils/env.server";
import type { RatingValues } from "./form-schema";
import { addDays, localDateTime } from "../utils/calendar";
import { storeOneResponse } from "./responses.server";
import { BURST_MAX_FREE, BURST_WINDOW_SECONDS, ratingVerdict, slotOf, VOLUME_DAYS, type RatingCounts, type RatingSignal } from "./suspicion";

/** Ratings of one unit from one client in the current ten-minute window. */
const BURST_LIMIT: Limit = { bucket: "skm-rating-burst", max: BURST_MAX_FREE, windowSeconds: BURST_WINDOW_SECONDS };

export type SubmitOutcome =
  | { outcome: "stored" }
  | { outcome: "duplicate" }
  | { outcome: "throttled" }
  /** A signal fired and no passed challenge came with the form: nothing was stored. */
  | { outcome: "challenge"; signals: RatingSignal[] };

/** The client's key for one unit and day: unlinkable across days and units without the hash key. */
function clientDayKey(config: Config, unitId: number, day: string, clientAddress: string): string {
  return keyedHash(config.secrets.hashKey, "skm-client-day", day, String(unitId), clientAddress);
}

/**
 * Whether the form's token was used already, and the counts the challenge decision reads
 * before the rating being sent: one statement (a rating is a handful of round trips in all).
 */
async function ratingContext(
  db: Database,
  config: Config,
  unitId: number,
  clientAddress: string,
  tokenHash: string,
  today: string,
  now: Date,
): Promise<{ seen: boolean; counts: RatingCounts }> {
  const keyHash = clientDayKey(config, unitId, today, clientAddress);
  const [row] = await db
    .select({
      seen: sql<boolean>`EXISTS (SELECT 1 FROM ${skmSubmissions} WHERE ${eq(skmSubmissions.tokenHash, tokenHash)})`,
      burst: peekLimitHits(config.secrets.hashKey, BURST_LIMIT, `${unitId}:${clientAddress}`, now),
      client: sql<number>`coalesce((SELECT ${skmClientDayCounts.ratings} FROM ${skmClientDayCounts}
        WHERE ${and(eq(skmClientDayCounts.unitId, unitId), eq(skmClientDayCounts.day, today), eq(skmClientDayCounts.keyHash, keyHash))}), 0)::int`,
      // The unit's respondents per day of the usual period and today (the slots of a day summed).
      days: sql<Array<[string, number]>>`(SELECT coalesce(json_agg(json_build_array(d.day, d.respondents)), '[]'::json) FROM (
        SELECT ${skmDailyTotals.day} AS day, sum(${skmDailyTotals.respondents})::int AS respondents FROM ${skmDailyTotals}
        WHERE ${and(eq(skmDailyTotals.unitId, unitId), between(skmDailyTotals.day, addDays(today, -VOLUME_DAYS), today))}
        GROUP BY ${skmDailyTotals.day}) d)`,
    })
    .from(sql`(SELECT 1) AS one`);
  const days = row!.days;
  return {
    seen: row!.seen,
    counts: {
      clientBurst: row!.burst,
      clientToday: row!.client,
      unitToday: days.find(([day]) => day === today)?.[1] ?? 0,
      unitPastDays: days.filter(([day]) => day !== today).map(([, respondents]) => respondents),
    },
  };
}

export async function submitRating(
  db: Database,
  config: Config,
  input: {
    unit: { id: number; timeZone: string };
    clientAddress: string;
    values: RatingValues;
    /** Whether the form carried a challenge answer that passed. */
    challengePassed: boolean;
    now: Date;
  },
): Promise<SubmitOutcome> {
  const { unit, values, now } = input;
  const tokenHash = keyedHash(config.secrets.hashKey, "skm-token", values.token);
  const [today = "", time = "00:00"] = localDateTime(now, unit.timeZone).split(" ");
  const { seen, counts } = await ratingContext(db, config, unit.id, input.clientAddress, tokenHash, today, now);
  if (seen) return { outcome: "duplicate" };

  const verdict = ratingVerdict(counts, config.skm);
  if (verdict.refused) return { outcome: "throttled" };
  if (verdict.signals.length > 0 && !input.challengePassed) return { outcome: "challenge", signals: verdict.signals };

  const keyHash = clientDayKey(config, unit.id, today, input.clientAddress);
  try {
    // One statement: the response, its running totals, the token, the suggestion, the counts
    // the flags read and the client's burst hit all commit together, or (a token sent twice at
    // once) none of them.
    await storeOneResponse(
      db,
      {
        unitId: unit.id,
        serviceId: values.serviceId,
        respondedOn: today,
        source: "web",
        profileId: SKM_2017.id,
        sex: values.sex ?? null,
        ageBand: values.ageBand ?? null,
        education: values.education ?? null,
        occupation: values.occupation ?? null,
        answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, values[e]])) as Record<(typeof SKM_ELEMENTS)[number], number>,
        coercion: values.coercion === undefined ? null : values.coercion === "yes",
      },
      (responseId) => [
        sql`INSERT INTO ${skmSubmissions} (token_hash, response_id, created_on) VALUES (${tokenHash}, ${responseId}, ${today})`,
        ...(values.suggestion
          ? [
              sql`INSERT INTO ${skmSuggestions} (response_id, unit_id, text, submitted_on)
                  VALUES (${responseId}, ${unit.id}, ${values.suggestion}, ${today})`,
            ]
          : []),
        sql`INSERT INTO ${skmClientDayCounts} (unit_id, day, key_hash, ratings) VALUES (${unit.id}, ${today}, ${keyHash}, 1)
            ON CONFLICT (unit_id, day, key_hash) DO UPDATE SET ratings = ${skmClientDayCounts}.ratings + 1`,
        slotCountStatement(unit.id, today, slotOf(time)),
        hitLimitStatement(config.secrets.hashKey, BURST_LIMIT, `${unit.id}:${input.clientAddress}`, now),
      ],
    );
  } catch (error) {
    // The same form sent twice at the same moment: the other request stored it.
    if (isUniqueViolation(error)) return { outcome: "duplicate" };
    throw error;
  }
  return { outcome: "stored" };
}

/** Adds one live rating (web or kiosk) to its unit's ten-minute slot count (one statement). */
function slotCountStatement(unitId: number, day: string, slot: number): SQL {
  return sql`INSERT INTO ${skmSlotCounts} (unit_id, day, slot, ratings) VALUES (${unitId}, ${day}, ${slot}, 1)
    ON CONFLICT (unit_id, day, slot) DO UPDATE SET ratings = ${skmSlotCounts}.ratings + 1`;
}

/**
 * Adds one live rating (web or kiosk) to its unit's ten-minute slot count. Call in the
 * transaction that stores the rating.
 */
export async function countSlot(tx: Database, unitId: number, day: string, slot: number): Promise<void> {
  await tx.execute(slotCountStatement(unitId, day, slot));
}
