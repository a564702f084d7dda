/**
 * Only paths on this site may be redirect targets: "/units/x" yes; "//evil.example",
 * "https://…" or "/\\evil" no. Anything else falls back to the home page.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if ([...value].some((c) => c === "\\" || c.charCodeAt(0) < 0x20)) return fallback;
  return value;
}
