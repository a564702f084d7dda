/**
 * `npm run zi:import-lke -- --unit REGION/UNIT --year YYYY FILE.json`: imports a kept LKE
 * (format in app/zi/import.ts and docs/zona-integritas.md) and submits it. All or nothing:
 * every problem is listed and nothing is stored. Prints the total and the readiness.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { createLogger } from "../app/utils/logger.server";
import { parseYear } from "../app/zi/form-schema";
import { importLke } from "../app/zi/import.server";
import { findUnitByAddress } from "../app/org/queries.server";
import type { Readiness } from "../app/zi/score-types";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const MAX_BYTES = 1024 * 1024;

function usage(message: string): never {
  console.error(message);
  console.error("Usage: npm run zi:import-lke -- --unit REGION/UNIT --year YYYY FILE.json");
  process.exit(2);
}

let unitAddress: string | undefined;
let yearText: string | undefined;
let file: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { unit: { type: "string" }, year: { type: "string" } }, allowPositionals: true });
  unitAddress = values.unit;
  yearText = values.year;
  if (positionals.length !== 1) usage("Give exactly one JSON file.");
  file = positionals[0];
} catch (error) {
  usage((error as Error).message);
}
const [regionSlug, unitSlug, ...extra] = (unitAddress ?? "").split("/");
if (!regionSlug || !unitSlug || extra.length > 0) usage("--unit must be REGION/UNIT, e.g. kota-palangka-raya/disdukcapil");
const year = parseYear(yearText);
if (year === null) usage("--year must be a year YYYY between 2000 and 2100");

let text: string;
try {
  if (statSync(file!).size > MAX_BYTES) usage(`${file} is larger than 1 MB`);
  text = readFileSync(file!, "utf8");
} catch (error) {
  usage(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

function describe(name: string, readiness: Readiness): string {
  if (readiness.ready) return `${name}: ready`;
  const open = readiness.requirements.filter((r) => r.met !== true).map((r) => (r.area ? `${r.key} (${r.area})` : r.key));
  return `${name}: ${readiness.ready === false ? "not ready" : "undecided"}, ${open.join(", ")}`;
}

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
try {
  const unit = await findUnitByAddress(database.db, regionSlug, unitSlug, { includeInactive: true });
  if (!unit) {
    console.error(`There is no unit ${regionSlug}/${unitSlug}.`);
    process.exitCode = 1;
  } else {
    const outcome = await importLke(database.db, unit, year, text, config.disclosureMin);
    if (!outcome.ok) {
      console.error(`${file}: nothing imported, ${outcome.problems.length} problem${outcome.problems.length === 1 ? "" : "s"}:`);
      for (const problem of outcome.problems) console.error(`  ${problem}`);
      process.exitCode = 1;
    } else {
      const { score } = outcome;
      console.log(`Imported the LKE ${year} of ${regionSlug}/${unitSlug} and submitted it as version ${outcome.version} (${score.profileId}).`);
      console.log(`Total ${score.total?.toFixed(2)}: pengungkit ${score.pengungkit.points?.toFixed(2)}, hasil ${score.hasil.points?.toFixed(2)}.`);
      console.log(describe("WBK", score.wbk));
      console.log(describe("WBBM", score.wbbm));
    }
  }
} finally {
  await database.close();
}
