/**
 * Back-door reports (docs/reports.md).
 *
 * Anonymity by construction: no column holds an IP address, a user agent or a time finer
 * than a day for anything a reporter did. Everything a reporter or moderator wrote (the
 * narrative, amounts, messages, reasons, forwarded summaries) and every file is encrypted
 * with the configured keys (ENCRYPTION_KEYS); only what the queue and the anonymous
 * statistics need (region, unit, service, category, month, status, dates) is in clear.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { regions, services, units } from "./org";
import { staff } from "./staff";

/** Raw bytes (encrypted files). drizzle's pg-core has no bytea column of its own. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const reportCategory = pgEnum("report_category", [
  "pungli",
  "calo",
  "suap",
  "gratifikasi",
  "pemerasan",
  "diskriminasi",
  "lainnya",
]);
export const reportStatus = pgEnum("report_status", [
  "received",
  "triage",
  "needs_info",
  "verified",
  "forwarded",
  "handled_internally",
  "closed",
]);
export const reportOutcome = pgEnum("report_outcome", [
  "substantiated",
  "not_substantiated",
  "out_of_scope",
  "duplicate",
  "spam",
]);
/**
 * Where a verified report is sent (Saber Pungli was dissolved in 2025 and is not offered).
 * SP4N-LAPOR! takes only complaints that are not about integrity.
 */
export const reportDestination = pgEnum("report_destination", ["inspektorat", "ombudsman", "kpk", "aph", "sp4n_lapor", "unit_head"]);
/** How the report reached the portal: its own form ("web"), or a moderator recording it for the reporter. */
export const reportChannel = pgEnum("report_channel", ["web", "phone", "whatsapp", "letter", "complaint_box", "in_person"]);
export const reportMessageKind = pgEnum("report_message_kind", ["reporter", "question", "note"]);

export const reports = pgTable(
  "reports",
  {
    /** Random, so ids reveal neither order nor volume. */
    id: uuid().primaryKey().defaultRandom(),
    /** A short random case number staff use to refer to the report (not the receipt). */
    reference: text().notNull().unique(),
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    /** Null when the reporter does not know which unit. */
    unitId: integer().references(() => units.id, { onDelete: "restrict" }),
    serviceId: integer().references(() => services.id, { onDelete: "set null" }),
    category: reportCategory().notNull(),
    channel: reportChannel().notNull().default("web"),
    /** First day of the month the reporter gave, if any. */
    incidentMonth: date({ mode: "string" }),
    /** Encrypted JSON: narrative, amounts, paid, who asked. Null once purged. */
    content: text(),
    /** Slow keyed hash of the receipt code (Argon2id with the installation's hash key). */
    receiptHash: text().notNull().unique(),
    status: reportStatus().notNull().default("received"),
    outcome: reportOutcome(),
    assigneeId: integer().references(() => staff.id, { onDelete: "set null" }),
    duplicateOfId: uuid().references((): AnyPgColumn => reports.id, { onDelete: "set null" }),
    receivedOn: date({ mode: "string" }).notNull(),
    triagedOn: date({ mode: "string" }),
    triageDueOn: date({ mode: "string" }).notNull(),
    verifiedOn: date({ mode: "string" }),
    followUpDueOn: date({ mode: "string" }),
    followedUpOn: date({ mode: "string" }),
    closeDueOn: date({ mode: "string" }),
    closedOn: date({ mode: "string" }),
    /** Set when retention removed the content; the row stays for anonymous statistics. */
    purgedOn: date({ mode: "string" }),
  },
  (t) => [
    index("reports_queue_idx").on(t.regionId, t.status),
    index("reports_unit_idx").on(t.unitId, t.receivedOn),
    index("reports_closed_idx").on(t.closedOn),
    check("reports_outcome_when_closed", sql`(${t.status} = 'closed') = (${t.outcome} IS NOT NULL)`),
    check("reports_not_own_duplicate", sql`${t.duplicateOfId} IS NULL OR ${t.duplicateOfId} <> ${t.id}`),
  ],
);

/** Status history: who (staff, or null for the reporter and the system), the day, and why. */
export const reportEvents = pgTable(
  "report_events",
  {
    /** Random: a sequence shared by every report would order filings against timed rows. */
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    /** Orders the events of one report; set by a trigger (migration 0005) as the next number of that report. */
    seq: integer().notNull().default(0),
    fromStatus: reportStatus(),
    toStatus: reportStatus().notNull(),
    actorStaffId: integer().references(() => staff.id, { onDelete: "set null" }),
    occurredOn: date({ mode: "string" }).notNull(),
    /** Encrypted reason shown to the reporter. */
    publicReason: text(),
  },
  (t) => [index("report_events_report_idx").on(t.reportId, t.seq)],
);

/** Questions to the reporter, the reporter's messages, and internal notes (never shown). */
export const reportMessages = pgTable(
  "report_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    kind: reportMessageKind().notNull(),
    authorStaffId: integer().references(() => staff.id, { onDelete: "set null" }),
    /** Encrypted text. */
    body: text().notNull(),
    createdOn: date({ mode: "string" }).notNull(),
    /** Orders messages within a day without recording a time. */
    seq: integer().notNull(),
  },
  (t) => [unique("report_messages_report_seq_key").on(t.reportId, t.seq)],
);

/**
 * Evidence files. Only the cleaned copy is kept (images re-encoded without metadata before
 * storage); `redacted` is the moderator's copy with areas blacked out, used when forwarding.
 */
export const reportFiles = pgTable(
  "report_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    width: integer(),
    height: integer(),
    /** Encrypted bytes of the cleaned file. */
    content: bytea().notNull(),
    /** Encrypted bytes of the redacted copy, if a moderator made one. */
    redacted: bytea(),
    redactions: jsonb().$type<{ x: number; y: number; w: number; h: number }[]>(),
    addedOn: date({ mode: "string" }).notNull(),
    seq: integer().notNull(),
  },
  (t) => [unique("report_files_report_seq_key").on(t.reportId, t.seq)],
);

/** What was sent where: the record a forwarded case needs. */
export const reportForwards = pgTable(
  "report_forwards",
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    destination: reportDestination().notNull(),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    sentOn: date({ mode: "string" }).notNull(),
    /** Encrypted summary exactly as sent. */
    summary: text().notNull(),
    /** Files included (the redacted copy when one exists). */
    fileIds: jsonb().$type<string[]>().notNull().default([]),
    /** The receiving body's reference number, if it gave one. */
    externalReference: text(),
  },
  (t) => [index("report_forwards_report_idx").on(t.reportId)],
);

/** Accepted form tokens: a resent form files nothing twice. Not linked to the report. */
export const reportSubmissions = pgTable("report_submissions", {
  tokenHash: text().primaryKey(),
  createdOn: date({ mode: "string" }).notNull(),
});

/** Public holidays and cuti bersama: not working days for the reports' time limits. */
export const holidays = pgTable("holidays", {
  day: date({ mode: "string" }).primaryKey(),
  name: text().notNull(),
});
