/**
 * Serves the bare baseline (bench/bare, built by bench/run.ts) with the portal's own HTTP
 * layer (scripts/support/express-app.ts: Express, compression, static files). PORT and HOST
 * as for the portal; prints nothing, answers /healthz like the portal so startServer's
 * readiness check works.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createExpressApp } from "../../scripts/support/express-app";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");

const app = createExpressApp({
  publicDir: path.join(root, "public"),
  handle: (request) =>
    new URL(request.url).pathname === "/healthz" ? Promise.resolve(new Response("ok")) : handler(request),
});
const server = app.listen(Number(process.env.PORT ?? 3001), process.env.HOST ?? "127.0.0.1");
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
