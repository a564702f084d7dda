/**
 * Report statistics: cells below the threshold are hidden, and no hidden cell can be recovered
 * by subtracting published cells from a published total (complementary suppression), across
 * units, categories and the periods of the year. On-time share per the status machine.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { REPORT_CATEGORIES } from "~/reports/form-schema";
import { suppress, type Line } from "~/publication/suppression";
import { buildReportStats, followUpTally, type ReportCount } from "~/reports/stats";
import type { ReportClock } from "~/reports/status-machine";

const MIN = 5;
const row = (unit: number | null, category: ReportCount["category"], month: number, reports: number, due = 0, onTime = 0, channel: ReportCount["channel"] = "web"): ReportCount => ({
  unit,
  category,
  channel,
  month,
  reports,
  due,
  onTime,
});

/**
 * What a reader can work out: published cells, then any cell that is a known total minus the
 * other known parts of its line, or a total of known parts. Leaks if a sensitive cell becomes
 * known, or a line with a known total has unknown parts worth 1 to min − 1 together.
 */
function leaks(counts: Map<string, number>, lines: readonly Line[], hidden: Set<string>, min: number): boolean {
  const known = new Set([...counts.keys()].filter((k) => !hidden.has(k)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const unknown = line.parts.filter((p) => !known.has(p));
      if (known.has(line.total) && unknown.length === 1) known.add(unknown[0]!);
      else if (!known.has(line.total) && unknown.length === 0) known.add(line.total);
      else continue;
      changed = true;
    }
  }
  const sensitive = [...counts].some(([k, v]) => v > 0 && v < min && known.has(k));
  const groups = lines.some((line) => {
    if (!known.has(line.total)) return false;
    const sum = line.parts.filter((p) => !known.has(p)).reduce((s, p) => s + (counts.get(p) ?? 0), 0);
    return sum > 0 && sum < min;
  });
  return sensitive || groups;
}

describe("suppress", () => {
  it("hides cells below the threshold and one more when a single hidden cell could be subtracted out", () => {
    const counts = new Map([
      ["total", 20],
      ["a", 12],
      ["b", 6],
      ["c", 2],
    ]);
    const hidden = suppress(counts, [{ total: "total", parts: ["a", "b", "c"] }], MIN);
    // c (2) is under 5; alone it would be 20 − 12 − 6, so the smallest other cell goes too.
    expect([...hidden].sort()).toEqual(["b", "c"]);
  });

  it("leaves a line alone when its hidden cells together reach the threshold", () => {
    const counts = new Map([
      ["total", 20],
      ["a", 12],
      ["b", 4],
      ["c", 4],
    ]);
    expect([...suppress(counts, [{ total: "total", parts: ["a", "b", "c"] }], MIN)].sort()).toEqual(["b", "c"]);
  });

  it("never leaves a line that reveals a hidden cell (random tables)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(12), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 5 }), (table) => {
        const counts = new Map<string, number>();
        const lines: Line[] = [];
        table.forEach((cells, r) => {
          cells.forEach((v, c) => counts.set(`${r}.${c}`, v));
          counts.set(`${r}.*`, cells.reduce((s, v) => s + v, 0));
          lines.push({ total: `${r}.*`, parts: cells.map((_, c) => `${r}.${c}`) });
        });
        for (let c = 0; c <= 3; c++) {
          const key = c === 3 ? "*" : String(c);
          counts.set(`*.${key}`, table.reduce((s, cells, r) => s + (counts.get(`${r}.${key}`) ?? 0), 0));
          lines.push({ total: `*.${key}`, parts: table.map((_, r) => `${r}.${key}`) });
        }
        const hidden = suppress(counts, lines, MIN);
        for (const [key, value] of counts) {
          if (value > 0 && value < MIN) expect(hidden.has(key)).toBe(true);
          if (value === 0) expect(hidden.has(key)).toBe(false);
        }
        expect(leaks(counts, lines, hidden, MIN)).toBe(false);
      }),
    );
  });
});

describe("buildReportStats", () => {
  const units = [1, 2, 3];

  it("publishes counts at or above the threshold, true to the data, and hides the others", () => {
    const rows = [
      row(1, "pungli", 1, 9),
      row(1, "pungli", 4, 8),
      row(1, "calo", 2, 6),
      row(1, "calo", 5, 6),
      row(2, "pungli", 1, 3),
      row(3, "pungli", 1, 4),
      row(3, "pungli", 3, 7),
      row(null, "suap", 4, 2),
    ];
    const stats = buildReportStats(units, rows, MIN);
    const truth = (u: number | "none" | "*", c: string, months: number[]) =>
      rows
        .filter((r) => (u === "*" || (r.unit ?? "none") === u) && (c === "*" || r.category === c) && months.includes(r.month))
        .reduce((s, r) => s + r.reports, 0);
    const year = Array.from({ length: 12 }, (_, i) => i + 1);
    let published = 0;
    for (const u of [1, 2, 3, "none", "*"] as const) {
      for (const c of ["*", ...REPORT_CATEGORIES]) {
        for (const [period, months] of [["Y", year], ["Q1", [1, 2, 3]], ["Q2", [4, 5, 6]], ["M01", [1]], ["M04", [4]]] as const) {
          const cell = stats.count(u, c as "*", period);
          const value = truth(u, c, [...months]);
          if (value > 0 && value < MIN) expect(cell.published).toBe(false);
          if (cell.published) {
            expect(cell.value).toBe(value);
            published += 1;
          }
        }
      }
    }
    expect(published).toBeGreaterThan(100);
    expect(stats.count("*", "*", "Y")).toEqual({ value: 45, published: true });
    expect(stats.count(2, "pungli", "Y")).toEqual({ value: null, published: false });
    // Unit 2's 3 pungli reports in January must not be the region's January minus the others.
    const january = [1, 2, 3, "none"].map((u) => stats.count(u as number, "pungli", "M01"));
    expect(january.filter((p) => !p.published).length).toBeGreaterThanOrEqual(2);
    // Reports without a unit count only at region level, and 2 is below the threshold there too.
    expect(stats.count("none", "suap", "Y").published).toBe(false);
    expect(stats.count("*", "suap", "Y").published).toBe(false);
  });

  it("protects months against the published year: no month is the year minus the others", () => {
    // Unit 1 in 2026: 6 reports in January, 1 in May. Year 7 and January 6 are both above 5.
    const stats = buildReportStats(units, [row(1, "pungli", 1, 6), row(1, "pungli", 5, 1)], MIN);
    const year = stats.count(1, "pungli", "Y");
    const months = Array.from({ length: 12 }, (_, i) => stats.count(1, "pungli", `M${String(i + 1).padStart(2, "0")}`));
    if (year.published) {
      const hiddenMonths = months.filter((m) => !m.published);
      const publishedSum = months.reduce((s, m) => s + (m.value ?? 0), 0);
      // What the reader can deduce about the hidden months together is at least the threshold.
      expect(year.value - publishedSum === 0 || year.value - publishedSum >= MIN).toBe(true);
      expect(hiddenMonths.length).toBeGreaterThan(0);
    }
    expect(months[0]).toEqual({ value: null, published: false });
    expect(stats.count(1, "pungli", "Q1").published).toBe(false);
  });

  it("follows the threshold it is given", () => {
    const stats = buildReportStats(units, [row(1, "pungli", 1, 3), row(2, "pungli", 1, 3)], 1);
    expect(stats.count(1, "pungli", "M01")).toEqual({ value: 3, published: true });
    expect(stats.count(3, "calo", "M01")).toEqual({ value: 0, published: true });
  });

  it("gives the on-time share with its counts, only where the reports due reach the threshold", () => {
    const stats = buildReportStats(
      units,
      [row(1, "pungli", 1, 10, 8, 6), row(1, "calo", 2, 2, 2, 2), row(2, "pungli", 3, 12, 3, 1), row(3, "calo", 1, 8, 6, 6)],
      MIN,
    );
    expect(stats.onTime(1, "Y")).toEqual({ due: 10, onTime: 8, share: 0.8, published: true });
    expect(stats.onTime(2, "Y")).toEqual({ due: null, onTime: null, share: null, published: false });
    // Unit 2's 3 would be 19 − 10 − 6: the smallest other unit's figure is held back too.
    expect(stats.onTime(3, "Y").published).toBe(false);
    expect(stats.onTime("*", "Y")).toEqual({ due: 19, onTime: 15, share: 0.7895, published: true });
  });

  it("counts reports by channel under the same rule, so no channel is the total minus the others", () => {
    const clear = buildReportStats(units, [row(1, "pungli", 1, 9), row(2, "calo", 2, 7, 0, 0, "phone"), row(1, "calo", 4, 6, 0, 0, "phone")], MIN);
    expect(clear.channel("web", "Y")).toEqual({ value: 9, published: true });
    expect(clear.channel("phone", "Y")).toEqual({ value: 13, published: true });
    expect(clear.channel("whatsapp", "Y")).toEqual({ value: 0, published: true });
    expect(clear.channel("phone", "M02")).toEqual({ value: 7, published: true });

    const rows = [row(1, "pungli", 1, 9), row(2, "calo", 2, 7, 0, 0, "phone"), row(3, "pungli", 3, 2, 0, 0, "letter"), row(1, "calo", 4, 6, 0, 0, "phone")];
    const stats = buildReportStats(units, rows, MIN);
    // 2 letters: hidden, and the region's year (24) minus web and phone would give them away,
    // so another channel figure or the total is held back too.
    expect(stats.channel("letter", "Y").published).toBe(false);
    expect(stats.channel("letter", "Q1").published).toBe(false);
    const total = stats.count("*", "*", "Y");
    const others = (["web", "phone", "whatsapp", "complaint_box", "in_person"] as const).map((c) => stats.channel(c, "Y"));
    expect(total.published && others.every((c) => c.published)).toBe(false);
    const truth = { web: 9, phone: 13, whatsapp: 0, complaint_box: 0, in_person: 0 };
    for (const [c, value] of Object.entries(truth)) {
      const cell = stats.channel(c as "web", "Y");
      if (cell.published) expect(cell.value).toBe(value);
    }
  });

  it("publishes zero, where nobody reported anything, for every category", () => {
    const stats = buildReportStats(units, [], MIN);
    for (const c of REPORT_CATEGORIES) expect(stats.count("*", c, "Y")).toEqual({ value: 0, published: true });
    expect(stats.onTime(1, "Y")).toEqual({ due: 0, onTime: 0, share: null, published: true });
  });
});

describe("followUpTally", () => {
  const base: ReportClock = {
    status: "verified",
    outcome: null,
    receivedOn: "2026-03-02",
    triagedOn: "2026-03-03",
    triageDueOn: "2026-03-05",
    verifiedOn: "2026-03-04",
    followUpDueOn: "2026-03-11",
    followedUpOn: null,
    closeDueOn: null,
    closedOn: null,
  };

  it("counts a verified report once followed up or past its deadline", () => {
    expect(followUpTally({ ...base, status: "forwarded", followedUpOn: "2026-03-10" }, "2026-03-20")).toEqual({ due: true, onTime: true });
    expect(followUpTally({ ...base, status: "forwarded", followedUpOn: "2026-03-12" }, "2026-03-20")).toEqual({ due: true, onTime: false });
    expect(followUpTally(base, "2026-03-12")).toEqual({ due: true, onTime: false });
    // Still within its deadline: not yet late, not yet counted.
    expect(followUpTally(base, "2026-03-11")).toEqual({ due: false, onTime: false });
  });

  it("leaves out reports closed before verification", () => {
    expect(
      followUpTally({ ...base, status: "closed", outcome: "spam", verifiedOn: null, followUpDueOn: null, closedOn: "2026-03-03" }, "2026-04-01"),
    ).toEqual({ due: false, onTime: false });
  });
});
