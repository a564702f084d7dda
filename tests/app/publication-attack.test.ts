/**
 * The publication rule under attack (docs/decisions/011-one-publication-rule.md): on random
 * sparse data (every unit of two regions, 0–10 ratings and perception answers a month, blanks
 * and unsaid profile answers included, two years), every number the public routes give for one
 * region and year is collected: the unit, region and province pages, the printable reports, the
 * SKM and perception APIs for every calendar period and the downloads at every granularity.
 * Then every subtraction of one known group from another that contains it is tried, again and
 * again until nothing new comes out (a fixed point over the linear equations, along units,
 * periods and profile answers). No group of 1 to DISCLOSURE_MIN − 1 people, nor 1 to
 * DISCLOSURE_MIN − 1 answers to one question, may come out; and every source must give the
 * same figures for the same cell.
 *
 * The attacker is granted more than the portal publishes: for every published cell, the number
 * of answers to each question as well as the respondents.
 */
import type { ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regions, units } from "../../db/schema";
import { PROFILE_DIMENSIONS, SOURCE_DIMENSIONS, type ProfileDimension } from "~/dashboards/published";
import { tablePeriod } from "~/publication/suppression";
import { storePerceptionResponses, type NewPerceptionResponse } from "~/perception/responses.server";
import { PERCEPTION_2021, SPAK_ITEMS, SPKP_ITEMS, type PerceptionItem } from "~/regulation/perception";
import { SKM_2017, SKM_ELEMENTS, type SkmElement } from "~/regulation/skm";
import { parsePeriod, type Period } from "~/skm/periods";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { createLoadContext } from "~/utils/context.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { createTestApp, type TestApp } from "../helpers/app";
import { loadBuild } from "../../scripts/support/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { MemoryLog } from "../../scripts/support/memory-log";
import { demoRandom } from "../../seed/demo-random";

const YEAR = 2026;
const REGION = "kota-palangka-raya";
const PROVINCE = "kalimantan-tengah";
const MIN = 5;

// The demo data's deterministic generator: the same data on every run and database.
const rand = demoRandom(20261202);
const int = (n: number) => Math.floor(rand() * n);
const maybe = <T>(value: T, blank: number): T | null => (rand() < blank ? null : value);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
/** 0–10 a month, a third of the months without anyone. */
const howMany = () => (rand() < 0.33 ? 0 : 1 + int(10));

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const PERIOD_KEYS = [
  String(YEAR),
  `${YEAR}-S1`,
  `${YEAR}-S2`,
  ...[1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`),
  ...MONTHS.map((m) => `${YEAR}-${String(m).padStart(2, "0")}`),
];
const PERIODS: Period[] = PERIOD_KEYS.map((k) => parsePeriod(k)!);
const monthsOfKey = (key: string) => {
  const p = parsePeriod(key)!;
  const first = Number(p.from.slice(5, 7));
  return Array.from({ length: p.months }, (_, i) => first + i);
};

let database: TestDatabase;
let app: TestApp;
let build: ServerBuild;
let unitList: Array<{ id: number; slug: string }>;
/** Ground truth of the attacked region and year, per unit id and month. */
const skmTruth = new Map<string, number[]>();
const spakTruth = new Map<string, number[]>();
const spkpTruth = new Map<string, number[]>();
/** Per unit, month, dimension and answer ("" = not said). */
const profileTruth = new Map<string, number>();

const um = (unit: number, month: number) => `${unit}|${month}`;
const addTo = (map: Map<string, number[]>, key: string, vector: number[]) => {
  const current = map.get(key) ?? vector.map(() => 0);
  map.set(
    key,
    current.map((v, i) => v + vector[i]!)
  );
};

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  build = await loadBuild();
  const db = database.db;
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, REGION));
  unitList = await db.select({ id: units.id, slug: units.slug }).from(units).where(eq(units.regionId, region!.id));
  const everyUnit = await db.select({ id: units.id, regionId: units.regionId }).from(units);
  const ratings: NewResponse[] = [];
  const perceptions: NewPerceptionResponse[] = [];
  for (const unit of everyUnit) {
    for (const year of [YEAR - 1, YEAR]) {
      for (const month of MONTHS) {
        const day = (d: number) => `${year}-${String(month).padStart(2, "0")}-${String(1 + d).padStart(2, "0")}`;
        const attacked = unit.regionId === region!.id && year === YEAR;
        for (let i = howMany(); i > 0; i--) {
          const answers = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, maybe(1 + int(4), 0.08)])) as Record<SkmElement, number | null>;
          const profile = {
            sex: maybe(pick(PROFILE_DIMENSIONS.sex), 0.15),
            ageBand: maybe(pick(PROFILE_DIMENSIONS.ageBand), 0.15),
            education: maybe(pick(PROFILE_DIMENSIONS.education), 0.15),
            occupation: maybe(pick(PROFILE_DIMENSIONS.occupation), 0.15),
          };
          // Web, kiosk and paper ratings count in the same index; the split by source is published too.
          const source = pick(SOURCE_DIMENSIONS.source);
          const coercion = maybe(pick([true, false] as const), 0.4);
          ratings.push({
            unitId: unit.id,
            serviceId: null,
            respondedOn: day(int(28)),
            source,
            profileId: SKM_2017.id,
            ...profile,
            answers,
            coercion,
          } as NewResponse);
          if (attacked) {
            addTo(skmTruth, um(unit.id, month), [1, ...SKM_ELEMENTS.map((e) => (answers[e] === null ? 0 : 1))]);
            for (const d of Object.keys(PROFILE_DIMENSIONS) as ProfileDimension[]) {
              const k = `${unit.id}|${month}|${d}|${profile[d] ?? ""}`;
              profileTruth.set(k, (profileTruth.get(k) ?? 0) + 1);
            }
            const s = `${unit.id}|${month}|source|${source}`;
            profileTruth.set(s, (profileTruth.get(s) ?? 0) + 1);
          }
        }
        for (let i = howMany(); i > 0; i--) {
          const spak = rand() < 0.85;
          const spkp = rand() < 0.85;
          const answers = Object.fromEntries([
            ...SPAK_ITEMS.map((item) => [item, spak ? maybe(1 + int(6), 0.08) : null]),
            ...SPKP_ITEMS.map((item) => [item, spkp ? maybe(1 + int(6), 0.08) : null]),
          ]) as Record<PerceptionItem, number | null>;
          // A response answers at least one item (the form refuses an empty one).
          if (Object.values(answers).every((a) => a === null)) continue;
          perceptions.push({
            unitId: unit.id,
            respondedOn: day(int(28)),
            profileId: PERCEPTION_2021.id,
            answers,
          });
          if (attacked) {
            const answered = (items: readonly PerceptionItem[]) => items.map((item) => (answers[item] === null ? 0 : 1));
            const spakAnswered = answered(SPAK_ITEMS);
            const spkpAnswered = answered(SPKP_ITEMS);
            addTo(spakTruth, um(unit.id, month), [spakAnswered.some((a) => a > 0) ? 1 : 0, ...spakAnswered]);
            addTo(spkpTruth, um(unit.id, month), [spkpAnswered.some((a) => a > 0) ? 1 : 0, ...spkpAnswered]);
          }
        }
      }
    }
  }
  await db.transaction(async (tx) => {
    await storeResponses(tx, ratings);
    await storePerceptionResponses(tx, perceptions);
  });
}, 120_000);
afterAll(() => database.drop());

/** What the sources say about one cell; every source must agree on every field it gives. */
type Facts = Record<string, unknown>;
const said = new Map<string, Facts>();
function note(key: string, facts: Facts, source: string) {
  const before = said.get(key) ?? {};
  for (const [field, value] of Object.entries(facts)) {
    if (field in before) expect(value, `${source}: ${key}.${field}`).toEqual(before[field]);
  }
  said.set(key, { ...before, ...facts });
}

type SkmLike = {
  respondents: number | null;
  published?: boolean;
  ikm?: number | null;
  score?: number | null;
  grade?: string | null;
  nrr?: Record<string, number | null> | null;
};
function noteSkm(unit: number | "*", period: string, cell: SkmLike, source: string) {
  const facts: Facts = { respondents: cell.respondents };
  if (cell.respondents === null) {
    expect(cell.score ?? null, `${source} hides the score of a hidden cell`).toBeNull();
    expect(cell.ikm ?? null).toBeNull();
  }
  for (const field of ["ikm", "score", "grade", "nrr"] as const) if (field in cell) facts[field] = cell[field] ?? null;
  note(`skm|${unit}|${period}`, facts, source);
}
type SurveyLike = {
  respondents: number | null;
  mean?: number | null;
  index?: number | null;
  items?: Record<string, number | null> | null;
};
function noteSurvey(survey: "ipak" | "ipkp", unit: number, period: string, cell: SurveyLike, source: string) {
  const facts: Facts = { respondents: cell.respondents };
  for (const field of ["mean", "index", "items"] as const) if (field in cell) facts[field] = cell[field] ?? null;
  if (cell.respondents === null) expect(cell.index ?? null, `${source} hides the index of a hidden cell`).toBeNull();
  note(`${survey}|${unit}|${period}`, facts, source);
}

/** A page's loader data, exactly as the route returns it. */
async function loaderData(routeId: string, pathname: string, params: Record<string, string>): Promise<unknown> {
  const route = build.routes[routeId];
  if (!route?.module.loader) throw new Error(`no loader for ${routeId}`);
  const config = loadConfig({ DEMO_DATA: "off" });
  const context = createLoadContext({
    db: database.db,
    config,
    log: createLogger("error", new MemoryLog()),
    clientAddress: "192.0.2.10",
  });
  const result = await route.module.loader({
    request: new Request(new URL(pathname, "http://localhost")),
    params,
    context,
  });
  return result instanceof Response ? result.json() : result;
}

const idOf = (slug: string) => unitList.find((u) => u.slug === slug)!.id;
const periodKeyOf = (key: string) => tablePeriod(parsePeriod(key)!);

async function collect() {
  for (const period of PERIODS) {
    const p = tablePeriod(period);
    await Promise.all(
      unitList.map(async (unit) => {
        const skm = (await (await app.get(`/api/v1/units/${REGION}/${unit.slug}/skm?period=${period.key}`)).json()) as SkmLike;
        noteSkm(unit.id, p, skm, "skm api");
        const perception = (await (await app.get(`/api/v1/units/${REGION}/${unit.slug}/perception?period=${period.key}`)).json()) as {
          respondents: { ipak: number | null; ipkp: number | null };
          ipak: SurveyLike | null;
          ipkp: SurveyLike | null;
        };
        noteSurvey(
          "ipak",
          unit.id,
          p,
          {
            respondents: perception.respondents.ipak,
            ...(perception.ipak ?? {}),
          },
          "perception api"
        );
        noteSurvey(
          "ipkp",
          unit.id,
          p,
          {
            respondents: perception.respondents.ipkp,
            ...(perception.ipkp ?? {}),
          },
          "perception api"
        );

        const report = (await loaderData("routes/units.$region.$unit_.report", `/units/${REGION}/${unit.slug}/report?period=${period.key}`, {
          region: REGION,
          unit: unit.slug,
        })) as {
          skm: SkmLike;
          profile: Record<ProfileDimension, Array<{ value: string | null; count: number | null }>> | null;
          sources: { bySource: Array<{ value: string | null; count: number | null }>; coercionShare: number | null } | null;
        };
        noteSkm(unit.id, p, report.skm, "printable report");
        if (report.profile) {
          for (const [dimension, rows] of Object.entries(report.profile)) {
            for (const row of rows) note(`profile|${unit.id}|${p}|${dimension}|${row.value ?? ""}`, { count: row.count }, "printable report");
          }
        }
        if (report.sources) {
          for (const row of report.sources.bySource) note(`profile|${unit.id}|${p}|source|${row.value ?? ""}`, { count: row.count }, "printable report");
        }

        // A month's unit page shows only that month's cell, which the year's page lists too.
        if (period.kind === "month") return;
        const page = (await loaderData("routes/units.$region.$unit", `/units/${REGION}/${unit.slug}?period=${period.key}`, {
          region: REGION,
          unit: unit.slug,
        })) as {
          skm: SkmLike & {
            trend: Array<{
              key: string;
              respondents: number | null;
              score: number | null;
            }>;
          };
          dashboard: {
            perception: { ipak: SurveyLike; ipkp: SurveyLike };
            trend: Array<{
              key: string;
              year: number;
              skm: SkmLike;
              ipak: SurveyLike;
              ipkp: SurveyLike;
            }>;
          };
        };
        noteSkm(unit.id, p, page.skm, "unit page");
        for (const month of page.skm.trend) noteSkm(unit.id, periodKeyOf(month.key), month, "unit page months");
        noteSurvey("ipak", unit.id, p, page.dashboard.perception.ipak, "unit page");
        noteSurvey("ipkp", unit.id, p, page.dashboard.perception.ipkp, "unit page");
        for (const q of page.dashboard.trend.filter((t) => t.year === YEAR)) {
          noteSkm(unit.id, periodKeyOf(q.key), q.skm, "unit page trend");
          noteSurvey("ipak", unit.id, periodKeyOf(q.key), q.ipak, "unit page trend");
          noteSurvey("ipkp", unit.id, periodKeyOf(q.key), q.ipkp, "unit page trend");
        }
      })
    );
    const region = (await loaderData("routes/regions.$region", `/regions/${REGION}?period=${period.key}`, { region: REGION })) as {
      overall: SkmLike;
      ranking: Array<SkmLike & { slug: string }>;
      dashboard: {
        units: Array<{
          slug: string;
          skm: SkmLike;
          ipak: SurveyLike;
          ipkp: SurveyLike;
        }>;
      };
    };
    noteSkm("*", p, region.overall, "region page");
    for (const row of region.ranking) noteSkm(idOf(row.slug), p, row, "region ranking");
    for (const row of region.dashboard.units) {
      noteSkm(idOf(row.slug), p, row.skm, "region page");
      noteSurvey("ipak", idOf(row.slug), p, row.ipak, "region page");
      noteSurvey("ipkp", idOf(row.slug), p, row.ipkp, "region page");
    }
    const province = (await loaderData("routes/provinces.$province", `/provinces/${PROVINCE}?period=${period.key}`, { province: PROVINCE })) as {
      dashboard: { regions: Array<{ slug: string; skm: SkmLike }> };
    };
    noteSkm("*", p, province.dashboard.regions.find((r) => r.slug === REGION)!.skm, "province page");
  }
  for (const granularity of ["year", "semester", "quarter", "month"]) {
    const skm = (await (await app.get(`/open-data/skm.json?region=${REGION}&year=${YEAR}&period=${granularity}`)).json()) as {
      rows: Array<Record<string, unknown>>;
    };
    for (const row of skm.rows) {
      const nrr = row.published ? Object.fromEntries(SKM_ELEMENTS.map((e) => [e, row[`nrr_${e}`] as number | null])) : null;
      noteSkm(idOf(row.unit as string), periodKeyOf(row.period as string), { ...(row as SkmLike), nrr }, `skm download (${granularity})`);
      // The split by source: the same counts as the printable report, or hidden.
      if (row.published) {
        for (const source of SOURCE_DIMENSIONS.source) {
          note(`profile|${idOf(row.unit as string)}|${periodKeyOf(row.period as string)}|source|${source}`, { count: row[`respondents_${source}`] as number | null }, `skm download (${granularity})`);
        }
      }
    }
    const perception = (await (await app.get(`/open-data/perception.json?region=${REGION}&year=${YEAR}&period=${granularity}`)).json()) as {
      rows: Array<Record<string, unknown>>;
    };
    for (const row of perception.rows) {
      for (const survey of ["ipak", "ipkp"] as const) {
        noteSurvey(
          survey,
          idOf(row.unit as string),
          periodKeyOf(row.period as string),
          {
            respondents: row[`${survey}_respondents`] as number | null,
            mean: row[`${survey}_mean`] as number | null,
            index: row[survey] as number | null,
          },
          `perception download (${granularity})`
        );
      }
    }
  }
}

/**
 * The groups a reader can work out: every combination of published groups by adding and
 * subtracting, as the span of their indicator vectors over the "atoms" (unit-months, or
 * unit-month-answers); modulo a prime, so a chance collision could only fail the test, never
 * pass it. A group is recoverable when its indicator vector is in that span.
 */
const PRIME = 1_000_003;
class Span {
  private readonly pivots = new Map<number, number[]>();
  constructor(private readonly size: number) {}
  private reduce(vector: readonly number[]): number[] {
    const v = [...vector];
    for (let i = 0; i < this.size; i++) {
      if (v[i] === 0) continue;
      const row = this.pivots.get(i);
      if (!row) continue;
      const factor = v[i]!;
      for (let j = i; j < this.size; j++) if (row[j] !== 0) v[j] = (((v[j]! - factor * row[j]!) % PRIME) + PRIME) % PRIME;
    }
    return v;
  }
  add(vector: readonly number[]) {
    const v = this.reduce(vector);
    const first = v.findIndex((x) => x !== 0);
    if (first === -1) return;
    const inverse = modInverse(v[first]!);
    this.pivots.set(
      first,
      v.map((x) => (x * inverse) % PRIME)
    );
  }
  contains(vector: readonly number[]): boolean {
    return this.reduce(vector).every((x) => x === 0);
  }
}
function modInverse(a: number): number {
  let [r0, r1, s0, s1] = [a, PRIME, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % PRIME) + PRIME) % PRIME;
}

/** One group of people: its atoms, and its true counts (people, then answers per question). */
interface Group {
  name: string;
  atoms: number[];
  counts: number[];
}

/** Fails on any group a reader can recover whose counts are 1 to MIN − 1 (zero discloses nobody). */
function expectNothingSmallRecoverable(size: number, published: readonly Group[], candidates: readonly Group[]): Group[] {
  const span = new Span(size);
  const indicator = (g: Group) => {
    const v = new Array<number>(size).fill(0);
    for (const a of g.atoms) v[a] = 1;
    return v;
  };
  for (const g of published) span.add(indicator(g));
  const recovered = candidates.filter((g) => span.contains(indicator(g)));
  for (const g of recovered)
    expect(
      g.counts.findIndex((v) => v > 0 && v < MIN),
      `${g.name} can be worked out: ${g.counts.join("/")}`
    ).toBe(-1);
  return recovered;
}

const periodFromTable = (period: string) => (period === "Y" ? String(YEAR) : `${YEAR}-${period.replace(/^M/, "")}`);
const TABLE_PERIODS = PERIOD_KEYS.map(periodKeyOf);
/** Each calendar period and the periods that add up to it. */
const PERIOD_PARTS: Array<[string, string[]]> = [
  ["Y", ["S1", "S2"]],
  ["Y", ["Q1", "Q2", "Q3", "Q4"]],
  ["Y", MONTHS.map((m) => `M${String(m).padStart(2, "0")}`)],
  ["S1", ["Q1", "Q2"]],
  ["S2", ["Q3", "Q4"]],
  ...[1, 2].map((h): [string, string[]] => [`S${h}`, [1, 2, 3, 4, 5, 6].map((m) => `M${String((h - 1) * 6 + m).padStart(2, "0")}`)]),
  ...[1, 2, 3, 4].map((q): [string, string[]] => [`Q${q}`, [1, 2, 3].map((m) => `M${String((q - 1) * 3 + m).padStart(2, "0")}`)]),
];

/**
 * A table of unit-month atoms: the published cells, and as candidates every cell of the table
 * (units and the region, every period) and every line's group of unpublished parts.
 */
function unitMonthAttack(prefix: "skm" | "ipak" | "ipkp", truth: Map<string, number[]>, size: number): Group[] {
  const atom = (unitIndex: number, month: number) => unitIndex * 12 + (month - 1);
  const cell = (unit: string, period: string): Group => {
    const unitIndexes = unit === "*" ? unitList.map((_, i) => i) : [unitList.findIndex((u) => String(u.id) === unit)];
    const atoms: number[] = [];
    const counts = new Array<number>(size).fill(0);
    for (const i of unitIndexes) {
      for (const m of monthsOfKey(periodFromTable(period))) {
        atoms.push(atom(i, m));
        (truth.get(um(unitList[i]!.id, m)) ?? []).forEach((v, k) => (counts[k]! += v));
      }
    }
    return {
      name: `${prefix} ${unit === "*" ? "region" : unitList.find((u) => String(u.id) === unit)!.slug} ${period}`,
      atoms,
      counts,
    };
  };
  const isPublished = (unit: string, period: string) => {
    const facts = said.get(`${prefix}|${unit}|${period}`);
    return facts !== undefined && facts.respondents !== null;
  };
  const units = [...unitList.map((u) => String(u.id)), ...(prefix === "skm" ? ["*"] : [])];
  const published: Group[] = [];
  const candidates: Group[] = [];
  const union = (name: string, parts: Group[]): Group => ({
    name,
    atoms: parts.flatMap((p) => p.atoms),
    counts: parts.reduce((sum, p) => sum.map((v, k) => v + p.counts[k]!), new Array<number>(size).fill(0)),
  });
  for (const unit of units) {
    for (const period of TABLE_PERIODS) {
      const g = cell(unit, period);
      if (isPublished(unit, period)) {
        expect(said.get(`${prefix}|${unit}|${period}`)!.respondents, `${g.name}: the published respondents are the true ones`).toBe(g.counts[0]);
        published.push(g);
      } else candidates.push(g);
    }
    for (const [, parts] of PERIOD_PARTS) {
      const hidden = parts.filter((p) => !isPublished(unit, p));
      if (hidden.length > 1)
        candidates.push(
          union(
            `${prefix} ${unit} ${hidden.join("+")}`,
            hidden.map((p) => cell(unit, p))
          )
        );
    }
  }
  if (prefix === "skm") {
    for (const period of TABLE_PERIODS) {
      const hidden = unitList.filter((u) => !isPublished(String(u.id), period));
      if (hidden.length > 1)
        candidates.push(
          union(
            `skm ${period} of ${hidden.map((u) => u.slug).join("+")}`,
            hidden.map((u) => cell(String(u.id), period))
          )
        );
    }
  }
  return expectNothingSmallRecoverable(unitList.length * 12, published, candidates);
}

describe("every published figure of a region and year, under attack", () => {
  it("gives no group of fewer than DISCLOSURE_MIN people, along units, periods and profile answers, and never disagrees", async () => {
    await collect();
    expect(said.size).toBeGreaterThan(unitList.length * PERIODS.length);

    const recoveredSkm = unitMonthAttack("skm", skmTruth, 1 + SKM_ELEMENTS.length);
    unitMonthAttack("ipak", spakTruth, 1 + SPAK_ITEMS.length);
    unitMonthAttack("ipkp", spkpTruth, 1 + SPKP_ITEMS.length);

    // Profile answers, unit by unit (no profile is published across units): atoms are
    // month × answer; a known SKM cell of the unit (published, or recovered above) is the
    // group of all its answers, a published count one answer's group.
    for (const unit of unitList) {
      const breakdowns: Record<string, readonly string[]> = { ...PROFILE_DIMENSIONS, source: SOURCE_DIMENSIONS.source };
      for (const dimension of Object.keys(breakdowns)) {
        const values = [...breakdowns[dimension]!, ""];
        const atom = (month: number, value: number) => (month - 1) * values.length + value;
        const group = (period: string, valueIndexes: number[], name: string): Group => {
          const atoms: number[] = [];
          let count = 0;
          for (const m of monthsOfKey(periodFromTable(period))) {
            for (const v of valueIndexes) {
              atoms.push(atom(m, v));
              count += profileTruth.get(`${unit.id}|${m}|${dimension}|${values[v]}`) ?? 0;
            }
          }
          return { name, atoms, counts: [count] };
        };
        const all = values.map((_, v) => v);
        const published: Group[] = [];
        const candidates: Group[] = [];
        for (const period of TABLE_PERIODS) {
          const skmKnown = said.get(`skm|${unit.id}|${period}`)?.respondents !== null || recoveredSkm.some((g) => g.name === `skm ${unit.slug} ${period}`);
          if (skmKnown) published.push(group(period, all, `${unit.slug} ${period}`));
          values.forEach((value, v) => {
            const g = group(period, [v], `${unit.slug} ${period} ${dimension}=${value || "not said"}`);
            const count = said.get(`profile|${unit.id}|${period}|${dimension}|${value}`)?.count;
            if (count !== undefined && count !== null) {
              expect(count, `${g.name}: the published count is the true one`).toBe(g.counts[0]);
              published.push(g);
            } else candidates.push(g);
          });
          const hidden = values.map((_, v) => v).filter((v) => (said.get(`profile|${unit.id}|${period}|${dimension}|${values[v]}`)?.count ?? null) === null);
          if (hidden.length > 1) candidates.push(group(period, hidden, `${unit.slug} ${period} ${dimension} hidden answers together`));
        }
        expectNothingSmallRecoverable(12 * values.length, published, candidates);
      }
    }
  }, 240_000);
});
