/**
 * Automatic redaction of a resident's suggestion before a moderator reads it for publication:
 * e-mail addresses, 16-digit NIK/KK numbers and Indonesian phone numbers become
 * "[disamarkan]". Names cannot be found reliably by a pattern; the moderator removes those.
 * Pure: no I/O, no framework.
 */
export const REDACTED = "[disamarkan]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}/gu;
/** NIK (Nomor Induk Kependudukan) and KK numbers: 16 digits, perhaps grouped by spaces, dots or hyphens. */
const NIK = /(?<![\p{N}\p{L}])\d(?:[ .-]?\d){15}(?![\p{N}\p{L}])/gu;
/**
 * Mobile numbers 08…, 628… and +62…, with or without spaces, dots, hyphens or brackets
 * between the groups: 0812-3456-7890, +62 812 3456 7890, (+62) 536 3221234, 6281234567890.
 */
const PHONE = /(?<![\p{N}\p{L}+])(?:\(?\+62\)?[ .-]?(?:\(0\)[ .-]?)?\(?\d{1,4}\)?|62[ .-]?8\d{1,3}|\(?08\d{1,3}\)?)(?:[ .-]?\d){5,10}(?![\p{N}\p{L}])/gu;

export interface Redaction {
  text: string;
  /** How many pieces were replaced. */
  count: number;
}

export function redact(text: string): Redaction {
  let count = 0;
  const replace = (input: string, pattern: RegExp) =>
    input.replace(pattern, () => {
      count += 1;
      return REDACTED;
    });
  // E-mail first (its local part may hold digits), then the longer NIK before phone numbers.
  const result = replace(replace(replace(text, EMAIL), NIK), PHONE);
  return { text: result, count };
}
