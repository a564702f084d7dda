/**
 * The perception step's validation, shared by the server and the browser. Every item may be
 * left unanswered ("prefer not to answer" sends an empty value), but at least one must be
 * answered. Messages are keys of the "perception" namespace.
 */
import { z } from "zod";
import { CURRENT_PERCEPTION_PROFILE, PERCEPTION_ITEMS, type PerceptionItem } from "../regulation/perception";

const { min, max } = CURRENT_PERCEPTION_PROFILE.scale;

const answer = z.coerce
  .number({ invalid_type_error: "errors.answer" })
  .int("errors.answer")
  .min(min, "errors.answer")
  .max(max, "errors.answer")
  .optional();

const items = Object.fromEntries(PERCEPTION_ITEMS.map((item) => [item, answer])) as Record<PerceptionItem, typeof answer>;

export const perceptionSchema = z
  .object({
    ...items,
    // The honeypot is handled before validation; an empty one is allowed through.
    website: z.string().optional(),
  })
  // A field that is not one of the items is a hostile or stale form, not something to ignore.
  .strict("errors.unknownField")
  .refine((values) => PERCEPTION_ITEMS.some((item) => values[item] !== undefined), { message: "errors.noAnswer" });

export type PerceptionValues = z.infer<typeof perceptionSchema>;

/** The answers of a valid submission, null for each item left unanswered. */
export function answersOf(values: PerceptionValues): Record<PerceptionItem, number | null> {
  return Object.fromEntries(PERCEPTION_ITEMS.map((item) => [item, values[item] ?? null])) as Record<PerceptionItem, number | null>;
}
