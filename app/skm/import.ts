/**
 * Paper SKM responses from CSV (the contract in docs/skm.md):
 *   date,service,sex,age,education,occupation,u1,…,u9
 * date YYYY-MM-DD; sex L|P; education SD|SMP|SMA|D3|S1|S2|S3;
 * occupation PNS|TNI|POLRI|SWASTA|WIRAUSAHA|PELAJAR|LAINNYA; u1…u9 1–4 or blank;
 * demographics may be blank. All or nothing: every problem is reported with its line.
 * Pure: the caller reads the file and stores the rows.
 */
import { parse } from "csv-parse/sync";
import { SKM_ELEMENTS, type SkmElement } from "../regulation/skm";
import { isCalendarDate } from "../utils/calendar";
import type { NewResponse } from "./responses.server";

const CSV_COLUMNS = ["date", "service", "sex", "age", "education", "occupation", ...SKM_ELEMENTS] as const;

const EDUCATION = ["SD", "SMP", "SMA", "D3", "S1", "S2", "S3"] as const;
const OCCUPATION = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;

export interface ImportProblem {
  line: number;
  message: string;
}

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

/** Matches a service by its name or slug, ignoring case and extra spaces. */
function findService(services: readonly ServiceRef[], value: string): ServiceRef | undefined {
  const wanted = value.trim().replace(/\s+/g, " ").toLowerCase();
  return services.find((s) => s.name.toLowerCase() === wanted || s.slug === wanted) ??
    // "KTP-el" matches "KTP-el (Kartu Tanda Penduduk elektronik)": the short name before the bracket.
    services.find((s) => s.name.split(" (")[0]!.toLowerCase() === wanted);
}

export function parseSkmCsv(
  text: string,
  services: readonly ServiceRef[],
  options: { today: string },
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], problems: [{ line, message: `not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header || header.map((h) => h.toLowerCase()).join(",") !== CSV_COLUMNS.join(",")) {
    return { rows: [], problems: [{ line: 1, message: `the header must be exactly: ${CSV_COLUMNS.join(",")}` }] };
  }
  if (body.length === 0) return { rows: [], problems: [{ line: 2, message: "the file has no responses" }] };

  const rows: ImportedRow[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const problem = (message: string) => problems.push({ line, message });
    if (cells.length !== CSV_COLUMNS.length) {
      problem(`expected ${CSV_COLUMNS.length} columns, found ${cells.length}`);
      return;
    }
    const cell = (column: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(column)] ?? "";
    const before = problems.length;

    const date = cell("date");
    if (!isCalendarDate(date)) problem(`date "${date}" is not a date in the form YYYY-MM-DD`);
    else if (date > options.today) problem(`date ${date} is in the future`);

    const service = findService(services, cell("service"));
    if (!service) problem(`service "${cell("service")}" is not a service of this unit`);

    const sex = cell("sex").toUpperCase();
    if (sex !== "" && sex !== "L" && sex !== "P") problem(`sex "${cell("sex")}" must be L, P or blank`);

    const ageText = cell("age");
    const age = Number(ageText);
    if (ageText !== "" && (!/^\d{1,3}$/.test(ageText) || age > 120)) problem(`age "${ageText}" must be a whole number from 0 to 120 or blank`);

    const educationValue = cell("education").toUpperCase();
    if (educationValue !== "" && !(EDUCATION as readonly string[]).includes(educationValue)) {
      problem(`education "${cell("education")}" must be one of ${EDUCATION.join(", ")} or blank`);
    }
    const occupationValue = cell("occupation").toUpperCase();
    if (occupationValue !== "" && !(OCCUPATION as readonly string[]).includes(occupationValue)) {
      problem(`occupation "${cell("occupation")}" must be one of ${OCCUPATION.join(", ")} or blank`);
    }

    const answers = {} as Record<SkmElement, number | null>;
    for (const element of SKM_ELEMENTS) {
      const value = cell(element);
      if (value === "") answers[element] = null;
      else if (/^[1-4]$/.test(value)) answers[element] = Number(value);
      else problem(`${element} "${value}" must be 1, 2, 3, 4 or blank`);
    }
    if (problems.length === before && SKM_ELEMENTS.every((e) => answers[e] === null)) problem("no question is answered");
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
