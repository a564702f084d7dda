/**
 * The production Remix build served in process, driven with real Requests as a browser
 * without JavaScript would send them (plain GETs, form-encoded POSTs), on a given database.
 * Shared support code (scripts/support): the test suite and the benchmarks (bench/) both
 * drive the app through it, so it imports nothing from tests/.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Database } from "../../db/client";
import { createLoadContext } from "../../app/utils/context.server";
import { createAppRequestHandler } from "../../app/utils/request-handler.server";
import { loadConfig, type Config } from "../../app/utils/env.server";
import { createLogger, type Logger } from "../../app/utils/logger.server";
import { forwardedClient } from "../node-adapter";
import { MemoryLog } from "./memory-log";

const ORIGIN = "http://localhost";

let buildPromise: Promise<ServerBuild> | undefined;
/** The production build the tests and benchmarks run, imported once per process. */
export function loadBuild(): Promise<ServerBuild> {
  buildPromise ??= import(pathToFileURL(path.resolve("build/index.js")).href) as Promise<ServerBuild>;
  return buildPromise;
}

export interface InProcessApp {
  config: Config;
  /** The same app, with requests coming from another client address. */
  from(clientAddress: string): InProcessApp;
  /** Every log line the app wrote, as parsed JSON. */
  logs: MemoryLog;
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
  get(pathname: string, headers?: HeadersInit): Promise<Response>;
  /** A form-encoded POST, exactly what a <form method="post"> sends without JavaScript. */
  post(pathname: string, fields: Record<string, string>, headers?: HeadersInit): Promise<Response>;
}

interface InProcessAppOptions {
  env?: Record<string, string>;
  /** The client address every request comes from (throttling tests vary it). */
  clientAddress?: string;
  /** The clock of the public page cache (tests move it instead of waiting). */
  now?: () => number;
}

export async function createInProcessApp(db: Database, options: InProcessAppOptions = {}): Promise<InProcessApp> {
  const build = await loadBuild();
  const handler = createAppRequestHandler(build, "production", { now: options.now });
  // The public page cache is off unless a test asks for it (PUBLIC_CACHE_SECONDS): most tests
  // change the database directly and read the pages at once, as no visitor could.
  const config = loadConfig({ DEMO_DATA: "on", PUBLIC_CACHE_SECONDS: "0", ...options.env });
  const logs = new MemoryLog();
  const log: Logger = createLogger("debug", logs);

  const bind = (clientAddress: string): InProcessApp => {
    // Browsers (and the Node adapter) always send Host; Request objects made here must too.
    const fetch = (pathname: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has("host")) headers.set("host", new URL(ORIGIN).host);
      // As the server does: behind trusted proxies the address comes from X-Forwarded-For.
      const address = forwardedClient(headers.get("x-forwarded-for"), clientAddress, config.trustProxy);
      return handler(new Request(new URL(pathname, ORIGIN), { ...init, headers }), createLoadContext({ db, config, log, clientAddress: address }));
    };
    return {
      config,
      logs,
      from: bind,
      fetch,
      get: (pathname, headers) => fetch(pathname, { headers }),
      post: (pathname, fields, headers) =>
        fetch(pathname, {
          method: "POST",
          body: new URLSearchParams(fields),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...headers },
        }),
    };
  };
  return bind(options.clientAddress ?? "192.0.2.10");
}
