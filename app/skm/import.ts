/**
 * Paper SKM responses from CSV (the contract in docs/skm.md):
 *   date,service,sex,age,education,occupation,u1,…,u9
 * date YYYY-MM-DD; sex L|P; education SD|SMP|SMA|D3|S1|S2|S3;
 * occupation PNS|TNI|POLRI|SWASTA|WIRAUSAHA|PELAJAR|LAINNYA; u1…u9 1–4 or blank;
 * demographics may be blank. All or nothing: every problem is reported with its line.
 * Pure: the caller reads the file and stores the rows.
 */
import { parse } from "csv-parse/sync";
import { toCsv } from "../moderation/csv";
import { SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { isCalendarDate } from "../utils/calendar";
import type { NewResponse } from "./responses.server";

const CSV_COLUMNS = ["date", "service", "sex", "age", "education", "occupation", ...SKM_ELEMENTS] as const;

const EDUCATION = ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"] as const;
const OCCUPATION = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;

export const CSV_HEADER = CSV_COLUMNS.join(",");
export const EDUCATION_CODES = EDUCATION;
export const OCCUPATION_CODES = OCCUPATION;

/**
 * One problem of a file, tied to its line (0 when the file as a whole is unreadable). The
 * code names the message (`import.problems.<code>` in locales/<lang>/skm.json); the
 * parameters fill it in. Pages translate it; the command prints the English message.
 */
export type ImportProblem = { line: number } & (
  | { code: "encoding" }
  | { code: "notCsv" }
  | { code: "header"; expected: string }
  | { code: "empty" }
  | { code: "columns"; expected: number; found: number }
  | { code: "date"; value: string }
  | { code: "dateFuture"; value: string }
  | { code: "service"; value: string }
  | { code: "sex"; value: string }
  | { code: "age"; value: string }
  | { code: "education"; value: string; allowed: string }
  | { code: "occupation"; value: string; allowed: string }
  | { code: "answer"; column: string; value: string }
  | { code: "noAnswer" }
);

/** A problem before its line is known. */
type LineProblem = ImportProblem extends infer P ? (P extends ImportProblem ? Omit<P, "line"> : never) : never;

export interface ServiceRef {
  id: number;
  slug: string;
  name: string;
}

export type ImportedRow = Omit<NewResponse, "unitId" | "source" | "profileId">;

function ageBandOf(age: number): NonNullable<NewResponse["ageBand"]> {
  if (age < 20) return "lt20";
  if (age < 30) return "20_29";
  if (age < 40) return "30_39";
  if (age < 50) return "40_49";
  if (age < 60) return "50_59";
  return "gte60";
}

/** What a paper questionnaire and the CSV template name a service by: its short name, before the bracket. */
export function serviceCode(service: Pick<ServiceRef, "name">): string {
  return service.name.split(" (")[0]!;
}

/**
 * The CSV template: the header and one example line (the unit's first service, the given
 * date, a full profile and an answer to every question), to overwrite with real answers.
 */
export function templateCsv(services: ReadonlyArray<Pick<ServiceRef, "name">>, today: string): string {
  const service = services[0] ? serviceCode(services[0]) : "";
  return toCsv(CSV_COLUMNS, [[today, service, "P", 35, "SMA", "WIRAUSAHA", 4, 3, 3, 4, 3, 4, 4, 3, 3]]);
}

/** Matches a service by its name or slug, ignoring case and extra spaces. */
function findService(services: readonly ServiceRef[], value: string): ServiceRef | undefined {
  const wanted = value.trim().replace(/\s+/g, " ").toLowerCase();
  return services.find((s) => s.name.toLowerCase() === wanted || s.slug === wanted) ??
    // "KTP-el" matches "KTP-el (Kartu Tanda Penduduk elektronik)": the short name before the bracket.
    services.find((s) => serviceCode(s).toLowerCase() === wanted);
}

export function parseSkmCsv(
  text: string,
  services: readonly ServiceRef[],
  options: { today: string },
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    // csv-parse names the line where the file stops being CSV (an unclosed quote, say).
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], problems: [{ line, code: "notCsv" }] };
  }
  const [header, ...body] = records;
  if (!header || header.record.map((h) => h.toLowerCase()).join(",") !== CSV_HEADER) {
    return { rows: [], problems: [{ line: header?.info.lines ?? 1, code: "header", expected: CSV_HEADER }] };
  }
  if (body.length === 0) return { rows: [], problems: [{ line: header.info.lines + 1, code: "empty" }] };

  const rows: ImportedRow[] = [];
  body.forEach(({ record: cells, info }) => {
    // The line the record ends on: the file's own line number, blank lines included.
    const line = info.lines;
    const problem = (found: LineProblem) => problems.push({ line, ...found });
    if (cells.length !== CSV_COLUMNS.length) {
      problem({ code: "columns", expected: CSV_COLUMNS.length, found: cells.length });
      return;
    }
    const cell = (column: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(column)] ?? "";
    const before = problems.length;

    const date = cell("date");
    if (!isCalendarDate(date)) problem({ code: "date", value: date });
    else if (date > options.today) problem({ code: "dateFuture", value: date });

    const service = findService(services, cell("service"));
    if (!service) problem({ code: "service", value: cell("service") });

    const sex = cell("sex").toUpperCase();
    if (sex !== "" && sex !== "L" && sex !== "P") problem({ code: "sex", value: cell("sex") });

    const ageText = cell("age");
    const age = Number(ageText);
    if (ageText !== "" && (!/^\d{1,3}$/.test(ageText) || age > 120)) problem({ code: "age", value: ageText });

    const educationValue = cell("education").toUpperCase();
    if (educationValue !== "" && !(EDUCATION as readonly string[]).includes(educationValue)) {
      problem({ code: "education", value: cell("education"), allowed: EDUCATION.join(", ") });
    }
    const occupationValue = cell("occupation").toUpperCase();
    if (occupationValue !== "" && !(OCCUPATION as readonly string[]).includes(occupationValue)) {
      problem({ code: "occupation", value: cell("occupation"), allowed: OCCUPATION.join(", ") });
    }

    const answers = {} as Record<SkmElement, number | null>;
    for (const element of SKM_ELEMENTS) {
      const value = cell(element);
      if (value === "") answers[element] = null;
      else if (/^[1-4]$/.test(value)) answers[element] = Number(value);
      else problem({ code: "answer", column: element, value });
    }
    if (problems.length === before && SKM_ELEMENTS.every((e) => answers[e] === null)) problem({ code: "noAnswer" });
    if (problems.length > before || !service) return;

    rows.push({
      serviceId: service.id,
      respondedOn: date,
      sex: sex === "" ? null : (sex as "L" | "P"),
      ageBand: ageText === "" ? null : ageBandOf(age),
      education: educationValue === "" ? null : (educationValue as (typeof EDUCATION)[number]),
      occupation: occupationValue === "" ? null : (occupationValue as (typeof OCCUPATION)[number]),
      answers,
    });
  });
  return { rows: problems.length ? [] : rows, problems };
}
