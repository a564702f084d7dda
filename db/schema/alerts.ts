/**
 * Staff alerts (docs/alerts.md): an outbox of content-free messages, written in the same
 * transaction as the event that causes them and sent by a worker that claims rows with a
 * lease. A row names who is told, of what kind of event, about which case: never anything
 * the reporter or a moderator wrote, the category or the unit. The outbox holds dates only (a
 * filing writes to it); the times of delivery attempts are kept apart in alert_deliveries,
 * which no filing writes to (docs/decisions/022-staff-alerts-outbox.md).
 */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reports } from "./reports";
import { staff } from "./staff";

export const alertKind = pgEnum("alert_kind", [
  "new_case",
  "assigned",
  "reporter_reply",
  "deadline_soon",
  "deadline_missed",
  "escalation",
  "digest",
]);
export const alertChannel = pgEnum("alert_channel", ["email", "webhook"]);
/**
 * held: waits for the next hourly release (alerts caused by a reporter); digest: waits for the
 * recipient's daily digest; queued: to be sent; bundled: went out inside a digest; sent.
 */
export const alertStatus = pgEnum("alert_status", ["held", "digest", "queued", "bundled", "sent"]);

export const alertOutbox = pgTable(
  "alert_outbox",
  {
    /** Random: a shared sequence would order filings against timed rows. */
    id: uuid().primaryKey().defaultRandom(),
    kind: alertKind().notNull(),
    channel: alertChannel().notNull(),
    status: alertStatus().notNull(),
    recipientStaffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** Null for a digest, which lists the rows bundled into it. */
    reportId: uuid().references(() => reports.id, { onDelete: "cascade" }),
    /** The deadline an alert about a deadline is about. */
    dueOn: date({ mode: "string" }),
    digestId: uuid().references((): AnyPgColumn => alertOutbox.id, { onDelete: "set null" }),
    /** One alert per event, recipient and channel: inserts that meet it again do nothing. */
    dedupKey: text().notNull().unique(),
    /** The local day of the case's region when the alert was written. */
    createdOn: date({ mode: "string" }).notNull(),
    sentOn: date({ mode: "string" }),
  },
  (t) => [
    index("alert_outbox_pending_idx").on(t.status, t.channel),
    index("alert_outbox_report_idx").on(t.reportId),
    index("alert_outbox_digest_idx").on(t.digestId),
    check("alert_outbox_digest_has_no_case", sql`(${t.kind} = 'digest') = (${t.reportId} IS NULL)`),
  ],
);

/**
 * Delivery attempts of an outbox row: written only by the worker, never with an event. The
 * lease (claimed_until) keeps two processes from sending one row; retry_after is the backoff.
 */
export const alertDeliveries = pgTable("alert_deliveries", {
  outboxId: uuid()
    .primaryKey()
    .references(() => alertOutbox.id, { onDelete: "cascade" }),
  attempts: integer().notNull().default(0),
  /** A worker holds the row until then; a crashed worker's rows are taken again afterwards. */
  claimedUntil: timestamp({ withTimezone: true }),
  /** After a failed attempt: not before this time (exponential backoff). */
  retryAfter: timestamp({ withTimezone: true }),
  /** Why the last attempt failed: an error code, never message content. */
  lastError: text(),
});

/** Rounds that must run once across every web process (the hourly release): one row each. */
export const alertRounds = pgTable("alert_rounds", {
  slot: text().primaryKey(),
});
