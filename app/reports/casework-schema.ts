/**
 * Validation of the moderators' forms and the queue's filters (pure: no I/O, no framework).
 * Messages are translation keys of the "casework" namespace.
 */
import { z } from "zod";
import { isCalendarDate } from "../utils/calendar";
import { INTEGER_MAX } from "../utils/ids";
import { LINES_AND_TABS, withoutControlCharacters } from "../utils/text-schema";
import { REPORT_CATEGORIES, type ReportCategory } from "./form-schema";
import { REPORT_OUTCOMES, REPORT_STATUSES, type ReportStatus } from "./status-machine";

/** Where a case may be forwarded (Saber Pungli was dissolved in 2025 and is not offered). */
export const DESTINATIONS = ["inspektorat", "ombudsman", "kpk", "aph", "sp4n_lapor", "unit_head"] as const;
export type Destination = (typeof DESTINATIONS)[number];

/**
 * Categories that are corruption or a crime. SP4N-LAPOR!, the national complaint system, does
 * not take these (Perpres 76/2013 on public-service complaint handling); it is for complaints
 * that are not about integrity, which here means favouritism and "other" (a rude clerk, a
 * service refused without a reason).
 */
const INTEGRITY_CATEGORIES: ReadonlySet<ReportCategory> = new Set(["pungli", "calo", "suap", "gratifikasi", "pemerasan"]);

/** Whether a case of this category may go to this destination. */
export function destinationAllowed(destination: Destination, category: ReportCategory): boolean {
  return destination !== "sp4n_lapor" || !INTEGRITY_CATEGORIES.has(category);
}

/** Reports on one page of the queue. */
export const QUEUE_PAGE_SIZE = 25;
export const NOTE_MAX = 4000;
export const REASON_MAX = 1000;
export const SUMMARY_MAX = 8000;
export const EXTERNAL_REFERENCE_MAX = 100;
/** Rectangles one redaction may black out (rows of number inputs on the form). */
export const REDACTION_AREAS = 4;

/**
 * Statuses the "change status" form offers: moving to needs_info goes with a question, and
 * to forwarded with a forward record, so those two have their own forms.
 */
export function statusFormTargets(allowed: readonly ReportStatus[]): ReportStatus[] {
  return allowed.filter((s) => s !== "needs_info" && s !== "forwarded");
}

const text = (required: string, max: number) =>
  z
    .string({ required_error: required, invalid_type_error: required })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .refine((value) => withoutControlCharacters(value, LINES_AND_TABS), "errors.controlCharacters")
    .refine((value) => value.length > 0, required)
    .refine((value) => value.length <= max, "errors.tooLong");

const uuid = (message: string) => z.string({ required_error: message, invalid_type_error: message }).uuid(message);
const staffId = z.coerce
  .number({ required_error: "errors.assigneeRequired", invalid_type_error: "errors.assigneeRequired" })
  .int("errors.assigneeRequired")
  .min(1, "errors.assigneeRequired")
  .max(INTEGER_MAX, "errors.assigneeRequired");
/** Case references as generated (letters and digits, with dashes); matched case-insensitively. */
const reference = z
  .string({ required_error: "errors.duplicateRequired", invalid_type_error: "errors.duplicateRequired" })
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => /^[A-Z0-9-]{4,40}$/.test(value), "errors.duplicateRequired");

const assignSchema = z.object({ intent: z.literal("assign"), assigneeId: staffId });
const unassignSchema = z.object({ intent: z.literal("unassign") });
const noteSchema = z.object({ intent: z.literal("note"), body: text("errors.noteRequired", NOTE_MAX) });
const questionSchema = z.object({
  intent: z.literal("question"),
  body: text("errors.questionRequired", NOTE_MAX),
  reason: text("errors.reasonRequired", REASON_MAX),
});

const statusFields = z.object({
  intent: z.literal("status"),
  to: z.enum(REPORT_STATUSES, { errorMap: () => ({ message: "errors.statusRequired" }) }),
  reason: text("errors.reasonRequired", REASON_MAX),
  outcome: z.enum(REPORT_OUTCOMES, { errorMap: () => ({ message: "errors.outcomeRequired" }) }).optional(),
  duplicateOf: reference.optional(),
});

/**
 * Closing needs an outcome, and closing as a duplicate the reference of the other case; an
 * outcome with any other status is a mistake to point out, not a value to drop unseen.
 */
function checkStatus(value: z.infer<typeof statusFields>, ctx: z.RefinementCtx): void {
  if (value.to === "closed" && !value.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "errors.outcomeRequired" });
  if (value.to !== "closed" && value.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "errors.outcomeOnlyWhenClosing" });
  if (value.to === "closed" && value.outcome === "duplicate" && !value.duplicateOf) {
    ctx.addIssue({ code: "custom", path: ["duplicateOf"], message: "errors.duplicateRequired" });
  }
}

export const statusSchema = statusFields.superRefine(checkStatus);

const linkDuplicateSchema = z.object({ intent: z.literal("link-duplicate"), duplicateOf: reference });
const unlinkDuplicateSchema = z.object({ intent: z.literal("unlink-duplicate") });

export const forwardSchema = z.object({
  intent: z.literal("forward"),
  destination: z.enum(DESTINATIONS, { errorMap: () => ({ message: "errors.destinationRequired" }) }),
  summary: text("errors.summaryRequired", SUMMARY_MAX),
  reason: text("errors.reasonRequired", REASON_MAX),
  fileIds: z.array(uuid("errors.unknownFile")).max(100, "errors.unknownFile").default([]),
  externalReference: z
    .string({ invalid_type_error: "errors.tooLong" })
    .transform((value) => value.trim())
    .refine((value) => withoutControlCharacters(value, LINES_AND_TABS), "errors.controlCharacters")
    .refine((value) => value.length <= EXTERNAL_REFERENCE_MAX, "errors.tooLong")
    .optional(),
});

const percent = z.coerce
  .number({ invalid_type_error: "errors.areaNumber" })
  .min(0, "errors.areaRange")
  .max(100, "errors.areaRange")
  .optional();

const areaSchema = z
  .object({ x: percent, y: percent, w: percent, h: percent })
  .superRefine((area, ctx) => {
    const given = [area.x, area.y, area.w, area.h].filter((v) => v !== undefined).length;
    if (given === 0) return;
    if (given < 4) {
      ctx.addIssue({ code: "custom", message: "errors.areaIncomplete" });
      return;
    }
    if (area.w! <= 0 || area.h! <= 0) ctx.addIssue({ code: "custom", message: "errors.areaEmpty" });
    if (area.x! + area.w! > 100 || area.y! + area.h! > 100) ctx.addIssue({ code: "custom", message: "errors.areaOutside" });
  });

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

const redactFields = z.object({
  intent: z.literal("redact"),
  fileId: uuid("errors.unknownFile"),
  areas: z.array(areaSchema).max(REDACTION_AREAS, "errors.areaRequired").default([]),
});

/** The rows of the redaction form that were filled in; blank rows are ignored. */
function completeAreas(areas: z.infer<typeof redactFields>["areas"]): Area[] {
  return areas.filter((a): a is Area => a.x !== undefined && a.y !== undefined && a.w !== undefined && a.h !== undefined);
}

function checkRedaction(value: z.infer<typeof redactFields>, ctx: z.RefinementCtx): void {
  if (completeAreas(value.areas).length === 0) ctx.addIssue({ code: "custom", path: ["areas"], message: "errors.areaRequired" });
}

export const redactSchema = redactFields.superRefine(checkRedaction).transform((value) => ({ ...value, areas: completeAreas(value.areas) }));

/**
 * Every form of the moderator's case page, one command per intent: what `changeCase`
 * (casework.server.ts) carries out.
 */
export const caseworkCommandSchema = z
  .discriminatedUnion("intent", [
    assignSchema,
    unassignSchema,
    noteSchema,
    questionSchema,
    statusFields,
    linkDuplicateSchema,
    unlinkDuplicateSchema,
    forwardSchema,
    redactFields,
  ])
  .superRefine((command, ctx) => {
    if (command.intent === "status") checkStatus(command, ctx);
    if (command.intent === "redact") checkRedaction(command, ctx);
  })
  .transform((command) => (command.intent === "redact" ? { ...command, areas: completeAreas(command.areas) } : command));

export type CaseworkCommand = z.infer<typeof caseworkCommandSchema>;
export type CaseworkIntent = CaseworkCommand["intent"];
export const CASEWORK_INTENTS = caseworkCommandSchema.innerType().innerType().options.map((o) => o.shape.intent.value) as readonly CaseworkIntent[];

/** The form a request was about, when it names a known one (for errors shown beside it). */
export function caseworkIntentOf(value: unknown): CaseworkIntent | null {
  return typeof value === "string" && (CASEWORK_INTENTS as readonly string[]).includes(value) ? (value as CaseworkIntent) : null;
}

/** The queue's filters from the address; anything unknown falls back to its default. */
export const STATUS_FILTERS = ["open", "closed", "all", ...REPORT_STATUSES] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface QueueFilter {
  regionId?: number;
  /** A unit id, or "none" for reports whose unit the reporter did not know. */
  unit?: number | "none";
  category?: ReportCategory;
  status: StatusFilter;
  /** "mine", "unassigned", or a staff id. */
  assignee?: "mine" | "unassigned" | number;
  overdue: boolean;
  /** Overdue long enough to have been escalated (REPORT_ESCALATION_DAYS working days). */
  escalated: boolean;
  page: number;
}

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const number = (value: string | null) => {
    if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
    const n = Number(value);
    return n > 0 ? n : undefined;
  };
  const unit = params.get("unit");
  const category = params.get("category");
  const status = params.get("status");
  const assignee = params.get("assignee");
  return {
    regionId: number(params.get("region")),
    unit: unit === "none" ? "none" : number(unit),
    category: (REPORT_CATEGORIES as readonly string[]).includes(category ?? "") ? (category as ReportCategory) : undefined,
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : "open",
    assignee: assignee === "mine" || assignee === "unassigned" ? assignee : number(assignee),
    overdue: params.get("overdue") === "1",
    escalated: params.get("escalated") === "1",
    page: Math.min(number(params.get("page")) ?? 1, 100_000),
  };
}

export const addHolidaySchema = z.object({
  intent: z.literal("add"),
  day: z.string({ required_error: "errors.dateInvalid" }).refine(isCalendarDate, "errors.dateInvalid"),
  name: text("errors.holidayNameRequired", 200),
});
export const removeHolidaySchema = z.object({
  intent: z.literal("remove"),
  day: z.string({ required_error: "errors.dateInvalid" }).refine(isCalendarDate, "errors.dateInvalid"),
});
