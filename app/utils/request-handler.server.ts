/**
 * The application's request handler: the Remix build behind the request guard and a
 * cross-site write check, with one log line per request (method, path, status, duration: no
 * query, address, agent or body), except on the report paths, which are counted per day (see
 * ReportLog). The server (scripts/server.ts) and the whole-app tests both call this, so what
 * the tests exercise is exactly what production serves.
 *
 * It is also the one place where a bad request becomes its 4xx (request-guard.server.ts) and
 * an unreachable database becomes a 503 with Retry-After instead of a 500.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { AppContext } from "./context.server";
import enCommon from "../../locales/en/common.json";
import idCommon from "../../locales/id/common.json";
import { failedForDatabase } from "./db-errors.server";
import { isReportPath, reportLogFor } from "./logger.server";
import { ALLOW_HEADER, SKM_IMPORT_MAX_BYTES, bodyLimitsFor, guardRequest, type GuardProblem } from "./request-guard.server";
import { i18nServer } from "../i18n.server";
import { isAnonymous, isFormPath, isPublicPath, isResidentWrite, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, PublicCache } from "./public-cache.server";

export type AppRequestHandler = (request: Request, context: AppContext) => Promise<Response>;

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser always sends Origin with a form post. A write whose Origin is another site, or
 * that the browser itself marks cross-site, is refused with 403 before any action runs.
 * (Remix would otherwise abort it with a bare 500.) The origin compared against is the
 * request's own scheme and host; X-Forwarded-Host and X-Forwarded-Proto count only behind
 * trusted proxies (`trustProxy` > 0), since anyone else can send them.
 */
function isCrossSiteWrite(request: Request, trustProxy = 0): boolean {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const own = new URL(request.url);
  const forwarded = (name: string) => (trustProxy > 0 ? request.headers.get(name)?.split(",")[0]?.trim() : undefined);
  const host = forwarded("x-forwarded-host") || request.headers.get("host") || own.host;
  const scheme = forwarded("x-forwarded-proto") || own.protocol.slice(0, -1);
  try {
    const from = new URL(origin);
    return from.host !== host.toLowerCase() || from.protocol !== `${scheme.toLowerCase()}:`;
  } catch {
    // "null" (sandboxed frames, privacy redirects) or garbage: not this site.
    return true;
  }
}

// Refused before the app (and its language choice) runs: the answer carries both languages.
const bilingual = (id: string, en: string) => `${id}\n${en}\n`;
const CROSS_SITE_MESSAGE = bilingual(idCommon.errors.crossSite, enCommon.errors.crossSite);
const REFUSED: Record<GuardProblem, string> = {
  tooLarge: bilingual(idCommon.errors.requestRefused.tooLarge, enCommon.errors.requestRefused.tooLarge),
  // Only the paper questionnaire upload is refused this way: its limit is the one named.
  fileTooLarge: bilingual(idCommon.errors.requestRefused.fileTooLarge, enCommon.errors.requestRefused.fileTooLarge).replaceAll("{{max}}", `${SKM_IMPORT_MAX_BYTES / 1024 / 1024} MiB`),
  malformed: bilingual(idCommon.errors.requestRefused.malformed, enCommon.errors.requestRefused.malformed),
  contentType: bilingual(idCommon.errors.requestRefused.contentType, enCommon.errors.requestRefused.contentType),
  method: bilingual(idCommon.errors.requestRefused.method, enCommon.errors.requestRefused.method),
};

/** Seconds a client is asked to wait when the database is unreachable. */
const RETRY_AFTER_SECONDS = 30;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const UNAVAILABLE_PAGE = `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(idCommon.errors.unavailable.title)} · ${escapeHtml(enCommon.errors.unavailable.title)}</title></head>
<body><main>
<h1>${escapeHtml(idCommon.errors.unavailable.title)}</h1><p>${escapeHtml(idCommon.errors.unavailable.body)}</p>
<div lang="en"><h2>${escapeHtml(enCommon.errors.unavailable.title)}</h2><p>${escapeHtml(enCommon.errors.unavailable.body)}</p></div>
<p><a href="/">${escapeHtml(idCommon.errors.backHome)}</a> · <a href="/" lang="en">${escapeHtml(enCommon.errors.backHome)}</a></p>
</main></body></html>
`;

/** Addresses answered with data rather than a page: JSON errors there. */
function wantsJson(path: string): boolean {
  return path.startsWith("/api/") || path.startsWith("/open-data/") || path.endsWith(".csv") || path === "/healthz";
}

function unavailable(path: string): Response {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (wantsJson(path)) {
    return Response.json({ error: "unavailable", message: enCommon.errors.unavailable.body, retryAfter: RETRY_AFTER_SECONDS }, { status: 503, headers });
  }
  return new Response(UNAVAILABLE_PAGE, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

function refused(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra } });
}

/** The answer to a request refused by the guard, or by the server before it (scripts/server.ts). */
export function refusedRequest(status: 400 | 405 | 413 | 415, problem: GuardProblem, draining = false): Response {
  // The unread rest of an oversized body is not worth a kept-alive connection, unless the guard
  // is draining it: then closing now would reset the connection under the client's answer.
  const extra: Record<string, string> = status === 405 ? { Allow: ALLOW_HEADER } : status === 413 && !draining ? { Connection: "close" } : {};
  return refused(status, REFUSED[problem], extra);
}

const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** The path as logged: ids of reports, files and forwards become ":id", so no line names a case. */
export function pathForLog(path: string): string {
  return path.replace(UUID_SEGMENT, "/:id");
}

interface HandlerOptions {
  /** The clock of the public cache (tests move it instead of waiting). */
  now?: () => number;
}

/**
 * Sets who may store an answer: a public path's 200 to an anonymous GET may be shared by a
 * proxy for a short while (public-cache.server.ts); anything else, unless the route said
 * otherwise already, is stored by nobody. An answer that sets a cookie is never public.
 */
function withCachePolicy(given: Response, shareable: boolean): Response {
  const sent = given.headers;
  const isPublic = shareable && given.status === 200 && sent.getSetCookie().length === 0 && !/no-store|private/.test(sent.get("cache-control") ?? "");
  const ownPolicy = sent.get("cache-control");
  const alreadyPrivate = ownPolicy !== null && /no-store|private/.test(ownPolicy);
  const needsPrivate = !isPublic && (ownPolicy === null || ((sent.getSetCookie().length > 0 || shareable) && !alreadyPrivate));
  if (!isPublic && !needsPrivate) return given;
  // Some responses (Response.redirect) have immutable headers: those are copied.
  let response = given;
  try {
    response.headers.set("Cache-Control", isPublic ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
  } catch {
    response = new Response(given.body, given);
    response.headers.set("Cache-Control", isPublic ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
  }
  if (isPublic) {
    for (const name of ["Accept-Language", "Cookie"]) {
      if (!(response.headers.get("vary") ?? "").toLowerCase().includes(name.toLowerCase())) response.headers.append("Vary", name);
    }
  }
  return response;
}

export function createAppRequestHandler(build: ServerBuild, mode = build.mode, options: HandlerOptions = {}): AppRequestHandler {
  const remix = createRequestHandler(build, mode);
  let cache: PublicCache | undefined;
  return async (request, givenContext) => {
    cache ??= new PublicCache(givenContext.config.publicCacheSeconds, options.now);
    const started = process.hrtime.bigint();
    const path = new URL(request.url).pathname;
    const logged = pathForLog(path);
    // Report pages log nothing among the timed lines: a count per day, and held lines written once a day.
    const reportLog = isReportPath(path) ? reportLogFor(givenContext.log) : null;
    const context = reportLog ? { ...givenContext, log: reportLog.logger } : givenContext;
    let status = 500;
    try {
      if (isCrossSiteWrite(request, context.config.trustProxy)) {
        context.log.warn({ method: request.method, path: logged }, "cross-site write refused");
        status = 403;
        return refused(status, CROSS_SITE_MESSAGE);
      }
      const guarded = await guardRequest(request, (p) => bodyLimitsFor(p, context.config.reports));
      if (!guarded.ok) {
        context.log.warn({ method: request.method, path: logged, problem: guarded.problem }, "request refused");
        status = guarded.status;
        return refusedRequest(guarded.status, guarded.problem, guarded.draining === true);
      }
      const method = request.method.toUpperCase();
      const shareable = (method === "GET" || method === "HEAD") && isPublicPath(path) && isAnonymous(request);
      let response: Response | null = null;
      const emptyForm = method === "GET" && isFormPath(path) && isAnonymous(request);
      if ((shareable || emptyForm) && method === "GET" && cache.enabled) {
        const url = new URL(request.url);
        const key = `${emptyForm ? "form" : "page"} ${await i18nServer.getLocale(request)} ${url.pathname}${url.search}`;
        // Rendered apart from this request's signal: others may be waiting for the same render.
        const detached = new Request(guarded.request.url, { headers: guarded.request.headers });
        const placeholders = emptyForm ? { formTokenPlaceholder: cache.tokenPlaceholder } : {};
        response = await cache.answer(key, (nonce) => remix(detached, { ...context, ...placeholders, cspNonce: nonce }), { form: emptyForm });
      }
      response ??= await remix(guarded.request, context);
      if (response.status >= 500 && failedForDatabase(context)) {
        await response.body?.cancel().catch(() => undefined);
        status = 503;
        return unavailable(path);
      }
      // A staff write that went through may change any public page: nothing kept is served
      // again. Residents' ratings and reports show once the kept copies expire (public-cache.server.ts).
      if (method !== "GET" && method !== "HEAD" && response.status < 400 && !isResidentWrite(path)) cache.clear();
      status = response.status;
      return withCachePolicy(response, shareable);
    } finally {
      if (reportLog) reportLog.countRequest(request.method, logged, status);
      else context.log.info({ method: request.method, path: logged, status, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, "request");
    }
  };
}
