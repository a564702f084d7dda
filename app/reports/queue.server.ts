/**
 * The moderators' report queue: the reports of the regions they moderate, minus those about
 * units they are attached to (policy.reportScope), overdue first, then new, then by the
 * deadline they run against, then the oldest.
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, reports, staff, staffGrants, units } from "../../db/schema";
import type { ReportScope } from "../auth/policy";
import { localDate } from "../utils/calendar";
import { QUEUE_PAGE_SIZE, type QueueFilter } from "./casework-schema";
import { reportClockColumns } from "./clock.server";
import { currentDeadline, isOverdue, type ReportClock } from "./status-machine";
import { overdueCutoff, workingDaysBetween } from "./working-days";

/** Reports within a scope (null: the scope holds nothing). */
function reportsInScope(scope: ReportScope): SQL | null {
  if (scope.regionIds.length === 0) return null;
  const inRegions = inArray(reports.regionId, scope.regionIds);
  if (scope.excludedUnitIds.length === 0) return inRegions;
  return and(inRegions, or(isNull(reports.unitId), notInArray(reports.unitId, scope.excludedUnitIds)))!;
}

/** The deadline a report runs against now, in SQL: the same cases as status-machine.currentDeadline. */
const deadlineSql = sql<string | null>`CASE
  WHEN ${reports.status} IN ('received', 'triage') THEN ${reports.triageDueOn}
  WHEN ${reports.status} = 'verified' THEN ${reports.followUpDueOn}
  WHEN ${reports.status} IN ('forwarded', 'handled_internally') THEN ${reports.closeDueOn}
END`;

/** Today in each region's own time zone, as a SQL expression over the report's region. */
function todaySql(todayByRegion: Map<number, string>): SQL {
  const cases = [...todayByRegion].map(([regionId, day]) => sql`WHEN ${regionId} THEN ${day}::date`);
  return sql`(CASE ${reports.regionId} ${sql.join(cases, sql` `)} END)`;
}

/**
 * What the queue and the case page show about the clock: the deadline, days left or overdue,
 * and whether it is escalated (overdue by `escalationDays` working days, as the alert scan
 * counts: app/alerts/outbox.server.ts).
 */
export function clockView(clock: ReportClock, today: string, holidays: ReadonlySet<string>, escalationDays?: number) {
  const deadline = currentDeadline(clock);
  return {
    escalated: deadline !== null && escalationDays !== undefined && deadline.dueOn <= overdueCutoff(today, escalationDays, holidays),
    stage: deadline?.stage ?? null,
    dueOn: deadline?.dueOn ?? null,
    overdue: isOverdue(clock, today),
    /** Working days left (0 on the due day), negative when overdue. */
    daysLeft: deadline ? workingDaysBetween(today, deadline.dueOn, holidays) : null,
  };
}

async function regionTimeZones(db: Database, regionIds: readonly number[]): Promise<Map<number, string>> {
  if (regionIds.length === 0) return new Map();
  const rows = await db.select({ id: regions.id, timeZone: regions.timeZone }).from(regions).where(inArray(regions.id, [...regionIds]));
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}

export async function listReportQueue(
  db: Database,
  scope: ReportScope,
  filter: QueueFilter,
  me: number,
  holidays: ReadonlySet<string>,
  escalationDays: number,
  now = new Date(),
) {
  const inScope = reportsInScope(scope);
  if (inScope === null) return { items: [], total: 0 };
  const zones = await regionTimeZones(db, scope.regionIds);
  const todayByRegion = new Map([...zones].map(([id, zone]) => [id, localDate(zone, now)]));
  const today = todaySql(todayByRegion);
  const overdue = sql<boolean>`coalesce(${deadlineSql} < ${today}, false)`;

  const conditions: SQL[] = [inScope];
  if (filter.regionId !== undefined) conditions.push(eq(reports.regionId, filter.regionId));
  if (filter.unit === "none") conditions.push(isNull(reports.unitId));
  else if (filter.unit !== undefined) conditions.push(eq(reports.unitId, filter.unit));
  if (filter.category) conditions.push(eq(reports.category, filter.category));
  if (filter.status === "open") conditions.push(ne(reports.status, "closed"));
  else if (filter.status !== "all") conditions.push(eq(reports.status, filter.status));
  if (filter.assignee === "mine") conditions.push(eq(reports.assigneeId, me));
  else if (filter.assignee === "unassigned") conditions.push(isNull(reports.assigneeId));
  else if (filter.assignee !== undefined) conditions.push(eq(reports.assigneeId, filter.assignee));
  if (filter.overdue) conditions.push(overdue);
  if (filter.escalated) {
    const cutoffs = [...todayByRegion].map(([regionId, day]) => sql`WHEN ${regionId} THEN ${overdueCutoff(day, escalationDays, holidays)}::date`);
    conditions.push(sql`coalesce(${deadlineSql} <= (CASE ${reports.regionId} ${sql.join(cutoffs, sql` `)} END), false)`);
  }
  const where = and(...conditions);

  const [totalRow] = await db.select({ n: count() }).from(reports).where(where);
  const rows = await db
    .select({
      id: reports.id,
      reference: reports.reference,
      regionId: reports.regionId,
      regionName: regions.name,
      unitName: units.name,
      category: reports.category,
      assigneeName: staff.displayName,
      ...reportClockColumns,
      hasFiles: sql<boolean>`exists (select 1 from report_files f where f.report_id = ${reports.id})`,
      // The reporter wrote last (after the latest question): someone should read it.
      reporterReplied: sql<boolean>`coalesce((select m.kind = 'reporter' from report_messages m
        where m.report_id = ${reports.id} and m.kind <> 'note' order by m.seq desc limit 1), false)`,
    })
    .from(reports)
    .innerJoin(regions, eq(regions.id, reports.regionId))
    .leftJoin(units, eq(units.id, reports.unitId))
    .leftJoin(staff, eq(staff.id, reports.assigneeId))
    .where(where)
    .orderBy(
      desc(overdue),
      desc(sql`${reports.status} = 'received'`),
      sql`${deadlineSql} asc nulls last`,
      asc(reports.receivedOn),
      asc(reports.reference),
    )
    .limit(QUEUE_PAGE_SIZE)
    .offset((filter.page - 1) * QUEUE_PAGE_SIZE);

  const items = rows.map(({ status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn, ...row }) => {
    const clock: ReportClock = { status, outcome, receivedOn, triagedOn, triageDueOn, verifiedOn, followUpDueOn, followedUpOn, closeDueOn, closedOn };
    return { ...row, status, outcome, receivedOn, clock: clockView(clock, todayByRegion.get(row.regionId) ?? localDate("Asia/Jakarta", now), holidays, escalationDays) };
  });
  return { items, total: Number(totalRow?.n ?? 0) };
}

/** Regions, units and moderators a queue can be filtered by. */
export async function queueOptions(db: Database, scope: ReportScope) {
  if (scope.regionIds.length === 0) return { regions: [], units: [], moderators: [] };
  const unitConditions: SQL[] = [inArray(units.regionId, scope.regionIds)];
  if (scope.excludedUnitIds.length > 0) unitConditions.push(notInArray(units.id, scope.excludedUnitIds));
  const [regionRows, unitRows, moderatorRows] = await Promise.all([
    db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, scope.regionIds)).orderBy(asc(regions.name)),
    db
      .select({ id: units.id, name: units.name, regionName: regions.name })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(and(...unitConditions))
      .orderBy(asc(regions.name), asc(units.name)),
    db
      .selectDistinct({ id: staff.id, name: staff.displayName })
      .from(staff)
      .innerJoin(staffGrants, eq(staffGrants.staffId, staff.id))
      .where(and(eq(staffGrants.role, "moderator"), inArray(staffGrants.regionId, scope.regionIds), eq(staff.active, true)))
      .orderBy(asc(staff.displayName)),
  ]);
  return { regions: regionRows, units: unitRows, moderators: moderatorRows };
}
