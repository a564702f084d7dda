/**
 * Deletes what has no further use: throttling counters of past windows, ended sessions,
 * spent or expired set-up links, and rating-form and perception-step tokens of past days. Run at start and hourly by every web process (idempotent).
 */
import { isNotNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { perceptionSubmissions, setupTokens, skmSubmissions, staffSessions } from "../../db/schema";
import { ABSOLUTE_HOURS } from "../auth/session.server";
import { pruneLimits } from "../security/rate-limit.server";

export async function housekeeping(db: Database, now = new Date()): Promise<void> {
  await pruneLimits(db, now);
  await db
    .delete(staffSessions)
    .where(or(isNotNull(staffSessions.revokedAt), lt(staffSessions.createdAt, new Date(now.getTime() - ABSOLUTE_HOURS * 3_600_000))));
  await db.delete(setupTokens).where(or(isNotNull(setupTokens.usedAt), lt(setupTokens.expiresAt, now)));
  // A rating form is sent within minutes of being opened: tokens older than two days guard nothing.
  const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  await db.delete(skmSubmissions).where(lt(skmSubmissions.createdOn, twoDaysAgo));
  // A perception ticket expires within hours of its rating (perception/offer.server.ts).
  await db.delete(perceptionSubmissions).where(lt(perceptionSubmissions.createdOn, twoDaysAgo));
}
