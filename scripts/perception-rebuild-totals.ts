/** `npm run perception:rebuild-totals`: recomputes the perception running totals from the stored responses. */
import { rebuildPerceptionTotals } from "../app/perception/responses.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel));
try {
  const { days } = await rebuildPerceptionTotals(database.db);
  console.log(`Rebuilt the perception totals: ${days} unit-days.`);
} finally {
  await database.close();
}
