/** `npm run reports:rekey`: re-seals report content sealed with an older ENCRYPTION_KEYS key under the current (first) key. */
import { rekeyReports } from "../app/reports/rekey.server";
import { createLogger } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger(config.logLevel === "info" ? "warn" : config.logLevel), { seed: false });
try {
  const counts = await rekeyReports(database.db, config.secrets.encryptionKeys);
  console.log(
    `Re-sealed with key "${config.secrets.encryptionKeys[0]!.id}": ${counts.reports} reports, ${counts.messages} messages, ` +
      `${counts.reasons} reasons, ${counts.files} files, ${counts.forwards} forwarded summaries.`,
  );
} finally {
  await database.close();
}
