/**
 * The web server: validates configuration, opens and migrates the database, seeds an empty
 * one, then serves the Remix build. Stateless apart from the database, so several copies
 * can run behind a load balancer or as workers of `WEB_PROCESSES=N npm start` (scripts/start.ts);
 * housekeeping runs once an hour across all of them.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { alertRound } from "../app/alerts/delivery.server";
import { createLoadContext } from "../app/utils/context.server";
import { housekeeping } from "../app/utils/housekeeping.server";
import { runExclusive } from "../app/utils/exclusive.server";
import { createAppRequestHandler, refusedRequest } from "../app/utils/request-handler.server";
import { bodyLimitsFor, checkRequestLine } from "../app/utils/request-guard.server";
import { createLogger, errorForLog, flushReportLogs } from "../app/utils/logger.server";
import { openConfiguredDatabase, readConfigOrExit } from "./bootstrap";
import { clientAddress, sendFetchResponse } from "./node-adapter";
import { createExpressApp } from "./support/express-app";

const BUILD_PATH = path.resolve("build/index.js");
/** Slightly under the timer's hour, so that a tick a little early still runs. */
const HOUSEKEEPING_EVERY = 55 * 60_000;

const config = readConfigOrExit();
const log = createLogger(config.logLevel);

if (config.fallbackSecrets.length > 0) {
  log.warn(
    { secrets: config.fallbackSecrets },
    `secrets not set in the environment are kept in ${config.dataDir}/secrets.json: set them explicitly in a real deployment`,
  );
}
if (!config.captcha) {
  log.warn("hCaptcha keys are not set: the challenge asked on suspicion is the portal's own question, weaker than hCaptcha (set HCAPTCHA_SITE_KEY and HCAPTCHA_SECRET)");
}

if (config.env === "production" && !config.publicUrlSet) {
  log.warn(`PUBLIC_URL is not set: QR posters and set-up links point to ${config.publicUrl} (set PUBLIC_URL to the portal's public address)`);
}

const database = await openConfiguredDatabase(config, log);

if (!existsSync(BUILD_PATH)) {
  console.error("The app is not built: run `npm run build` (or `npm start`, which builds when needed).");
  process.exit(1);
}
const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;

// Before anything else reads the request: odd methods, targets and hosts, and a declared body
// larger than any route takes, are answered at once (the rest is never read). The app's own
// guard (request-guard.server.ts) then bounds each route's body while reading it.
const largestBody = bodyLimitsFor("/report", config.reports).bytes;
const handle = createAppRequestHandler(build);
const app = createExpressApp({
  publicDir: path.resolve("public"),
  before: (req, res, next) => {
    const problem = checkRequestLine(req.method, req.originalUrl, req.headers.host, req.headers["content-length"], largestBody);
    if (problem === null || problem.ok) return next();
    sendFetchResponse(res, refusedRequest(problem.status, problem.problem)).catch(next);
  },
  handle: (request, req) => handle(request, createLoadContext({ db: database.db, config, log, clientAddress: clientAddress(req, config.trustProxy) })),
});

// Every process has the timer; one run per hour happens across all of them (exclusive.server.ts).
const tidy = () =>
  runExclusive(database.db, "housekeeping", () => housekeeping(database.db, config), { every: HOUSEKEEPING_EVERY })
    .then(({ ran }) => log.info({ ran }, ran ? "housekeeping ran" : "housekeeping left to another process"))
    .catch((error: unknown) => log.error({ err: errorForLog(error) }, "housekeeping failed"));
await tidy();
setInterval(tidy, 3_600_000).unref();

if (!config.alerts.smtpUrl) {
  log.warn("SMTP_URL is not set: staff alerts wait in the outbox (installation admins see them at /staff/outbox)");
}
// Staff alerts: hourly release, deadline scan, digests and sending, in every process (the
// outbox rows are claimed with a lease, so processes never send one alert twice). Errors are
// logged by code only: a message could hold an address.
let alertsRunning = false;
const alerts = () => {
  if (alertsRunning) return;
  alertsRunning = true;
  alertRound(database.db, config, new Date())
    .then((result) => {
      if (result.failed.length > 0) log.warn({ failed: result.failed.length, codes: [...new Set(result.failed.map((f) => f.code))] }, "some alerts could not be sent; they will be retried");
    })
    .catch((error: unknown) => log.error({ err: errorForLog(error) }, "alert round failed"))
    .finally(() => {
      alertsRunning = false;
    });
};
setInterval(alerts, 30_000).unref();

const server = app.listen(config.port, config.host, () => {
  log.info({ port: config.port, database: database.target.driver }, `Pintu Depan is serving on http://localhost:${config.port}`);
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
});

server.on("error", (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === "EADDRINUSE"
      ? `port ${config.port} is already in use (set PORT to another port)`
      : error.code === "EACCES"
        ? `no permission to listen on port ${config.port}`
        : error.message;
  console.error(`Cannot start the server: ${reason}`);
  void database.close().finally(() => process.exit(1));
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  flushReportLogs();
  server.close(() => {
    void database.close().finally(() => process.exit(0));
  });
  // Keep-alive connections must not hold the process forever.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
