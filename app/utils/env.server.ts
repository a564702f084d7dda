/**
 * Configuration, validated once at start-up. Every variable is listed in .env.example and
 * in the README. A bad value stops the server with one readable line, never a stack trace.
 */
import path from "node:path";
import { z } from "zod";
import { DatabaseUrlError, parseDatabaseUrl, type DatabaseTarget } from "../../db/client";
import { generateSecrets, parseEncryptionKeys, type SecretName, type Secrets } from "./secrets.server";

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      if (["1", "true", "on", "yes"].includes(v)) return true;
      if (["0", "false", "off", "no"].includes(v)) return false;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name} must be on or off (got "${v}")` });
      return z.NEVER;
    });

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${name} must be a whole number from ${min} to ${max} (got "${v}")`,
        });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: wholeNumber("PORT", 1, 65535, 3000),
    HOST: optionalText.transform((v) => v ?? "0.0.0.0"),
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v, ctx): DatabaseTarget | undefined => {
        if (!v?.trim()) return undefined;
        try {
          return parseDatabaseUrl(v);
        } catch (error) {
          if (!(error instanceof DatabaseUrlError)) throw error;
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: error.message });
          return z.NEVER;
        }
      }),
    DATA_DIR: optionalText.transform((v) => v ?? "./data"),
    PUBLIC_URL: optionalText.pipe(z.string().url("PUBLIC_URL must be a URL such as https://pintudepan.palangkaraya.go.id").optional()),
    DEMO_DATA: flag("DEMO_DATA", true),
    DISCLOSURE_MIN: wholeNumber("DISCLOSURE_MIN", 1, 1000, 5),
    TRUST_PROXY: wholeNumber("TRUST_PROXY", 0, 10, 0),
    // At most 30: with a proxy's s-maxage and stale-while-revalidate a new figure is public within a minute.
    PUBLIC_CACHE_SECONDS: wholeNumber("PUBLIC_CACHE_SECONDS", 0, 30, 30),
    LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (!v) return "info" as const;
        const level = LOG_LEVELS.find((l) => l === v);
        if (!level) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` });
          return z.NEVER;
        }
        return level;
      }),
    HCAPTCHA_SITE_KEY: optionalText,
    HCAPTCHA_SECRET: optionalText,
    HCAPTCHA_VERIFY_URL: optionalText.pipe(
      z.string().url("HCAPTCHA_VERIFY_URL must be a URL").default("https://api.hcaptcha.com/siteverify"),
    ),
    REQUIRE_CAPTCHA: flag("REQUIRE_CAPTCHA", false),
    REPORT_TRIAGE_DAYS: wholeNumber("REPORT_TRIAGE_DAYS", 1, 60, 3),
    REPORT_FOLLOW_UP_DAYS: wholeNumber("REPORT_FOLLOW_UP_DAYS", 1, 120, 5),
    REPORT_CLOSE_DAYS: wholeNumber("REPORT_CLOSE_DAYS", 1, 120, 10),
    REPORT_RETENTION_DAYS: wholeNumber("REPORT_RETENTION_DAYS", 30, 3650, 730),
    REPORT_MAX_FILES: wholeNumber("REPORT_MAX_FILES", 0, 10, 5),
    REPORT_MAX_FILE_MB: wholeNumber("REPORT_MAX_FILE_MB", 1, 20, 8),
    REPORT_MESSAGES_PER_DAY: wholeNumber("REPORT_MESSAGES_PER_DAY", 1, 1000, 10),
    REPORT_FILES_PER_DAY: wholeNumber("REPORT_FILES_PER_DAY", 1, 1000, 10),
    KIOSK_MIN_SECONDS: wholeNumber("KIOSK_MIN_SECONDS", 1, 600, 5),
    KIOSK_HOURLY_MAX: wholeNumber("KIOSK_HOURLY_MAX", 1, 3600, 120),
    SKM_UNIT_DAY_MULTIPLE: wholeNumber("SKM_UNIT_DAY_MULTIPLE", 1, 1000, 3),
    SKM_UNIT_DAY_MIN: wholeNumber("SKM_UNIT_DAY_MIN", 1, 10_000_000, 20),
    SMTP_URL: optionalText.pipe(
      z
        .string()
        .url("SMTP_URL must be a URL such as smtps://user:password@mail.example.go.id:465")
        .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://")
        .optional(),
    ),
    MAIL_FROM: optionalText.transform((v) => v ?? "Pintu Depan <no-reply@localhost>"),
    ALERT_WEBHOOK_URL: optionalText.pipe(z.string().url("ALERT_WEBHOOK_URL must be a URL").optional()),
    ALERT_WEBHOOK_SECRET: optionalText.pipe(z.string().min(32, "ALERT_WEBHOOK_SECRET must be at least 32 characters").optional()),
    REPORT_ESCALATION_DAYS: wholeNumber("REPORT_ESCALATION_DAYS", 1, 60, 2),
    SESSION_SECRET: optionalText.pipe(
      z
        .string()
        .refine((v) => v.split(",").every((s) => s.trim().length >= 32), "SESSION_SECRET: each secret must be at least 32 characters")
        .transform((v) => v.split(",").map((s) => s.trim()))
        .optional(),
    ),
    ENCRYPTION_KEYS: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      try {
        return parseEncryptionKeys(v);
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
        return z.NEVER;
      }
    }),
    HASH_KEY: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const key = Buffer.from(v, "base64");
      if (key.length < 32) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "HASH_KEY must be at least 32 bytes, base64-encoded" });
        return z.NEVER;
      }
      return key;
    }),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.HCAPTCHA_SITE_KEY) !== Boolean(env.HCAPTCHA_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "HCAPTCHA_SITE_KEY and HCAPTCHA_SECRET must be set together",
      });
    }
    if (Boolean(env.ALERT_WEBHOOK_URL) !== Boolean(env.ALERT_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET must be set together",
      });
    }
    if (env.REQUIRE_CAPTCHA && !(env.HCAPTCHA_SITE_KEY && env.HCAPTCHA_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "REQUIRE_CAPTCHA is on but HCAPTCHA_SITE_KEY and HCAPTCHA_SECRET are not set",
      });
    }
  });

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: DatabaseTarget;
  dataDir: string;
  /** Where people reach the portal: used in links printed by commands and on QR posters. */
  publicUrl: string;
  /** False when PUBLIC_URL was left unset and publicUrl is the localhost default. */
  publicUrlSet: boolean;
  demoData: boolean;
  disclosureMin: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
  trustProxy: number;
  /** How long this process keeps a rendered public page (0: renders every request); see public-cache.server.ts. */
  publicCacheSeconds: number;
  logLevel: (typeof LOG_LEVELS)[number];
  captcha: { siteKey: string; secret: string; verifyUrl: string } | null;
  secrets: Secrets;
  /** Secrets that were not in the environment and came from the fallback (logged as a warning). */
  fallbackSecrets: SecretName[];
  /** Cookies get the Secure flag (always in production). */
  secureCookies: boolean;
  reports: ReportSettings;
  kiosk: KioskSettings;
  skm: SkmSettings;
  alerts: AlertSettings;
}

/**
 * The unit-volume signal of web ratings (app/skm/suspicion.ts): a unit's ratings today above
 * `unitDayMultiple` times its median day of the last four weeks, and at least `unitDayMin`,
 * ask every further rating of the day for the challenge.
 */
export interface SkmSettings {
  unitDayMultiple: number;
  unitDayMin: number;
}

/** A counter kiosk's own pace limit: one person tapping cannot flood a unit's ratings. */
interface KioskSettings {
  /** A device's next rating is refused until this many seconds have passed (a fixed window). */
  minSeconds: number;
  /** At most this many ratings per device and clock hour. */
  hourlyMax: number;
}

/** Staff alerts (docs/alerts.md). Without an SMTP server, e-mail alerts wait in the outbox. */
export interface AlertSettings {
  smtpUrl: string | null;
  mailFrom: string;
  webhook: { url: string; secret: string } | null;
  /** A case overdue by this many working days is escalated to the region's moderators and admins. */
  escalationDays: number;
}

/** Back-door reports: time limits in working days, retention, evidence limits. */
export interface ReportSettings {
  triageDays: number;
  followUpDays: number;
  closeDays: number;
  /** Content of a closed report is purged this many days after closing. */
  retentionDays: number;
  maxFiles: number;
  maxFileBytes: number;
  /** The reporter's messages and files per case and local day (counted from the case's own rows). */
  messagesPerDay: number;
  filesPerDay: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * `secretsFallback` supplies the secrets the environment does not: the server reads or creates
 * DATA_DIR/secrets.json; without a fallback they are random for this process only.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  secretsFallback: (dataDir: string) => Secrets = generateSecrets,
): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join(".");
      return issue.message.startsWith(variable) || !variable ? issue.message : `${variable}: ${issue.message}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const missing: SecretName[] = [];
  if (!e.SESSION_SECRET) missing.push("SESSION_SECRET");
  if (!e.ENCRYPTION_KEYS) missing.push("ENCRYPTION_KEYS");
  if (!e.HASH_KEY) missing.push("HASH_KEY");
  const fallback = missing.length > 0 ? secretsFallback(e.DATA_DIR) : undefined;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ?? { driver: "pglite", dataDir: path.join(e.DATA_DIR, "pglite") },
    dataDir: e.DATA_DIR,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    demoData: e.DEMO_DATA,
    disclosureMin: e.DISCLOSURE_MIN,
    trustProxy: e.TRUST_PROXY,
    publicCacheSeconds: e.PUBLIC_CACHE_SECONDS,
    logLevel: e.LOG_LEVEL,
    captcha:
      e.HCAPTCHA_SITE_KEY && e.HCAPTCHA_SECRET
        ? { siteKey: e.HCAPTCHA_SITE_KEY, secret: e.HCAPTCHA_SECRET, verifyUrl: e.HCAPTCHA_VERIFY_URL }
        : null,
    secrets: {
      sessionSecrets: e.SESSION_SECRET ?? fallback!.sessionSecrets,
      encryptionKeys: e.ENCRYPTION_KEYS ?? fallback!.encryptionKeys,
      hashKey: e.HASH_KEY ?? fallback!.hashKey,
    },
    fallbackSecrets: missing,
    secureCookies: e.NODE_ENV === "production",
    reports: {
      triageDays: e.REPORT_TRIAGE_DAYS,
      followUpDays: e.REPORT_FOLLOW_UP_DAYS,
      closeDays: e.REPORT_CLOSE_DAYS,
      retentionDays: e.REPORT_RETENTION_DAYS,
      maxFiles: e.REPORT_MAX_FILES,
      maxFileBytes: e.REPORT_MAX_FILE_MB * 1024 * 1024,
      messagesPerDay: e.REPORT_MESSAGES_PER_DAY,
      filesPerDay: e.REPORT_FILES_PER_DAY,
    },
    kiosk: { minSeconds: e.KIOSK_MIN_SECONDS, hourlyMax: e.KIOSK_HOURLY_MAX },
    skm: { unitDayMultiple: e.SKM_UNIT_DAY_MULTIPLE, unitDayMin: e.SKM_UNIT_DAY_MIN },
    alerts: {
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      webhook: e.ALERT_WEBHOOK_URL && e.ALERT_WEBHOOK_SECRET ? { url: e.ALERT_WEBHOOK_URL, secret: e.ALERT_WEBHOOK_SECRET } : null,
      escalationDays: e.REPORT_ESCALATION_DAYS,
    },
  };
}
