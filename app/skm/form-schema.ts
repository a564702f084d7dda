/**
 * The web rating form's validation, shared by the server and the browser. Messages are keys
 * of the "skm" namespace. The importer validates the same fields for CSV (import.ts).
 */
import { z } from "zod";
import { SKM_ELEMENTS, type SkmElement } from "../regulation/skm";

export const AGE_BANDS = ["lt20", "20_29", "30_39", "40_49", "50_59", "gte60"] as const;
export const EDUCATIONS = ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"] as const;
export const OCCUPATIONS = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;
export const SUGGESTION_MAX = 2000;
/** The answers to the optional coercion question, on the web form and the kiosk alike. */
export const COERCION_CHOICES = ["yes", "no"] as const;

const answer = z.coerce
  .number({ invalid_type_error: "errors.answer", required_error: "errors.answer" })
  .int("errors.answer")
  .min(1, "errors.answer")
  .max(4, "errors.answer");

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: "errors.choice" }) }).optional();

/** Schemas already built, per list of service ids: building one costs more than a parse. */
const builtSchemas = new Map<string, ReturnType<typeof buildRatingSchema>>();
const BUILT_SCHEMAS_MAX = 512;

/** The rating form's schema for a unit whose services are `serviceIds` (built once per list). */
export function ratingSchema(serviceIds: readonly number[]) {
  const key = serviceIds.join(",");
  let schema = builtSchemas.get(key);
  if (!schema) {
    if (builtSchemas.size >= BUILT_SCHEMAS_MAX) builtSchemas.clear();
    schema = buildRatingSchema([...serviceIds]);
    builtSchemas.set(key, schema);
  }
  return schema;
}

function buildRatingSchema(serviceIds: readonly number[]) {
  return z.object({
    serviceId: z.coerce
      .number({ invalid_type_error: "errors.service", required_error: "errors.service" })
      .int("errors.service")
      .refine((id) => serviceIds.includes(id), "errors.service"),
    ...(Object.fromEntries(SKM_ELEMENTS.map((e) => [e, answer])) as Record<SkmElement, typeof answer>),
    sex: optionalChoice(["L", "P"] as const),
    ageBand: optionalChoice(AGE_BANDS),
    education: optionalChoice(EDUCATIONS),
    occupation: optionalChoice(OCCUPATIONS),
    suggestion: z.string().trim().max(SUGGESTION_MAX, "errors.suggestionTooLong").optional(),
    /** The optional last question: did anyone from the office ask for a good rating or watch? */
    coercion: optionalChoice(COERCION_CHOICES),
    /** One per form view: makes a resend or double click store one rating. */
    token: z.string({ required_error: "errors.expired" }).regex(/^[A-Za-z0-9_-]{32,64}$/, "errors.expired"),
  });
}

export type RatingValues = z.infer<ReturnType<typeof buildRatingSchema>>;
