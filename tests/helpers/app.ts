/**
 * Drives the real Remix build with real Requests, as a browser without JavaScript would:
 * plain GETs, form-encoded POSTs, cookies carried between requests. The app itself is served
 * by scripts/support/app.ts (shared with the benchmarks); the cookie helpers are the tests' own.
 */
export {
  createInProcessApp as createTestApp,
  type InProcessApp as TestApp,
} from "../../scripts/support/app";

/** The cookie pairs ("name=value") a response sets, ready to send back in a Cookie header. */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Keeps cookies across requests like a browser: set, replace, and delete on Max-Age=0. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): Response {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}
