/**
 * Generated hostile requests (fast-check) against every public form, every public page and API
 * parameter, and the staff login: whatever the names, values, encodings and content types,
 * the answer is never a 5xx, a control character or a reserved name is always a 400, and
 * nothing is stored.
 */
import { count } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perceptionResponses, reportFiles, reportMessages, reports, skmResponses, skmSuggestions, staffSessions } from "../../db/schema";
import { hasControl, hasControlInText } from "~/utils/request-guard.server";
import { seededAppForFile } from "../helpers/seeded-app";

const seeded = seededAppForFile();

const ORIGIN = "http://localhost";
const UNIT = "kota-palangka-raya/disdukcapil";
const FORMS = [`/rate/${UNIT}`, `/rate/${UNIT}/perception`, "/language", "/report", "/report/case", "/staff/login", "/staff/login/verify"];
const KNOWN_NAMES = ["token", "serviceId", "u1", "u9", "suggestion", "sex", "a1", "q16", "lng", "redirectTo", "category", "unit", "narrative", "code", "email", "password", "body", "website"];
const ALLOWED = new Set([200, 303, 400, 401, 403, 404, 405, 413, 415, 429]);


async function stored(): Promise<number[]> {
  const tables = [reports, reportFiles, reportMessages, skmResponses, skmSuggestions, perceptionResponses, staffSessions];
  return Promise.all(tables.map(async (table) => (await seeded.database.db.select({ n: count() }).from(table))[0]?.n ?? 0));
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "%00", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "/%E6%97%A5", "//evil.example", "\u202e", "9".repeat(30), "-1", "1e309", "NaN"),
);
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom("__intent__", "__state__", `x${".a".repeat(50)}`, "u1[999999]", "a[0][1][2][3][4][5][6][7][8]", "n".repeat(300)) },
  { weight: 2, arbitrary: hostileText.filter((s) => s.length > 0) },
);
const fields = fc.array(fc.tuple(fieldName, hostileText), { minLength: 0, maxLength: 12 });
const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=utf-8",
  "multipart/form-data; boundary=----hostile",
  "application/json",
  "text/plain",
  null,
);

function encodeBody(pairs: Array<[string, string]>, type: string | null): string {
  if (type?.startsWith("multipart/")) {
    return (
      pairs.map(([name, value]) => `------hostile\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + "------hostile--\r\n"
    );
  }
  return new URLSearchParams(pairs).toString();
}

/** Whether the request carries something the guard must refuse with 400 whatever the route. */
function mustBe400(pairs: Array<[string, string]>): boolean {
  return pairs.some(([name, value]) => name === "__intent__" || name === "__state__" || hasControl(name) || hasControlInText(value) || name.length > 200);
}

describe("generated hostile requests", () => {
  it("to every public form and the staff login: never a 5xx, 400 for control characters and reserved names", async () => {
    const before = await stored();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMS), fields, contentType, fc.integer({ min: 1, max: 250 }), async (path, pairs, type, client) => {
        const response = await seeded.app.from(`198.51.100.${client}`).fetch(path, {
          method: "POST",
          body: encodeBody(pairs, type),
          headers: { Origin: ORIGIN, ...(type ? { "Content-Type": type } : {}) },
        });
        sent += 1;
        await response.arrayBuffer();
        expect(ALLOWED.has(response.status), `${path} ${response.status}`).toBe(true);
        const urlencoded = type?.startsWith("application/x-www-form-urlencoded") ?? false;
        if (urlencoded && mustBe400(pairs)) expect(response.status, `${path} ${JSON.stringify(pairs)}`).toBe(400);
        if (!urlencoded && !type?.startsWith("multipart/")) expect(response.status).toBe(415);
      }),
      { numRuns: 1200 },
    );
    expect(sent).toBeGreaterThanOrEqual(1200);
    expect(await stored()).toEqual(before);
  }, 600_000);

  it("to every public page and API parameter: never a 5xx, 400 for control characters", async () => {
    const pages = (a: string, b: string) => [
      `/?q=${encodeURIComponent(a)}`,
      `/units/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
      `/regions/${encodeURIComponent(a)}`,
      `/provinces/${encodeURIComponent(a)}`,
      `/rate/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
      `/open-data/${encodeURIComponent(a)}`,
      `/api/v1/units/${UNIT}/skm?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`,
      `/api/v1/units/${UNIT}/perception?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`,
      `/api/v1/units/${UNIT}/zi?year=${encodeURIComponent(a)}`,
      `/api/v1/units/${encodeURIComponent(a)}/${encodeURIComponent(b)}/skm?from=2026-01-01&to=2026-01-31`,
      `/staff/login?redirectTo=${encodeURIComponent(a)}`,
    ];
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, fc.nat({ max: 10 }), async (a, b, which) => {
        const path = pages(a, b)[which] ?? "/";
        const response = await seeded.app.get(path);
        await response.arrayBuffer();
        expect(ALLOWED.has(response.status), `${path} ${response.status}`).toBe(true);
        if (hasControl(a) || (hasControl(b) && !path.includes("/zi?") && !path.startsWith("/?") && !path.startsWith("/regions") && !path.startsWith("/provinces") && !path.startsWith("/open-data") && !path.startsWith("/staff"))) {
          expect(response.status, path).toBe(400);
        }
      }),
      { numRuns: 600 },
    );
    expect(await stored()).toEqual(before);
  }, 600_000);
});
