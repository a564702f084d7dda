import { describe, expect, it } from "vitest";
import { likePattern } from "~/org/queries.server";

describe("search patterns", () => {
  it("matches anywhere", () => {
    expect(likePattern("ktp")).toBe("%ktp%");
  });
  it("treats LIKE wildcards and the escape character literally", () => {
    expect(likePattern("100%_\\")).toBe("%100\\%\\_\\\\%");
  });
});
