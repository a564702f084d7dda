/**
 * Retention and key rotation of report content, and the demo reports: a report closed
 * longer ago than the retention period loses its content, messages, files, forwarded
 * summaries and reasons but keeps its statistics fields; re-keying re-seals everything
 * under the new key so the old one can be dropped.
 */
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportEvents, reportFiles, reportForwards, reportMessages, reports } from "../../db/schema";
import { seedDemoReports } from "#seed/demo-reports";
import { storeReportFiles } from "~/reports/attachments.server";
import { insertMessage, reporterCase } from "~/reports/case.server";
import { hashReceipt, newReceiptCode } from "~/reports/receipt.server";
import { rekeyReports } from "~/reports/rekey.server";
import { purgeClosedReports } from "~/reports/retention.server";
import { openJson, sealedKeyId, sealJson, sealText } from "~/reports/sealed.server";
import { loadConfig } from "~/utils/env.server";
import type { EncryptionKey } from "~/utils/secrets.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { regionId, unitId } from "../helpers/staff";
import { testJpeg } from "../helpers/reporter";

let database: TestDatabase;
const config = loadConfig({ REPORT_RETENTION_DAYS: "365" });
const keys = config.secrets.encryptionKeys;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
});
afterAll(() => database.drop());

let references = 0;
async function closedReport(closedOn: string | null, sealWith: readonly EncryptionKey[] = keys): Promise<string> {
  const db = database.db;
  const [report] = await db
    .insert(reports)
    .values({
      reference: `PD-TEST-${String(++references).padStart(4, "0")}`,
      regionId: await regionId(db, "kota-palangka-raya"),
      unitId: await unitId(db, "kota-palangka-raya/disdukcapil"),
      category: "pungli",
      incidentMonth: "2024-03-01",
      content: sealJson({ narrative: "Diminta uang tambahan di loket.", amountAsked: 50_000, officialTariff: 0, paid: "yes", askedBy: "loket" }, sealWith),
      receiptHash: await hashReceipt(newReceiptCode(), config.secrets.hashKey),
      status: closedOn ? "closed" : "triage",
      outcome: closedOn ? "substantiated" : null,
      receivedOn: "2024-03-04",
      triageDueOn: "2024-03-07",
      triagedOn: "2024-03-05",
      closedOn,
    })
    .returning({ id: reports.id });
  const id = report!.id;
  await db.transaction(async (tx) => {
    await tx.insert(reportEvents).values({ reportId: id, toStatus: "triage", occurredOn: "2024-03-05", publicReason: sealText("Sedang ditelaah.", sealWith) });
    await insertMessage(tx, sealWith, { reportId: id, kind: "question", body: "Kapan?", authorStaffId: null, createdOn: "2024-03-05" });
    await storeReportFiles(tx, sealWith, id, [{ mediaType: "image/jpeg", bytes: await testJpeg(), width: 320, height: 240 }], "2024-03-05");
    await tx.insert(reportForwards).values({ reportId: id, destination: "inspektorat", sentOn: "2024-03-06", summary: sealText("Ringkasan.", sealWith) });
  });
  return id;
}

async function rowsOf(id: string) {
  const [messages] = await database.db.select({ n: count() }).from(reportMessages).where(eq(reportMessages.reportId, id));
  const [files] = await database.db.select({ n: count() }).from(reportFiles).where(eq(reportFiles.reportId, id));
  const [forwards] = await database.db.select({ n: count() }).from(reportForwards).where(eq(reportForwards.reportId, id));
  return { messages: messages!.n, files: files!.n, forwards: forwards!.n };
}

describe("retention", () => {
  it("purges reports closed before the retention period, keeps recent and open ones and every statistics field", async () => {
    const old = await closedReport("2024-06-01");
    const recent = await closedReport("2025-09-01");
    const open = await closedReport(null);

    expect(await purgeClosedReports(database.db, config, "2025-11-28")).toBe(1);

    const [purged] = await database.db.select().from(reports).where(eq(reports.id, old));
    expect(purged).toMatchObject({
      content: null,
      purgedOn: "2025-11-28",
      category: "pungli",
      status: "closed",
      outcome: "substantiated",
      incidentMonth: "2024-03-01",
      receivedOn: "2024-03-04",
      closedOn: "2024-06-01",
    });
    expect(purged!.unitId).not.toBeNull();
    expect(await rowsOf(old)).toEqual({ messages: 0, files: 0, forwards: 0 });
    const events = await database.db.select().from(reportEvents).where(eq(reportEvents.reportId, old));
    expect(events.length).toBe(1);
    expect(events[0]!.publicReason).toBeNull();

    for (const id of [recent, open]) {
      const [kept] = await database.db.select().from(reports).where(eq(reports.id, id));
      expect(kept!.content).not.toBeNull();
      expect(kept!.purgedOn).toBeNull();
      expect(await rowsOf(id)).toEqual({ messages: 1, files: 1, forwards: 1 });
    }
    // Running it again changes nothing.
    expect(await purgeClosedReports(database.db, config, "2025-11-28")).toBe(0);
    // The reporter of a purged case sees its final status only.
    const seen = await reporterCase(database.db, keys, old);
    expect(seen).toMatchObject({ finished: true, status: "closed", outcome: "substantiated", content: null, messages: [] });
  });
});

describe("key rotation", () => {
  it("re-seals content, messages, reasons, files and forwarded summaries under the new first key", async () => {
    const oldKeys: EncryptionKey[] = [{ id: "old", key: randomBytes(32) }];
    const id = await closedReport(null, oldKeys);
    const rotated: EncryptionKey[] = [{ id: "new", key: randomBytes(32) }, ...oldKeys, ...keys];

    const counts = await rekeyReports(database.db, rotated);
    expect(counts).toMatchObject({ reports: expect.any(Number), messages: expect.any(Number), files: expect.any(Number) });
    expect(counts.reports).toBeGreaterThanOrEqual(1);

    const [report] = await database.db.select().from(reports).where(eq(reports.id, id));
    expect(sealedKeyId(report!.content!)).toBe("new");
    expect(openJson<{ narrative: string }>(report!.content!, [rotated[0]!]).narrative).toBe("Diminta uang tambahan di loket.");
    const [file] = await database.db.select().from(reportFiles).where(eq(reportFiles.reportId, id));
    expect(sealedKeyId(file!.content)).toBe("new");
    const [message] = await database.db.select().from(reportMessages).where(eq(reportMessages.reportId, id));
    expect(sealedKeyId(message!.body)).toBe("new");
    const [forward] = await database.db.select().from(reportForwards).where(eq(reportForwards.reportId, id));
    expect(sealedKeyId(forward!.summary)).toBe("new");
    // Readable with the new key alone: the old ones can be removed.
    expect(await reporterCase(database.db, [rotated[0]!], id)).toMatchObject({ finished: false, messages: [{ body: "Kapan?" }] });
    // A second run has nothing left to do.
    expect(await rekeyReports(database.db, rotated)).toEqual({ reports: 0, messages: 0, reasons: 0, files: 0, forwards: 0 });
  });
});

describe("demo reports", () => {
  it("are seeded in several statuses, sealed, idempotently", async () => {
    const demo = await createSeededTestDatabase({ demo: true });
    try {
      const stored = await demo.db.transaction((tx) => seedDemoReports(tx, config.secrets));
      expect(stored).toBeGreaterThanOrEqual(5);
      const rows = await demo.db.select({ status: reports.status, content: reports.content }).from(reports);
      expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
      for (const row of rows) expect(openJson<{ narrative: string }>(row.content!, keys).narrative.length).toBeGreaterThan(20);
      expect(await demo.db.transaction((tx) => seedDemoReports(tx, config.secrets))).toBe(0);
    } finally {
      await demo.drop();
    }
  });
});
