/**
 * The server's check of a browser error beacon (client-error.ts says what one may contain).
 */
import { z } from "zod";
import { CLIENT_ERROR_MAX_BYTES, type ClientError } from "./client-error";

const clientErrorSchema: z.ZodType<ClientError, z.ZodTypeDef, unknown> = z
  .object({
    kind: z.enum(["boundary", "hydration", "uncaught"]),
    // A route id of the build ("root", "routes/report._index"), never a concrete path.
    route: z.string().regex(/^(root|routes\/[A-Za-z0-9_.$[\]-]{1,120})$/),
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
    reactError: z.string().regex(/^\d{1,4}$/).optional(),
  })
  .strict();

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

