/**
 * Structured JSON logs on stdout. Rule: no personal data and no report content, ever.
 * Requests are logged by method, route path (no query string), status and duration only:
 * no IP address, no user agent, no body. On the report paths even the time is cut to the
 * date: a precise time beside a report's arrival could point at the reporter.
 */
import pino, { type Logger } from "pino";

export type { Logger };

const formatters = { level: (label: string) => ({ level: label }) };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters }, destination);
}

/** The anonymous reporting pages: /report and everything under it. */
export function isReportPath(pathname: string): boolean {
  return pathname === "/report" || pathname.startsWith("/report/");
}

const dateOnlyLoggers = new WeakMap<Logger, Logger>();

/** A logger writing where `log` writes, at its level, whose lines carry the date only ("time":"2026-11-28"). */
export function dateOnlyLogger(log: Logger): Logger {
  let logger = dateOnlyLoggers.get(log);
  if (!logger) {
    const destination = (log as unknown as Record<symbol, pino.DestinationStream>)[pino.symbols.streamSym];
    logger = pino(
      { level: log.level, base: undefined, timestamp: () => `,"time":"${new Date().toISOString().slice(0, 10)}"`, formatters },
      destination,
    );
    dateOnlyLoggers.set(log, logger);
  }
  return logger;
}

/**
 * What of an error may be logged: its kind, a message that cannot echo user input, and where
 * it happened. Database errors can quote values ("invalid input syntax …: \"<input>\"") and
 * drizzle's "Failed query" errors list every parameter, so for those only the SQL text (which
 * holds placeholders, never values), the SQLSTATE code and the constraint are kept.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: "non-Error thrown" };
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const cause = error.cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown } | undefined;
  const own = error as Error & { code?: unknown; constraint?: unknown; constraint_name?: unknown };
  const database = [own, cause].find((e) => typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code as string));
  if (error.message.startsWith("Failed query:") || database) {
    const sql = error.message.startsWith("Failed query:") ? error.message.split("\nparams:")[0] : undefined;
    return {
      name: error.name,
      ...(sql ? { query: sql.slice("Failed query:".length).trim().slice(0, 500) } : {}),
      ...(database ? { code: database.code, constraint: database.constraint ?? database.constraint_name } : {}),
      stack: frames.join("\n"),
    };
  }
  const code = own.code;
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}), stack: frames.join("\n") };
}
