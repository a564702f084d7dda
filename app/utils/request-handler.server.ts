/**
 * The application's request handler: the Remix build behind a cross-site write check, with
 * one log line per request (method, path, status, duration: no query, address, agent or body),
 * except on the report paths, which are counted per day (see ReportLog).
 * The server (scripts/server.ts) and the whole-app tests both call this, so what the tests
 * exercise is exactly what production serves.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { AppContext } from "./context.server";
import enCommon from "../../locales/en/common.json";
import idCommon from "../../locales/id/common.json";
import { isReportPath, reportLogFor } from "./logger.server";

export type AppRequestHandler = (request: Request, context: AppContext) => Promise<Response>;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser always sends Origin with a form post. A write whose Origin is another site, or
 * that the browser itself marks cross-site, is refused with 403 before any action runs.
 * (Remix would otherwise abort it with a bare 500.)
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    // "null" (sandboxed frames, privacy redirects) or garbage: not this site.
    return true;
  }
}

// Refused before the app (and its language choice) runs: the plain-text answer carries both languages.
const CROSS_SITE_MESSAGE = `${idCommon.errors.crossSite}\n${enCommon.errors.crossSite}\n`;

const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** The path as logged: ids of reports, files and forwards become ":id", so no line names a case. */
export function pathForLog(path: string): string {
  return path.replace(UUID_SEGMENT, "/:id");
}

export function createAppRequestHandler(build: ServerBuild, mode = build.mode): AppRequestHandler {
  const remix = createRequestHandler(build, mode);
  return async (request, givenContext) => {
    const started = process.hrtime.bigint();
    const path = new URL(request.url).pathname;
    const logged = pathForLog(path);
    // Report pages log nothing among the timed lines: a count per day, and held lines written once a day.
    const reportLog = isReportPath(path) ? reportLogFor(givenContext.log) : null;
    const context = reportLog ? { ...givenContext, log: reportLog.logger } : givenContext;
    let status = 500;
    try {
      if (isCrossSiteWrite(request)) {
        context.log.warn({ method: request.method, path: logged }, "cross-site write refused");
        status = 403;
        return new Response(CROSS_SITE_MESSAGE, {
          status,
          headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
        });
      }
      const response = await remix(request, context);
      status = response.status;
      return response;
    } finally {
      if (reportLog) reportLog.countRequest(request.method, logged, status);
      else context.log.info({ method: request.method, path: logged, status, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, "request");
    }
  };
}
