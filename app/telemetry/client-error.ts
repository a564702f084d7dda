/**
 * The browser's error beacon: what a page that failed in the browser may tell the server.
 * Only the route pattern, the kind of failure, the error's class name and React's error
 * number: never a message, a URL with ids, or anything the person typed. The server checks
 * what arrives in client-error.server.ts; this part runs in every page, so it carries no
 * validation library.
 */
/** Larger bodies are refused unread. */
export const CLIENT_ERROR_MAX_BYTES = 512;

export const CLIENT_ERROR_PATH = "/client-errors";

export interface ClientError {
  kind: "boundary" | "hydration" | "uncaught";
  route: string;
  name: string;
  reactError?: string;
}

/** The report for an error, built in the browser: the name only, and React's number when minified. */
export function describeClientError(kind: ClientError["kind"], route: string, error: unknown): ClientError {
  const rawName = error instanceof Error ? error.name : "NonError";
  const name = /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(rawName) ? rawName : "Error";
  const reactError = error instanceof Error ? /Minified React error #(\d{1,4})/.exec(error.message)?.[1] : undefined;
  return reactError ? { kind, route, name, reactError } : { kind, route, name };
}
