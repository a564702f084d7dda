import type { ActionFunctionArgs } from "@remix-run/node";
import { hitLimit, type Limit } from "~/security/rate-limit.server";
import { CLIENT_ERROR_MAX_BYTES } from "~/telemetry/client-error";
import { parseClientError } from "~/telemetry/client-error.server";

export const CLIENT_ERROR_LIMIT: Limit = { bucket: "client-error", max: 30, windowSeconds: 60 * 60 };

const answer = (status: number) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The browser's error beacon (app/telemetry): one warning line in the server log per report,
 * so an operator learns that pages fail in browsers. Bad input gets 400, a flood 429.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return answer(405);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > CLIENT_ERROR_MAX_BYTES) return answer(413);
  const body = await readBounded(request, CLIENT_ERROR_MAX_BYTES);
  if (body === TOO_LARGE) return answer(413);
  const report = body === null ? null : parseClientError(body);
  if (!report) return answer(400);
  const limit = await hitLimit(context.db, context.config.secrets.hashKey, CLIENT_ERROR_LIMIT, context.clientAddress);
  if (limit.blocked) return answer(429);
  context.log.warn({ clientError: report }, "a page failed in the browser");
  return answer(204);
}

export function loader() {
  return answer(405);
}

const TOO_LARGE = Symbol("too large");

/** The body as text, null when it is not UTF-8; reading stops once it exceeds `max` bytes. */
async function readBounded(request: Request, max: number): Promise<string | null | typeof TOO_LARGE> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return null;
  }
}
