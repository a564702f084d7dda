/**
 * The browser's error beacon: what a page that failed in the browser may tell the server.
 * Only the route pattern, the kind of failure, the error's class name and React's error
 * number: never a message, a URL with ids, or anything the person typed.
 */
import { z } from "zod";

/** Larger bodies are refused unread. */
export const CLIENT_ERROR_MAX_BYTES = 512;

export const CLIENT_ERROR_PATH = "/client-errors";

const clientErrorSchema = z
  .object({
    kind: z.enum(["boundary", "hydration", "uncaught"]),
    // A route id of the build ("root", "routes/report._index"), never a concrete path.
    route: z.string().regex(/^(root|routes\/[A-Za-z0-9_.$[\]-]{1,120})$/),
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
    reactError: z.string().regex(/^\d{1,4}$/).optional(),
  })
  .strict();

export type ClientError = z.infer<typeof clientErrorSchema>;

/** Null for anything that is not exactly a well-formed report. */
export function parseClientError(body: string): ClientError | null {
  if (body.length > CLIENT_ERROR_MAX_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = clientErrorSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The report for an error, built in the browser: the name only, and React's number when minified. */
export function describeClientError(kind: ClientError["kind"], route: string, error: unknown): ClientError {
  const rawName = error instanceof Error ? error.name : "NonError";
  const name = /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(rawName) ? rawName : "Error";
  const reactError = error instanceof Error ? /Minified React error #(\d{1,4})/.exec(error.message)?.[1] : undefined;
  return reactError ? { kind, route, name, reactError } : { kind, route, name };
}
