/**
 * Counter kiosk forms and the rating a kiosk sends, shared by the server and the browser.
 * Messages are keys of the "kiosk" namespace (enrolment, pairing) or "skm" (the rating).
 */
import { z } from "zod";
import { ratingSchema } from "../skm/form-schema";
import { withoutControlCharacters } from "../utils/text-schema";

export const KIOSK_NAME_MAX = 80;

/** Pairing codes: 8 characters without look-alikes (no 0/O, 1/I/L), shown as ABCD-EFGH. */
export const PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const PAIRING_CODE_LENGTH = 8;

/** What a person types: case, spaces and dashes do not matter. */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const kioskName = z
  .string({ required_error: "errors.name" })
  .trim()
  .min(1, "errors.name")
  .max(KIOSK_NAME_MAX, "errors.nameTooLong")
  .refine((v) => withoutControlCharacters(v), "errors.name");

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const kioskId = z.coerce.number({ invalid_type_error: "errors.unknownKiosk" }).int().positive();

const enrolSchema = z.object({
  intent: z.literal("enrol"),
  unitId: z.coerce.number({ invalid_type_error: "errors.unit", required_error: "errors.unit" }).int("errors.unit").positive("errors.unit"),
  name: kioskName,
  askProfile: checkbox,
});
const newCodeSchema = z.object({ intent: z.literal("code"), kioskId });
const revokeSchema = z.object({ intent: z.literal("revoke"), kioskId });
const settingsSchema = z.object({ intent: z.literal("settings"), kioskId, askProfile: checkbox });

/** The staff page's intents: one schema, one domain function each. */
export const kioskCommandSchema = z.discriminatedUnion("intent", [enrolSchema, newCodeSchema, revokeSchema, settingsSchema]);
export type KioskCommand = z.infer<typeof kioskCommandSchema>;

export const pairSchema = z.object({
  code: z
    .string({ required_error: "errors.code" })
    .transform(normalisePairingCode)
    .refine((v) => v.length === PAIRING_CODE_LENGTH && [...v].every((c) => PAIRING_ALPHABET.includes(c)), "errors.code"),
});

/**
 * One kiosk rating: the web form's fields (the coercion question included) without the
 * suggestion (nobody types a message on a shared counter screen). The token is made on the
 * device, once per visitor.
 */
export function kioskRatingSchema(serviceIds: readonly number[]) {
  return ratingSchema(serviceIds).omit({ suggestion: true });
}
export type KioskRatingValues = z.infer<ReturnType<typeof kioskRatingSchema>>;
