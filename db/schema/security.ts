/** Throttling: fixed-window counters, keyed by hashes only. */
import { date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters for throttling. The key is a keyed hash (never a raw IP, email or
 * code), so the table tells nobody who tried what.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text().notNull(),
    keyHash: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.keyHash, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);

/**
 * The same counters for the report paths (filing, the receipt code, messages), all with
 * day-aligned windows, kept apart: a counter row written between timed login counters would
 * place a filing or a reporter's visit inside the day by its position in the table.
 */
export const reportRateLimits = pgTable(
  "report_rate_limits",
  {
    bucket: text().notNull(),
    keyHash: text().notNull(),
    /** The UTC day of the window: report-path windows are whole days. */
    windowStart: date({ mode: "date" }).notNull(),
    hits: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.keyHash, t.windowStart] }), index("report_rate_limits_window_idx").on(t.windowStart)],
);
