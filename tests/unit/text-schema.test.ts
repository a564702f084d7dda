import { describe, expect, it } from "vitest";
import { LINE_BREAKS, LINES_AND_TABS, withoutControlCharacters } from "~/utils/text-schema";

describe("the control-character check of typed texts", () => {
  it("refuses NUL, other C0 controls and DEL, and lets ordinary and non-Latin text through", () => {
    expect(withoutControlCharacters("Dinas Kesehatan — Puskesmas 日本 😀")).toBe(true);
    for (const control of ["\u0000", "\u0001", "\u001b", "\u001f", "\u007f", "\n", "\r", "\t"]) expect(withoutControlCharacters(`a${control}b`)).toBe(false);
  });

  it("lets through only the controls a field allows", () => {
    expect(withoutControlCharacters("a\r\nb", LINE_BREAKS)).toBe(true);
    expect(withoutControlCharacters("a\tb", LINE_BREAKS)).toBe(false);
    expect(withoutControlCharacters("a\n\tb", LINES_AND_TABS)).toBe(true);
    expect(withoutControlCharacters("a\rb", LINES_AND_TABS)).toBe(false);
    expect(withoutControlCharacters("a\u0000b", LINES_AND_TABS)).toBe(false);
  });
});
