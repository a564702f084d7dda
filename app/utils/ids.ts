const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The largest value of a PostgreSQL `integer` column (identity ids of staff, grants, units). */
export const INTEGER_MAX = 2_147_483_647;

/** A well-formed UUID: anything else in an address is a 404, never a database error. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

/** A value that can be an `integer` identity id; anything else is unknown, never a database error. */
export function isIntegerId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= INTEGER_MAX;
}
