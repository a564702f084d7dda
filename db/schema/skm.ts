/**
 * SKM: resident ratings and their running totals.
 *
 * The unsur columns u1–u9 are spelled out rather than generated from SKM_ELEMENTS: see
 * index.ts for why the schema does not import the regulation profile.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { kiosks } from "./kiosk";
import { services, units } from "./org";

export const skmSource = pgEnum("skm_source", ["web", "paper", "kiosk"]);
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
    /** The counter kiosk a `kiosk` response was given on (null for web and paper). */
    kioskId: integer().references(() => kiosks.id, { onDelete: "set null" }),
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
    /**
     * The optional last question: did anyone from the office ask for a good rating or watch the
     * form being filled in? true = yes, false = no, null = skipped or not asked (paper).
     */
    coercion: boolean(),
  },
  (t) => [
    ...["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].map((c) => answerCheck(t, c)),
    check(
      "skm_responses_some_answer",
      sql`num_nonnulls(${t.u1}, ${t.u2}, ${t.u3}, ${t.u4}, ${t.u5}, ${t.u6}, ${t.u7}, ${t.u8}, ${t.u9}) > 0`,
    ),
    index("skm_responses_unit_day_idx").on(t.unitId, t.respondedOn),
    index("skm_responses_kiosk_idx").on(t.kioskId).where(sql`${t.kioskId} IS NOT NULL`),
    check("skm_responses_kiosk_source", sql`${t.kioskId} IS NULL OR ${t.source}::text = 'kiosk'`),
  ],
);

/**
 * Running totals per unit and day, updated in the same transaction as each accepted response,
 * so an index over any period reads at most eight rows (slots) per unit and day whatever the number of
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
    /**
     * Which of the unit-day's rows (0–7): concurrent writers of one unit and day pick different
     * slots so that they do not wait on one row; readers sum the slots.
     */
    slot: smallint().notNull().default(0),
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
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.slot] }), index("skm_daily_totals_day_idx").on(t.day)],
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

/**
 * How many ratings of a unit one client gave on one day, under a keyed hash whose input
 * includes the day: the key cannot be linked across days or reversed without the
 * installation's hash key. Only the count is kept, never a time or a response id. Feeds the
 * "one client key gives a large share" integrity flag and the per-day challenge signal.
 */
export const skmClientDayCounts = pgTable(
  "skm_client_day_counts",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    day: date({ mode: "string" }).notNull(),
    keyHash: text().notNull(),
    ratings: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.keyHash] }), index("skm_client_day_counts_day_idx").on(t.day)],
);

/**
 * Ratings of a unit per ten-minute slot of its local day (slot 0 = 00:00–00:09, 143 =
 * 23:50–23:59), for live sources only (paper has no time). An aggregate count per unit and
 * slot, never a time on a response: enough to see bursts and ratings outside opening hours.
 */
export const skmSlotCounts = pgTable(
  "skm_slot_counts",
  {
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    day: date({ mode: "string" }).notNull(),
    slot: smallint().notNull(),
    ratings: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.day, t.slot] }),
    check("skm_slot_counts_slot_range", sql`${t.slot} BETWEEN 0 AND 143`),
  ],
);

/**
 * One paper questionnaire file imported into a unit (from the staff page or the command line).
 * `contentHash` is a keyed hash (HASH_KEY) of the file's normalised text, never the text: the
 * same file cannot be imported into the same unit twice (docs/skm.md).
 */
export const skmImports = pgTable(
  "skm_imports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    contentHash: text().notNull(),
    responses: integer().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("skm_imports_unit_content_key").on(t.unitId, t.contentHash)],
);
