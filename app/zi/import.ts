/**
 * A kept LKE as JSON, for `npm run zi:import-lke` (pure validation):
 *   {"pengungkit": {"pemenuhan": {AREA: {SUBAREA: fraction 0–1}}, "reform": {…}},
 *    "capaianKinerja": "A"–"E", "ipak": optional 0–4, "ipkp": optional 0–4}
 * Area and sub-area names exactly as in the regulation profile. A kept LKE is complete, so a
 * missing sub-area is an error like any other; every problem is listed, nothing is partial.
 */
import type { LkeComponentKey, PerformanceGrade, ZiProfile } from "../regulation/zi";

/** Sub-area fractions (at most four decimals) by component, area and sub-area. */
type ImportedValues = Record<LkeComponentKey, Record<string, Record<string, number>>>;

interface LkeImport {
  subareas: ImportedValues;
  capaianKinerja: PerformanceGrade;
  /** Official indices; null when the file has none (the portal's monitoring is used). */
  ipak: number | null;
  ipkp: number | null;
}

export type LkeImportResult = { ok: true; data: LkeImport } | { ok: false; problems: string[] };

const COMPONENTS: readonly LkeComponentKey[] = ["pemenuhan", "reform"];
const GRADES: readonly PerformanceGrade[] = ["A", "B", "C", "D", "E"];
const TOP_LEVEL = ["pengungkit", "capaianKinerja", "ipak", "ipkp"];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** Edit distance, to suggest the name a misspelt one was meant to be. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownName(kind: string, name: string, where: string, valid: readonly string[]): string {
  const lower = name.toLowerCase();
  const near = (candidate: string) => distance(lower, candidate.toLowerCase());
  // A shortened name ("Penanganan Pengaduan") or a small misspelling points at one name.
  const best =
    valid.find((v) => lower.length >= 4 && v.toLowerCase().includes(lower)) ??
    [...valid].sort((x, y) => near(x) - near(y)).find((v) => near(v) <= Math.max(3, Math.floor(v.length / 4)));
  return `unknown ${kind} ${JSON.stringify(name)} in ${where}${best ? `; did you mean ${JSON.stringify(best)}?` : ""} Valid: ${quoted(valid)}`;
}

function decimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
}

function index(value: unknown, name: string, max: number, problems: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max || !decimals(value, 2)) {
    problems.push(`${name} must be a number from 0 to ${max} with at most two decimals, not ${JSON.stringify(value)}`);
    return null;
  }
  return value;
}

export function parseLkeImport(text: string, profile: ZiProfile): LkeImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (!isObject(json)) return { ok: false, problems: ["the file must hold one JSON object"] };
  const problems: string[] = [];
  for (const key of Object.keys(json)) if (!TOP_LEVEL.includes(key)) problems.push(unknownName("field", key, "the file", TOP_LEVEL));

  const subareas: ImportedValues = { pemenuhan: {}, reform: {} };
  const pengungkit = json.pengungkit;
  if (!isObject(pengungkit)) problems.push('"pengungkit" must be an object with "pemenuhan" and "reform"');
  else {
    for (const key of Object.keys(pengungkit)) if (!COMPONENTS.includes(key as LkeComponentKey)) problems.push(unknownName("component", key, "pengungkit", COMPONENTS));
    for (const component of COMPONENTS) {
      const given = pengungkit[component];
      const where = `pengungkit.${component}`;
      if (!isObject(given)) {
        problems.push(`"${where}" must be an object of areas`);
        continue;
      }
      const areas = profile.pengungkit[component];
      for (const name of Object.keys(given)) if (!areas.some((a) => a.area === name)) problems.push(unknownName("area", name, where, areas.map((a) => a.area)));
      for (const area of areas) {
        const values = given[area.area];
        const areaWhere = `${where}.${JSON.stringify(area.area)}`;
        const names = area.subareas.map((s) => s.name);
        if (values === undefined) {
          problems.push(`missing area ${areaWhere} (sub-areas ${quoted(names)})`);
          continue;
        }
        if (!isObject(values)) {
          problems.push(`${areaWhere} must be an object of sub-areas`);
          continue;
        }
        for (const name of Object.keys(values)) if (!names.includes(name)) problems.push(unknownName("sub-area", name, areaWhere, names));
        subareas[component][area.area] = {};
        for (const sub of names) {
          const value = values[sub];
          if (value === undefined) problems.push(`missing sub-area ${areaWhere}.${JSON.stringify(sub)}`);
          else if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1 || !decimals(value, 4)) {
            problems.push(`${areaWhere}.${JSON.stringify(sub)} must be a fraction from 0 to 1 with at most four decimals, not ${JSON.stringify(value)}`);
          } else subareas[component][area.area]![sub] = value;
        }
      }
    }
  }

  const grade = json.capaianKinerja;
  if (typeof grade !== "string" || !GRADES.includes(grade as PerformanceGrade)) {
    problems.push(`capaianKinerja must be one of ${GRADES.join(", ")}, not ${JSON.stringify(grade ?? null)}`);
  }
  const ipak = index(json.ipak, "ipak", profile.indexMax, problems);
  const ipkp = index(json.ipkp, "ipkp", profile.indexMax, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { subareas, capaianKinerja: grade as PerformanceGrade, ipak, ipkp } };
}
