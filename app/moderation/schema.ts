/**
 * Validation of the moderation forms, the queue filters and the CSV export's dates.
 * Pure: no I/O, no framework. Messages are translation keys of the "moderation" namespace.
 */
import { z } from "zod";
import { isCalendarDate } from "../utils/calendar";
import { LINES_AND_TABS, withoutControlCharacters } from "../utils/text-schema";

export const REJECT_REASONS = ["personal_data", "offensive", "spam", "off_topic", "not_about_service"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const STATUSES = ["pending", "published", "rejected"] as const;
type SuggestionStatus = (typeof STATUSES)[number];

/** The longest published text and reply; the database checks the same for the reply. */
export const TEXT_MAX = 2000;
/** Items on one page of the queue. */
export const PAGE_SIZE = 20;
/** Items one bulk action may touch (one page of the queue and some). */
export const BULK_MAX = 100;
/** The longest range of one CSV export, in days. */
export const EXPORT_MAX_DAYS = 366;

/** bigint identity columns: ids beyond this cannot exist and would overflow a JavaScript number. */
const ID_MAX = Number.MAX_SAFE_INTEGER;
const id = z.coerce.number({ invalid_type_error: "errors.unknownItem" }).int("errors.unknownItem").min(1, "errors.unknownItem").max(ID_MAX, "errors.unknownItem");

const cleanText = (required: string) =>
  z
    .string({ required_error: required })
    .transform((text) => text.replace(/\r\n/g, "\n").trim())
    // PostgreSQL refuses NUL; other control characters (but line breaks and tabs) have no place in a text.
    .refine((text) => withoutControlCharacters(text, LINES_AND_TABS), "errors.controlCharacters")
    .refine((text) => text.length > 0, required)
    .refine((text) => text.length <= TEXT_MAX, "errors.tooLong");

export const publishSchema = z.object({
  intent: z.literal("publish"),
  id,
  publishedText: cleanText("errors.textRequired"),
});

export const rejectSchema = z.object({
  intent: z.literal("reject"),
  id,
  reason: z.enum(REJECT_REASONS, { errorMap: () => ({ message: "errors.reasonRequired" }) }),
});

const ids = z
  .array(id, { required_error: "errors.noneSelected", invalid_type_error: "errors.noneSelected" })
  .min(1, "errors.noneSelected")
  .max(BULK_MAX, "errors.tooMany")
  .transform((list) => [...new Set(list)]);

export const bulkPublishSchema = z.object({ intent: z.literal("bulk-publish"), ids });
export const bulkRejectSchema = z.object({
  intent: z.literal("bulk-reject"),
  ids,
  reason: z.enum(REJECT_REASONS, { errorMap: () => ({ message: "errors.reasonRequired" }) }),
});

export const replySchema = z.object({
  intent: z.literal("reply"),
  id,
  reply: cleanText("errors.replyRequired"),
});

/** Queue filters from the address: anything unknown falls back to "all" (status: pending). */
export function parseQueueFilter(params: URLSearchParams) {
  const number = (value: string | null) => {
    if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
    const n = Number(value);
    return n > 0 ? n : undefined;
  };
  const status = params.get("status");
  return {
    regionId: number(params.get("region")),
    unitId: number(params.get("unit")),
    status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as SuggestionStatus) : "pending",
    page: Math.min(number(params.get("page")) ?? 1, 100_000),
  };
}
export type QueueFilter = ReturnType<typeof parseQueueFilter>;

const calendarDate = z.string({ required_error: "errors.dateInvalid" }).refine(isCalendarDate, "errors.dateInvalid");

export const exportRangeSchema = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((r) => r.from <= r.to, { message: "errors.rangeOrder", path: ["to"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < EXPORT_MAX_DAYS, { message: "errors.rangeTooLong", path: ["to"] });
