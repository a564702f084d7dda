/**
 * The HTTP layer every server of the project uses: Express with compression, the static
 * folders (fingerprinted /build assets cached for a year, the rest of public/ for an hour)
 * and a catch-all that hands each request to a Fetch-API handler. scripts/server.ts serves the
 * portal with it and bench/bare/server.ts serves the benchmark's bare baseline with the very
 * same code, so the two differ only in the application behind it.
 */
import path from "node:path";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { sendFetchResponse, toFetchRequest } from "../node-adapter";

interface ExpressAppOptions {
  /** The folder that holds build/ (the browser assets) and the other public files. */
  publicDir: string;
  /** Runs before anything else reads the request (the portal's request-line guard). */
  before?: RequestHandler;
  /** Answers one request; `req` gives the socket and headers for the context. */
  handle: (request: Request, req: express.Request) => Promise<Response>;
}

export function createExpressApp({ publicDir, before, handle }: ExpressAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  if (before) app.use(before);
  app.use(compression());

  // Fingerprinted assets never change; everything else in public/ may.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.all("*", (req, res, next) => {
    handle(toFetchRequest(req, res), req)
      .then((response) => sendFetchResponse(res, response))
      .catch(next);
  });
  return app;
}
