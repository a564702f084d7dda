/**
 * A few bytes of hostile field name (`u1[50000000]`) must not make a public form build, walk
 * and send back a 50-million-row array: the answer is an ordinary 400 of ordinary size.
 */
import { describe, expect, it } from "vitest";
import { seededAppForFile } from "../helpers/seeded-app";

const seeded = seededAppForFile();

describe("hostile row numbers in public forms", () => {
  it.each([
    ["/rate/kota-palangka-raya/disdukcapil", { "u1[50000000]": "1", token: `row-test-${"x".repeat(30)}` }],
    ["/report", { "narrative[50000000]": "x", token: `row-test-${"y".repeat(30)}` }],
    ["/report/case", { intent: "signIn", "code[50000000]": "1" }],
  ])("%s answers a plain 400", async (path, fields) => {
    const response = await seeded.app.post(path, fields);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body.length).toBeLessThan(500_000);
    expect(body).not.toContain("null,null,null");
  });

  it("refuses a report post that is no form at all: 415, not 500", async () => {
    const response = await seeded.app.fetch("/report", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"narrative":"x"}' });
    expect(response.status).toBe(415);
  });
});
