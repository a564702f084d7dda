/**
 * Deletes what has no further use: throttling counters of past windows, ended sessions,
 * spent or expired set-up links, rating-form, perception-step and report-form tokens of past days,
 * and the content of reports closed longer than the retention period. Run at start and hourly
 * by every web process through runExclusive (exclusive.server.ts), so once across them (idempotent).
 */
import { isNotNull, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { perceptionSubmissions, reportSubmissions, setupTokens, skmSubmissions, staffSessions } from "../../db/schema";
import { ABSOLUTE_HOURS } from "../auth/session.server";
import { purgeClosedReports } from "../reports/retention.server";
import { pruneLimits } from "../security/rate-limit.server";
import type { Config } from "./env.server";

export async function housekeeping(db: Database, config: Pick<Config, "reports">, now = new Date()): Promise<void> {
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
  await db.delete(reportSubmissions).where(lt(reportSubmissions.createdOn, twoDaysAgo));
  await purgeClosedReports(db, config, now.toISOString().slice(0, 10));
}
