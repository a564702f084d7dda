/**
 * The read side of the integrity flags and their pages: data that trips every flag for one
 * unit and month, an ordinary unit that trips none; evaluators, moderators and the province
 * monitor see the flags with the figures behind them; an evaluator's review is audited and
 * changes no rating; the public unit page shows only a short note.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, kiosks, regions, skmClientDayCounts, skmResponses, skmSlotCounts, units } from "../../db/schema";
import { FLAG_KINDS } from "~/integrity/flags";
import { unitForFlags, unitPeriodFlags } from "~/integrity/flags.server";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { parsePeriod } from "~/skm/periods";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { createStaff, sessionFor, unitId } from "../helpers/staff";

let database: TestDatabase;
let app: TestApp;
let flagged: number;
let quiet: number;
const cookies: Record<string, string> = {};
const MONTH = "2025-06";
const FLAGGED = "kota-palangka-raya/disdukcapil";
const QUIET = "kota-palangka-raya/dpmptsp";
const VARIED = [4, 3, 3, 4, 3, 4, 4, 2, 3];

function response(unit: number, day: string, answers: readonly number[], extra: Partial<NewResponse> = {}): NewResponse {
  return {
    unitId: unit,
    serviceId: null,
    respondedOn: day,
    source: "web",
    profileId: "permenpanrb-14-2017",
    sex: null,
    ageBand: null,
    education: null,
    occupation: null,
    answers: { u1: answers[0]!, u2: answers[1]!, u3: answers[2]!, u4: answers[3]!, u5: answers[4]!, u6: answers[5]!, u7: answers[6]!, u8: answers[7]!, u9: answers[8]! },
    ...extra,
  } as NewResponse;
}

/** Varied answers (never all nine the same), scoring in the 60s–70s. */
const rotated = (i: number) => VARIED.map((_, k) => VARIED[(k + i) % 9]! - (i % 3 === 0 ? 1 : 0)).map((v) => Math.max(1, v));

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  const { db } = database;
  flagged = await unitId(db, FLAGGED);
  quiet = await unitId(db, QUIET);
  await db.update(units).set({ openingHours: [{ days: [1, 2, 3, 4, 5], opens: "08:00", closes: "15:00" }], servedPerPeriod: 600, servedPeriod: "year" }).where(eq(units.id, flagged));
  await db.update(units).set({ servedPerPeriod: null }).where(eq(units.id, quiet));
  const [kiosk] = await db.insert(kiosks).values({ unitId: flagged, name: "Loket 1" }).returning({ id: kiosks.id });

  const rows: NewResponse[] = [];
  // Three ordinary months before, for both units.
  for (const month of ["2025-03", "2025-04", "2025-05"]) {
    for (let i = 0; i < 40; i++) {
      rows.push(response(flagged, `${month}-1${i % 9}`, rotated(i)));
      rows.push(response(quiet, `${month}-1${i % 9}`, rotated(i)));
    }
  }
  // The flagged month: 30 web ratings all 3 (ten say someone pressed them), 50 kiosk ratings all 4 from one device.
  for (let i = 0; i < 30; i++) rows.push(response(flagged, "2025-06-02", Array(9).fill(3), { coercion: i < 10 ? true : false }));
  for (let i = 0; i < 50; i++) rows.push(response(flagged, "2025-06-03", Array(9).fill(4), { source: "kiosk", kioskId: kiosk!.id }));
  // The quiet month: 40 varied web ratings, one "yes" among many "no".
  for (let i = 0; i < 40; i++) rows.push(response(quiet, `2025-06-1${i % 9}`, rotated(i), { coercion: i === 0 }));
  await db.transaction((tx) => storeResponses(tx, rows));

  // Live ratings per ten-minute slot: a burst on Monday morning, many on Sunday night.
  await db.insert(skmSlotCounts).values([
    { unitId: flagged, day: "2025-06-02", slot: 60, ratings: 20 },
    { unitId: flagged, day: "2025-06-01", slot: 18, ratings: 15 },
    { unitId: flagged, day: "2025-06-03", slot: 55, ratings: 8 },
    { unitId: quiet, day: "2025-06-10", slot: 60, ratings: 4 },
    { unitId: quiet, day: "2025-06-11", slot: 61, ratings: 3 },
  ]);
  // One client key gave 25 of the web ratings on one day.
  await db.insert(skmClientDayCounts).values([
    { unitId: flagged, day: "2025-06-02", keyHash: "k-heavy", ratings: 25 },
    { unitId: flagged, day: "2025-06-02", keyHash: "k-other", ratings: 5 },
    { unitId: quiet, day: "2025-06-10", keyHash: "k-quiet", ratings: 2 },
  ]);

  const [region] = await db.select({ provinceId: regions.provinceId }).from(regions).where(eq(regions.slug, "kota-palangka-raya"));
  const personas = {
    evaluator: [{ role: "evaluator" as const, region: "kota-palangka-raya" }],
    moderator: [{ role: "moderator" as const, region: "kota-palangka-raya" }],
    monitor: [{ role: "province_monitor" as const, provinceId: region!.provinceId }],
    manager: [{ role: "unit_manager" as const, unit: FLAGGED }],
    otherEvaluator: [{ role: "evaluator" as const, region: "kabupaten-kotawaringin-timur" }],
  };
  for (const [name, grants] of Object.entries(personas)) {
    const person = await createStaff(database.db, app.config, { grants });
    cookies[name] = await sessionFor(database.db, app.config, person.id);
  }
});
afterAll(() => database.drop());

const as = (who: string) => ({ Cookie: cookies[who]! });
const flagKinds = (html: string) => [...html.matchAll(/data-flag="(\w+)"/g)].map((m) => m[1]);

describe("the flags of a unit and period", () => {
  it("trips every flag for the suspicious month, with the figures behind each", async () => {
    const unit = (await unitForFlags(database.db, flagged))!;
    const { figures, flags } = await unitPeriodFlags(database.db, unit, parsePeriod(MONTH)!);
    expect(figures).toMatchObject({ respondents: 80, bySource: { web: 30, kiosk: 50, paper: 0 }, straightLined: 80, coercionYes: 10, coercionAnswered: 30 });
    expect(figures).toMatchObject({ slotRatings: 43, outsideHours: 15, largestSlot: 20, heavyClientRatings: 25, largestDevice: 50, served: 50 });
    expect(flags.map((f) => f.kind)).toEqual([...FLAG_KINDS]);
    expect(flags.find((f) => f.kind === "kioskSplit")?.figures).toMatchObject({ kioskScore: 100, webScore: 75 });
  });

  it("trips none for an ordinary unit, nor for the ordinary months before", async () => {
    const unit = (await unitForFlags(database.db, quiet))!;
    expect((await unitPeriodFlags(database.db, unit, parsePeriod(MONTH)!)).flags).toEqual([]);
    const before = (await unitForFlags(database.db, flagged))!;
    expect((await unitPeriodFlags(database.db, before, parsePeriod("2025-05")!)).flags).toEqual([]);
  });
});

describe("the staff pages", () => {
  it("list the units in reach with their index and flags, for evaluators, moderators and the province monitor", async () => {
    for (const who of ["evaluator", "moderator", "monitor"]) {
      const response = await app.get(`/staff/integrity?period=${MONTH}`, as(who));
      expect(response.status).toBe(200);
      const html = await response.text();
      const text = textOf(html);
      expect(text).toContain("Lonjakan dalam hitungan menit");
      expect(html).toContain(`data-unit="${QUIET}"`);
    }
    expect((await app.get(`/staff/integrity?period=${MONTH}`, as("manager"))).status).toBe(403);
    expect((await app.get(`/staff/integrity/${FLAGGED}?period=${MONTH}`, as("otherEvaluator"))).status).toBe(403);
    expect((await app.get(`/staff/integrity?period=2025-13`, as("evaluator"))).status).toBe(400);
  });

  it("show a unit's figures and each flag with its figures; only evaluators may review", async () => {
    const html = await (await app.get(`/staff/integrity/${FLAGGED}?period=${MONTH}`, as("moderator"))).text();
    expect(flagKinds(html)).toEqual([...FLAG_KINDS]);
    expect(html).toMatch(/data-source="kiosk"[^>]*>50</);
    expect(html).not.toContain('name="note"');
    expect((await app.post(`/staff/integrity/${FLAGGED}?period=${MONTH}`, { intent: "review", period: MONTH, flag: "burst", note: "x" }, as("moderator"))).status).toBe(403);
    const quietHtml = await (await app.get(`/staff/integrity/${QUIET}?period=${MONTH}`, as("evaluator"))).text();
    expect(quietHtml).toContain('data-integrity-flags="0"');
  });

  it("let an evaluator mark a flag reviewed with a note: audited without the note, and no rating changes", async () => {
    const [before] = await database.db.select({ n: count() }).from(skmResponses).where(eq(skmResponses.unitId, flagged));
    const empty = await app.post(`/staff/integrity/${FLAGGED}?period=${MONTH}`, { intent: "review", period: MONTH, flag: "burst", note: "  " }, as("evaluator"));
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Tulis catatan tinjauan.");
    const saved = await app.post(
      `/staff/integrity/${FLAGGED}?period=${MONTH}`,
      { intent: "review", period: MONTH, flag: "burst", note: "Antrean panjang setelah libur; loket membuka layanan pagi." },
      as("evaluator"),
    );
    expect(saved.status).toBe(303);
    const html = await (await app.get(saved.headers.get("location")!, as("evaluator"))).text();
    expect(html).toContain("data-reviewed");
    expect(textOf(html)).toContain("Antrean panjang setelah libur");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "integrity.flag.review"), eq(auditLog.objectId, String(flagged))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ period: MONTH, flag: "burst" });
    expect(JSON.stringify(audit)).not.toContain("Antrean");
    const [after] = await database.db.select({ n: count() }).from(skmResponses).where(eq(skmResponses.unitId, flagged));
    expect(after!.n).toBe(before!.n);
    // Still flagged: a review records that someone looked, it does not clear the flag.
    expect(flagKinds(html)).toContain("burst");
  });

  it("show the year's flags on the unit's LKE worksheet", async () => {
    const html = await (await app.get(`/staff/zi/${FLAGGED}/2025`, as("evaluator"))).text();
    expect(html).toContain("data-lke-integrity");
    expect(flagKinds(html)).toContain("burst");
    expect(flagKinds(html)).toContain("coercion");
    // Over the whole year one device gave a quarter of the ratings: no longer a large share.
    expect(flagKinds(html)).not.toContain("oneDevice");
  });
});

describe("the public unit page", () => {
  it("shows a short data-quality note for a flagged period, without figures, and none for an ordinary unit", async () => {
    const html = await (await app.get(`/units/${FLAGGED}?period=${MONTH}`)).text();
    expect(html).toContain("data-quality-note");
    expect(textOf(html)).toContain("Catatan mutu data");
    expect(html).not.toContain("data-flag=");
    const quietHtml = await (await app.get(`/units/${QUIET}?period=${MONTH}`)).text();
    expect(quietHtml).not.toContain("data-quality-note");
  });

  it("counts web, kiosk and paper ratings in one index and shows the split and the coercion share on the printable report", async () => {
    const api = (await (await app.get(`/api/v1/units/${FLAGGED}/skm?period=${MONTH}`)).json()) as { respondents: number };
    expect(api.respondents).toBe(80);
    const html = await (await app.get(`/units/${FLAGGED}/report?period=${MONTH}`)).text();
    expect(html).toMatch(/data-source="web"[^>]*>30</);
    expect(html).toMatch(/data-source="kiosk"[^>]*>50</);
    expect(html).toMatch(/data-source="paper"[^>]*>0</);
    expect(textOf(html)).toContain("33% dari responden yang menjawab pertanyaan terakhir");
    // One "yes" among forty: a count below the disclosure minimum, so no share at all.
    const quietHtml = await (await app.get(`/units/${QUIET}/report?period=${MONTH}`)).text();
    expect(textOf(quietHtml)).toContain("tidak ditampilkan untuk periode ini");
    expect(quietHtml).not.toMatch(/\d+% dari responden yang menjawab/);
  });
});
