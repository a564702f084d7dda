/**
 * The reporter's side of a case, and the storage helpers the moderators' side shares:
 * the unit list for the form, the region's local date, the holiday set for the clock,
 * what a signed-in reporter may see, and the reporter's own messages and files.
 * A reporter never sees internal notes, forwarding records or who handles the case.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { enqueueAlerts } from "../alerts/outbox.server";
import { agencies, regions, reportEvents, reportFiles, reportMessages, reports, services, units } from "../../db/schema";
import { localDate } from "../utils/calendar";
import type { Config } from "../utils/env.server";
import type { EncryptionKey } from "../utils/secrets.server";
import { countReportFiles, storeReportFiles, type CleanImage } from "./attachments.server";
import { UNKNOWN_UNIT, type UnitChoice } from "./form-schema";
import type { RegionOption } from "./report-options";
import { openJson, openText, sealText, type ReportContent } from "./sealed.server";
import { holidaySet } from "./clock.server";
import { apply, type ReportClock } from "./status-machine";

/** The form's unit list: regions, then agencies, then units with their active services. */
export async function reportUnitOptions(db: Database) {
  const rows = await db
    .select({
      regionId: regions.id,
      regionSlug: regions.slug,
      regionName: regions.name,
      agencyName: agencies.name,
      unitId: units.id,
      unitSlug: units.slug,
      unitName: units.name,
    })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.active, true))
    .orderBy(asc(regions.name), asc(agencies.name), asc(units.name));
  const serviceRows = rows.length
    ? await db
        .select({ id: services.id, unitId: services.unitId, name: services.name })
        .from(services)
        .where(and(eq(services.active, true), inArray(services.unitId, rows.map((r) => r.unitId))))
        .orderBy(asc(services.position), asc(services.name))
    : [];

  const regionList: RegionOption[] = [];
  const choices: UnitChoice[] = [];
  for (const row of rows) {
    let region = regionList.find((r) => r.slug === row.regionSlug);
    if (!region) {
      region = { slug: row.regionSlug, name: row.regionName, agencies: [] };
      regionList.push(region);
      choices.push({ key: `${row.regionSlug}/${UNKNOWN_UNIT}`, regionId: row.regionId, unitId: null, serviceIds: [] });
    }
    let agency = region.agencies.find((a) => a.name === row.agencyName);
    if (!agency) {
      agency = { name: row.agencyName, units: [] };
      region.agencies.push(agency);
    }
    const unitServices = serviceRows.filter((s) => s.unitId === row.unitId).map((s) => ({ id: s.id, name: s.name }));
    const key = `${row.regionSlug}/${row.unitSlug}`;
    agency.units.push({ key, name: row.unitName, services: unitServices });
    choices.push({ key, regionId: row.regionId, unitId: row.unitId, serviceIds: unitServices.map((s) => s.id) });
  }
  return { regions: regionList, choices };
}

export async function regionToday(db: Database, regionId: number, now = new Date()): Promise<string> {
  const [region] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  return localDate(region?.timeZone ?? "Asia/Jakarta", now);
}

function clockOf(row: typeof reports.$inferSelect): ReportClock {
  return {
    status: row.status,
    outcome: row.outcome,
    receivedOn: row.receivedOn,
    triagedOn: row.triagedOn,
    triageDueOn: row.triageDueOn,
    verifiedOn: row.verifiedOn,
    followUpDueOn: row.followUpDueOn,
    followedUpOn: row.followedUpOn,
    closeDueOn: row.closeDueOn,
    closedOn: row.closedOn,
  };
}

export interface ReporterCase {
  reference: string;
  status: (typeof reports.$inferSelect)["status"];
  outcome: (typeof reports.$inferSelect)["outcome"];
  receivedOn: string;
  /** Closed or purged: only the final status and outcome are shown. */
  finished: boolean;
  category: (typeof reports.$inferSelect)["category"];
  regionName: string;
  unitName: string | null;
  serviceName: string | null;
  incidentMonth: string | null;
  content: ReportContent | null;
  events: Array<{ toStatus: string; occurredOn: string; reason: string | null }>;
  messages: Array<{ kind: "question" | "reporter"; body: string; createdOn: string }>;
  files: Array<{ id: string; seq: number; mediaType: string; width: number | null; height: number | null; addedOn: string }>;
  fileCount: number;
}

/** What the signed-in reporter sees of their case, or null if it no longer exists. */
export async function reporterCase(db: Database, keys: readonly EncryptionKey[], reportId: string): Promise<ReporterCase | null> {
  const [row] = await db
    .select({ report: reports, regionName: regions.name, unitName: units.name, serviceName: services.name })
    .from(reports)
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .leftJoin(units, eq(units.id, reports.unitId))
    .leftJoin(services, eq(services.id, reports.serviceId))
    .where(eq(reports.id, reportId));
  if (!row) return null;
  const report = row.report;
  const finished = report.status === "closed" || report.purgedOn !== null;
  const base = {
    reference: report.reference,
    status: report.status,
    outcome: report.outcome,
    receivedOn: report.receivedOn,
    finished,
    category: report.category,
    regionName: row.regionName,
    unitName: row.unitName,
    serviceName: row.serviceName,
    incidentMonth: report.incidentMonth,
  };
  if (finished) return { ...base, content: null, events: [], messages: [], files: [], fileCount: 0 };

  const events = await db
    .select({ toStatus: reportEvents.toStatus, occurredOn: reportEvents.occurredOn, publicReason: reportEvents.publicReason })
    .from(reportEvents)
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.seq));
  const messages = await db
    .select({ kind: reportMessages.kind, body: reportMessages.body, createdOn: reportMessages.createdOn })
    .from(reportMessages)
    .where(and(eq(reportMessages.reportId, reportId), inArray(reportMessages.kind, ["question", "reporter"])))
    .orderBy(asc(reportMessages.seq));
  const files = await db
    .select({
      id: reportFiles.id,
      seq: reportFiles.seq,
      mediaType: reportFiles.mediaType,
      width: reportFiles.width,
      height: reportFiles.height,
      addedOn: reportFiles.addedOn,
    })
    .from(reportFiles)
    .where(eq(reportFiles.reportId, reportId))
    .orderBy(asc(reportFiles.seq));
  return {
    ...base,
    content: report.content ? openJson<ReportContent>(report.content, keys) : null,
    events: events.map((e) => ({ toStatus: e.toStatus, occurredOn: e.occurredOn, reason: e.publicReason ? openText(e.publicReason, keys) : null })),
    messages: messages.map((m) => ({ kind: m.kind as "question" | "reporter", body: openText(m.body, keys), createdOn: m.createdOn })),
    files,
    fileCount: files.length,
  };
}

async function nextMessageSeq(tx: Database, reportId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${reportMessages.seq}), 0)::int` })
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId));
  return (row?.last ?? 0) + 1;
}

/** Stores a message of the given kind (sealed) after the report's other messages. Call inside a transaction. */
export async function insertMessage(
  tx: Database,
  keys: readonly EncryptionKey[],
  input: { reportId: string; kind: "reporter" | "question" | "note"; body: string; authorStaffId: number | null; createdOn: string },
): Promise<void> {
  await tx.insert(reportMessages).values({
    reportId: input.reportId,
    kind: input.kind,
    authorStaffId: input.authorStaffId,
    body: sealText(input.body, keys),
    createdOn: input.createdOn,
    seq: await nextMessageSeq(tx, input.reportId),
  });
}

export type ReporterWriteOutcome = "stored" | "finished" | "missing" | "tooManyFiles" | "tooManyMessagesToday" | "tooManyFilesToday";

/** The reporter's messages on the case today: the limit needs no identity beyond the case. */
async function reporterMessagesOn(tx: Database, reportId: string, day: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportMessages)
    .where(and(eq(reportMessages.reportId, reportId), eq(reportMessages.kind, "reporter"), eq(reportMessages.createdOn, day)));
  return row?.n ?? 0;
}

async function filesAddedOn(tx: Database, reportId: string, day: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportFiles)
    .where(and(eq(reportFiles.reportId, reportId), eq(reportFiles.addedOn, day)));
  return row?.n ?? 0;
}

/**
 * The reporter's message. When the case waits for them (needs_info) it goes back to triage
 * through the status machine, recorded as an event with no staff actor.
 */
export async function addReporterMessage(db: Database, config: Config, reportId: string, body: string, now = new Date()): Promise<ReporterWriteOutcome> {
  const holidaysSet = await holidaySet(db);
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, reportId)).for("update");
    if (!report) return "missing";
    if (report.status === "closed" || report.purgedOn) return "finished";
    const today = await regionToday(tx, report.regionId, now);
    // The row lock above serialises writers of this case, so the count cannot be raced past.
    if ((await reporterMessagesOn(tx, reportId, today)) >= config.reports.messagesPerDay) return "tooManyMessagesToday";
    await insertMessage(tx, config.secrets.encryptionKeys, { reportId, kind: "reporter", body, authorStaffId: null, createdOn: today });
    if (report.status === "needs_info") {
      const moved = apply(clockOf(report), { by: "reporter" }, today, config.reports, holidaysSet);
      if (moved.ok) {
        await tx.update(reports).set({ status: moved.clock.status, triageDueOn: moved.clock.triageDueOn }).where(eq(reports.id, reportId));
        await tx.insert(reportEvents).values({ reportId, fromStatus: report.status, toStatus: moved.clock.status, actorStaffId: null, occurredOn: today });
      }
    }
    await enqueueAlerts(tx, config.alerts, { kind: "reporter_reply", reportId }, now);
    return "stored";
  });
}

/** More evidence, within the per-report file limit. */
export async function addReporterFiles(
  db: Database,
  config: Config,
  reportId: string,
  images: readonly CleanImage[],
): Promise<ReporterWriteOutcome> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ status: reports.status, purgedOn: reports.purgedOn, regionId: reports.regionId })
      .from(reports)
      .where(eq(reports.id, reportId))
      .for("update");
    if (!report) return "missing";
    if (report.status === "closed" || report.purgedOn) return "finished";
    if ((await countReportFiles(tx, reportId)) + images.length > config.reports.maxFiles) return "tooManyFiles";
    const today = await regionToday(tx, report.regionId);
    if ((await filesAddedOn(tx, reportId, today)) + images.length > config.reports.filesPerDay) return "tooManyFilesToday";
    await storeReportFiles(tx, config.secrets.encryptionKeys, reportId, images, today);
    return "stored";
  });
}

/** Whether the reporter may still open their case's files (not once it is closed or purged). */
export async function reporterMayRead(db: Database, reportId: string): Promise<boolean> {
  const [row] = await db.select({ status: reports.status, purgedOn: reports.purgedOn }).from(reports).where(eq(reports.id, reportId));
  return row !== undefined && row.status !== "closed" && row.purgedOn === null;
}
