/** Staff, their roles and scopes, the access requests that wait for approval, and sign-in. */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { provinces, regions, units } from "./org";

/**
 * Staff roles. Scope by role: admin → a region, or the whole installation (no scope);
 * moderator and evaluator → a region; unit_manager → one unit (one grant per unit);
 * province_monitor → a province (all its regions, aggregates only).
 */
export const staffRole = pgEnum("staff_role", ["admin", "moderator", "unit_manager", "evaluator", "province_monitor"]);

/** How a staff member takes alerts (docs/alerts.md). */
export const alertDelivery = pgEnum("alert_delivery", ["immediate", "digest"]);

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
    /** Alerts as they happen, or bundled into one message a day (missed deadlines always go at once). */
    alertDelivery: alertDelivery().notNull().default("immediate"),
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
