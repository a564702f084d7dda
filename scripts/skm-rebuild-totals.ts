/** `npm run skm:rebuild-totals`: recomputes the SKM running totals from the stored responses. */
import { rebuildDailyTotals } from "../app/skm/responses.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
try {
  const { days } = await rebuildDailyTotals(database.db);
  console.log(`Rebuilt the SKM totals: ${days} unit-days.`);
} finally {
  await database.close();
}
