/** The evaluator's review of an integrity flag, shared by the server and the page. Messages: "zi" keys. */
import { z } from "zod";
import { TEXTAREA_WHITESPACE, withoutControlCharacters } from "../utils/text-schema";
import { FLAG_KINDS, isFlagPeriod } from "./flags";

const REVIEW_NOTE_MAX = 2000;

export const reviewSchema = z.object({
  intent: z.literal("review"),
  period: z.string().refine(isFlagPeriod, "integrity.errors.period"),
  flag: z.enum(FLAG_KINDS, { errorMap: () => ({ message: "integrity.errors.flag" }) }),
  note: z
    .string({ required_error: "integrity.errors.note" })
    .trim()
    .min(1, "integrity.errors.note")
    .max(REVIEW_NOTE_MAX, "integrity.errors.noteTooLong")
    .refine((text) => withoutControlCharacters(text, TEXTAREA_WHITESPACE), "integrity.errors.note"),
});
