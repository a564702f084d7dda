/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { createLogger } from "../app/utils/logger.server";
import { describeTarget, openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const config = readConfigOrExit();
const handle = await openConfiguredDatabase(config, createLogger(config.logLevel), { seed: false });
console.log(`Migrations applied (${describeTarget(config)}).`);
await handle.close();
