/**
 * Background jobs shared by every web process (housekeeping, later an outbox): when each last
 * ran, so that N processes run a periodic job once per period, not N times
 * (app/utils/exclusive.server.ts).
 */
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const jobRuns = pgTable("job_runs", {
  name: text().primaryKey(),
  /** When the last complete run ended. */
  finishedAt: timestamp({ withTimezone: true }).notNull(),
});
