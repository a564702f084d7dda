/**
 * Counter kiosks: a tablet or touch screen at a unit's counter, enrolled by a unit manager,
 * on which visitors give their SKM rating. The device holds a random secret in a cookie;
 * only its keyed hash is stored here, as for every other credential.
 */
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./org";
import { staff } from "./staff";

export const kiosks = pgTable(
  "kiosks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    /** A name the staff choose ("Loket 1"), shown in the list only. */
    name: text().notNull(),
    /** Ask the optional respondent profile after the nine unsur (off by default). */
    askProfile: boolean().notNull().default(false),
    enrolledBy: integer().references(() => staff.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Keyed hash of the one-time pairing code; cleared when the device pairs. */
    pairingCodeHash: text().unique(),
    pairingExpiresAt: timestamp({ withTimezone: true }),
    /** Keyed hash of the device secret held in the device's cookie; null until paired. */
    secretHash: text().unique(),
    pairedAt: timestamp({ withTimezone: true }),
    /** Local date the device was last used: a date only, never a time of day. */
    lastSeenOn: date({ mode: "string" }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => staff.id, { onDelete: "set null" }),
  },
  (t) => [
    check("kiosks_name_length", sql`length(${t.name}) BETWEEN 1 AND 80`),
    check("kiosks_pairing_pair", sql`(${t.pairingCodeHash} IS NULL) = (${t.pairingExpiresAt} IS NULL)`),
    index("kiosks_unit_idx").on(t.unitId),
  ],
);
