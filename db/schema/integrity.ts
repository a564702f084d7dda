/** Integrity flags of the SKM: the reviews evaluators record. The flags themselves are computed. */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { units } from "./org";
import { staff } from "./staff";

/**
 * An evaluator's review of one integrity flag of a unit for one period ("2026-11", "2026-Q4",
 * "2026"). A review never hides or changes ratings: it records that someone looked, and why the
 * figures are (or are not) a concern.
 */
export const integrityFlagReviews = pgTable(
  "integrity_flag_reviews",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    period: text().notNull(),
    flag: text().notNull(),
    note: text().notNull(),
    reviewedBy: integer().references(() => staff.id, { onDelete: "set null" }),
    reviewedOn: date({ mode: "string" }).notNull(),
  },
  (t) => [
    unique("integrity_flag_reviews_key").on(t.unitId, t.period, t.flag),
    index("integrity_flag_reviews_unit_idx").on(t.unitId),
    check("integrity_flag_reviews_note_length", sql`length(${t.note}) BETWEEN 1 AND 2000`),
    check("integrity_flag_reviews_period_format", sql`${t.period} ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$'`),
  ],
);
