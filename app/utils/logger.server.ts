/**
 * Structured JSON logs on stdout. Rule: no personal data and no report content, ever.
 * Requests are logged by method, route path (no query string), status and duration only:
 * no IP address, no user agent, no body. The report paths are counted per day and written
 * once a day (`ReportLog`): a line beside a report's arrival could point at the reporter.
 */
import pino, { type Logger } from "pino";
import { pagePath } from "./page-path";

export type { Logger };

const formatters = { level: (label: string) => ({ level: label }) };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters }, destination);
}

/**
 * Whether a request is for a report page, at its own address or its data address: /report
 * and everything under it, and the moderators' intake form, which files reports too.
 */
export function isReportPath(pathname: string): boolean {
  const page = pagePath(pathname);
  return page === "/report" || page.startsWith("/report/") || page === "/staff/reports/new";
}

/**
 * The report paths write no line among the timed lines: even a date-only line would be dated
 * to the minute by its neighbours. Requests are counted per day (method, route, status) and
 * whatever is logged while serving them (errors included) is held; at the end of each UTC day,
 * and when the server stops, the counts and the held lines are written together, dated by day.
 */
export class ReportLog {
  /** Held lines beyond this are counted, not kept (a flood must not fill the memory). */
  static readonly MAX_HELD = 1000;
  private readonly counts = new Map<string, { method: string; path: string; status: number; requests: number }>();
  private held: string[] = [];
  private dropped = 0;
  /** Where the report paths log while serving a request: into the held lines, dated by day. */
  readonly logger: Logger;

  constructor(private readonly target: Logger) {
    const hold = { write: (line: string) => this.hold(line) };
    this.logger = pino({ level: target.level, base: undefined, timestamp: () => `,"time":"${new Date().toISOString().slice(0, 10)}"`, formatters }, hold);
  }

  private hold(line: string) {
    if (this.held.length < ReportLog.MAX_HELD) this.held.push(line.endsWith("\n") ? line : `${line}\n`);
    else this.dropped += 1;
  }

  countRequest(method: string, path: string, status: number) {
    const key = `${method} ${path} ${status}`;
    const entry = this.counts.get(key) ?? { method, path, status, requests: 0 };
    entry.requests += 1;
    this.counts.set(key, entry);
  }

  /** Writes the counts and held lines since the last flush, then starts over. */
  flush() {
    const out = dateOnlyLogger(this.target);
    for (const entry of [...this.counts.values()].sort((a, b) => `${a.path}${a.method}${a.status}`.localeCompare(`${b.path}${b.method}${b.status}`))) {
      out.info(entry, "report requests");
    }
    const destination = streamOf(this.target);
    for (const line of this.held) destination.write(line);
    if (this.dropped > 0) out.warn({ dropped: this.dropped }, "report log lines dropped");
    this.counts.clear();
    this.held = [];
    this.dropped = 0;
  }
}

const reportLogs = new WeakMap<Logger, ReportLog>();
const liveReportLogs = new Set<ReportLog>();

/** The report log of a root logger; the first call starts the end-of-day flush. */
export function reportLogFor(log: Logger): ReportLog {
  let reportLog = reportLogs.get(log);
  if (!reportLog) {
    const created = new ReportLog(log);
    reportLog = created;
    reportLogs.set(log, created);
    liveReportLogs.add(created);
    const scheduleFlush = () => {
      const now = Date.now();
      const nextDay = Math.floor(now / 86_400_000) * 86_400_000 + 86_400_000;
      setTimeout(() => {
        created.flush();
        scheduleFlush();
      }, nextDay - now).unref();
    };
    scheduleFlush();
  }
  return reportLog;
}

/** Writes every report log now (the server calls this when it stops; tests to read the lines). */
export function flushReportLogs() {
  for (const reportLog of liveReportLogs) reportLog.flush();
}

function streamOf(log: Logger): pino.DestinationStream {
  // pino keeps its destination under this symbol; a logger made without one writes to stdout.
  return (log as unknown as Record<symbol, pino.DestinationStream | undefined>)[pino.symbols.streamSym] ?? pino.destination(1);
}

const dateOnlyLoggers = new WeakMap<Logger, Logger>();

/** A logger writing where `log` writes, at its level, whose lines carry the date only ("time":"2026-11-28"). */
function dateOnlyLogger(log: Logger): Logger {
  let logger = dateOnlyLoggers.get(log);
  if (!logger) {
    const destination = streamOf(log);
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
