/**
 * The first thing every request meets, before Remix or any form parser: the method, the path,
 * the query and the body are checked against fixed bounds in one linear pass, and a request
 * that breaks one is answered at once with its 4xx (the rest of an oversized body is never
 * parsed). What passes goes on as a new Request carrying the same bytes, so the framework only
 * ever parses bounded, well-formed input:
 *
 * - methods other than GET, HEAD and POST: 405;
 * - a path or query that is not valid percent-encoding, or holds a control character (NUL
 *   included): 400, so no such character can reach a database query;
 * - a body over the route's size limit: 413 (from Content-Length before reading, else as soon
 *   as the limit is passed), with the rest of the body drained in the background (see DRAIN);
 * - a POST whose Content-Type is not a form (urlencoded everywhere, multipart on the report
 *   forms and the paper questionnaire upload only): 415;
 * - too many fields, too many values for one name, a field name too long or too deeply nested,
 *   a name conform reserves (`__intent__`, `__state__`), a control character in a name or a
 *   text value, malformed or truncated multipart: 400 or 413.
 *
 * Multipart bodies are written out again with canonical part headers (quoted names, file names
 * without `"`, `;`, `=`, `\` or control characters), because the framework's multipart parser
 * fails on file names a browser legitimately sends, such as `foto (1); kantor.jpg`.
 */
import { Buffer } from "node:buffer";
import { CLIENT_ERROR_MAX_BYTES, CLIENT_ERROR_PATH } from "../telemetry/client-error";
import { pagePath } from "./page-path";
import { TEXTAREA_WHITESPACE, withoutControlCharacters } from "./text-schema";

export type GuardProblem = "method" | "malformed" | "tooLarge" | "fileTooLarge" | "contentType";

export type GuardResult =
  | { ok: true; request: Request }
  /** `draining`: the rest of the body is being read and discarded, so the connection may stay open. */
  | { ok: false; status: 400 | 405 | 413 | 415; problem: GuardProblem; draining?: true };

export interface BodyLimits {
  /** Bytes of body, all parts together. */
  bytes: number;
  /** Fields (multipart parts, files included). */
  fields: number;
  /** Whether multipart/form-data is accepted (the report forms with photos). */
  multipart: boolean;
  /** Whether a JSON body is accepted (the browser's error beacon, which parses it itself). */
  json?: boolean;
  /** A file upload form: a body over `bytes` is refused as a file too large (the message names the limit). */
  upload?: boolean;
}

/** The paper questionnaire upload (`/staff/units/{region}/{unit}/skm-import`): one CSV file. */
export const SKM_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const SKM_IMPORT_PATH = /^\/staff\/units\/[^/]+\/[^/]+\/skm-import$/;

/** Bounds that no form of the portal comes near; documented in docs/security.md. */
const LIMITS = {
  /** Values sent under one field name (checkbox groups, file inputs). */
  repeatsPerName: 100,
  /** Characters of a field name. */
  nameLength: 200,
  /** Levels of `.` and `[…]` in a field name (`hours[0].opens` has 2). */
  nameDepth: 8,
  /** Parameters in a query string. */
  queryFields: 50,
  /** Bytes of the part headers of one multipart part. */
  partHeaderBytes: 4096,
} as const;

const KIB = 1024;
const KIOSK_RATINGS_PATH = "/kiosk/ratings";

/** The forms that take photos: the public report form, the reporter's case page and the moderators' intake. */
const PHOTO_FORMS = new Set(["/report", "/report/case", "/staff/reports/new"]);

/** The limits of a POST to `path`: the report forms take photos, staff forms are longer. */
export function bodyLimitsFor(path: string, report: { maxFiles: number; maxFileBytes: number }): BodyLimits {
  if (PHOTO_FORMS.has(path)) {
    return { bytes: report.maxFiles * report.maxFileBytes + 256 * KIB, fields: 100, multipart: true };
  }
  if (path === CLIENT_ERROR_PATH) return { bytes: CLIENT_ERROR_MAX_BYTES, fields: 0, multipart: false, json: true };
  // A counter kiosk's outbox sends one rating (a few hundred bytes) as JSON.
  if (path === KIOSK_RATINGS_PATH) return { bytes: 4 * KIB, fields: 0, multipart: false, json: true };
  // The file's own limit, plus room for the part headers and the form token.
  if (SKM_IMPORT_PATH.test(path)) return { bytes: SKM_IMPORT_MAX_BYTES + 16 * KIB, fields: 10, multipart: true, upload: true };
  if (path.startsWith("/staff/")) return { bytes: 512 * KIB, fields: 2000, multipart: false };
  return { bytes: 64 * KIB, fields: 200, multipart: false };
}

const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST"]);
export const ALLOW_HEADER = "GET, HEAD, POST";

/** Whether the text holds a C0 control character or DEL (NUL included). */
export function hasControl(text: string): boolean {
  return !withoutControlCharacters(text);
}

/** The same, except tab and line breaks, which a textarea sends (CR LF). */
export function hasControlInText(text: string): boolean {
  return !withoutControlCharacters(text, TEXTAREA_WHITESPACE);
}
const RESERVED_NAMES = new Set(["__intent__", "__state__"]);

const refuse = (status: 400 | 405 | 413 | 415, problem: GuardProblem): GuardResult => ({ ok: false, status, problem });

function decode(component: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? component.replaceAll("+", " ") : component);
  } catch {
    return null;
  }
}

function nameDepth(name: string): number {
  let depth = 0;
  for (let i = 0; i < name.length; i++) if (name[i] === "." || name[i] === "[") depth++;
  return depth;
}

/** Counts one field and says whether it breaks a bound; `counts` is shared by a whole body. */
function badField(name: string, value: string | null, counts: Map<string, number>): GuardResult | null {
  if (name.length > LIMITS.nameLength || nameDepth(name) > LIMITS.nameDepth) return refuse(400, "malformed");
  if (RESERVED_NAMES.has(name) || hasControl(name)) return refuse(400, "malformed");
  if (value !== null && hasControlInText(value)) return refuse(400, "malformed");
  const seen = (counts.get(name) ?? 0) + 1;
  if (seen > LIMITS.repeatsPerName) return refuse(413, "tooLarge");
  counts.set(name, seen);
  return null;
}

/**
 * Checks `a=1&b=2` in one pass (indexOf, never a regex that backtracks). Counting fields
 * per name with a running total keeps it linear in the number of fields.
 */
function checkUrlEncoded(text: string, maxFields: number, multiLineValues = true): GuardResult | null {
  const counts = new Map<string, number>();
  let total = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("&", start);
    if (end === -1) end = text.length;
    if (end > start) {
      const pair = text.slice(start, end);
      const equals = pair.indexOf("=");
      const name = decode(equals === -1 ? pair : pair.slice(0, equals), true);
      const value = equals === -1 ? "" : decode(pair.slice(equals + 1), true);
      if (name === null || value === null) return refuse(400, "malformed");
      total += 1;
      if (total > maxFields) return refuse(413, "tooLarge");
      if (!multiLineValues && hasControl(value)) return refuse(400, "malformed");
      const problem = badField(name, value, counts);
      if (problem) return problem;
    }
    start = end + 1;
  }
  return null;
}

/** The path and query: valid percent-encoding, no control characters, a bounded query. */
function checkUrl(url: URL): GuardResult | null {
  for (const segment of url.pathname.split("/")) {
    const decoded = decode(segment, false);
    if (decoded === null || hasControl(decoded)) return refuse(400, "malformed");
  }
  const query = url.search.slice(1);
  // No query value of the portal spans lines: a tab or line break there is as wrong as NUL.
  return query ? checkUrlEncoded(query, LIMITS.queryFields, false) : null;
}

/**
 * After a body breaks its limit, the 413 is answered at once and what is still coming is read
 * and thrown away in the background before the connection is let go: closing a socket with
 * unread data makes the kernel reset it, and the client then loses the 413 it was reading
 * (the "lingering close" of other web servers). Bounded in bytes, in total time and in time
 * without progress, so a slow or endless sender holds nothing but its socket, and not for long;
 * past a bound the connection is dropped.
 */
const DRAIN = { bytes: 16 * 1024 * 1024, ms: 10_000, idleMs: 2_000 };

const tooLargeDraining = (limits: BodyLimits): GuardResult => ({ ok: false, status: 413, problem: limits.upload ? "fileTooLarge" : "tooLarge", draining: true });

function drainInBackground(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): void {
  void drain(reader, alreadyRead);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  const deadline = Date.now() + DRAIN.ms;
  let drained = alreadyRead;
  let timer: NodeJS.Timeout | undefined;
  try {
    while (drained <= DRAIN.bytes) {
      const left = Math.min(DRAIN.idleMs, deadline - Date.now());
      if (left <= 0) break;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left)));
      const next = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (next === "timeout") break;
      // The whole body arrived: the connection is clean and may carry the next request.
      if (next.done) return;
      drained += next.value.byteLength;
    }
  } catch {
    // The client went away: nothing left to drain.
    return;
  } finally {
    clearTimeout(timer);
  }
  // Past a bound: stop reading, which drops the connection.
  await reader.cancel().catch(() => undefined);
}

/**
 * Reads at most `limit` bytes of the body. Past it: "draining" when the rest is read away in
 * the background, "closing" when more was read already than a drain takes (the answer then
 * closes the connection; reading stops, but the socket stays until the answer is written).
 */
async function readBounded(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | "draining" | "closing"> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > limit) {
      if (size > DRAIN.bytes) return "closing";
      drainInBackground(reader, size);
      return "draining";
    }
    chunks.push(value);
  }
}

const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;

function boundaryOf(contentType: string): string | null {
  for (const parameter of contentType.split(";").slice(1)) {
    const equals = parameter.indexOf("=");
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== "boundary") continue;
    let value = parameter.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    return BOUNDARY.test(value) && !value.endsWith(" ") ? value : null;
  }
  return null;
}

/** A `key="value"` or `key=value` parameter of a Content-Disposition header. */
function dispositionParameter(header: string, key: string): string | null {
  const lower = header.toLowerCase();
  let at = 0;
  for (;;) {
    at = lower.indexOf(`${key}=`, at);
    if (at === -1) return null;
    const before = lower.slice(0, at).trimEnd();
    if (before.endsWith(";")) break;
    at += key.length + 1;
  }
  const start = at + key.length + 1;
  if (header[start] === '"') {
    // Browsers escape `"` in names as %22, so a quoted value ends at the next quote.
    const end = header.indexOf('"', start + 1);
    return end === -1 ? null : header.slice(start + 1, end);
  }
  const end = header.indexOf(";", start);
  return header.slice(start, end === -1 ? undefined : end).trim();
}

// The framework's multipart parser takes ' as a quote too, and stops at ; and =.
const UNSAFE_IN_FILE_NAME = /["';=\\]/g;
// Every multipart field of the report forms is named with these characters.
const MULTIPART_NAME = /^[A-Za-z0-9_.[\]-]+$/;

/**
 * Checks a multipart body part by part (Buffer.indexOf, linear) and writes it out again with
 * canonical part headers. Truncated or malformed: 400.
 */
function rewriteMultipart(body: Buffer, contentType: string, maxFields: number): { body: Buffer } | GuardResult {
  const boundary = boundaryOf(contentType);
  if (!boundary) return refuse(400, "malformed");
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const out: Buffer[] = [];
  const counts = new Map<string, number>();
  let fields = 0;
  if (body.indexOf(opening) !== 0) return refuse(400, "malformed");
  let at = opening.length;
  for (;;) {
    const after = body.subarray(at, at + 2).toString("latin1");
    if (after === "--") break;
    if (after !== "\r\n") return refuse(400, "malformed");
    const headersEnd = body.indexOf("\r\n\r\n", at + 2);
    if (headersEnd === -1 || headersEnd - at > LIMITS.partHeaderBytes) return refuse(400, "malformed");
    const headers = body.subarray(at + 2, headersEnd).toString("utf8").split("\r\n");
    const contentEnd = body.indexOf(delimiter, headersEnd + 4);
    if (contentEnd === -1) return refuse(400, "malformed");
    let disposition: string | null = null;
    let partType: string | null = null;
    for (const line of headers) {
      const colon = line.indexOf(":");
      if (colon === -1) return refuse(400, "malformed");
      const name = line.slice(0, colon).trim().toLowerCase();
      if (name === "content-disposition") disposition = line.slice(colon + 1).trim();
      else if (name === "content-type") partType = line.slice(colon + 1).trim();
    }
    if (!disposition || !disposition.toLowerCase().startsWith("form-data")) return refuse(400, "malformed");
    const name = dispositionParameter(disposition, "name");
    if (name === null) return refuse(400, "malformed");
    const fileName = dispositionParameter(disposition, "filename");
    const content = body.subarray(headersEnd + 4, contentEnd);
    fields += 1;
    if (fields > maxFields) return refuse(413, "tooLarge");
    const problem = badField(name, fileName === null ? content.toString("utf8") : null, counts);
    if (problem) return problem;
    if (!MULTIPART_NAME.test(name) || (partType !== null && hasControl(partType))) return refuse(400, "malformed");
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
    if (fileName !== null) head += `; filename="${[...fileName].map((c) => (hasControl(c) ? "_" : c)).join("").replace(UNSAFE_IN_FILE_NAME, "_")}"`;
    if (partType) head += `\r\nContent-Type: ${partType}`;
    out.push(Buffer.from(`${head}\r\n\r\n`), content, Buffer.from("\r\n"));
    at = contentEnd + 2 + opening.length;
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(out) };
}

// A host name, IPv4 or bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/**
 * What the server checks before it builds a Request at all (a Fetch Request cannot even be
 * made for TRACE, a request target that is not a path, or a broken Host): the method, the
 * request target, the Host header and a declared body larger than any route takes.
 */
export function checkRequestLine(method: string, target: string, host: string | undefined, contentLength: string | undefined, largestBody: number): GuardResult | null {
  if (!ALLOWED_METHODS.has(method.toUpperCase())) return refuse(405, "method");
  if (!target.startsWith("/") || host === undefined || host.length > 260 || !HOST.test(host)) return refuse(400, "malformed");
  if (contentLength !== undefined && Number(contentLength) > largestBody) return refuse(413, "tooLarge");
  return null;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Checks a request against the bounds above. A request that passes comes back as a new
 * Request with its body already read and, for multipart, canonical.
 */
export async function guardRequest(request: Request, limitsFor: (path: string) => BodyLimits): Promise<GuardResult> {
  const method = request.method.toUpperCase();
  if (!ALLOWED_METHODS.has(method)) return refuse(405, "method");
  const url = new URL(request.url);
  const urlProblem = checkUrl(url);
  if (urlProblem) return urlProblem;
  if (method !== "POST") return { ok: true, request };

  const limits = limitsFor(pagePath(url.pathname));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limits.bytes) {
    // A sender about to send more than a drain takes is let go at once instead.
    if (!request.body || declared > DRAIN.bytes) return refuse(413, limits.upload ? "fileTooLarge" : "tooLarge");
    drainInBackground(request.body.getReader(), 0);
    return tooLargeDraining(limits);
  }
  const contentType = request.headers.get("content-type");
  // A post without a body (a bare button form) is an empty form; with a body it must say what it is.
  if (contentType === null && (request.body === null || declared === 0)) return { ok: true, request };
  const type = mediaType(contentType);
  const multipart = type === "multipart/form-data";
  const json = type === "application/json" && limits.json === true;
  if (type !== "application/x-www-form-urlencoded" && !(multipart && limits.multipart) && !json) return refuse(415, "contentType");

  const bytes = request.body ? await readBounded(request.body, limits.bytes) : Buffer.alloc(0);
  if (bytes === "draining") return tooLargeDraining(limits);
  if (bytes === "closing") return refuse(413, limits.upload ? "fileTooLarge" : "tooLarge");
  let body: Buffer = bytes;
  if (json) {
    // The route validates the JSON itself; here only its size and raw control bytes.
    if (hasControlInText(bytes.toString("utf8"))) return refuse(400, "malformed");
  } else if (multipart) {
    const rewritten = rewriteMultipart(bytes, contentType ?? "", limits.fields);
    if (!("body" in rewritten)) return rewritten;
    body = rewritten.body;
  } else {
    const problem = checkUrlEncoded(bytes.toString("utf8"), limits.fields);
    if (problem) return problem;
  }
  const headers = new Headers(request.headers);
  headers.set("content-length", String(body.byteLength));
  // A copy in a plain ArrayBuffer: what the Fetch types accept as a body.
  const copy = new Uint8Array(new ArrayBuffer(body.byteLength));
  copy.set(body);
  return { ok: true, request: new Request(request.url, { method, headers, body: copy, signal: request.signal }) };
}
