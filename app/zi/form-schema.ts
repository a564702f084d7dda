/**
 * The worksheet's forms (zod, for conform): one sub-area with its items, and the hasil
 * inputs. Pure. Messages are keys of the "zi" namespace.
 */
import { z } from "zod";
import { CURRENT_ZI_PROFILE, type LkeQuestion, type PerformanceGrade } from "../regulation/zi";
import { LINE_BREAKS, withoutControlCharacters } from "../utils/text-schema";
import { LKE_ITEM_SCALES, lkeItemValue, type LkeItem, type LkeItemScale } from "./score";

export const LIMITS = { items: 40, note: 2000, evidence: 20, url: 500 } as const;
/** Blank item rows offered under the existing ones. */
export const BLANK_ROWS = 3;
export const GRADES: readonly PerformanceGrade[] = ["A", "B", "C", "D", "E"];
/** Every letter any scale accepts, for the answer select. */
export const ANSWERS = ["Y", "T", "A", "B", "C", "D", "E"] as const;

const row = z
  .object({
    scale: z.enum(LKE_ITEM_SCALES as [LkeItemScale, ...LkeItemScale[]], { errorMap: () => ({ message: "errors.scaleInvalid" }) }).optional(),
    answer: z.enum(ANSWERS, { errorMap: () => ({ message: "errors.answerInvalid" }) }).optional(),
    percent: z.string().trim().max(10, "errors.percentInvalid").optional(),
  })
  .optional();

/** A fraction 0–1 with at most four decimals. */
const fraction = z
  .string()
  .trim()
  .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/, "errors.valueInvalid")
  .transform(Number);

/**
 * A sub-area's form. Row i < questions.length answers the profile's question i, on that
 * question's scale; later rows are items the evaluator adds. Empty rows are dropped.
 */
export const subareaSchema = (questions: readonly LkeQuestion[]) =>
  z
  .object({
    items: z.array(row).max(LIMITS.items, "errors.tooManyItems").default([]),
    value: fraction.optional(),
    note: z.string().trim().max(LIMITS.note, "errors.noteTooLong").refine((text) => withoutControlCharacters(text, LINE_BREAKS), "errors.controlCharacters").optional(),
    evidence: z.string().max(LIMITS.evidence * (LIMITS.url + 2), "errors.evidenceTooLong").optional(),
  })
  .superRefine((form, ctx) => {
    form.items.forEach((item, index) => {
      if (!item || (!item.scale && !item.answer && !item.percent)) return;
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["items", index, field], message });
      if (!item.scale) return at("scale", "errors.scaleRequired");
      const question = questions[index];
      if (question && item.scale !== question.scale) return at("scale", "errors.scaleNotQuestion");
      if (item.scale === "percent") {
        if (item.answer) at("answer", "errors.answerNotInScale");
        if (!item.percent) at("percent", "errors.percentRequired");
        else if (lkeItemValue("percent", item.percent) === null) at("percent", "errors.percentInvalid");
        return;
      }
      if (item.percent) at("percent", "errors.percentNotInScale");
      if (!item.answer) at("answer", "errors.answerRequired");
      else if (lkeItemValue(item.scale, item.answer) === null) at("answer", "errors.answerNotInScale");
    });
    const lines = evidenceLines(form.evidence);
    if (lines.length > LIMITS.evidence) ctx.addIssue({ code: "custom", path: ["evidence"], message: "errors.evidenceTooMany" });
    if (lines.some((line) => !isWebLink(line))) ctx.addIssue({ code: "custom", path: ["evidence"], message: "errors.evidenceUrl" });
  })
  .transform((form) => ({
    items: form.items.flatMap((item, index): LkeItem[] => {
      if (!item?.scale) return [];
      const answer = item.scale === "percent" ? String(Number(item.percent)) : (item.answer ?? "");
      return [index < questions.length ? { scale: item.scale, answer, question: index } : { scale: item.scale, answer }];
    }),
    value: form.value ?? null,
    note: form.note ? form.note : null,
    evidence: evidenceLines(form.evidence),
  }));

/**
 * Checked before parsing: a row number far beyond the limit ("items[9999999]") would make the
 * parser build an array that long, so such a form is refused without parsing it.
 */
export function itemRowsWithinLimit(names: Iterable<string>): boolean {
  for (const name of names) {
    const row = /^items\[(\d+)\]/.exec(name)?.[1];
    if (row !== undefined && (row.length > 3 || Number(row) >= LIMITS.items)) return false;
  }
  return true;
}

function evidenceLines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function isWebLink(text: string): boolean {
  // The URL parser would quietly encode a control character; the stored line must not hold one.
  if (text.length > LIMITS.url || !withoutControlCharacters(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** An index on 0–4 with at most two decimals. */
const index = z
  .string()
  .trim()
  .regex(/^\d(\.\d{1,2})?$/, "errors.indexInvalid")
  .transform(Number)
  .refine((v) => v <= CURRENT_ZI_PROFILE.indexMax, "errors.indexInvalid")
  .optional();

const hasilSchema = z.object({
  capaianKinerja: z.enum(["A", "B", "C", "D", "E"], { errorMap: () => ({ message: "errors.gradeInvalid" }) }).optional(),
  ipak: index,
  ipkp: index,
});

/** A year in the URL: four digits within a plausible range. */
export function parseYear(text: string | null | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The worksheet page's two forms, told apart by their intent. */
export const sheetActionSchema = z.discriminatedUnion(
  "intent",
  [hasilSchema.extend({ intent: z.literal("hasil") }), z.object({ intent: z.literal("submit") })],
  { errorMap: () => ({ message: "errors.unknownIntent" }) },
);
