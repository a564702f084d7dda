/** Recognising database errors that mean a user-level outcome rather than a fault. */

/**
 * A unique constraint refused the row (PostgreSQL 23505), wherever the driver wrapped it;
 * with `constraint`, only when it was that constraint.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const record = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (record.code === "23505") return !constraint || [record.constraint, record.constraint_name].includes(constraint);
  }
  return false;
}
