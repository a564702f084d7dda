/**
 * The reporter's messages and files per case and day are limited (REPORT_MESSAGES_PER_DAY,
 * REPORT_FILES_PER_DAY), counted from the case's own rows: no identity is kept for it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFiles, reportMessages } from "../../db/schema";
import { reporterSessionCookie } from "~/reports/reporter-session.server";
import { addDays, localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createReport } from "../helpers/reports";
import { postMultipart, testJpeg } from "../helpers/reporter";

let database: TestDatabase;
let app: TestApp;
const today = localDate("Asia/Jakarta");

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db, { env: { REPORT_MESSAGES_PER_DAY: "3", REPORT_FILES_PER_DAY: "2", REPORT_MAX_FILES: "10" } });
});
afterAll(() => database.drop());

const cookieFor = (reportId: string) => reporterSessionCookie(app.config, reportId).split(";")[0]!;

async function reporterMessages(reportId: string) {
  return database.db
    .select()
    .from(reportMessages)
    .where(and(eq(reportMessages.reportId, reportId), eq(reportMessages.kind, "reporter")));
}

describe("messages per case per day", () => {
  it("takes the configured number a day, then answers 429 with a translated message and the typed text kept", async () => {
    const report = await createReport(database.db, app.config, { receivedOn: addDays(today, -3) });
    const cookie = cookieFor(report.id);
    for (let i = 1; i <= 3; i++) {
      const sent = await app.post("/report/case", { intent: "message", body: `Tambahan nomor ${i}.` }, { Cookie: cookie });
      expect(sent.status).toBe(303);
    }
    const refused = await app.post("/report/case", { intent: "message", body: "Pesan keempat yang tetap tertulis." }, { Cookie: cookie });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(textOf(html)).toContain("Anda sudah mengirim pesan sebanyak yang diizinkan untuk kasus ini hari ini.");
    expect(html).toContain("Pesan keempat yang tetap tertulis.");
    expect(await reporterMessages(report.id)).toHaveLength(3);

    // Another case is counted on its own; the count holds no identity, only the case's rows.
    const other = await createReport(database.db, app.config, { receivedOn: addDays(today, -3) });
    expect((await app.post("/report/case", { intent: "message", body: "Kasus lain." }, { Cookie: cookieFor(other.id) })).status).toBe(303);
  });

  it("counts only today's messages: yesterday's do not use today's allowance", async () => {
    const report = await createReport(database.db, app.config, { receivedOn: addDays(today, -3) });
    const cookie = cookieFor(report.id);
    for (let i = 1; i <= 3; i++) expect((await app.post("/report/case", { intent: "message", body: `Kemarin ${i}.` }, { Cookie: cookie })).status).toBe(303);
    await database.db.update(reportMessages).set({ createdOn: addDays(today, -1) }).where(eq(reportMessages.reportId, report.id));
    expect((await app.post("/report/case", { intent: "message", body: "Hari ini." }, { Cookie: cookie })).status).toBe(303);
    expect(await reporterMessages(report.id)).toHaveLength(4);
  });
});

describe("files per case per day", () => {
  it("takes the configured number a day, then answers 429 and stores nothing more", async () => {
    const report = await createReport(database.db, app.config, { receivedOn: addDays(today, -3) });
    const cookie = cookieFor(report.id);
    const photo = { name: "foto.jpg", type: "image/jpeg", bytes: await testJpeg() };
    expect((await postMultipart(app, "/report/case", { intent: "files" }, [photo, photo], { Cookie: cookie })).status).toBe(303);
    const refused = await postMultipart(app, "/report/case", { intent: "files" }, [photo], { Cookie: cookie });
    expect(refused.status).toBe(429);
    expect(textOf(await refused.text())).toContain("Anda sudah menambahkan berkas sebanyak yang diizinkan untuk kasus ini hari ini.");
    const stored = await database.db.select({ id: reportFiles.id }).from(reportFiles).where(eq(reportFiles.reportId, report.id));
    expect(stored).toHaveLength(2);
  });
});
