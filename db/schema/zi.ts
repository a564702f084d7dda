/** Zona Integritas: the LKE worksheet per unit and year, and its submitted versions. */
import { sql } from "drizzle-orm";
import {
  check,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { units } from "./org";
import { staff } from "./staff";

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
