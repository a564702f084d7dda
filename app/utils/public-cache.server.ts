/**
 * Public, slow-changing answers (the home, region, unit and province pages, open data and the
 * public API) kept for a few seconds in this process and marked so that a reverse proxy or a
 * CDN may share them; everything else is marked never to be stored. ADR 025 gives the reasons.
 *
 * - What is kept: a 200 to a GET of a public path (PUBLIC_PATHS) from a visitor without a
 *   session (no cookie but the language choice), that sets no cookie and does not say
 *   no-store itself. Per address (path and query) and language, so languages never mix.
 * - Empty forms (FORM_PATHS: the rating form and the report form, ADR 028): the page as it is
 *   rendered for a visitor without a session, with placeholders for the CSP nonce and for the
 *   form's one-time token, each replaced by a fresh value in every copy served. So no two
 *   visitors ever get the same token, and the answer still says `no-store`: no browser, proxy
 *   or CDN keeps a form page. Only the GET of the empty form is kept; an answer to a sent form
 *   (errors, a challenge, a receipt) is never kept.
 * - For how long: `ttlSeconds` (PUBLIC_CACHE_SECONDS, at most 30), and until this process
 *   handles a successful staff write (a structure change, moderation, publication), which
 *   empties it at once. A resident's rating or report does not empty it: under a crowd of
 *   ratings every page would be rendered anew for every visitor, just when most people look;
 *   new figures show once the kept copy is older than the TTL. Other processes see any write
 *   within their own TTL. Answers carry `Age`, so a proxy's s-maxage counts from the render: a
 *   new figure is public within 30 s (s-maxage) + 30 s (served stale while revalidating) at
 *   most.
 * - The CSP nonce: a kept page is rendered with a per-process secret placeholder in place of
 *   the nonce, and every answer gets a fresh random nonce put in the placeholder's place (in
 *   `nonce="…"` attributes and the Content-Security-Policy header only). The placeholder never
 *   leaves the process, so no stored text can carry a working nonce.
 * - Bursts: concurrent misses of one key wait for the one render in flight.
 */
import { randomBytes } from "node:crypto";
import { randomToken } from "../security/crypto.server";

/** Paths whose answers are the same for every visitor of a language. The poster (per-print tokens) is not among them. */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/regions\/[^/]+$/,
  /^\/provinces\/[^/]+$/,
  /^\/units\/[^/]+\/[^/]+$/,
  /^\/units\/[^/]+\/[^/]+\/report$/,
  /^\/open-data$/,
  /^\/open-data\/[^/]+$/,
  /^\/api\/v1\/.+$/,
];

/** Shared caches may keep an answer this long, then serve it stale this long while fetching a new one. */
const SHARED_MAX_AGE = 30;
const STALE_WHILE_REVALIDATE = 30;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`;
/** Everything that is not public: never stored by the browser's or anyone's cache. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** The address of a page, also when asked as a client-side navigation's data (Remix single fetch: `/x.data`, `/_root.data`). */
function pagePath(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  return pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
}

/**
 * Empty forms kept with placeholders: the rating form of a unit and the report form (a page
 * load, not a client-side navigation's data: that carries the token as data).
 */
const FORM_PATHS = [/^\/rate\/[^/]+\/[^/]+$/, /^\/report$/];

export function isFormPath(pathname: string): boolean {
  return FORM_PATHS.some((pattern) => pattern.test(pathname));
}

/**
 * Paths where residents send what they have to say (ratings, perception answers, reports,
 * replies, kiosk ratings, error beacons, the language choice): a write there does not empty
 * the kept pages (see above). Any other write does.
 */
const RESIDENT_WRITES = [/^\/rate\//, /^\/report(\/|$)/, /^\/kiosk(\/|$)/, /^\/client-errors$/, /^\/language$/];

export function isResidentWrite(pathname: string): boolean {
  return RESIDENT_WRITES.some((pattern) => pattern.test(pagePath(pathname)));
}

export function isPublicPath(pathname: string): boolean {
  const path = pagePath(pathname);
  return PUBLIC_PATHS.some((pattern) => pattern.test(path));
}

/** Whether the request comes from a visitor without a session: no cookie but `lng`. */
export function isAnonymous(request: Request): boolean {
  const cookie = request.headers.get("cookie");
  if (!cookie) return true;
  return cookie
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => part.startsWith("lng="));
}

interface Entry {
  status: number;
  headers: Array<[string, string]>;
  /** The HTML with placeholders, or the body's bytes. */
  html: string | null;
  /** A kept empty form: its token placeholder is replaced in every copy. */
  form: boolean;
  bytes: ArrayBuffer | null;
  storedAt: number;
  size: number;
}

const NONCE_BYTES = 16;
const freshNonce = () => randomBytes(NONCE_BYTES).toString("base64");

export class PublicCache {
  /** Put in place of the CSP nonce when rendering a page to keep; never sent. */
  readonly placeholder = freshNonce();
  /** Put in place of an empty form's one-time token when rendering it to keep; never sent. */
  readonly tokenPlaceholder = randomToken();
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry | null>>();
  private bytes = 0;
  private generation = 0;

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  /** A write happened: nothing kept may be served again. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * The kept answer for `key`, or a fresh one from `render` (given the placeholder as nonce),
   * kept when it may be. Null when `render`'s answer may not be kept: then `render` ran with
   * the placeholder and its answer is lost, so the caller renders again with a real nonce
   * (rare: a public path that failed or set a cookie).
   */
  async answer(key: string, render: (nonce: string) => Promise<Response>, options: { form?: boolean } = {}): Promise<Response | null> {
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && now - kept.storedAt < this.ttlSeconds * 1000) {
      // Most recently used last: the oldest are dropped first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return this.respond(kept, now);
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.store(key, render, generation, options.form === true).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const entry = await pending;
    return entry ? this.respond(entry, this.now()) : null;
  }

  private async store(key: string, render: (nonce: string) => Promise<Response>, generation: number, form: boolean): Promise<Entry | null> {
    const response = await render(this.placeholder);
    const cacheControl = response.headers.get("cache-control") ?? "";
    // A form page says no-store to everyone else; what is kept here is its text with placeholders.
    const notForKeeping = form ? !(response.headers.get("content-type") ?? "").startsWith("text/html") : /no-store|private/.test(cacheControl);
    if (response.status !== 200 || response.headers.getSetCookie().length > 0 || notForKeeping) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const body = await response.arrayBuffer();
    const isHtml = (response.headers.get("content-type") ?? "").startsWith("text/html");
    const html = isHtml ? new TextDecoder().decode(body) : null;
    const entry: Entry = {
      status: response.status,
      form,
      headers: [...response.headers].filter(([name]) => name !== "set-cookie" && name !== "content-length"),
      html,
      bytes: isHtml ? null : body,
      storedAt: this.now(),
      size: body.byteLength,
    };
    // A write while this was rendering may not be reflected in it: answer it, do not keep it.
    if (generation === this.generation && entry.size <= this.maxBytes / 16) {
      this.entries.set(key, entry);
      this.bytes += entry.size;
      for (const [oldest, old] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldest);
        this.bytes -= old.size;
      }
    }
    return entry;
  }

  private respond(entry: Entry, now: number): Response {
    const nonce = freshNonce();
    const headers = new Headers();
    for (const [name, value] of entry.headers) {
      headers.append(name, name === "content-security-policy" ? value.replaceAll(`'nonce-${this.placeholder}'`, `'nonce-${nonce}'`) : value);
    }
    if (!entry.form) headers.set("Age", String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))));
    let body: string | ArrayBuffer = entry.bytes!;
    if (entry.html !== null) {
      body = entry.html.replaceAll(`nonce="${this.placeholder}"`, `nonce="${nonce}"`);
      if (entry.form) body = body.replaceAll(this.tokenPlaceholder, randomToken());
    }
    return new Response(body, { status: entry.status, headers });
  }
}
