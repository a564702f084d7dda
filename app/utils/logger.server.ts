/**
 * Structured JSON logs on stdout. Rule: no personal data and no report content, ever.
 * Requests are logged by method, route path (no query string), status and duration only:
 * no IP address, no user agent, no body.
 */
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** What of an error may be logged: its kind and message, never driver details that echo row values. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}), stack: error.stack };
  }
  return { message: String(error) };
}
