/**
 * The database schema: one source for both drivers (PGlite and postgres.js).
 * SQL migrations in db/migrations are generated from this file (npm run db:generate).
 *
 * Organisation model: province → region (a local government, the tenant) → agency
 * (perangkat daerah / OPD) → service unit (what residents visit and rate) → service.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Raw bytes (encrypted files). drizzle's pg-core has no bytea column of its own. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Slugs are lower-case ASCII words joined by single hyphens: they appear in URLs and the API. */
const slugCheck = (column: string) => sql.raw(`${column} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`);

export const regionKind = pgEnum("region_kind", ["provinsi", "kabupaten", "kota"]);

/** The period that a unit's "people served" figure covers (used for SKM sample sizes). */
export const servedPeriod = pgEnum("served_period", ["month", "quarter", "semester", "year"]);

export const provinces = pgTable(
  "provinces",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    /** Kode wilayah of the Ministry of Home Affairs, e.g. "62" for Kalimantan Tengah. */
    code: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [check("provinces_slug_format", slugCheck("slug"))],
);

/** A local government: the tenant. Its slug is the first part of every unit address. */
export const regions = pgTable(
  "regions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    provinceId: integer()
      .notNull()
      .references(() => provinces.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: regionKind().notNull(),
    code: text().notNull().unique(),
    /** IANA zone used to decide which day a moment belongs to (WIB, WITA or WIT). */
    timeZone: text().notNull().default("Asia/Jakarta"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("regions_slug_format", slugCheck("slug")),
    index("regions_province_idx").on(t.provinceId),
  ],
);

/** Perangkat daerah: a department (dinas, badan, kecamatan office) of a region. */
export const agencies = pgTable(
  "agencies",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    name: text().notNull(),
    shortName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("agencies_slug_format", slugCheck("slug")),
    unique("agencies_region_slug_key").on(t.regionId, t.slug),
    // Lets units reference (agency, region) so a unit can never sit in another region's agency.
    unique("agencies_id_region_key").on(t.id, t.regionId),
  ],
);

export interface OpeningHoursRule {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM", local time of the region. */
  opens: string;
  closes: string;
}

export const ziPredicate = pgEnum("zi_predicate", ["none", "wbk", "wbbm"]);

/** Unit layanan: the place residents visit, rate and report about. */
export const units = pgTable(
  "units",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    regionId: integer().notNull(),
    agencyId: integer().notNull(),
    slug: text().notNull(),
    name: text().notNull(),
    address: text(),
    phone: text(),
    email: text(),
    openingHours: jsonb().$type<OpeningHoursRule[]>().notNull().default([]),
    /** People served in one period of `servedPeriod`; drives the Krejcie–Morgan minimum sample. */
    servedPerPeriod: integer(),
    servedPeriod: servedPeriod().notNull().default("year"),
    /** The Zona Integritas predicate the unit already holds (WBBM requires an earlier WBK). */
    ziPredicate: ziPredicate().notNull().default("none"),
    ziPredicateYear: integer(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("units_slug_format", slugCheck("slug")),
    check("units_served_positive", sql`${t.servedPerPeriod} IS NULL OR ${t.servedPerPeriod} >= 0`),
    unique("units_region_slug_key").on(t.regionId, t.slug),
    foreignKey({
      name: "units_agency_region_fk",
      columns: [t.agencyId, t.regionId],
      foreignColumns: [agencies.id, agencies.regionId],
    }).onDelete("restrict"),
    foreignKey({
      name: "units_region_fk",
      columns: [t.regionId],
      foreignColumns: [regions.id],
    }).onDelete("restrict"),
    index("units_agency_idx").on(t.agencyId),
  ],
);

/** A service a unit provides (KTP-el, Kartu Keluarga, PBG, …). */
export const services = pgTable(
  "services",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("services_slug_format", slugCheck("slug")),
    unique("services_unit_slug_key").on(t.unitId, t.slug),
  ],
);

// ─── Staff, sessions, permissions and the audit log ────────────────────────────────────

/**
 * Staff roles. Scope by role: admin → a region, or the whole installation (no scope);
 * moderator and evaluator → a region; unit_manager → one unit (one grant per unit);
 * province_monitor → a province (all its regions, aggregates only).
 */
export const staffRole = pgEnum("staff_role", ["admin", "moderator", "unit_manager", "evaluator", "province_monitor"]);

export const staff = pgTable(
  "staff",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stored lower-cased and trimmed; the login form normalises the same way. */
    email: text().notNull().unique(),
    displayName: text().notNull(),
    /** Argon2id PHC string; null until the person completes set-up. */
    passwordHash: text(),
    /** TOTP secret, encrypted with the installation's data key; null until enrolled. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer(),
    /** The unit this person works in, if any: conflict-of-interest rules use it. */
    homeUnitId: integer().references(() => units.id, { onDelete: "set null" }),
    active: boolean().notNull().default(true),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("staff_email_lower", sql`${t.email} = lower(btrim(${t.email}))`)],
);

export const staffGrants = pgTable(
  "staff_grants",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    role: staffRole().notNull(),
    provinceId: integer().references(() => provinces.id, { onDelete: "cascade" }),
    regionId: integer().references(() => regions.id, { onDelete: "cascade" }),
    unitId: integer().references(() => units.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "staff_grants_scope_fits_role",
      sql`CASE ${t.role}
        WHEN 'admin' THEN ${t.provinceId} IS NULL AND ${t.unitId} IS NULL
        WHEN 'moderator' THEN ${t.regionId} IS NOT NULL AND ${t.provinceId} IS NULL AND ${t.unitId} IS NULL
        WHEN 'evaluator' THEN ${t.regionId} IS NOT NULL AND ${t.provinceId} IS NULL AND ${t.unitId} IS NULL
        WHEN 'unit_manager' THEN ${t.unitId} IS NOT NULL AND ${t.provinceId} IS NULL AND ${t.regionId} IS NULL
        WHEN 'province_monitor' THEN ${t.provinceId} IS NOT NULL AND ${t.regionId} IS NULL AND ${t.unitId} IS NULL
      END`,
    ),
    index("staff_grants_staff_idx").on(t.staffId),
  ],
);

/**
 * Access to report content needs someone who already has it: a grant of a role that reads
 * reports, or a password or two-factor reset of someone who holds one, waits here until a
 * report reader of the region (not the person concerned, not the requester) approves it.
 * Only then is the grant written to staff_grants or the reset carried out.
 */
export const accessRequestKind = pgEnum("access_request_kind", ["grant", "password_reset", "two_factor_reset"]);
export const accessRequestStatus = pgEnum("access_request_status", ["pending", "approved", "refused"]);

export const accessRequests = pgTable(
  "access_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: accessRequestKind().notNull(),
    targetStaffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** The role asked for (grants only). */
    role: staffRole(),
    /** The region whose report readers decide (a unit grant's: the unit's region). */
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    /** The unit of a unit manager grant asked for (null for any other request). */
    unitId: integer().references(() => units.id, { onDelete: "cascade" }),
    /** Null when a command-line tool asked (the operator). */
    requestedByStaffId: integer().references(() => staff.id, { onDelete: "set null" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: accessRequestStatus().notNull().default("pending"),
    decidedByStaffId: integer().references(() => staff.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("access_requests_role_for_grants", sql`(${t.kind} = 'grant') = (${t.role} IS NOT NULL)`),
    check("access_requests_unit_for_grants", sql`${t.unitId} IS NULL OR ${t.kind} = 'grant'`),
    // One pending request per person, kind, region and unit: a moderator grant and a unit
    // manager grant in the same region may wait side by side.
    uniqueIndex("access_requests_one_pending_key")
      .on(t.kind, t.targetStaffId, t.regionId, sql`coalesce(${t.unitId}, 0)`)
      .where(sql`${t.status} = 'pending'`),
    index("access_requests_region_idx").on(t.regionId, t.status),
  ],
);

/** Signed-in sessions. The cookie carries a random id; only its SHA-256 is stored. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    idHash: text().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);

/** One-time recovery codes for a lost authenticator; stored as keyed hashes. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique("recovery_codes_staff_code_key").on(t.staffId, t.codeHash)],
);

/** One-time links: set up a new account (invite, first admin) or reset a password. */
export const setupTokens = pgTable(
  "setup_tokens",
  {
    tokenHash: text().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("setup_tokens_staff_idx").on(t.staffId)],
);

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

/**
 * Append-only record of every staff action. A trigger refuses UPDATE and DELETE (migration
 * 0002), so no code path — and no bug — can rewrite history. Details never carry report
 * content or personal data.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorStaffId: integer().references(() => staff.id, { onDelete: "restrict" }),
    /** The role the actor acted in (e.g. "admin"), or "system" for commands. */
    actorRole: text().notNull(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    regionId: integer().references(() => regions.id, { onDelete: "restrict" }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorStaffId),
    index("audit_log_region_idx").on(t.regionId),
  ],
);

/**
 * Staff actions on a report, kept apart from audit_log and dated by the region's local day
 * only, like the reports themselves: an exact time or a shared sequence next to the case
 * would bound when it was filed. Append-only like audit_log (migration 0005).
 */
export const reportAuditLog = pgTable(
  "report_audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    occurredOn: date({ mode: "string" }).notNull(),
    actorStaffId: integer().references(() => staff.id, { onDelete: "restrict" }),
    actorRole: text().notNull(),
    action: text().notNull(),
    reportId: uuid().notNull(),
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("report_audit_log_region_idx").on(t.regionId, t.occurredOn), index("report_audit_log_report_idx").on(t.reportId)],
);

// ─── SKM: resident ratings and their running totals ───────────────────────────────────

export const skmSource = pgEnum("skm_source", ["web", "paper"]);
export const respondentSex = pgEnum("respondent_sex", ["L", "P"]);
/** Age is kept as a band only: enough for the report, identifies nobody. */
export const ageBand = pgEnum("age_band", ["lt20", "20_29", "30_39", "40_49", "50_59", "gte60"]);
export const education = pgEnum("education", ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"]);
export const occupation = pgEnum("occupation", ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"]);

const answer = (name: string) => smallint(name);
const answerCheck = (t: Record<string, unknown>, column: string) =>
  check(`skm_responses_${column}_range`, sql`${t[column]} IS NULL OR ${t[column]} BETWEEN 1 AND 4`);

/**
 * One SKM response (PermenPANRB 14/2017): nine unsur answered 1–4 (null = not answered) and
 * an optional respondent profile. No name, no address, no time of day: only the local date.
 */
export const skmResponses = pgTable(
  "skm_responses",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    serviceId: integer().references(() => services.id, { onDelete: "set null" }),
    /** Local date (the region's time zone) of the visit. */
    respondedOn: date({ mode: "string" }).notNull(),
    source: skmSource().notNull(),
    profileId: text().notNull(),
    sex: respondentSex(),
    ageBand: ageBand(),
    education: education(),
    occupation: occupation(),
    u1: answer("u1"),
    u2: answer("u2"),
    u3: answer("u3"),
    u4: answer("u4"),
    u5: answer("u5"),
    u6: answer("u6"),
    u7: answer("u7"),
    u8: answer("u8"),
    u9: answer("u9"),
  },
  (t) => [
    ...["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((c) => answerCheck(t, c)),
    check(
      "skm_responses_some_answer",
      sql`num_nonnulls(${t.u1}, ${t.u2}, ${t.u3}, ${t.u4}, ${t.u5}, ${t.u6}, ${t.u7}, ${t.u8}, ${t.u9}) > 0`,
    ),
    index("skm_responses_unit_day_idx").on(t.unitId, t.respondedOn),
  ],
);

/**
 * Running totals per unit and day, updated in the same transaction as each accepted response,
 * so an index over any period reads at most one row per unit and day whatever the number of
 * responses. The responses stay the source of truth: `npm run skm:rebuild-totals` recomputes
 * these from them.
 */
export const skmDailyTotals = pgTable(
  "skm_daily_totals",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    day: date({ mode: "string" }).notNull(),
    respondents: integer().notNull().default(0),
    u1Sum: integer().notNull().default(0),
    u1Count: integer().notNull().default(0),
    u2Sum: integer().notNull().default(0),
    u2Count: integer().notNull().default(0),
    u3Sum: integer().notNull().default(0),
    u3Count: integer().notNull().default(0),
    u4Sum: integer().notNull().default(0),
    u4Count: integer().notNull().default(0),
    u5Sum: integer().notNull().default(0),
    u5Count: integer().notNull().default(0),
    u6Sum: integer().notNull().default(0),
    u6Count: integer().notNull().default(0),
    u7Sum: integer().notNull().default(0),
    u7Count: integer().notNull().default(0),
    u8Sum: integer().notNull().default(0),
    u8Count: integer().notNull().default(0),
    u9Sum: integer().notNull().default(0),
    u9Count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index("skm_daily_totals_day_idx").on(t.day)],
);

/**
 * One row per accepted web submission token: a double click or a resent form finds its token
 * here and stores nothing twice. Only a keyed hash of the token is kept.
 */
export const skmSubmissions = pgTable("skm_submissions", {
  tokenHash: text().primaryKey(),
  responseId: bigint({ mode: "number" })
    .notNull()
    .references(() => skmResponses.id, { onDelete: "cascade" }),
  /** For housekeeping only; tokens of past days are deleted. */
  createdOn: date({ mode: "string" }).notNull(),
});

export const suggestionStatus = pgEnum("suggestion_status", ["pending", "published", "rejected"]);

/** A resident's free-text suggestion: never published before a moderator has read it. */
export const skmSuggestions = pgTable(
  "skm_suggestions",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    responseId: bigint({ mode: "number" })
      .notNull()
      .unique()
      .references(() => skmResponses.id, { onDelete: "cascade" }),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    text: text().notNull(),
    /** The moderated text shown to the public (names, phone and ID numbers removed). */
    publishedText: text(),
    status: suggestionStatus().notNull().default("pending"),
    submittedOn: date({ mode: "string" }).notNull(),
    moderatedOn: date({ mode: "string" }),
    /** The unit's public answer to a published suggestion. */
    reply: text(),
    repliedOn: date({ mode: "string" }),
  },
  (t) => [
    index("skm_suggestions_queue_idx").on(t.status, t.id),
    index("skm_suggestions_unit_idx").on(t.unitId, t.status),
    check("skm_suggestions_length", sql`length(${t.text}) <= 2000`),
    check("skm_suggestions_reply_length", sql`${t.reply} IS NULL OR length(${t.reply}) <= 2000`),
  ],
);

// ─── Back-door reports (docs/reports.md) ────────────────────────────────────────────
//
// Anonymity by construction: no column holds an IP address, a user agent or a time finer
// than a day for anything a reporter did. Everything a reporter or moderator wrote (the
// narrative, amounts, messages, reasons, forwarded summaries) and every file is encrypted
// with the configured keys (ENCRYPTION_KEYS); only what the queue and the anonymous
// statistics need (region, unit, service, category, month, status, dates) is in clear.

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
/** Where a verified report is sent (Saber Pungli was dissolved in 2025 and is not offered). */
export const reportDestination = pgEnum("report_destination", ["inspektorat", "ombudsman", "kpk", "aph", "unit_head"]);
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

// ─── Perception surveys: SPAK → IPAK, SPKP → IPKP (docs/perception.md) ──────────────────

const perceptionItems = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"] as const;

/** One perception response: SPAK items a1–a8 and SPKP items q1–q8, each 1–6 or null. */
export const perceptionResponses = pgTable(
  "perception_responses",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    respondedOn: date({ mode: "string" }).notNull(),
    profileId: text().notNull(),
    a1: smallint(),
    a2: smallint(),
    a3: smallint(),
    a4: smallint(),
    a5: smallint(),
    a6: smallint(),
    a7: smallint(),
    a8: smallint(),
    q1: smallint(),
    q2: smallint(),
    q3: smallint(),
    q4: smallint(),
    q5: smallint(),
    q6: smallint(),
    q7: smallint(),
    q8: smallint(),
  },
  (t) => [
    ...perceptionItems.map((c) =>
      check(`perception_responses_${c}_range`, sql`${t[c]} IS NULL OR ${t[c]} BETWEEN 1 AND 6`),
    ),
    check(
      "perception_responses_some_answer",
      sql.raw(`num_nonnulls(${perceptionItems.join(", ")}) > 0`),
    ),
    index("perception_responses_unit_day_idx").on(t.unitId, t.respondedOn),
  ],
);

const itemTotals = () => ({
  a1Sum: integer().notNull().default(0),
  a1Count: integer().notNull().default(0),
  a2Sum: integer().notNull().default(0),
  a2Count: integer().notNull().default(0),
  a3Sum: integer().notNull().default(0),
  a3Count: integer().notNull().default(0),
  a4Sum: integer().notNull().default(0),
  a4Count: integer().notNull().default(0),
  a5Sum: integer().notNull().default(0),
  a5Count: integer().notNull().default(0),
  a6Sum: integer().notNull().default(0),
  a6Count: integer().notNull().default(0),
  a7Sum: integer().notNull().default(0),
  a7Count: integer().notNull().default(0),
  a8Sum: integer().notNull().default(0),
  a8Count: integer().notNull().default(0),
  q1Sum: integer().notNull().default(0),
  q1Count: integer().notNull().default(0),
  q2Sum: integer().notNull().default(0),
  q2Count: integer().notNull().default(0),
  q3Sum: integer().notNull().default(0),
  q3Count: integer().notNull().default(0),
  q4Sum: integer().notNull().default(0),
  q4Count: integer().notNull().default(0),
  q5Sum: integer().notNull().default(0),
  q5Count: integer().notNull().default(0),
  q6Sum: integer().notNull().default(0),
  q6Count: integer().notNull().default(0),
  q7Sum: integer().notNull().default(0),
  q7Count: integer().notNull().default(0),
  q8Sum: integer().notNull().default(0),
  q8Count: integer().notNull().default(0),
});

/** Running totals per unit and day, as for the SKM (same transaction as each response). */
export const perceptionDailyTotals = pgTable(
  "perception_daily_totals",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    day: date({ mode: "string" }).notNull(),
    /** Respondents who answered at least one SPAK item / one SPKP item. */
    spakRespondents: integer().notNull().default(0),
    spkpRespondents: integer().notNull().default(0),
    ...itemTotals(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index("perception_daily_totals_day_idx").on(t.day)],
);

/** Accepted perception form tokens (one per SKM rating that offered the second step). */
export const perceptionSubmissions = pgTable("perception_submissions", {
  tokenHash: text().primaryKey(),
  createdOn: date({ mode: "string" }).notNull(),
});

// ─── Zona Integritas: the LKE worksheet per unit and year ─────────────────────────────

export const lkeStatus = pgEnum("lke_status", ["draft", "submitted"]);
export const lkeComponent = pgEnum("lke_component", ["pemenuhan", "reform"]);
export const performanceGrade = pgEnum("performance_grade", ["A", "B", "C", "D", "E"]);

/** One worksheet per unit and year: the current (editable) state. Submissions are snapshots. */
export const lkeSheets = pgTable(
  "lke_sheets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    year: integer().notNull(),
    /** The regulation profile whose weights the sheet is scored with. */
    profileId: text().notNull(),
    status: lkeStatus().notNull().default("draft"),
    capaianKinerja: performanceGrade(),
    /** Official IPAK / IPKP (0–4) from the external survey, when entered. */
    ipakExternal: numeric({ precision: 4, scale: 2, mode: "number" }),
    ipkpExternal: numeric({ precision: 4, scale: 2, mode: "number" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => staff.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("lke_sheets_unit_year_key").on(t.unitId, t.year),
    check("lke_sheets_ipak_range", sql`${t.ipakExternal} IS NULL OR ${t.ipakExternal} BETWEEN 0 AND 4`),
    check("lke_sheets_ipkp_range", sql`${t.ipkpExternal} IS NULL OR ${t.ipkpExternal} BETWEEN 0 AND 4`),
  ],
);

export type LkeScale = "yn" | "abc" | "abcd" | "abcde" | "percent";
export interface LkeItemAnswer {
  scale: LkeScale;
  /** "Y"/"T", a letter, or a percentage 0–100 as a string. */
  answer: string;
}

/** One pengungkit sub-area of a sheet: its value (0–1), the items behind it, note and evidence. */
export const lkeAnswers = pgTable(
  "lke_answers",
  {
    sheetId: integer()
      .notNull()
      .references(() => lkeSheets.id, { onDelete: "cascade" }),
    component: lkeComponent().notNull(),
    /** Area and sub-area names exactly as in the regulation profile. */
    area: text().notNull(),
    subarea: text().notNull(),
    /** Mean of the item values (or the imported fraction), 0–1; null = not yet scored. */
    value: numeric({ precision: 5, scale: 4, mode: "number" }),
    items: jsonb().$type<LkeItemAnswer[]>().notNull().default([]),
    note: text(),
    evidence: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.sheetId, t.component, t.area, t.subarea] }),
    check("lke_answers_value_range", sql`${t.value} IS NULL OR ${t.value} BETWEEN 0 AND 1`),
  ],
);

/** A submitted version of a sheet: inputs and the score, with the profile that produced it. */
export const lkeSubmissions = pgTable(
  "lke_submissions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sheetId: integer()
      .notNull()
      .references(() => lkeSheets.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    profileId: text().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    score: jsonb().$type<Record<string, unknown>>().notNull(),
    submittedBy: integer().references(() => staff.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("lke_submissions_sheet_version_key").on(t.sheetId, t.version)],
);
