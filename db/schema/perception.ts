/**
 * Perception surveys: SPAK → IPAK, SPKP → IPKP (docs/perception.md).
 *
 * The item columns a1–a8 and q1–q8 are spelled out rather than generated from the perception
 * profile's item lists: see index.ts for why the schema does not import the regulation profile.
 */
import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { units } from "./org";

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
    /** Which of the unit-day's rows (0–7), as for the SKM: readers sum the slots. */
    slot: smallint().notNull().default(0),
    /** Respondents who answered at least one SPAK item / one SPKP item. */
    spakRespondents: integer().notNull().default(0),
    spkpRespondents: integer().notNull().default(0),
    ...itemTotals(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.slot] }), index("perception_daily_totals_day_idx").on(t.day)],
);

/** Accepted perception form tokens (one per SKM rating that offered the second step). */
export const perceptionSubmissions = pgTable("perception_submissions", {
  tokenHash: text().primaryKey(),
  createdOn: date({ mode: "string" }).notNull(),
});
