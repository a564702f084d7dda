/**
 * Deletes what has no further use: throttling counters of past windows, ended sessions and
 * spent or expired set-up links. Run at start and hourly by every web process (idempotent).
 */
import { isNotNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { setupTokens, staffSessions } from "../../db/schema";
import { ABSOLUTE_HOURS } from "../auth/session.server";
import { pruneLimits } from "../security/rate-limit.server";

export async function housekeeping(db: Database, now = new Date()): Promise<void> {
  await pruneLimits(db, now);
  await db
    .delete(staffSessions)
    .where(or(isNotNull(staffSessions.revokedAt), lt(staffSessions.createdAt, new Date(now.getTime() - ABSOLUTE_HOURS * 3_600_000))));
  await db.delete(setupTokens).where(or(isNotNull(setupTokens.usedAt), lt(setupTokens.expiresAt, now)));
}
