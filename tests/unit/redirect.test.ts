import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/redirect";

describe("safe redirect targets", () => {
  it.each(["/", "/units/kota-palangka-raya/disdukcapil", "/?q=ktp%20el", "/regions/x#units"])("keeps %j", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "units",
    "",
    "/a\nSet-Cookie: x=1",
    null,
    undefined,
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("never returns anything that leaves the site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const result = safeRedirectPath(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect([...result].some((c) => c === "\\" || c.charCodeAt(0) < 0x20)).toBe(false);
        expect(new URL(result, "http://portal.test").origin).toBe("http://portal.test");
      }),
    );
  });
});
