/**
 * Public, slow-changing answers (the home, region, unit and province pages, open data and the
 * public API) kept for a few seconds in this process and marked so that a reverse proxy or a
 * CDN may share them; everything else is marked never to be stored. ADR 025 gives the reasons.
 *
 * - What is kept: a 200 to a GET of a public path (PUBLIC_PATHS) from a visitor without a
 *   session (no cookie but the language choice), that sets no cookie and does not say
 *   no-store itself. Per address (path and query) and language, so languages never mix.
 * - For how long: `ttlSeconds` (PUBLIC_CACHE_SECONDS, at most 30), and until this process
 *   handles any successful write (a rating, a staff change), which empties it at once. Other
 *   processes see a write within their own TTL. Answers carry `Age`, so a proxy's s-maxage
 *   counts from the render: a new figure is public within 30 s (s-maxage) + 30 s (served stale
 *   while revalidating) at most.
 * - The CSP nonce: a kept page is rendered with a per-process secret placeholder in place of
 *   the nonce, and every answer gets a fresh random nonce put in the placeholder's place (in
 *   `nonce="…"` attributes and the Content-Security-Policy header only). The placeholder never
 *   leaves the process, so no stored text can carry a working nonce.
 * - Bursts: concurrent misses of one key wait for the one render in flight.
 */
import { randomBytes } from "node:crypto";

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
  /** HTML split at the nonce placeholder, or the body's bytes. */
  html: string[] | null;
  bytes: ArrayBuffer | null;
  storedAt: number;
  size: number;
}

const NONCE_BYTES = 16;
const freshNonce = () => randomBytes(NONCE_BYTES).toString("base64");

export class PublicCache {
  /** Put in place of the CSP nonce when rendering a page to keep; never sent. */
  readonly placeholder = freshNonce();
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
  async answer(key: string, render: (nonce: string) => Promise<Response>): Promise<Response | null> {
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
      pending = this.store(key, render, generation).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const entry = await pending;
    return entry ? this.respond(entry, this.now()) : null;
  }

  private async store(key: string, render: (nonce: string) => Promise<Response>, generation: number): Promise<Entry | null> {
    const response = await render(this.placeholder);
    const cacheControl = response.headers.get("cache-control") ?? "";
    if (response.status !== 200 || response.headers.getSetCookie().length > 0 || /no-store|private/.test(cacheControl)) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const body = await response.arrayBuffer();
    const isHtml = (response.headers.get("content-type") ?? "").startsWith("text/html");
    const html = isHtml ? new TextDecoder().decode(body).split(`nonce="${this.placeholder}"`) : null;
    const entry: Entry = {
      status: response.status,
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
    headers.set("Age", String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))));
    const body = entry.html ? entry.html.join(`nonce="${nonce}"`) : entry.bytes!;
    return new Response(body, { status: entry.status, headers });
  }
}
