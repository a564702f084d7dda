/**
 * `npm run data:scale`: fills the configured database (DATABASE_URL, PGlite or PostgreSQL) with
 * data at city and province scale, to measure the portal the way a busy installation uses it:
 * by default 1,000,000 SKM ratings, 100,000 perception answers and 10,000 back-door reports
 * over the two seeded regions (Kota Palangka Raya, Kabupaten Kotawaringin Timur) and the last
 * two years up to today.
 *
 * The shape is the demo's (seed/demo-*.ts), scaled: each unit has its own level and its own
 * volume (a few busy units take most ratings, quiet ones a handful), volumes vary by month
 * and some unit-months are empty; answers come from the same kind of per-unit means with the
 * same weak unsur (complaints and facilities). Deterministic (seed/demo-random.ts): the same
 * counts give the same data.
 *
 * Loading: multi-row INSERTs of 5,000 rows with literal values (every value is generated here:
 * numbers, dates and fixed enum labels), no running totals per row; the totals are rebuilt once
 * at the end through the running-totals engine's rebuild (the same as `npm run skm:rebuild-totals`).
 * Reports are sealed with the installation's keys like any report; their receipt hashes are
 * random values no receipt code can match (as for the demo reports, nobody can sign in to a
 * generated case), because 10,000 Argon2 hashes would take longer than the rest together.
 *
 * Environment: SCALE_RATINGS, SCALE_PERCEPTION, SCALE_REPORTS (counts), SCALE_MONTHS (default 24).
 * The database must be seeded with the organisation (any start of the server does it).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, eq, inArray, sql } from "drizzle-orm";
import { regions, reportEvents, reports, services, units } from "../db/schema";
import type { Database } from "../db/client";
import { demoRandom } from "#seed/demo-random";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "../app/regulation/skm";
import { CURRENT_PERCEPTION_PROFILE, PERCEPTION_ITEMS, SPAK_ITEMS } from "../app/regulation/perception";
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS } from "../app/skm/form-schema";
import { rebuildDailyTotals } from "../app/skm/responses.server";
import { rebuildPerceptionTotals } from "../app/perception/responses.server";
import { sealJson, sealText } from "../app/reports/sealed.server";
import { apply, receivedClock, type ReportMove } from "../app/reports/status-machine";
import { addWorkingDays } from "../app/reports/working-days";
import { addDays, localDate } from "../app/utils/calendar";
import { createLogger } from "../app/utils/logger.server";
import type { Secrets } from "../app/utils/secrets.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const REGIONS = ["kota-palangka-raya", "kabupaten-kotawaringin-timur"];
const BATCH = 5_000;

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number, not ${raw}`);
    process.exit(1);
  }
  return value;
}

export interface ScaleCounts {
  ratings: number;
  perception: number;
  reports: number;
  months: number;
}

interface ScaleUnit {
  id: number;
  regionId: number;
  serviceIds: number[];
  /** Share of the volume (busy units much more than quiet ones). */
  weight: number;
  /** Mean SKM answer, 1–4. */
  mean: number;
}

/** Complaint handling and facilities are where local units usually score lowest (as the demo). */
const ELEMENT_OFFSET: Record<SkmElement, number> = { u1: 0.15, u2: 0, u3: -0.15, u4: 0.45, u5: 0.05, u6: 0, u7: 0.25, u8: -0.3, u9: -0.45 };
const CATEGORIES = ["pungli", "calo", "suap", "gratifikasi", "pemerasan", "diskriminasi", "lainnya"] as const;
const NARRATIVES = [
  "Petugas meminta uang tambahan agar berkas diproses lebih cepat.",
  "Ada orang di luar loket yang menawarkan jasa pengurusan dengan biaya tinggi.",
  "Saya diminta membayar di luar tarif resmi tanpa kuitansi.",
  "Berkas saya ditahan sampai saya memberi 'uang rokok'.",
  "Antrean dilewati oleh orang yang dikenal petugas.",
];
/** Report histories: each a list of moves a working day or more apart (stopping where one is refused). */
const HISTORIES: ReportMove[][] = [
  [],
  [{ by: "staff", to: "triage" }],
  [{ by: "staff", to: "triage" }, { by: "staff", to: "needs_info" }],
  [{ by: "staff", to: "triage" }, { by: "staff", to: "closed", outcome: "not_substantiated" }],
  [{ by: "staff", to: "triage" }, { by: "staff", to: "verified" }, { by: "staff", to: "forwarded" }, { by: "staff", to: "closed", outcome: "substantiated" }],
  [{ by: "staff", to: "triage" }, { by: "staff", to: "verified" }, { by: "staff", to: "handled_internally" }],
  [{ by: "staff", to: "closed", outcome: "spam" }],
];

const literal = (value: string | number | null) => (value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`);

async function insertRows(db: Database, table: string, columns: readonly string[], rows: Array<Array<string | number | null>>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows
      .slice(i, i + BATCH)
      .map((row) => `(${row.map(literal).join(",")})`)
      .join(",");
    await db.execute(sql.raw(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`));
  }
}

/** The days of the last `months` months up to today, with a month index (0 = oldest). */
function monthsBack(today: string, months: number): Array<{ index: number; first: string; days: number }> {
  const result = [];
  for (let back = months - 1; back >= 0; back--) {
    const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - back);
    const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    result.push({ index: months - 1 - back, first: first.toISOString().slice(0, 10), days });
  }
  return result;
}

/**
 * How many of `total` fall on each unit and month: the unit's weight × a seasonal factor, with
 * about one unit-month in eight (more for quiet units) left empty.
 */
function volumes(random: () => number, scaleUnits: readonly ScaleUnit[], months: number, total: number): number[][] {
  const shares = scaleUnits.map((u) =>
    Array.from({ length: months }, (_, m) => {
      const empty = random() < (u.weight < 0.5 ? 0.3 : 0.08);
      return empty ? 0 : u.weight * (0.6 + 0.8 * random()) * (1 + 0.25 * Math.sin((m / 12) * 2 * Math.PI));
    }),
  );
  const sum = shares.flat().reduce((a, b) => a + b, 0);
  const result = shares.map((row) => row.map((s) => Math.floor((s / sum) * total)));
  // Rounding leaves a few: give them to the busiest unit-month.
  let left = total - result.flat().reduce((a, b) => a + b, 0);
  const busiest = shares.map((row, u) => row.map((s, m) => ({ u, m, s }))).flat().sort((a, b) => b.s - a.s)[0]!;
  while (left-- > 0) result[busiest.u]![busiest.m]! += 1;
  return result;
}

export async function generateScaleData(db: Database, secrets: Secrets, counts: ScaleCounts, log: (line: string) => void = console.log): Promise<void> {
  const random = demoRandom(2_026_0014);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const regionRows = await db.select({ id: regions.id, slug: regions.slug, timeZone: regions.timeZone }).from(regions).where(inArray(regions.slug, REGIONS));
  if (regionRows.length === 0) throw new Error("the database has no seeded regions: start the server once (it seeds), then run this again");
  const today = localDate(regionRows[0]!.timeZone);
  const unitRows = await db
    .select({ id: units.id, regionId: units.regionId })
    .from(units)
    .where(and(inArray(units.regionId, regionRows.map((r) => r.id)), eq(units.active, true)));
  const serviceRows = await db.select({ id: services.id, unitId: services.unitId }).from(services).where(inArray(services.unitId, unitRows.map((u) => u.id)));
  // Busy and quiet: weights spread over two orders of magnitude (a Pareto-like tail).
  const scaleUnits: ScaleUnit[] = unitRows.map((u) => ({
    ...u,
    serviceIds: serviceRows.filter((s) => s.unitId === u.id).map((s) => s.id),
    weight: 0.1 + 10 * random() ** 3,
    mean: 2.6 + 0.9 * random(),
  }));
  const calendar = monthsBack(today, counts.months);
  const dayIn = (month: { first: string; days: number }) => {
    const day = addDays(month.first, Math.floor(random() * month.days));
    return day > today ? today : day;
  };
  log(`${scaleUnits.length} units in ${regionRows.length} regions, ${counts.months} months up to ${today}`);

  // SKM ratings.
  let started = performance.now();
  const skmColumns = ["unit_id", "service_id", "responded_on", "source", "profile_id", "sex", "age_band", "education", "occupation", ...SKM_ELEMENTS];
  const skmVolumes = volumes(random, scaleUnits, counts.months, counts.ratings);
  let rows: Array<Array<string | number | null>> = [];
  let stored = 0;
  for (const [u, unit] of scaleUnits.entries()) {
    for (const month of calendar) {
      const trend = month.index * 0.01;
      for (let i = 0; i < skmVolumes[u]![month.index]!; i++) {
        const answers = SKM_ELEMENTS.map((e): number | null => (random() < 0.03 ? null : Math.min(4, Math.max(1, Math.round(unit.mean + ELEMENT_OFFSET[e] + trend + (random() - 0.5) * 1.8)))));
        if (!answers.some((a) => a !== null)) answers[0] = 3;
        rows.push([
          unit.id,
          unit.serviceIds.length ? pick(unit.serviceIds) : null,
          dayIn(month),
          random() < 0.8 ? "web" : "paper",
          SKM_2017.id,
          random() < 0.1 ? null : pick(["L", "P"]),
          random() < 0.1 ? null : pick(AGE_BANDS),
          random() < 0.15 ? null : pick(EDUCATIONS),
          random() < 0.15 ? null : pick(OCCUPATIONS),
          ...answers,
        ]);
        if (rows.length === BATCH * 4) {
          await insertRows(db, "skm_responses", skmColumns, rows);
          stored += rows.length;
          rows = [];
          if (stored % 100_000 === 0) log(`  ${stored.toLocaleString("en-US")} ratings`);
        }
      }
    }
  }
  await insertRows(db, "skm_responses", skmColumns, rows);
  stored += rows.length;
  log(`${stored.toLocaleString("en-US")} SKM ratings in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Perception answers (scale 1–6), most answering both surveys.
  started = performance.now();
  const scaleMax = CURRENT_PERCEPTION_PROFILE.scale.max;
  const perceptionColumns = ["unit_id", "responded_on", "profile_id", ...PERCEPTION_ITEMS];
  const perceptionVolumes = volumes(random, scaleUnits, counts.months, counts.perception);
  rows = [];
  for (const [u, unit] of scaleUnits.entries()) {
    const target = ((unit.mean - 1) / 3) * (scaleMax - 1) + 1;
    for (const month of calendar) {
      for (let i = 0; i < perceptionVolumes[u]![month.index]!; i++) {
        const survey = random();
        const answers = PERCEPTION_ITEMS.map((item): number | null => {
          const inSurvey = (SPAK_ITEMS as readonly string[]).includes(item) ? survey > 0.05 : survey < 0.95;
          if (!inSurvey || random() < 0.05) return null;
          return Math.min(scaleMax, Math.max(1, Math.round(target + (random() - 0.5) * 2)));
        });
        if (!answers.some((a) => a !== null)) answers[0] = Math.round(target);
        rows.push([unit.id, dayIn(month), CURRENT_PERCEPTION_PROFILE.id, ...answers]);
      }
    }
  }
  await insertRows(db, "perception_responses", perceptionColumns, rows);
  log(`${rows.length.toLocaleString("en-US")} perception answers in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Back-door reports, through the status machine, sealed as any report.
  started = performance.now();
  const sla = { triageDays: 3, followUpDays: 5, closeDays: 10 };
  const noHolidays = new Set<string>();
  const reportVolumes = volumes(random, scaleUnits, counts.months, counts.reports);
  const reportRows: Array<typeof reports.$inferInsert> = [];
  const eventRows: Array<typeof reportEvents.$inferInsert> = [];
  for (const [u, unit] of scaleUnits.entries()) {
    for (const month of calendar) {
      for (let i = 0; i < reportVolumes[u]![month.index]!; i++) {
        const id = randomUUID();
        const receivedOn = dayIn(month);
        let clock = receivedClock(receivedOn, sla, noHolidays);
        eventRows.push({ reportId: id, fromStatus: null, toStatus: "received", occurredOn: receivedOn });
        let day = receivedOn;
        for (const move of pick(HISTORIES)) {
          day = addWorkingDays(day, 1 + Math.floor(random() * 3), noHolidays);
          if (day > today) break;
          const moved = apply(clock, move, day, sla, noHolidays);
          if (!moved.ok) break;
          eventRows.push({ reportId: id, fromStatus: clock.status, toStatus: moved.clock.status, occurredOn: day, publicReason: sealText("Status laporan Anda berubah.", secrets.encryptionKeys) });
          clock = moved.clock;
        }
        const amount = pick([50_000, 100_000, 250_000, 500_000, 1_000_000, null]);
        reportRows.push({
          id,
          reference: `PD-S${randomBytes(5).toString("hex").toUpperCase()}`,
          regionId: unit.regionId,
          unitId: unit.id,
          serviceId: unit.serviceIds.length && random() < 0.7 ? pick(unit.serviceIds) : null,
          category: pick(CATEGORIES),
          incidentMonth: random() < 0.6 ? `${receivedOn.slice(0, 7)}-01` : null,
          content: sealJson({ narrative: pick(NARRATIVES), amountAsked: amount, officialTariff: null, paid: pick(["yes", "no", "unknown", null]), askedBy: null }, secrets.encryptionKeys),
          receiptHash: `generated:${randomBytes(24).toString("base64url")}`,
          ...clock,
        });
      }
    }
  }
  // The events' seq is set by a trigger; explicit values are overwritten.
  for (let i = 0; i < reportRows.length; i += 500) await db.insert(reports).values(reportRows.slice(i, i + 500));
  for (let i = 0; i < eventRows.length; i += 1_000) await db.insert(reportEvents).values(eventRows.slice(i, i + 1_000));
  log(`${reportRows.length.toLocaleString("en-US")} reports (${eventRows.length.toLocaleString("en-US")} events) in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  started = performance.now();
  const skmDays = await rebuildDailyTotals(db);
  const perceptionDays = await rebuildPerceptionTotals(db);
  log(`totals rebuilt (${skmDays.days} SKM and ${perceptionDays.days} perception unit-days) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.execute(sql`ANALYZE`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = readConfigOrExit();
  const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
  const counts: ScaleCounts = {
    ratings: count("SCALE_RATINGS", 1_000_000),
    perception: count("SCALE_PERCEPTION", 100_000),
    reports: count("SCALE_REPORTS", 10_000),
    months: count("SCALE_MONTHS", 24) || 24,
  };
  const started = performance.now();
  try {
    await generateScaleData(database.db, config.secrets, counts);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await database.close();
  }
}
