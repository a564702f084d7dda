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

// postgres.js reports a lost or refused connection with these codes; PostgreSQL itself with
// class 08 (connection exception) and 57P01–57P03 (shutting down, crashed, starting up).
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "57P01", "57P02", "57P03"]);

/** The database could not be reached (down, restarting, network): a 503, not a fault of the request. */
function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

// A mark on the request's load context. A registered symbol, not module state: the server
// and the Remix build each load their own copy of this module.
const UNAVAILABLE = Symbol.for("pintu-depan.database-unavailable");

/** Called from the framework's error hook: this request failed because the database is unreachable. */
export function noteDatabaseUnavailable(context: object, error: unknown): void {
  if (isDatabaseUnavailable(error)) Object.defineProperty(context, UNAVAILABLE, { value: true, configurable: true });
}

export function failedForDatabase(context: object): boolean {
  return UNAVAILABLE in context;
}
