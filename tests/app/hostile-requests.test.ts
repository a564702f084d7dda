/**
 * Each finding of the hostile-input probe, replayed against the whole app: a bad request gets
 * its 4xx from the request guard (never a 500, never a query), and nothing is stored.
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reportFiles, reports, skmResponses, skmSuggestions, staffSessions } from "../../db/schema";
import { openDatabase } from "../../db/client";
import { CookieJar, createTestApp } from "../helpers/app";
import { seededAppForFile } from "../helpers/seeded-app";
import { postMultipart, receiptFrom, reportFields, testJpeg } from "../helpers/reporter";
import { createStaff } from "../helpers/staff";
import { currentTotp } from "~/auth/totp.server";
import { freePort } from "../../scripts/support/server";

const seeded = seededAppForFile();

const ORIGIN = "http://localhost";
const RATE = "/rate/kota-palangka-raya/disdukcapil";

async function rows(): Promise<number[]> {
  const tables = [reports, reportFiles, skmResponses, skmSuggestions, staffSessions];
  return Promise.all(tables.map(async (table) => (await seeded.database.db.select({ n: count() }).from(table))[0]?.n ?? 0));
}

function postRaw(path: string, body: string, contentType: string | null, headers: Record<string, string> = {}) {
  return seeded.app.fetch(path, {
    method: "POST",
    body,
    headers: { Origin: ORIGIN, ...(contentType ? { "Content-Type": contentType } : {}), ...headers },
  });
}

describe("control characters", () => {
  it("are refused with 400 in any path or query, before a query runs", async () => {
    const before = await rows();
    const paths = [
      "/?q=%00",
      "/rate/kota-palangka-raya/%00",
      "/units/%00",
      "/units/kota-palangka-raya/%00",
      "/regions/%00",
      "/provinces/%00",
      "/staff/zi/%00/disdukcapil/2026",
      "/staff/admin/structure/%00",
      "/staff/units/kota-palangka-raya/%00/responses.csv",
      "/api/v1/units/kota-palangka-raya/disdukcapil/skm?from=%00",
      "/units/%E6",
      "/?q=%1b",
    ];
    for (const path of paths) expect((await seeded.app.get(path)).status, path).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it("are refused with 400 in a form value", async () => {
    const before = await rows();
    const response = await postRaw(RATE, "suggestion=a%00b&u1=4", "application/x-www-form-urlencoded");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("karakter yang tidak diizinkan");
    expect(await rows()).toEqual(before);
  });
});

describe("content types", () => {
  const FORMS = ["/rate/kota-palangka-raya/disdukcapil", `${RATE}/perception`, "/language", "/staff/login", "/report", "/report/case"];

  it("a form post that is not a form gets 415", async () => {
    for (const path of FORMS) {
      expect((await postRaw(path, '{"a":1}', "application/json")).status, path).toBe(415);
      expect((await postRaw(path, "email=x", null)).status, path).toBe(415);
      expect((await postRaw(path, "email=x", "text/plain")).status, path).toBe(415);
    }
    // Multipart only where photos are taken.
    expect((await postRaw("/staff/login", "--x--\r\n", "multipart/form-data; boundary=x")).status).toBe(415);
  });
});

describe("field names", () => {
  it("conform's reserved names get 400 on any form", async () => {
    for (const path of ["/staff/login", RATE, "/report", "/language"]) {
      for (const name of ["__intent__", "__state__"]) {
        expect((await postRaw(path, `${name}=x&email=a`, "application/x-www-form-urlencoded")).status, `${path} ${name}`).toBe(400);
      }
    }
  });

  it("a name 20,000 levels deep, or too long, gets 400", async () => {
    expect((await postRaw("/staff/login", `x${".a".repeat(20_000)}=1`, "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await postRaw("/staff/login", `${"n".repeat(201)}=1`, "application/x-www-form-urlencoded")).status).toBe(400);
  });

  it("a name repeated 40,000 times gets 413 at once, and 100 repeats are an ordinary form error", async () => {
    const started = Date.now();
    const huge = await postRaw("/staff/login", "a=1&".repeat(40_000), "application/x-www-form-urlencoded");
    expect(huge.status).toBe(413);
    expect(huge.headers.get("connection")).toBe("close");
    expect(await huge.text()).toContain("too large");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await postRaw("/staff/login", "a=1&".repeat(101), "application/x-www-form-urlencoded")).status).toBe(413);
    expect((await postRaw("/staff/login", `${"a=1&".repeat(100)}email=x&password=y`, "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await postRaw(RATE, "a=1&".repeat(20_000), "application/x-www-form-urlencoded")).status).toBe(413);
  });

  it("a body over the route's limit gets 413, declared or not", async () => {
    expect((await postRaw("/language", `redirectTo=${"x".repeat(70 * 1024)}`, "application/x-www-form-urlencoded")).status).toBe(413);
  });
});

describe("methods", () => {
  it("anything but GET, HEAD and POST gets 405 with Allow", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await seeded.app.fetch("/", { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    }
  });
});

describe("multipart", () => {
  it("takes a photo whose file name holds ; and = on /report", async () => {
    const photo = await testJpeg();
    const response = await postMultipart(seeded.app.from("192.0.2.201"), "/report", reportFields(), [
      { name: "foto (1); kantor=baru.jpg", type: "image/jpeg", bytes: photo },
    ]);
    expect(response.status).toBe(200);
    expect(receiptFrom(await response.text())).not.toBeNull();
  });

  it("answers truncated or malformed multipart with 400 and stores nothing", async () => {
    const before = await rows();
    const type = "multipart/form-data; boundary=XyZ";
    const part = '--XyZ\r\nContent-Disposition: form-data; name="narrative"\r\n\r\nhello';
    for (const [body, contentType] of [
      [part, type],
      [`${part}\r\n--XyZ`, type],
      ["garbage", type],
      [`${part}\r\n--XyZ--\r\n`, "multipart/form-data"],
      ['--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n', type],
      ['--XyZ\r\nContent-Disposition: form-data; name="__intent__"\r\n\r\nx\r\n--XyZ--\r\n', type],
    ] as const) {
      for (const path of ["/report", "/report/case"]) {
        expect((await postRaw(path, body, contentType)).status, `${path} ${JSON.stringify(body)}`).toBe(400);
      }
    }
    expect(await rows()).toEqual(before);
  });
});

describe("redirect targets", () => {
  it("are sent percent-encoded, never raw bytes above 0x7F", async () => {
    const response = await postRaw("/language", "lng=en&redirectTo=/%E6%97%A5", "application/x-www-form-urlencoded");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/%E6%97%A5");
    for (const target of ["//evil.example", "/.//evil.example", "https://evil.example", "/\\evil"]) {
      const away = await postRaw("/language", `lng=en&redirectTo=${encodeURIComponent(target)}`, "application/x-www-form-urlencoded");
      expect(away.headers.get("location"), target).not.toMatch(/^\/\/|^https?:|^\/\\/);
    }
  });

  it("a non-Latin-1 target survives the two-step sign-in, and the pending cookie cannot be read", async () => {
    const person = await createStaff(seeded.database.db, seeded.app.config, { grants: [{ role: "admin" }] });
    const jar = new CookieJar();
    const client = seeded.app.from("198.51.100.201");
    const page = jar.take(await client.get(`/staff/login?redirectTo=${encodeURIComponent("/日本")}`, { Cookie: jar.header }));
    expect(page.status).toBe(200);
    const first = jar.take(
      await client.post("/staff/login", { email: person.email, password: person.password, redirectTo: "/日本" }, { Cookie: jar.header }),
    );
    expect(first.status).toBe(303);
    const pending = jar.header;
    const readable = Buffer.from(decodeURIComponent(pending.split("=")[1] ?? ""), "base64").toString("latin1");
    expect(readable).not.toContain("staffId");
    expect(readable).not.toContain("%E6%97%A5");
    const second = jar.take(await client.post("/staff/login/verify", { code: await currentTotp(person.totpSecret) }, { Cookie: jar.header }));
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe("/%E6%97%A5%E6%9C%AC");
    expect(jar.has("pd_staff")).toBe(true);
  });
});

describe("the cross-site check", () => {
  it("ignores X-Forwarded-Host unless behind a trusted proxy, and compares the scheme", async () => {
    const spoofed = await postRaw("/language", "lng=en", "application/x-www-form-urlencoded", { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" });
    expect(spoofed.status).toBe(403);
    const otherScheme = await postRaw("/language", "lng=en", "application/x-www-form-urlencoded", { Origin: "https://localhost" });
    expect(otherScheme.status).toBe(403);
    const proxied = await createTestApp(seeded.database.db, { env: { TRUST_PROXY: "1" } });
    const behindProxy = await proxied.fetch("/language", {
      method: "POST",
      body: "lng=en",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://portal.example", "X-Forwarded-Host": "portal.example", "X-Forwarded-Proto": "https" },
    });
    expect(behindProxy.status).toBe(303);
  });
});

describe("an unreachable database", () => {
  it("gives a translated 503 page, or JSON for data, with Retry-After, never a 500", async () => {
    const port = await freePort();
    const down = await openDatabase({ driver: "postgres", url: `postgres://postgres@127.0.0.1:${port}/none` });
    try {
      const unavailable = await createTestApp(down.db);
      const page = await unavailable.get("/");
      expect(page.status, JSON.stringify(unavailable.logs.lines.slice(-3))).toBe(503);
      expect(page.headers.get("retry-after")).toBe("30");
      const html = await page.text();
      expect(html).toContain("Sementara tidak tersedia");
      expect(html).toContain("Temporarily unavailable");
      const form = await unavailable.post("/staff/login", { email: "a@palangkaraya.go.id", password: "kopi-susu-di-tepi-kahayan" });
      expect(form.status, (await form.clone().text()).slice(0, 300)).toBe(503);
      const api = await unavailable.get("/api/v1/units/kota-palangka-raya/disdukcapil/skm?from=2026-01-01&to=2026-12-31");
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("30");
      expect(await api.json()).toMatchObject({ error: "unavailable" });
    } finally {
      await down.close();
    }
  });
});
