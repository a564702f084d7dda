/**
 * Staff alerts end to end against a real SMTP server process: a report is filed and answered
 * on an injected clock, its triage deadline comes near, passes and is escalated; the alerts
 * reach the server once each and carry no content, also across a mail outage; and two
 * workers sending at once never send one message twice.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Transporter } from "nodemailer";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertDeliveries, alertOutbox, reports, units } from "../../db/schema";
import { alertRound, alertSenders, deliverAlerts } from "~/alerts/delivery.server";
import { releaseHeldAlerts } from "~/alerts/outbox.server";
import { addReporterMessage } from "~/reports/case.server";
import { submitReport } from "~/reports/submit.server";
import { loadConfig, type Config } from "~/utils/env.server";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../helpers/smtp";
import { createStaff, regionId, unitId, type TestStaff } from "../helpers/staff";

/** Monday 7 December 2026, 09:15 in Palangka Raya (WIB, UTC+7). */
const FILED_AT = new Date("2026-12-07T02:15:00Z");
const at = (iso: string) => new Date(iso);

const NARRATIVE = "Petugas loket meminta uang rokok dua ratus ribu untuk mempercepat KTP elektronik saya.";
const REPLY = "Kejadiannya hari Selasa di loket tiga, petugasnya berkacamata.";

let database: TestDatabase;
let smtp: TestSmtp;
let config: Config;
let moderator: TestStaff;
let secondModerator: TestStaff;
let conflicted: TestStaff;
let regionAdmin: TestStaff;
let unitName: string;

/** The message as text: quoted-printable soft breaks and escapes undone. */
function decoded(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const to = (person: TestStaff) => smtp.received.filter((m) => m.to.includes(person.email));
const withSubject = (person: TestStaff, text: string) => to(person).filter((m) => m.subject.includes(text));

function configFor(url: string): Config {
  return loadConfig({ DEMO_DATA: "off", SMTP_URL: url, PUBLIC_URL: "https://pintudepan.example.go.id", MAIL_FROM: "Pintu Depan <alerts@example.go.id>", REPORT_ESCALATION_DAYS: "2" });
}

let filed = 0;
async function file(now: Date) {
  const values = {
    category: "pungli" as const,
    regionId: await regionId(database.db, "kota-palangka-raya"),
    unitId: await unitId(database.db, "kota-palangka-raya/disdukcapil"),
    serviceId: null,
    incidentMonth: "2026-11-01",
    content: { narrative: NARRATIVE, amountAsked: 200_000, officialTariff: 0, paid: "no" as const, askedBy: "loket" as const },
    token: randomBytes(24).toString("base64url"),
  };
  const outcome = await submitReport(database.db, config, { origin: { channel: "web", clientAddress: `192.0.2.${(filed += 1)}` }, values, images: [] }, now);
  if (outcome.outcome !== "stored") throw new Error(`not stored: ${outcome.outcome}`);
  return { reference: outcome.reference };
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  smtp = await startTestSmtp();
  config = configFor(smtp.url);
  moderator = await createStaff(database.db, config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
  secondModerator = await createStaff(database.db, config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
  // Works in the reported unit: is never told about the case, not even by the escalation.
  conflicted = await createStaff(database.db, config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }], homeUnit: "kota-palangka-raya/disdukcapil" });
  regionAdmin = await createStaff(database.db, config, { grants: [{ role: "admin", region: "kota-palangka-raya" }] });
  const [unit] = await database.db.select({ name: units.name }).from(units).where(eq(units.id, await unitId(database.db, "kota-palangka-raya/disdukcapil")));
  unitName = unit!.name;
});
afterAll(async () => {
  await smtp.stop();
  await database.drop();
});

describe("alerts for one case on an injected clock", () => {
  let reference: string;
  let reportId: string;

  it("holds the new-case alert until the next hourly release, then sends it once to each moderator who may see the case", async () => {
    // A round earlier in the hour has already taken this hour's release.
    await alertRound(database.db, config, at("2026-12-07T02:05:00Z"));
    ({ reference } = await file(FILED_AT));
    const rows = await database.db.select().from(alertOutbox).where(eq(alertOutbox.kind, "new_case"));
    reportId = rows[0]!.reportId!;
    expect(rows.map((r) => r.recipientStaffId).sort()).toEqual([moderator.id, secondModerator.id].sort());
    expect(rows.every((r) => r.status === "held" && r.createdOn === "2026-12-07")).toBe(true);

    await alertRound(database.db, config, at("2026-12-07T02:16:00Z"));
    expect(smtp.received).toHaveLength(0);

    await alertRound(database.db, config, at("2026-12-07T03:00:20Z"));
    expect(withSubject(moderator, reference)).toHaveLength(1);
    expect(withSubject(secondModerator, reference)).toHaveLength(1);
    expect(to(conflicted)).toHaveLength(0);
    expect(to(regionAdmin)).toHaveLength(0);
    const [mail] = withSubject(moderator, reference);
    expect(mail!.subject).toContain("laporan baru");
    expect(mail!.messageId).toBe(`<${rows.find((r) => r.recipientStaffId === moderator.id && r.channel === "email")!.id}@pintudepan.example.go.id>`);
    expect(decoded(mail!)).toContain(`https://pintudepan.example.go.id/staff/reports/${reportId}`);
  });

  it("tells the moderators of the reporter's reply, at the next release", async () => {
    await alertRound(database.db, config, at("2026-12-08T04:10:00Z"));
    expect(await addReporterMessage(database.db, config, reportId, REPLY, at("2026-12-08T04:40:00Z"))).toBe("stored");
    await alertRound(database.db, config, at("2026-12-08T04:41:00Z"));
    expect(withSubject(moderator, "pelapor membalas")).toHaveLength(0);
    await alertRound(database.db, config, at("2026-12-08T05:00:30Z"));
    expect(withSubject(moderator, "pelapor membalas")).toHaveLength(1);
    expect(withSubject(secondModerator, "pelapor membalas")).toHaveLength(1);
  });

  it("warns one working day before the triage deadline, once", async () => {
    // Received Monday 7 December: triage is due Thursday 10 December.
    await alertRound(database.db, config, at("2026-12-09T01:00:00Z"));
    await alertRound(database.db, config, at("2026-12-09T07:00:00Z"));
    expect(withSubject(moderator, "tenggat 2026-12-10")).toHaveLength(1);
  });

  it("with the mail server down, the missed deadline and the escalation wait; when it is back they arrive once each", async () => {
    await smtp.stop();
    const before = smtp.received.length;
    // Monday 14 December: two working days (Friday, Monday) past the deadline.
    const down = await alertRound(database.db, config, at("2026-12-14T02:00:00Z"));
    expect(down.sent).toBe(0);
    expect(down.failed.length).toBeGreaterThan(0);
    expect(smtp.received.length).toBe(before);
    const waiting = await database.db
      .select({ id: alertOutbox.id, recipientStaffId: alertOutbox.recipientStaffId, status: alertOutbox.status, attempts: alertDeliveries.attempts, lastError: alertDeliveries.lastError })
      .from(alertOutbox)
      .innerJoin(alertDeliveries, eq(alertDeliveries.outboxId, alertOutbox.id))
      .where(and(eq(alertOutbox.reportId, reportId), eq(alertOutbox.kind, "escalation")));
    expect(waiting.map((r) => r.recipientStaffId).sort()).toEqual([moderator.id, secondModerator.id, regionAdmin.id].sort());
    expect(waiting.every((r) => r.status === "queued" && r.attempts === 1 && r.lastError !== null)).toBe(true);
    expect(waiting.map((r) => r.lastError)).toContain("ESOCKET");

    // Still down, and within the backoff: not even tried.
    await alertRound(database.db, config, at("2026-12-14T02:00:10Z"));
    const [again] = await database.db.select({ attempts: alertDeliveries.attempts }).from(alertDeliveries).where(eq(alertDeliveries.outboxId, waiting[0]!.id));
    expect(again!.attempts).toBe(1);

    await smtp.start();
    const back = await alertRound(database.db, config, at("2026-12-14T02:01:00Z"));
    expect(back.failed).toEqual([]);
    await alertRound(database.db, config, at("2026-12-14T03:30:00Z"));
    await alertRound(database.db, config, at("2026-12-15T03:30:00Z"));

    for (const person of [moderator, secondModerator]) {
      expect(withSubject(person, "tenggat terlewati")).toHaveLength(1);
      expect(withSubject(person, "Eskalasi")).toHaveLength(1);
    }
    expect(withSubject(regionAdmin, "Eskalasi")).toHaveLength(1);
    expect(withSubject(regionAdmin, "tenggat terlewati")).toHaveLength(0);
    expect(to(conflicted)).toHaveLength(0);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries no content in any message: no category, unit, narrative, amounts or reporter's words", async () => {
    expect(smtp.received.length).toBeGreaterThanOrEqual(10);
    for (const mail of smtp.received) {
      const text = decoded(mail);
      expect(text).toContain(reference);
      for (const forbidden of ["pungli", "Pungutan", unitName, "disdukcapil", NARRATIVE, "uang rokok", "200000", "200.000", "petugas loket", REPLY, "berkacamata"]) {
        expect(text.toLowerCase(), `${mail.subject} must not hold "${forbidden}"`).not.toContain(forbidden.toLowerCase());
      }
    }
  });
});

describe("two workers at once", () => {
  it("never send one message twice", async () => {
    for (let i = 0; i < 6; i += 1) await file(at("2026-12-16T02:00:00Z"));
    await releaseHeldAlerts(database.db, at("2026-12-16T03:00:00Z"));
    const queued = await database.db.select({ id: alertOutbox.id }).from(alertOutbox).where(eq(alertOutbox.status, "queued"));
    expect(queued.length).toBeGreaterThanOrEqual(12);
    const before = smtp.received.length;

    const now = at("2026-12-16T03:00:05Z");
    const [one, two] = await Promise.all([
      deliverAlerts(database.db, config, { email: alertSenders(configFor(`${smtp.url}/?pool=false`)).email, webhook: null }, now),
      deliverAlerts(database.db, config, { email: alertSenders(configFor(`${smtp.url}/?name=second`)).email, webhook: null }, now),
    ]);
    expect(one.sent + two.sent).toBe(queued.length);
    const arrived = smtp.received.slice(before).map((m) => m.messageId);
    expect(arrived).toHaveLength(queued.length);
    expect(new Set(arrived).size).toBe(queued.length);
    const left = await database.db.select({ id: alertOutbox.id }).from(alertOutbox).where(eq(alertOutbox.status, "queued"));
    expect(left).toEqual([]);
  });
});

describe("a message that left but was not marked sent", () => {
  it("is sent again with the same Message-ID, so the mailbox can tell it is the same message", async () => {
    const { reference } = await file(at("2026-12-17T02:00:00Z"));
    await releaseHeldAlerts(database.db, at("2026-12-17T03:00:00Z"));
    const real = alertSenders(config).email!;
    // Sends, then fails before the row is marked (as if the process stopped there).
    const lost = { sendMail: async (message: Parameters<Transporter["sendMail"]>[0]) => {
      await real.sendMail(message);
      throw new Error("stopped after sending");
    } } as unknown as Transporter;
    await deliverAlerts(database.db, config, { email: lost, webhook: null }, at("2026-12-17T03:00:05Z"));
    await deliverAlerts(database.db, config, { email: real, webhook: null }, at("2026-12-17T03:05:00Z"));
    const copies = smtp.received.filter((m) => m.subject.includes(reference) && m.to.includes(moderator.email));
    expect(copies).toHaveLength(2);
    const [row] = await database.db
      .select({ id: alertOutbox.id, status: alertOutbox.status })
      .from(alertOutbox)
      .innerJoin(reports, eq(reports.id, alertOutbox.reportId))
      .where(and(eq(reports.reference, reference), eq(alertOutbox.recipientStaffId, moderator.id), eq(alertOutbox.channel, "email")));
    expect(row!.status).toBe("sent");
    expect(copies.map((c) => c.messageId)).toEqual([`<${row!.id}@pintudepan.example.go.id>`, `<${row!.id}@pintudepan.example.go.id>`]);
  });
});

describe("the signed webhook", () => {
  let server: Server;
  const calls: Array<{ body: string; signature: string; key: string }> = [];
  let failFirst = true;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (failFirst) {
          failFirst = false;
          response.writeHead(503).end();
          return;
        }
        calls.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(request.headers["x-pintu-depan-signature"]), key: String(request.headers["idempotency-key"]) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("posts the same content-free alert as JSON, signed with HMAC-SHA256, retrying after a failure", async () => {
    const secret = "s".repeat(40);
    const hooked = loadConfig({
      DEMO_DATA: "off",
      SMTP_URL: smtp.url,
      PUBLIC_URL: "https://pintudepan.example.go.id",
      ALERT_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      ALERT_WEBHOOK_SECRET: secret,
    });
    const saved = config;
    config = hooked;
    const { reference } = await file(at("2026-12-18T02:00:00Z"));
    config = saved;
    await releaseHeldAlerts(database.db, at("2026-12-18T03:00:00Z"));
    const senders = { email: null, webhook: hooked.alerts.webhook };
    const first = await deliverAlerts(database.db, hooked, senders, at("2026-12-18T03:00:05Z"));
    expect(first.failed.map((f) => f.code)).toContain("HTTP_503");
    await deliverAlerts(database.db, hooked, senders, at("2026-12-18T03:10:00Z"));

    const forCase = calls.filter((c) => c.body.includes(reference));
    expect(forCase).toHaveLength(2);
    for (const call of forCase) {
      expect(call.signature).toBe(`sha256=${createHmac("sha256", secret).update(call.body).digest("hex")}`);
      const payload = JSON.parse(call.body) as Record<string, unknown>;
      expect(Object.keys(payload).sort()).toEqual(["case", "dueOn", "id", "kind", "link", "recipient"]);
      expect(payload).toMatchObject({ kind: "new_case", case: reference, id: call.key });
      for (const forbidden of ["pungli", unitName, NARRATIVE, "200000"]) expect(call.body.toLowerCase()).not.toContain(forbidden.toLowerCase());
    }
    expect(forCase.map((c) => (JSON.parse(c.body) as { recipient: string }).recipient).sort()).toEqual([moderator.email, secondModerator.email].sort());
  });
});
