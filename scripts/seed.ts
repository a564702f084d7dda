/** `npm run db:seed`: seeds the organisation structure (and demo data unless DEMO_DATA=off). Idempotent. */
import { seed } from "#seed/seed";
import { createLogger } from "../app/utils/logger.server";
import { describeTarget, openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const config = readConfigOrExit();
const handle = await openConfiguredDatabase(config, createLogger(config.logLevel), { seed: false });
await seed(handle.db, { demo: config.demoData, secrets: config.secrets });
console.log(`Seeded ${describeTarget(config)}${config.demoData ? " with demo data" : ""}.`);
await handle.close();
