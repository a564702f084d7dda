/**
 * The report form's fields and their validation (pure, shared by the route and the tests).
 * Messages are keys of the "reports" namespace. Nothing here asks who the reporter is.
 */
import { z } from "zod";
import { calendarDate } from "../utils/calendar";

export const REPORT_CATEGORIES = ["pungli", "calo", "suap", "gratifikasi", "pemerasan", "diskriminasi", "lainnya"] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * How a report reached the portal: its own form, or a moderator recording what someone
 * reported by phone, WhatsApp, letter, the complaint box or in person.
 */
export const REPORT_CHANNELS = ["web", "phone", "whatsapp", "letter", "complaint_box", "in_person"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
/** The channels a moderator records (the public form is the only "web" way in). */
export const INTAKE_CHANNELS = REPORT_CHANNELS.filter((c): c is Exclude<ReportChannel, "web"> => c !== "web");

/** Who asked: a role, never a name. */
export const ASKED_BY = ["loket", "lapangan", "pejabat", "keamanan", "calo", "lainnya"] as const;
export const PAID = ["yes", "no", "unknown"] as const;

const NARRATIVE_MIN = 20;
export const NARRATIVE_MAX = 5000;
export const MESSAGE_MAX = 5000;
/** Above a trillion rupiah an amount is a typing mistake, not a bribe. */
const AMOUNT_MAX = 1_000_000_000_000;
/** How far back the year list goes. */
export const YEARS_BACK = 5;

/** The unit field's value when the reporter does not know which unit: "<region>/*". */
export const UNKNOWN_UNIT = "*";

/** One choice of the unit list: a unit, or "I don't know which unit" in a region. */
export interface UnitChoice {
  /** "<region slug>/<unit slug>" or "<region slug>/*". */
  key: string;
  regionId: number;
  unitId: number | null;
  serviceIds: readonly number[];
}

/**
 * "150.000", "150000", "Rp 150.000,-" and "150,000" all mean 150000. Separators must group
 * thousands, so "12,5" (a decimal) is not read as 125.
 */
export function parseRupiah(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/^rp\.?\s*/i, "")
    .replace(/\s/g, "")
    .replace(/([.,])(-|00)$/, "");
  if (/^\d{1,15}$/.test(cleaned)) return Number(cleaned);
  if (/^\d{1,3}(\.\d{3}){1,4}$/.test(cleaned) || /^\d{1,3}(,\d{3}){1,4}$/.test(cleaned)) return Number(cleaned.replace(/[.,]/g, ""));
  return null;
}

const amount = z
  .string()
  .trim()
  .max(40, "errors.amount")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const parsed = parseRupiah(value);
    if (parsed === null || parsed > AMOUNT_MAX) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.amount" });
      return z.NEVER;
    }
    return parsed;
  });

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { errorMap: () => ({ message }) });

/** The first day of the month as YYYY-MM-DD. */
function monthStart(year: number, month: number): string {
  return calendarDate(year, month, 1);
}

export function reportSchema(units: readonly UnitChoice[], today: string) {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const thisYear = Number(today.slice(0, 4));
  return z
    .object({
      category: choice(REPORT_CATEGORIES, "errors.category"),
      unit: z
        .string({ required_error: "errors.unit" })
        .refine((key) => byKey.has(key), "errors.unit"),
      serviceId: z.coerce.number({ invalid_type_error: "errors.service" }).int("errors.service").positive("errors.service").optional(),
      month: z.coerce.number({ invalid_type_error: "errors.month" }).int("errors.month").min(1, "errors.month").max(12, "errors.month").optional(),
      year: z.coerce
        .number({ invalid_type_error: "errors.year" })
        .int("errors.year")
        .min(thisYear - YEARS_BACK, "errors.year")
        .max(thisYear, "errors.future")
        .optional(),
      amountAsked: amount,
      officialTariff: amount,
      paid: choice(PAID, "errors.choice").optional(),
      askedBy: choice(ASKED_BY, "errors.choice").optional(),
      narrative: z
        .string({ required_error: "errors.narrative" })
        .trim()
        .min(NARRATIVE_MIN, "errors.narrative")
        .max(NARRATIVE_MAX, "errors.narrativeTooLong"),
      /** One per form view: a resent form files nothing twice. */
      token: z.string({ required_error: "errors.expired" }).regex(/^[A-Za-z0-9_-]{32,64}$/, "errors.expired"),
    })
    .superRefine((value, ctx) => {
      const unit = byKey.get(value.unit);
      if (value.serviceId !== undefined && !unit?.serviceIds.includes(value.serviceId)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["serviceId"], message: "errors.service" });
      }
      if ((value.month === undefined) !== (value.year === undefined)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [value.month === undefined ? "month" : "year"], message: "errors.monthAndYear" });
      } else if (value.month !== undefined && value.year !== undefined && monthStart(value.year, value.month) > today) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["month"], message: "errors.future" });
      }
    })
    .transform((value) => {
      const unit = byKey.get(value.unit)!;
      return {
        category: value.category,
        regionId: unit.regionId,
        unitId: unit.unitId,
        serviceId: value.serviceId ?? null,
        incidentMonth: value.month !== undefined && value.year !== undefined ? monthStart(value.year, value.month) : null,
        content: {
          narrative: value.narrative,
          amountAsked: value.amountAsked,
          officialTariff: value.officialTariff,
          paid: value.paid ?? null,
          askedBy: value.askedBy ?? null,
        },
        token: value.token,
      };
    });
}

export type ReportValues = z.output<ReturnType<typeof reportSchema>>;

const messageSchema = z.object({
  body: z.string({ required_error: "errors.message" }).trim().min(1, "errors.message").max(MESSAGE_MAX, "errors.messageTooLong"),
});

/** A receipt code as typed: spaces and dashes are allowed between the digits. */
const signInSchema = z.object({
  code: z.string({ required_error: "errors.code" }).trim().min(1, "errors.code").max(64, "errors.code"),
});

/** What the reporter's case page can be asked to do. */
export const caseIntentSchema = z.enum(["signIn", "signOut", "message", "files"]);

/**
 * The case page's forms, one command per intent. The photos are read apart from these fields
 * (attachments.server.ts), so the "files" command carries none.
 */
export const caseCommandSchema = z.discriminatedUnion("intent", [
  signInSchema.extend({ intent: z.literal("signIn") }),
  z.object({ intent: z.literal("signOut") }),
  messageSchema.extend({ intent: z.literal("message") }),
  z.object({ intent: z.literal("files") }),
]);

export type CaseCommand = z.infer<typeof caseCommandSchema>;

/**
 * The moderators' intake form: the public form's fields and how the report came in. Nothing
 * about the person who reported is asked.
 */
export function intakeSchema(units: readonly UnitChoice[], today: string) {
  return z.object({ channel: choice(INTAKE_CHANNELS as unknown as readonly [Exclude<ReportChannel, "web">, ...Exclude<ReportChannel, "web">[]], "errors.channel") }).and(reportSchema(units, today));
}
