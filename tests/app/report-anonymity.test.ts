/**
 * Anonymity by construction: after a report with a distinctive address, browser, narrative
 * and photo, nothing in the whole database or the logs holds the address or the browser,
 * the narrative and the photo appear nowhere in clear, report dates are dates, and every
 * log line of the report paths carries a date without a time.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_LIMIT } from "~/reports/submit.server";
import { flushReportLogs } from "~/utils/logger.server";
import { peekLimit } from "~/security/rate-limit.server";
import { localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { dumpDatabase, postMultipart, receiptFrom, reportFields, testJpeg } from "../helpers/reporter";

let database: TestDatabase;
let app: TestApp;
const ADDRESS = "203.0.113.199";
const AGENT = "DistinctiveReporterBrowser/9.41 (Linux; Android 14; SM-A155F)";
const NARRATIVE = "Petugas bernama Zorbulak-Quennet meminta Rp 275.000 untuk legalisir, tanpa kwitansi, nomor 99317.";
const MARKER = "EXIF-OWNER-Xq7Vw2Lp9";
let code: string;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db, { env: { TRUST_PROXY: "1" }, clientAddress: "10.0.0.1" });
  const photo = await testJpeg({ gps: true, marker: MARKER });
  const response = await postMultipart(
    app,
    "/report",
    reportFields({ narrative: NARRATIVE, month: "1", year: localDate("Asia/Jakarta").slice(0, 4) }),
    [{ name: "IMG_1.jpg", type: "image/jpeg", bytes: photo }],
    { "X-Forwarded-For": ADDRESS, "User-Agent": AGENT },
  );
  expect(response.status).toBe(200);
  code = receiptFrom(await response.text())!;
  expect(code).toMatch(/^\d{16}$/);
  // The reporter comes back and writes a message, also from the distinctive address.
  const signIn = await app.post("/report/case", { intent: "signIn", code }, { "X-Forwarded-For": ADDRESS, "User-Agent": AGENT });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.getSetCookie()[0]!.split(";")[0]!;
  const message = await app.post(
    "/report/case",
    { intent: "message", body: "Tambahan: kejadian di loket 3." },
    { "X-Forwarded-For": ADDRESS, "User-Agent": AGENT, Cookie: cookie },
  );
  expect(message.status).toBe(303);
});
afterAll(() => database.drop());

describe("a report leaves no identity behind", () => {
  it("the whole database holds neither the address nor the browser, nor the narrative, photo or code in clear", async () => {
    const dump = await dumpDatabase(database.db);
    expect(dump).toContain("reports: [{");
    expect(dump).toContain("report_files: [{");
    expect(dump).not.toContain(ADDRESS);
    expect(dump).not.toContain("DistinctiveReporterBrowser");
    expect(dump).not.toContain("Zorbulak-Quennet");
    expect(dump).not.toContain("loket 3");
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain(code);
  });

  it("the client address really was read (so its absence means something)", async () => {
    // The day's throttling counter knows this address only through a keyed hash.
    expect((await peekLimit(database.db, app.config.secrets.hashKey, REPORT_LIMIT, ADDRESS)).hits).toBe(1);
    expect((await peekLimit(database.db, app.config.secrets.hashKey, REPORT_LIMIT, "10.0.0.1")).hits).toBe(0);
  });

  it("report tables keep dates, never times", async () => {
    const result = (await database.db.execute(sql`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and (table_name like 'report%')`)) as unknown as
      | { rows: Array<{ table_name: string; column_name: string; data_type: string }> }
      | Array<{ table_name: string; column_name: string; data_type: string }>;
    const columns = Array.isArray(result) ? result : result.rows;
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => c.data_type.startsWith("timestamp") || c.data_type.startsWith("time"))).toEqual([]);
    const dated = columns.filter((c) => c.data_type === "date").map((c) => `${c.table_name}.${c.column_name}`);
    expect(dated).toEqual(expect.arrayContaining(["reports.received_on", "report_events.occurred_on", "report_messages.created_on", "report_files.added_on"]));
  });

  it("the logs hold no address, browser, narrative or code, and report paths write only counts per day, once a day", async () => {
    // While serving, the report paths write nothing among the timed lines.
    const isReportLine = (e: Record<string, unknown>) => typeof e.path === "string" && (e.path as string).startsWith("/report");
    expect(app.logs.entries.filter(isReportLine)).toEqual([]);
    const written = app.logs.lines.length;
    flushReportLogs();
    const flushed = app.logs.entries.slice(written);
    const text = app.logs.text;
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain("DistinctiveReporterBrowser");
    expect(text).not.toContain("Zorbulak");
    expect(text).not.toContain(code);

    const reportLines = flushed.filter(isReportLine);
    expect(reportLines.reduce((n, line) => n + (line.requests as number), 0)).toBeGreaterThanOrEqual(3);
    for (const line of reportLines) {
      expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Object.keys(line).sort()).toEqual(["level", "method", "msg", "path", "requests", "status", "time"]);
    }
    // Every line the flush wrote is dated by day only.
    for (const line of flushed) expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Other pages keep their precise times.
    await app.get("/healthz");
    const health = app.logs.entries.find((e) => e.path === "/healthz");
    expect(health?.time).toMatch(/T\d{2}:\d{2}:\d{2}/);
  });
});
