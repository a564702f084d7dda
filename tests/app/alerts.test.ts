/**
 * The staff side of alerts in the running app: the choice between immediate alerts and a
 * daily digest on /staff/account (audited, and honoured when a report is filed), the outbox
 * page for installation admins only, and escalated cases marked and filtered in the queue.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertOutbox, auditLog, reports, staff } from "../../db/schema";
import { alertRound } from "~/alerts/delivery.server";
import { localDate, addDays } from "~/utils/calendar";
import { loadConfig } from "~/utils/env.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { rowLinkingTo, textOf } from "../helpers/html";
import { createReport } from "../helpers/reports";
import { reportFields } from "../helpers/reporter";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { createStaff, sessionFor, type TestStaff } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
let smtp: TestSmtp;
const people: Record<string, TestStaff> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  smtp = await startTestSmtp();
  const personas = {
    installationAdmin: [{ role: "admin" as const }],
    cityAdmin: [{ role: "admin" as const, region: "kota-palangka-raya" }],
    immediate: [{ role: "moderator" as const, region: "kota-palangka-raya" }],
    digest: [{ role: "moderator" as const, region: "kota-palangka-raya" }],
  };
  for (const [name, grants] of Object.entries(personas)) {
    people[name] = await createStaff(database.db, app.config, { grants });
    cookies[name] = await sessionFor(database.db, app.config, people[name].id);
  }
});
afterAll(async () => {
  await smtp.stop();
  await database.drop();
});

describe("the alert preference on /staff/account", () => {
  it("offers immediate alerts by default, saves a daily digest with an audit entry, and refuses a value it does not know", async () => {
    const page = await app.get("/staff/account", { Cookie: cookies.digest! });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<input[^>]*id="delivery-immediate"[^>]*checked/);
    expect(textOf(html)).toContain("Ringkasan harian (satu e-mail sehari)");

    const bad = await app.post("/staff/account", { intent: "alerts", delivery: "hourly" }, { Cookie: cookies.digest! });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("Pilih cara menerima pemberitahuan.");

    const saved = await app.post("/staff/account", { intent: "alerts", delivery: "digest" }, { Cookie: cookies.digest! });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/staff/account?saved=alerts");
    const [row] = await database.db.select({ delivery: staff.alertDelivery }).from(staff).where(eq(staff.id, people.digest!.id));
    expect(row!.delivery).toBe("digest");
    const audited = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorStaffId, people.digest!.id), eq(auditLog.action, "staff.alert_delivery_changed")));
    expect(audited.map((a) => a.details)).toEqual([{ delivery: "digest" }]);
    const after = await (await app.get("/staff/account", { Cookie: cookies.digest! })).text();
    expect(after).toMatch(/<input[^>]*id="delivery-digest"[^>]*checked/);
  });

  it("sends a filing's alert at once (at the next hourly round) to one moderator, and in the next day's digest to the other", async () => {
    const filed = await app.post("/report", reportFields({ month: "1", year: localDate("Asia/Jakarta").slice(0, 4) }));
    expect(filed.status).toBe(200);
    const rows = await database.db.select().from(alertOutbox).where(eq(alertOutbox.kind, "new_case"));
    const [report] = await database.db.select({ id: reports.id, reference: reports.reference }).from(reports).where(eq(reports.id, rows[0]!.reportId!));
    expect(Object.fromEntries(rows.map((r) => [r.recipientStaffId, r.status]))).toEqual({ [people.immediate!.id]: "held", [people.digest!.id]: "digest" });

    const config = loadConfig({ DEMO_DATA: "off", SMTP_URL: smtp.url, PUBLIC_URL: "https://pintudepan.example.go.id" });
    const now = new Date();
    await alertRound(database.db, config, new Date(now.getTime() + 3_600_000));
    const first = smtp.received.filter((m) => m.subject.includes(report!.reference));
    expect(first.map((m) => m.to)).toEqual([[people.immediate!.email]]);

    // The next day, in the region's time: one digest that names the case, once.
    const tomorrow = new Date(now.getTime() + 86_400_000 + 3_600_000);
    await alertRound(database.db, config, tomorrow);
    await alertRound(database.db, config, new Date(tomorrow.getTime() + 60_000));
    const digests = smtp.received.filter((m) => m.to.includes(people.digest!.email));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain("Ringkasan harian");
    expect(digests[0]!.raw).toContain(report!.reference);
    const bundled = await database.db.select().from(alertOutbox).where(and(eq(alertOutbox.recipientStaffId, people.digest!.id), eq(alertOutbox.kind, "new_case")));
    expect(bundled.map((b) => b.status)).toEqual(["bundled"]);
  });
});

describe("/staff/outbox", () => {
  it("shows the waiting and sent alerts to an installation admin: recipient, kind, case number, status, attempts, and no content", async () => {
    await createReport(database.db, app.config, { receivedOn: localDate("Asia/Jakarta"), content: { narrative: "Rahasia: uang pelicin di loket lima." } });
    const filed = await app.post("/report", reportFields({ narrative: "Rahasia kedua: petugas meminta uang map di loket enam." }));
    expect(filed.status).toBe(200);
    const page = await app.get("/staff/outbox", { Cookie: cookies.installationAdmin! });
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain("SMTP_URL belum diatur");
    expect(text).toContain(people.immediate!.email);
    expect(text).toContain("Laporan baru");
    expect(text).toContain("Menunggu putaran per jam");
    const [held] = await database.db.select({ reference: reports.reference }).from(alertOutbox).innerJoin(reports, eq(reports.id, alertOutbox.reportId)).where(eq(alertOutbox.status, "held"));
    expect(text).toContain(held!.reference);
    expect(text).not.toContain("Rahasia");
    expect(text).not.toContain("Pungutan");

    const [sent] = await database.db.select({ reference: reports.reference }).from(alertOutbox).innerJoin(reports, eq(reports.id, alertOutbox.reportId)).where(eq(alertOutbox.status, "sent"));
    const sentOnly = textOf(await (await app.get("/staff/outbox?status=sent", { Cookie: cookies.installationAdmin! })).text());
    expect(sentOnly).toContain(sent!.reference);
    expect(sentOnly).not.toContain(held!.reference);
    expect((await app.get("/staff/outbox?status=nonsense&page=x", { Cookie: cookies.installationAdmin! })).status).toBe(200);
  });

  it("refuses a region admin and a moderator, and sends a visitor to sign in", async () => {
    expect((await app.get("/staff/outbox", { Cookie: cookies.cityAdmin! })).status).toBe(403);
    expect((await app.get("/staff/outbox", { Cookie: cookies.immediate! })).status).toBe(403);
    const visitor = await app.get("/staff/outbox");
    expect([302, 303]).toContain(visitor.status);
    expect(visitor.headers.get("Location")).toContain("/staff/login");
  });
});

describe("escalated cases in the queue", () => {
  it("marks a case overdue by the escalation days and filters on it", async () => {
    const today = localDate("Asia/Jakarta");
    const old = await createReport(database.db, app.config, { receivedOn: addDays(today, -30) });
    const fresh = await createReport(database.db, app.config, { receivedOn: today });
    const all = await (await app.get("/staff/reports", { Cookie: cookies.immediate! })).text();
    expect(textOf(rowLinkingTo(all, `/staff/reports/${old.id}`))).toContain("Dieskalasi");
    expect(textOf(rowLinkingTo(all, `/staff/reports/${fresh.id}`))).not.toContain("Dieskalasi");
    const escalated = await (await app.get("/staff/reports?escalated=1", { Cookie: cookies.immediate! })).text();
    expect(escalated).toContain(`/staff/reports/${old.id}`);
    expect(escalated).not.toContain(`/staff/reports/${fresh.id}`);
  });
});
