/**
 * `npm run skm:import -- --unit REGION/UNIT FILE.csv`: imports paper SKM responses.
 * All or nothing: one bad row rejects the file, every problem is listed by line, nothing is
 * stored. Prints the number of rows imported.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import i18next from "i18next";
import enSkm from "../locales/en/skm.json";
import { importSkmCsv } from "../app/skm/import.server";
import { findUnitByAddress } from "../app/org/queries.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const MAX_BYTES = 50 * 1024 * 1024;

function usage(message: string): never {
  console.error(message);
  console.error("Usage: npm run skm:import -- --unit REGION/UNIT FILE.csv");
  process.exit(2);
}

let unitAddress: string | undefined;
let file: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { unit: { type: "string" } }, allowPositionals: true });
  unitAddress = values.unit;
  if (positionals.length !== 1) usage("Give exactly one CSV file.");
  file = positionals[0];
} catch (error) {
  usage((error as Error).message);
}
const [regionSlug, unitSlug, ...extra] = (unitAddress ?? "").split("/");
if (!regionSlug || !unitSlug || extra.length > 0) usage("--unit must be REGION/UNIT, e.g. kota-palangka-raya/disdukcapil");

let bytes: Buffer;
try {
  if (statSync(file!).size > MAX_BYTES) usage(`${file} is larger than 50 MB`);
  bytes = readFileSync(file!);
} catch (error) {
  usage(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
try {
  const unit = await findUnitByAddress(database.db, regionSlug, unitSlug, { includeInactive: true });
  if (!unit) {
    console.error(`There is no unit ${regionSlug}/${unitSlug}.`);
    process.exitCode = 1;
  } else {
    const outcome = await importSkmCsv(database.db, { unit, bytes, hashKey: config.secrets.hashKey, actor: { staffId: null, role: "system" }, now: new Date() });
    if (outcome.status === "invalid") {
      // The same messages the upload page shows, in English.
      const t = i18next.createInstance();
      await t.init({ lng: "en", resources: { en: { skm: enSkm } }, defaultNS: "skm", interpolation: { escapeValue: false } });
      const { problems } = outcome;
      console.error(`${file}: nothing imported, ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
      for (const { line, code, ...values } of problems) console.error(`  ${line === 0 ? "file" : `line ${line}`}: ${t.t(`import.problems.${code}`, values)}`);
      process.exitCode = 1;
    } else if (outcome.status === "duplicate") {
      console.error(`${file}: nothing imported: this file was already imported into ${regionSlug}/${unitSlug} on ${outcome.importedAt.toISOString().slice(0, 10)} (${outcome.responses} rows).`);
      process.exitCode = 1;
    } else {
      console.log(`Imported ${outcome.imported} rows into ${regionSlug}/${unitSlug}.`);
    }
  }
} finally {
  await database.close();
}
