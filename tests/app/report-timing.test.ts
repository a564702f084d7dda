/**
 * A dump cannot place a filing inside its day. Between two audited staff actions (exact
 * times in audit_log) a report is filed through the app, then a moderator acts on it; the
 * whole database is dumped before and after, in physical row order as pg_dump writes it.
 * Every row the filing or the report action wrote is in a table that holds no time finer than
 * a day in any row and draws no number from a sequence, so neither a value nor a position
 * next to a timed row orders the filing within the day.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { localDate } from "~/utils/calendar";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { postMultipart, reportFields, testJpeg } from "../helpers/reporter";
import { createStaff, regionId, sessionFor, type TestStaff } from "../helpers/staff";

type Dump = Map<string, string[]>;

function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] } & T[];
  return r.rows ?? r;
}

/** Every row of every table, in the order a sequential scan (and pg_dump) returns them. */
async function dump(db: Database): Promise<Dump> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const result: Dump = new Map();
  for (const { table_name: name } of tables) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select * from "${name}"`)));
    result.set(
      name,
      rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (value instanceof Uint8Array || Buffer.isBuffer(value) ? "<bytes>" : value))),
    );
  }
  return result;
}

/** Rows of `after` that `before` does not have (new rows and new versions of changed rows). */
function added(before: Dump, after: Dump): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const old = new Map<string, number>();
    for (const row of before.get(table) ?? []) old.set(row, (old.get(row) ?? 0) + 1);
    const fresh = rows.filter((row) => {
      const n = old.get(row) ?? 0;
      if (n === 0) return true;
      old.set(row, n - 1);
      return false;
    });
    if (fresh.length > 0) changes.set(table, fresh);
  }
  return changes;
}

/** Values that carry a time of day: ISO timestamps that are not midnight UTC. */
function timesOfDay(rows: readonly string[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const match of row.matchAll(/"(\d{4}-\d{2}-\d{2}T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z?)"/g)) {
      if (!/^00:00:00(\.0+)?$/.test(match[2]!)) found.push(match[1]!);
    }
    for (const match of row.matchAll(/"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[^"]*)"/g)) found.push(match[1]!);
  }
  return found;
}

async function sequences(db: Database): Promise<Record<string, string | null>> {
  const rows = rowsOf<{ sequencename: string; last_value: string | number | null }>(
    await db.execute(sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by sequencename`),
  );
  return Object.fromEntries(rows.map((r) => [r.sequencename, r.last_value === null ? null : String(r.last_value)]));
}

let database: TestDatabase;
let app: TestApp;
let admin: TestStaff;
let moderator: TestStaff;
let cookies: { admin: string; moderator: string };

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  admin = await createStaff(database.db, app.config, { grants: [{ role: "admin", region: "kota-palangka-raya" }] });
  moderator = await createStaff(database.db, app.config, { grants: [{ role: "moderator", region: "kota-palangka-raya" }] });
  cookies = { admin: await sessionFor(database.db, app.config, admin.id), moderator: await sessionFor(database.db, app.config, moderator.id) };
});
afterAll(() => database.drop());

async function auditedStaffAction(email: string) {
  const city = await regionId(database.db, "kota-palangka-raya");
  const response = await app.post("/staff/admin/staff", { email, displayName: email, role: "evaluator", regionId: String(city) }, { Cookie: cookies.admin });
  expect(response.status).toBe(200);
}

describe("a dump after a filing between two staff actions", () => {
  it("cannot place the filing, or a moderator's action on it, inside the day", async () => {
    await auditedStaffAction("sebelum@palangkaraya.go.id");
    const beforeFiling = await dump(database.db);
    const sequencesBefore = await sequences(database.db);

    const filed = await postMultipart(app, "/report", reportFields({ month: "1", year: localDate("Asia/Jakarta").slice(0, 4) }), [
      { name: "foto.jpg", type: "image/jpeg", bytes: await testJpeg() },
    ]);
    expect(filed.status).toBe(200);
    const afterFiling = await dump(database.db);
    // The filing draws no number from any sequence (a sequence is shared with timed rows).
    expect(await sequences(database.db)).toEqual(sequencesBefore);

    await auditedStaffAction("sesudah@palangkaraya.go.id");
    const [report] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from reports`));
    const assigned = await app.post(`/staff/reports/${report!.id}`, { intent: "assign", assigneeId: String(moderator.id) }, { Cookie: cookies.moderator });
    expect(assigned.status).toBe(303);
    const atEnd = await dump(database.db);

    // The two staff actions carry exact times: they are what a filing could be placed between.
    const staffInvites = (atEnd.get("audit_log") ?? []).filter((row) => row.includes('"staff.invite"'));
    expect(staffInvites).toHaveLength(2);
    expect(timesOfDay(staffInvites)).toHaveLength(2);

    const filing = added(beforeFiling, afterFiling);
    const reportAction = added(afterFiling, atEnd);
    const reportAuditRows = reportAction.get("report_audit_log") ?? [];
    expect(reportAuditRows).toHaveLength(1);
    expect(reportAuditRows[0]).toContain(`"occurred_on":"${localDate("Asia/Jakarta")}"`);
    // The report action left nothing in the timed audit log.
    expect((reportAction.get("audit_log") ?? []).filter((row) => row.includes(report!.id))).toEqual([]);

    const touched = new Set([...filing.keys(), ...[...reportAction.keys()].filter((t) => (reportAction.get(t) ?? []).some((row) => row.includes(report!.id)))]);
    // The staff alert of the new case (alert_outbox) is written with the filing and dated by day too.
    expect([...filing.keys()].sort()).toEqual(["alert_outbox", "report_events", "report_files", "report_rate_limits", "report_submissions", "reports"]);
    expect(filing.get("alert_outbox")?.every((row) => row.includes('"status":"held"'))).toBe(true);
    for (const table of touched) {
      // Whatever sits next to the filing's rows in these tables is dated by day only.
      expect(timesOfDay(atEnd.get(table) ?? []), table).toEqual([]);
    }
    // And the filing's rows are identified by random ids only.
    for (const row of filing.get("report_events") ?? []) expect(row).toMatch(/"id":"[0-9a-f-]{36}"/);
  });

  it("cannot place a report a moderator recorded from a phone call inside the day either", async () => {
    await auditedStaffAction("sebelum-telepon@palangkaraya.go.id");
    const before = await dump(database.db);
    const sequencesBefore = await sequences(database.db);
    const recorded = await postMultipart(app, "/staff/reports/new", { ...reportFields(), channel: "phone" }, [{ name: "foto.jpg", type: "image/jpeg", bytes: await testJpeg() }], {
      Cookie: cookies.moderator,
    });
    expect(recorded.status).toBe(200);
    const after = await dump(database.db);
    expect(await sequences(database.db)).toEqual(sequencesBefore);
    await auditedStaffAction("sesudah-telepon@palangkaraya.go.id");
    const atEnd = await dump(database.db);

    const filing = added(before, after);
    // No throttle row: the moderator is not a client to throttle; the audit entry and the
    // new-case alert are day-only.
    expect([...filing.keys()].sort()).toEqual(["alert_outbox", "report_audit_log", "report_events", "report_files", "report_submissions", "reports"]);
    for (const table of filing.keys()) expect(timesOfDay(atEnd.get(table) ?? []), table).toEqual([]);
    expect(filing.get("report_audit_log")?.[0]).toContain('"action":"report.recorded"');
  });
});
