/**
 * Staff alerts, the sending side (docs/alerts.md). A worker claims queued rows with a lease
 * (one statement over a `FOR UPDATE SKIP LOCKED` select, so two processes never hold one row),
 * sends each by e-mail (nodemailer over SMTP_URL) or to the signed webhook, and marks it sent.
 * A failure leaves the row queued with an exponential backoff: an outage delays alerts, never
 * drops them. A crash between sending and marking sends the row again after its lease, with
 * the same Message-ID (and webhook id), so the receiving side can tell it is the same message.
 * Without SMTP_URL e-mail rows stay in the outbox, visible at /staff/outbox.
 */
import { createHmac } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { alertDeliveries, alertOutbox, reports, staff } from "../../db/schema";
import { localDate } from "../utils/calendar";
import type { Config } from "../utils/env.server";
import { alertMessage, alertTranslator, type AlertItem, type AlertMessage } from "./messages";
import { bundleDigests, pruneAlerts, releaseHeldAlerts, scanDeadlines } from "./outbox.server";

/** How long a worker may hold a claimed row before another may take it. */
const LEASE_MS = 120_000;
const BATCH = 25;

/** 30 s after the first failure, doubling, at most 6 hours apart; never given up. */
function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

const translations = { id: alertTranslator("id"), en: alertTranslator("en") };

interface Delivery {
  id: string;
  channel: "email" | "webhook";
  recipient: string;
  message: AlertMessage;
  payload: Record<string, unknown>;
}

export interface AlertSenders {
  email: Transporter | null;
  webhook: { url: string; secret: string } | null;
}

const transports = new Map<string, Transporter>();

/** The senders the configuration allows; one SMTP transport per URL for the process. */
export function alertSenders(config: Pick<Config, "alerts">): AlertSenders {
  const url = config.alerts.smtpUrl;
  let email: Transporter | null = null;
  if (url) {
    email = transports.get(url) ?? nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
    transports.set(url, email);
  }
  return { email, webhook: config.alerts.webhook };
}

/** Signature of a webhook body: hex HMAC-SHA256 with ALERT_WEBHOOK_SECRET. */
function webhookSignature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

function messageIdOf(config: Pick<Config, "publicUrl">, id: string): string {
  return `<${id}@${new URL(config.publicUrl).hostname || "pintu-depan"}>`;
}

async function send(config: Pick<Config, "alerts" | "publicUrl">, senders: AlertSenders, delivery: Delivery): Promise<void> {
  if (delivery.channel === "email") {
    await senders.email!.sendMail({
      from: config.alerts.mailFrom,
      to: delivery.recipient,
      subject: delivery.message.subject,
      text: delivery.message.text,
      messageId: messageIdOf(config, delivery.id),
    });
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const response = await fetch(senders.webhook!.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Pintu-Depan-Signature": `sha256=${webhookSignature(senders.webhook!.secret, body)}`,
      "Idempotency-Key": delivery.id,
    },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook answered ${response.status}`, { cause: { code: `HTTP_${response.status}` } });
}

/** A short code for the outbox page and the log: never a message, which could echo an address. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown; responseCode?: unknown; cause?: { code?: unknown } }) ?? {};
  if (typeof code.responseCode === "number") return `SMTP_${code.responseCode}`;
  if (typeof code.code === "string") return code.code.slice(0, 40);
  if (typeof code.cause?.code === "string") return code.cause.code.slice(0, 40);
  return error instanceof Error ? error.name.slice(0, 40) : "unknown";
}

type Claimed = { id: string; kind: (typeof alertOutbox.$inferSelect)["kind"]; channel: "email" | "webhook"; recipientStaffId: number; reportId: string | null; dueOn: string | null; attempts: number };

/**
 * Takes up to BATCH queued rows for this worker in one statement: the outbox rows are locked
 * with SKIP LOCKED (another worker passes over them) and the lease is written to
 * alert_deliveries only where no other worker holds one, so a row is held by one worker at a
 * time on PostgreSQL and on PGlite alike.
 */
async function claim(db: Database, channels: Array<"email" | "webhook">, now: Date, lease: Date): Promise<Claimed[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    WITH picked AS (
      SELECT o.id FROM ${alertOutbox} o
      LEFT JOIN ${alertDeliveries} d ON d.outbox_id = o.id
      WHERE o.status = 'queued' AND o.channel IN (${sql.join(channels.map((c) => sql`${c}::alert_channel`), sql`, `)})
        AND (d.retry_after IS NULL OR d.retry_after <= ${at})
        AND (d.claimed_until IS NULL OR d.claimed_until <= ${at})
      ORDER BY o.created_on, o.id
      LIMIT ${BATCH}
      FOR UPDATE OF o SKIP LOCKED
    )
    INSERT INTO ${alertDeliveries} (outbox_id, attempts, claimed_until)
    SELECT id, 1, ${lease.toISOString()}::timestamptz FROM picked
    ON CONFLICT (outbox_id) DO UPDATE SET claimed_until = excluded.claimed_until, attempts = ${alertDeliveries}.attempts + 1
    WHERE ${alertDeliveries}.claimed_until IS NULL OR ${alertDeliveries}.claimed_until <= ${at}
    RETURNING outbox_id AS id`);
  const ids = ((result as unknown as { rows?: Array<{ id: string }> }).rows ?? (result as unknown as Array<{ id: string }>)).map((row) => row.id);
  if (ids.length === 0) return [];
  // Read back through the schema, so every driver gives the same types (dates as strings).
  return db
    .select({
      id: alertOutbox.id,
      kind: alertOutbox.kind,
      channel: alertOutbox.channel,
      recipientStaffId: alertOutbox.recipientStaffId,
      reportId: alertOutbox.reportId,
      dueOn: alertOutbox.dueOn,
      attempts: alertDeliveries.attempts,
    })
    .from(alertOutbox)
    .innerJoin(alertDeliveries, eq(alertDeliveries.outboxId, alertOutbox.id))
    .where(and(inArray(alertOutbox.id, ids), eq(alertOutbox.status, "queued")));
}

async function deliveriesFor(db: Database, config: Pick<Config, "alerts" | "publicUrl">, claimed: readonly Claimed[]): Promise<Delivery[]> {
  const digestIds = claimed.filter((c) => c.kind === "digest").map((c) => c.id);
  const bundled = digestIds.length
    ? await db
        .select({ digestId: alertOutbox.digestId, kind: alertOutbox.kind, reportId: alertOutbox.reportId, dueOn: alertOutbox.dueOn })
        .from(alertOutbox)
        .where(inArray(alertOutbox.digestId, digestIds))
        .orderBy(asc(alertOutbox.createdOn), asc(alertOutbox.kind))
    : [];
  const reportIds = [...new Set([...claimed, ...bundled].map((r) => r.reportId).filter((id): id is string => id !== null))];
  const references = new Map(
    reportIds.length ? (await db.select({ id: reports.id, reference: reports.reference }).from(reports).where(inArray(reports.id, reportIds))).map((r) => [r.id, r.reference]) : [],
  );
  const emails = new Map(
    (await db.select({ id: staff.id, email: staff.email }).from(staff).where(inArray(staff.id, [...new Set(claimed.map((c) => c.recipientStaffId))]))).map((s) => [s.id, s.email]),
  );
  const base = config.publicUrl;
  const item = (row: { kind: Claimed["kind"]; reportId: string | null; dueOn: string | null }): AlertItem => ({
    kind: row.kind as AlertItem["kind"],
    reference: references.get(row.reportId ?? "") ?? "?",
    dueOn: row.dueOn,
    link: `${base}/staff/reports/${row.reportId}`,
  });
  return claimed.map((row) => {
    const recipient = emails.get(row.recipientStaffId) ?? "";
    if (row.kind === "digest") {
      const items = bundled.filter((b) => b.digestId === row.id).map(item);
      const link = `${base}/staff/reports`;
      return {
        id: row.id,
        channel: row.channel,
        recipient,
        message: alertMessage(translations, { kind: "digest", items, link }, config.alerts.escalationDays),
        payload: { id: row.id, kind: "digest", recipient, link, items: items.map((i) => ({ kind: i.kind, case: i.reference, dueOn: i.dueOn, link: i.link })) },
      };
    }
    const one = item(row);
    return {
      id: row.id,
      channel: row.channel,
      recipient,
      message: alertMessage(translations, one, config.alerts.escalationDays),
      payload: { id: row.id, kind: one.kind, recipient, case: one.reference, dueOn: one.dueOn, link: one.link },
    };
  });
}

export interface DeliveryResult {
  sent: number;
  failed: Array<{ id: string; code: string }>;
}

/** Claims and sends what is due, until nothing is left that this configuration can send. */
export async function deliverAlerts(db: Database, config: Pick<Config, "alerts" | "publicUrl">, senders: AlertSenders, now: Date): Promise<DeliveryResult> {
  const channels: Array<"email" | "webhook"> = [];
  if (senders.email) channels.push("email");
  if (senders.webhook) channels.push("webhook");
  const result: DeliveryResult = { sent: 0, failed: [] };
  if (channels.length === 0) return result;
  for (;;) {
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed = await claim(db, channels, now, lease);
    if (claimed.length === 0) return result;
    for (const delivery of await deliveriesFor(db, config, claimed)) {
      const row = claimed.find((c) => c.id === delivery.id)!;
      const mine = and(eq(alertDeliveries.outboxId, delivery.id), eq(alertDeliveries.claimedUntil, lease));
      try {
        await send(config, senders, delivery);
        const today = localDate("Asia/Jakarta", now);
        // Only the holder of the lease marks the row sent.
        const held = await db.update(alertDeliveries).set({ claimedUntil: null, retryAfter: null, lastError: null }).where(mine).returning({ id: alertDeliveries.outboxId });
        if (held.length === 1) await db.update(alertOutbox).set({ status: "sent", sentOn: today }).where(eq(alertOutbox.id, delivery.id));
        result.sent += 1;
      } catch (error) {
        const code = errorCode(error);
        await db
          .update(alertDeliveries)
          .set({ claimedUntil: null, retryAfter: new Date(now.getTime() + backoffMs(row.attempts)), lastError: code })
          .where(mine);
        result.failed.push({ id: delivery.id, code });
      }
    }
  }
}

/**
 * One round of the alert worker, as every web process runs it about every 30 seconds: the
 * hourly release, the deadline scan, the daily digests, sending, and pruning.
 */
export async function alertRound(db: Database, config: Pick<Config, "alerts" | "publicUrl">, now: Date, senders = alertSenders(config)): Promise<DeliveryResult> {
  await releaseHeldAlerts(db, now);
  await scanDeadlines(db, config.alerts, now);
  await bundleDigests(db, now);
  const result = await deliverAlerts(db, config, senders, now);
  await pruneAlerts(db, now);
  return result;
}
