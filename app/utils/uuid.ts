const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID: anything else in an address is a 404, never a database error. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}
