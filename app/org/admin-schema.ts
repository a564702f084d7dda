/**
 * Validation of the organisation-structure admin forms and the audit-log filters, shared by
 * the server (actions, loaders) and the browser (conform). Pure: no I/O, no framework.
 * Messages are translation keys of the "admin" namespace.
 */
import { z } from "zod";
import { isCalendarDate, localDateTime } from "../utils/calendar";
import { INTEGER_MAX } from "../utils/ids";
import { LINE_BREAKS, withoutControlCharacters } from "../utils/text-schema";

/** Lower-case ASCII words joined by single hyphens; the database checks the same pattern. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const REGION_KINDS = ["provinsi", "kabupaten", "kota"] as const;
export const SERVED_PERIODS = ["month", "quarter", "semester", "year"] as const;
/** The Zona Integritas predicate a unit already holds; WBBM requires an earlier WBK. */
export const ZI_PREDICATES = ["none", "wbk", "wbbm"] as const;
/** Indonesia's three zones: WIB, WITA, WIT (no daylight saving time). */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type TimeZone = (typeof TIME_ZONES)[number];
export const ZONE_ABBREVIATIONS: Record<TimeZone, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export const LIMITS = {
  slug: 80,
  name: 200,
  shortName: 50,
  code: 20,
  address: 500,
  phone: 30,
  email: 254,
  filter: 100,
  /** Opening-hours rules per unit. */
  hoursRules: 4,
  servedPerPeriod: 100_000_000,
} as const;

/** The largest value of a PostgreSQL integer column: ids beyond it cannot exist. */

function requiredText(max: number, required: string) {
  return z
    .string({ required_error: required, invalid_type_error: "errors.invalidValue" })
    .trim()
    .min(1, required)
    .max(max, "errors.tooLong")
    .refine((text) => withoutControlCharacters(text), "errors.controlCharacters");
}

function optionalText(max: number, allowLineBreaks = false) {
  return z
    .string({ invalid_type_error: "errors.invalidValue" })
    .trim()
    .max(max, "errors.tooLong")
    .refine((text) => withoutControlCharacters(text, allowLineBreaks ? LINE_BREAKS : ""), "errors.controlCharacters")
    .optional();
}

function id(message: string) {
  return z
    .number({ required_error: message, invalid_type_error: message })
    .int(message)
    .positive(message)
    .max(INTEGER_MAX, message);
}

function oneOf<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { errorMap: () => ({ message }) });
}

const slugField = z
  .string({ required_error: "errors.slugRequired", invalid_type_error: "errors.slugFormat" })
  .trim()
  .max(LIMITS.slug, "errors.tooLong")
  .regex(SLUG_PATTERN, "errors.slugFormat");

const name = requiredText(LIMITS.name, "errors.nameRequired");

/** Kode wilayah (Kemendagri): "62" for a province, "62.71" for a kabupaten or kota. */
const provinceCode = z
  .string({ required_error: "errors.codeRequired", invalid_type_error: "errors.invalidValue" })
  .trim()
  .max(LIMITS.code, "errors.tooLong")
  .regex(/^\d{2}$/, "errors.provinceCodeFormat");
const regionCode = z
  .string({ required_error: "errors.codeRequired", invalid_type_error: "errors.invalidValue" })
  .trim()
  .max(LIMITS.code, "errors.tooLong")
  .regex(/^\d{2}(\.\d{2})?$/, "errors.regionCodeFormat");

const timeZone = oneOf(TIME_ZONES, "errors.timeZoneInvalid");

export const provinceCreateSchema = z.object({ slug: slugField, name, code: provinceCode });

export const regionCreateSchema = z.object({
  provinceId: id("errors.provinceUnknown"),
  slug: slugField,
  name,
  kind: oneOf(REGION_KINDS, "errors.kindInvalid"),
  code: regionCode,
  timeZone,
});

export const regionUpdateSchema = z.object({ name, code: regionCode, timeZone });

export const agencyCreateSchema = z.object({
  slug: slugField,
  name,
  shortName: optionalText(LIMITS.shortName),
});

export const unitCreateSchema = z.object({
  agencyId: id("errors.agencyUnknown"),
  slug: slugField,
  name,
});

/** "HH:MM", 00:00 to 23:59. */
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z
  .string({ invalid_type_error: "errors.timeFormat" })
  .trim()
  .regex(TIME_PATTERN, "errors.timeFormat")
  .optional();

const hoursRule = z
  .object({
    days: z
      .array(z.number({ invalid_type_error: "errors.dayInvalid" }).int("errors.dayInvalid").min(1, "errors.dayInvalid").max(7, "errors.dayInvalid"), {
        invalid_type_error: "errors.dayInvalid",
      })
      .max(7, "errors.dayInvalid")
      .default([]),
    opens: time,
    closes: time,
  })
  .superRefine((rule, ctx) => {
    // A row left entirely blank is simply not used.
    if (rule.days.length === 0 && rule.opens === undefined && rule.closes === undefined) return;
    if (rule.days.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["days"], message: "errors.daysRequired" });
    if (rule.opens === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["opens"], message: "errors.timeRequired" });
    if (rule.closes === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closes"], message: "errors.timeRequired" });
    // Zero-padded "HH:MM" strings compare in time order.
    if (rule.opens !== undefined && rule.closes !== undefined && rule.closes <= rule.opens) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closes"], message: "errors.closesBeforeOpens" });
    }
  });

interface HoursRule {
  days: number[];
  opens: string;
  closes: string;
}

/**
 * A unit's details as its form posts them. Kept apart from the cross-field check and the
 * reshaping below because a discriminated union (`unitAdminSchema`) takes only plain objects.
 */
const unitUpdateFields = z.object({
  name,
  agencyId: id("errors.agencyUnknown"),
  address: optionalText(LIMITS.address, true),
  phone: z
    .string({ invalid_type_error: "errors.invalidValue" })
    .trim()
    .max(LIMITS.phone, "errors.tooLong")
    .regex(/^\+?[0-9][0-9 ().-]*$/, "errors.phoneFormat")
    .optional(),
  email: z
    .string({ invalid_type_error: "errors.invalidValue" })
    .trim()
    .max(LIMITS.email, "errors.tooLong")
    .email("errors.emailFormat")
    .optional(),
  hours: z.array(hoursRule, { invalid_type_error: "errors.invalidValue" }).max(LIMITS.hoursRules, "errors.tooManyRules").default([]),
  servedPerPeriod: z
    .number({ invalid_type_error: "errors.servedInvalid" })
    .int("errors.servedInvalid")
    .min(0, "errors.servedInvalid")
    .max(LIMITS.servedPerPeriod, "errors.servedInvalid")
    .optional(),
  servedPeriod: oneOf(SERVED_PERIODS, "errors.periodInvalid"),
  active: z.boolean({ invalid_type_error: "errors.invalidValue" }).default(false),
  ziPredicate: oneOf(ZI_PREDICATES, "errors.predicateInvalid").default("none"),
  ziPredicateYear: z
    .number({ invalid_type_error: "errors.predicateYearInvalid" })
    .int("errors.predicateYearInvalid")
    .min(2000, "errors.predicateYearInvalid")
    .max(2100, "errors.predicateYearInvalid")
    .optional(),
});

type PredicateFields = Pick<z.output<typeof unitUpdateFields>, "ziPredicate" | "ziPredicateYear">;

function checkPredicateYear(unit: PredicateFields, ctx: z.RefinementCtx): void {
  if (unit.ziPredicate !== "none" && unit.ziPredicateYear === undefined) {
    ctx.addIssue({ code: "custom", path: ["ziPredicateYear"], message: "errors.predicateYearRequired" });
  }
}

function toUnitUpdate({ hours, ziPredicateYear, ...unit }: z.output<typeof unitUpdateFields>) {
  return {
    ...unit,
    // A year without a predicate means nothing: it is not kept.
    ziPredicateYear: unit.ziPredicate === "none" ? null : (ziPredicateYear ?? null),
    openingHours: hours
      .filter((rule): rule is HoursRule => rule.days.length > 0 && rule.opens !== undefined && rule.closes !== undefined)
      .map((rule) => ({ days: [...new Set(rule.days)].sort((a, b) => a - b), opens: rule.opens, closes: rule.closes })),
  };
}

export const unitUpdateSchema = unitUpdateFields.superRefine(checkPredicateYear).transform(toUnitUpdate);

export type UnitUpdate = ReturnType<typeof toUnitUpdate>;

export const serviceAddSchema = z.object({ slug: slugField, name });
const serviceId = id("errors.serviceUnknown");
export const serviceRenameSchema = z.object({ serviceId, name });

/** Every form of a unit's admin page (the unit, a new service, each service row's small forms), told apart by their intent. */
export const unitAdminSchema = z
  .discriminatedUnion(
    "intent",
    [
      unitUpdateFields.extend({ intent: z.literal("update-unit") }),
      serviceAddSchema.extend({ intent: z.literal("add-service") }),
      z.object({ intent: z.literal("rename-service"), serviceId, name }),
      z.object({ intent: z.literal("move-service"), serviceId, direction: oneOf(["up", "down"] as const, "errors.invalidValue") }),
      z.object({ intent: z.literal("deactivate-service"), serviceId }),
      z.object({ intent: z.literal("reactivate-service"), serviceId }),
    ],
    { errorMap: () => ({ message: "errors.unknownIntent" }) },
  )
  .superRefine((command, ctx) => {
    if (command.intent === "update-unit") checkPredicateYear(command, ctx);
  })
  .transform((command) => {
    if (command.intent !== "update-unit") return command;
    const { intent, ...fields } = command;
    return { intent, unit: toUnitUpdate(fields) };
  });

export type UnitAdminCommand = z.output<typeof unitAdminSchema>;

/** The small forms of one service row: their mistakes and clashes are shown by the row, not a form section. */
export const SERVICE_ROW_INTENTS = ["rename-service", "move-service", "deactivate-service", "reactivate-service"] as const;

// ─── Audit log filters ──────────────────────────────────────────────────────────────

const dateFilter = z
  .string({ invalid_type_error: "errors.dateFormat" })
  .trim()
  .refine(isCalendarDate, "errors.dateFormat")
  .optional();

export const auditFilterSchema = z
  .object({
    action: optionalText(LIMITS.filter),
    objectType: optionalText(LIMITS.filter),
    actor: optionalText(LIMITS.email),
    region: z.string({ invalid_type_error: "errors.regionUnknown" }).trim().max(LIMITS.slug, "errors.regionUnknown").regex(SLUG_PATTERN, "errors.regionUnknown").optional(),
    from: dateFilter,
    to: dateFilter,
    /** Reads only (the read log), or changes only. */
    kind: z.enum(["reads", "changes"], { errorMap: () => ({ message: "errors.invalidValue" }) }).optional(),
    /** A case number (reference), for the entries about that report. */
    case: z
      .string({ invalid_type_error: "errors.caseFormat" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{4,40}$/, "errors.caseFormat")
      .optional(),
    beforeId: z
      .number({ invalid_type_error: "errors.invalidValue" })
      .int("errors.invalidValue")
      .positive("errors.invalidValue")
      .max(Number.MAX_SAFE_INTEGER, "errors.invalidValue")
      .optional(),
  })
  .superRefine((filter, ctx) => {
    if (filter.from && filter.to && filter.to < filter.from) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "errors.dateRange" });
    }
  });

/** A time zone as people know it: WIB, WITA, WIT; any other zone by its name, none as UTC. */
export function zoneLabel(zone: string | null): string {
  return zone && zone in ZONE_ABBREVIATIONS ? ZONE_ABBREVIATIONS[zone as TimeZone] : zone ?? "UTC";
}

/** "2024-05-01 13:45:10" in the zone (UTC when there is none), and the zone's name as people know it. */
export function formatInZone(at: Date, zone: string | null): { text: string; zone: string } {
  return { text: localDateTime(at, zone ?? "UTC"), zone: zoneLabel(zone) };
}
