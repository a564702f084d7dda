/**
 * Only paths on this site may be redirect targets: "/units/x" yes; "//evil.example",
 * "https://…" or "/\\evil" no. Anything else falls back to the home page.
 *
 * The path comes back percent-encoded as a URL parser writes it ("/日本" becomes
 * "/%E6%97%A5%E6%9C%AC"), so a Location header only ever carries ASCII: a raw byte above 0x7F
 * there is refused by the Fetch API (a 500 after the work was done) and read differently by
 * different clients. The check is made again after encoding, since normalising can turn
 * "/.//x" into "//x".
 */
import { withoutControlCharacters } from "./text-schema";

const BASE = "http://site.invalid";

export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!isSitePath(value) || value.includes("\\") || !withoutControlCharacters(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const encoded = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === BASE && isSitePath(encoded) ? encoded : fallback;
}

function isSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}
