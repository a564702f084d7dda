/**
 * What every loader and action receives as `context`: created once per request by the
 * server (scripts/server.ts) and by the tests, so routes never reach for globals.
 */
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/server-runtime";
import type { Database } from "../../db/client";
import type { Config } from "./env.server";
import type { Logger } from "./logger.server";

interface AppContextFields {
  db: Database;
  config: Config;
  log: Logger;
  /** Per-request nonce that lets Remix's own inline scripts run under the Content-Security-Policy. */
  cspNonce: string;
  /**
   * The client's network address, for throttling only: it is hashed with a daily key before
   * any use and never stored or logged.
   */
  clientAddress: string;
  /**
   * Set only while an empty form is rendered to be kept (public-cache.server.ts): the form's
   * one-time token is this placeholder, replaced by a fresh token in every copy served.
   */
  formTokenPlaceholder?: string;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContextFields {}
}

export type AppContext = AppLoadContext;

export function createLoadContext(base: Omit<AppContextFields, "cspNonce">): AppContext {
  return { ...base, cspNonce: randomBytes(16).toString("base64") };
}
