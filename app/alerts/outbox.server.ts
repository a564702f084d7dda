/**
 * Staff alerts, the writing side (docs/alerts.md): who is told of what, written to the outbox
 * in the transaction of the event that causes it (`enqueueAlerts`), or found by the periodic
 * deadline scan (`scanDeadlines`), which inserts idempotently through each row's unique key.
 * Rows name a recipient, a kind and a case: never content, category or unit.
 *
 * Alerts caused by a reporter (a new report, a reply) are held until the next hourly release,
 * so no message dates what a reporter did more finely than the hour
 * (docs/decisions/022-staff-alerts-outbox.md).
 */
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { alertDeliveries, alertOutbox, alertRounds, regions, reports, staff, staffGrants } from "../../db/schema";
import { can, reportResource, type Actor, type Grant } from "../auth/policy";
import { loadGrantsOf } from "../auth/session.server";
import { reportClockColumns, holidaySet } from "../reports/clock.server";
import { currentDeadline, type ReportClock } from "../reports/status-machine";
import { overdueBy, workingDaysBetween } from "../reports/working-days";
import { localDate } from "../utils/calendar";
import type { AlertSettings } from "../utils/env.server";
import type { AlertDeliveryChoice, OutboxFilter } from "./options";

export type AlertKind = (typeof alertOutbox.$inferSelect)["kind"];
type AlertChannel = (typeof alertOutbox.$inferSelect)["channel"];
type AlertStatus = (typeof alertOutbox.$inferSelect)["status"];

/** Events that happen inside a domain transaction. */
export type AlertEvent =
  | { kind: "new_case"; reportId: string }
  | { kind: "reporter_reply"; reportId: string }
  | { kind: "assigned"; reportId: string; assigneeId: number; byStaffId: number };

/** Caused by a reporter: released in hourly rounds, never at the moment they acted. */
const REPORTER_CAUSED: ReadonlySet<AlertKind> = new Set(["new_case", "reporter_reply"]);
/** Go out at once whatever the recipient chose. */
const ALWAYS_IMMEDIATE: ReadonlySet<AlertKind> = new Set(["deadline_missed", "escalation"]);

interface Recipient {
  id: number;
  delivery: "immediate" | "digest";
}

interface CaseFacts {
  id: string;
  regionId: number;
  provinceId: number;
  unitId: number | null;
  assigneeId: number | null;
  timeZone: string;
}

interface RegionPeople {
  /** Active moderators and region admins of the region, with all their grants. */
  people: Array<{ id: number; delivery: "immediate" | "digest"; actor: Actor; regionAdmin: boolean; moderator: boolean }>;
}

/** The channels an alert is written for: e-mail always (it waits when no server is set), the webhook when configured. */
function channels(settings: AlertSettings): AlertChannel[] {
  return settings.webhook ? ["email", "webhook"] : ["email"];
}

async function regionPeople(db: Database, regionIds: readonly number[]): Promise<Map<number, RegionPeople>> {
  const byRegion = new Map<number, RegionPeople>(regionIds.map((id) => [id, { people: [] }]));
  if (regionIds.length === 0) return byRegion;
  const rows = await db
    .selectDistinct({ id: staff.id, homeUnitId: staff.homeUnitId, delivery: staff.alertDelivery, regionId: staffGrants.regionId })
    .from(staff)
    .innerJoin(staffGrants, eq(staffGrants.staffId, staff.id))
    .where(and(eq(staff.active, true), inArray(staffGrants.role, ["moderator", "admin"]), inArray(staffGrants.regionId, [...regionIds])));
  const grants = await loadGrantsOf(db, [...new Set(rows.map((r) => r.id))]);
  for (const row of rows) {
    const region = byRegion.get(row.regionId!);
    if (!region || region.people.some((p) => p.id === row.id)) continue;
    const own: Grant[] = grants.get(row.id) ?? [];
    region.people.push({
      id: row.id,
      delivery: row.delivery,
      actor: { staffId: row.id, homeUnitId: row.homeUnitId, grants: own },
      moderator: own.some((g) => g.role === "moderator" && g.regionId === row.regionId),
      regionAdmin: own.some((g) => g.role === "admin" && g.regionId === row.regionId),
    });
  }
  return byRegion;
}

/** Attached to the case's unit (works in it or manages it): told nothing about it. */
function attached(actor: Actor, unitId: number | null): boolean {
  if (unitId === null) return false;
  return actor.homeUnitId === unitId || actor.grants.some((g) => g.role === "unit_manager" && g.unitId === unitId);
}

type Audience = "moderators" | "assignee_or_moderators" | "moderators_and_admins";

function recipientsOf(facts: CaseFacts, people: RegionPeople, audience: Audience): Recipient[] {
  const resource = reportResource(facts);
  const moderators = people.people.filter((p) => p.moderator && can(p.actor, "report.moderate", resource));
  if (audience === "assignee_or_moderators" && facts.assigneeId !== null) {
    const assignee = moderators.find((p) => p.id === facts.assigneeId);
    if (assignee) return [assignee];
  }
  if (audience !== "moderators_and_admins") return moderators;
  const admins = people.people.filter((p) => p.regionAdmin && !attached(p.actor, facts.unitId) && !moderators.some((m) => m.id === p.id));
  return [...moderators, ...admins];
}

function statusFor(kind: AlertKind, recipient: Recipient): AlertStatus {
  if (ALWAYS_IMMEDIATE.has(kind)) return "queued";
  if (recipient.delivery === "digest") return "digest";
  return REPORTER_CAUSED.has(kind) ? "held" : "queued";
}

type OutboxRow = typeof alertOutbox.$inferInsert;

function rowsFor(
  settings: AlertSettings,
  kind: AlertKind,
  facts: CaseFacts,
  recipients: readonly Recipient[],
  createdOn: string,
  keyPart: string,
  dueOn: string | null = null,
): OutboxRow[] {
  return recipients.flatMap((recipient) =>
    channels(settings).map((channel) => ({
      kind,
      channel,
      status: statusFor(kind, recipient),
      recipientStaffId: recipient.id,
      reportId: facts.id,
      dueOn,
      dedupKey: `${kind}:${facts.id}:${keyPart}:${recipient.id}:${channel}`,
      createdOn,
    })),
  );
}

async function caseFacts(db: Database, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select({
      id: reports.id,
      regionId: reports.regionId,
      provinceId: regions.provinceId,
      unitId: reports.unitId,
      assigneeId: reports.assigneeId,
      timeZone: regions.timeZone,
      ...reportClockColumns,
    })
    .from(reports)
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .where(inArray(reports.id, [...reportIds]));
}

/**
 * Writes the alerts of an event. Call inside the event's transaction (with its handle), so the
 * alert exists exactly when the event does.
 */
export async function enqueueAlerts(tx: Database, settings: AlertSettings, event: AlertEvent, now: Date): Promise<void> {
  const [facts] = await caseFacts(tx, [event.reportId]);
  if (!facts) return;
  const people = (await regionPeople(tx, [facts.regionId])).get(facts.regionId)!;
  const today = localDate(facts.timeZone, now);
  let rows: OutboxRow[];
  switch (event.kind) {
    case "new_case":
      rows = rowsFor(settings, "new_case", facts, recipientsOf(facts, people, "moderators"), today, "received");
      break;
    case "reporter_reply":
      // At most one a day per case and person: a second reply the same day is in the same alert.
      rows = rowsFor(settings, "reporter_reply", facts, recipientsOf(facts, people, "assignee_or_moderators"), today, today);
      break;
    case "assigned": {
      if (event.assigneeId === event.byStaffId) return; // nobody is told what they just did
      const assignee = recipientsOf(facts, people, "moderators").filter((p) => p.id === event.assigneeId);
      rows = rowsFor(settings, "assigned", facts, assignee, today, today);
      break;
    }
  }
  if (rows.length > 0) await tx.insert(alertOutbox).values(rows).onConflictDoNothing({ target: alertOutbox.dedupKey });
}

/**
 * Finds deadlines that are near (one working day or less), missed, or overdue long enough to
 * escalate, and writes their alerts once per case, deadline and recipient. Idempotent: run it
 * as often as you like, from as many processes as you like.
 */
export async function scanDeadlines(db: Database, settings: AlertSettings, now: Date): Promise<number> {
  const open = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(inArray(reports.status, ["received", "triage", "verified", "forwarded", "handled_internally"]), isNull(reports.purgedOn)));
  if (open.length === 0) return 0;
  const holidays = await holidaySet(db);
  const cases = await caseFacts(db, open.map((r) => r.id));
  const people = await regionPeople(db, [...new Set(cases.map((c) => c.regionId))]);
  const rows: OutboxRow[] = [];
  for (const row of cases) {
    const { status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn } = row;
    const clock: ReportClock = { status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn };
    const deadline = currentDeadline(clock);
    if (!deadline) continue;
    const today = localDate(row.timeZone, now);
    const inRegion = people.get(row.regionId)!;
    const due = deadline.dueOn;
    const key = `${deadline.stage}:${due}`;
    if (due >= today && workingDaysBetween(today, due, holidays) <= 1) {
      rows.push(...rowsFor(settings, "deadline_soon", row, recipientsOf(row, inRegion, "assignee_or_moderators"), today, key, due));
    }
    if (due < today) {
      rows.push(...rowsFor(settings, "deadline_missed", row, recipientsOf(row, inRegion, "assignee_or_moderators"), today, key, due));
    }
    if (overdueBy(due, today, settings.escalationDays, holidays)) {
      rows.push(...rowsFor(settings, "escalation", row, recipientsOf(row, inRegion, "moderators_and_admins"), today, key, due));
    }
  }
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    // Most of them were written by an earlier round: leave those out before inserting.
    const known = new Set(
      (await db.select({ key: alertOutbox.dedupKey }).from(alertOutbox).where(inArray(alertOutbox.dedupKey, batch.map((r) => r.dedupKey)))).map((r) => r.key),
    );
    const fresh = batch.filter((r) => !known.has(r.dedupKey));
    if (fresh.length === 0) continue;
    const inserted = await db
      .insert(alertOutbox)
      .values(fresh)
      .onConflictDoNothing({ target: alertOutbox.dedupKey })
      .returning({ id: alertOutbox.id });
    written += inserted.length;
  }
  return written;
}

/**
 * The hourly release of alerts caused by reporters: the first process to reach a new hour
 * releases everything held, once; the others find the round taken.
 */
export async function releaseHeldAlerts(db: Database, now: Date): Promise<number> {
  const slot = `release:${now.toISOString().slice(0, 13)}`;
  return db.transaction(async (tx) => {
    const won = await tx.insert(alertRounds).values({ slot }).onConflictDoNothing().returning({ slot: alertRounds.slot });
    if (won.length === 0) return 0;
    const released = await tx.update(alertOutbox).set({ status: "queued" }).where(eq(alertOutbox.status, "held")).returning({ id: alertOutbox.id });
    return released.length;
  });
}

/**
 * Daily digests: the alerts that waited for a person's digest and were written before today
 * (in the case's region) go out as one message per person and channel. Each alert joins one
 * digest only: the update that bundles it is the claim.
 */
export async function bundleDigests(db: Database, now: Date): Promise<number> {
  const waiting = await db
    .select({ id: alertOutbox.id, recipient: alertOutbox.recipientStaffId, channel: alertOutbox.channel, createdOn: alertOutbox.createdOn, timeZone: regions.timeZone })
    .from(alertOutbox)
    .innerJoin(reports, eq(reports.id, alertOutbox.reportId))
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .where(eq(alertOutbox.status, "digest"));
  const groups = new Map<string, { recipient: number; channel: AlertChannel; today: string; ids: string[] }>();
  for (const row of waiting) {
    const today = localDate(row.timeZone, now);
    if (row.createdOn >= today) continue;
    const key = `${row.recipient}:${row.channel}`;
    const group = groups.get(key) ?? { recipient: row.recipient, channel: row.channel, today, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  let digests = 0;
  for (const group of groups.values()) {
    await db.transaction(async (tx) => {
      const [digest] = await tx
        .insert(alertOutbox)
        .values({
          kind: "digest",
          channel: group.channel,
          status: "queued",
          recipientStaffId: group.recipient,
          reportId: null,
          dedupKey: `digest:${group.recipient}:${group.channel}:${crypto.randomUUID()}`,
          createdOn: group.today,
        })
        .returning({ id: alertOutbox.id });
      const bundled = await tx
        .update(alertOutbox)
        .set({ status: "bundled", digestId: digest!.id })
        .where(and(inArray(alertOutbox.id, group.ids), eq(alertOutbox.status, "digest")))
        .returning({ id: alertOutbox.id });
      // Another process bundled them first: keep no empty digest.
      if (bundled.length === 0) await tx.delete(alertOutbox).where(eq(alertOutbox.id, digest!.id));
      else digests += 1;
    });
  }
  return digests;
}

/** Rounds older than a week guard nothing; sent alerts of closed cases are kept 90 days. */
export async function pruneAlerts(db: Database, now: Date): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 13);
  await db.delete(alertRounds).where(sql`${alertRounds.slot} < ${`release:${weekAgo}`}`);
  const cutoff = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  await db
    .delete(alertOutbox)
    .where(
      and(
        inArray(alertOutbox.status, ["sent", "bundled"]),
        sql`${alertOutbox.createdOn} < ${cutoff}`,
        or(isNull(alertOutbox.reportId), sql`exists (select 1 from ${reports} r where r.id = ${alertOutbox.reportId} and r.status = 'closed')`),
      ),
    );
}

/** A staff member's choice between immediate alerts and a daily digest. */
export async function setAlertDelivery(tx: Database, staffId: number, delivery: AlertDeliveryChoice): Promise<boolean> {
  const changed = await tx
    .update(staff)
    .set({ alertDelivery: delivery })
    .where(and(eq(staff.id, staffId), ne(staff.alertDelivery, delivery)))
    .returning({ id: staff.id });
  return changed.length > 0;
}

export async function alertDeliveryOf(db: Database, staffId: number): Promise<"immediate" | "digest"> {
  const [row] = await db.select({ delivery: staff.alertDelivery }).from(staff).where(eq(staff.id, staffId));
  return row?.delivery ?? "immediate";
}

export const OUTBOX_PAGE_SIZE = 50;

/**
 * The outbox as installation admins see it: recipient, kind, channel, case number, status and
 * attempts. There is no content to show: none is stored.
 */
export async function listOutbox(db: Database, filter: OutboxFilter, page: number) {
  const where = filter === "all" ? undefined : eq(alertOutbox.status, filter);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(alertOutbox).where(where);
  const rows = await db
    .select({
      id: alertOutbox.id,
      recipient: staff.email,
      kind: alertOutbox.kind,
      channel: alertOutbox.channel,
      reference: reports.reference,
      status: alertOutbox.status,
      attempts: sql<number>`coalesce(${alertDeliveries.attempts}, 0)`,
      createdOn: alertOutbox.createdOn,
      lastError: alertDeliveries.lastError,
    })
    .from(alertOutbox)
    .innerJoin(staff, eq(staff.id, alertOutbox.recipientStaffId))
    .leftJoin(alertDeliveries, eq(alertDeliveries.outboxId, alertOutbox.id))
    .leftJoin(reports, eq(reports.id, alertOutbox.reportId))
    .where(where)
    .orderBy(sql`${alertOutbox.createdOn} desc`, alertOutbox.kind, staff.email, alertOutbox.channel, alertOutbox.id)
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}
