/**
 * The database schema: one source for both drivers (PGlite and postgres.js).
 * SQL migrations in db/migrations are generated from this file (npm run db:generate).
 *
 * Organisation model: province → region (a local government, the tenant) → agency
 * (perangkat daerah / OPD) → service unit (what residents visit and rate) → service.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

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
