/** Recognising database errors that mean a user-level outcome rather than a fault. */

/** A unique constraint refused the row (PostgreSQL 23505), wherever the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
