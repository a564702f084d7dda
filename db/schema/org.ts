/**
 * The organisation structure: province → region (a local government, the tenant) → agency
 * (perangkat daerah / OPD) → service unit (what residents visit and rate) → service.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
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
