/** The audit logs: staff actions (timed) and staff actions on reports (dated by day only). */
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { regions } from "./org";
import { staff } from "./staff";

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
