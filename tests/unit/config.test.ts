import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/utils/env.server";

describe("configuration", () => {
  it("runs with no environment at all: embedded database, port 3000, demo data on", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "production",
      port: 3000,
      host: "0.0.0.0",
      database: { driver: "pglite", dataDir: "data/pglite" },
      demoData: true,
      disclosureMin: 5,
      logLevel: "info",
      captcha: null,
      skm: { unitDayMultiple: 3, unitDayMin: 20 },
      alerts: { smtpUrl: null, mailFrom: "Pintu Depan <no-reply@localhost>", webhook: null, escalationDays: 2 },
    });
  });

  it("keeps the embedded database in the data folder", () => {
    expect(loadConfig({ DATA_DIR: "/srv/pintu" }).database).toEqual({ driver: "pglite", dataDir: "/srv/pintu/pglite" });
    expect(loadConfig({ DATA_DIR: "/srv/pintu", DATABASE_URL: "pglite:memory" }).database).toEqual({
      driver: "pglite",
      dataDir: null,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      NODE_ENV: "development",
      PORT: "8080",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgres://app@db.internal:5432/pintu",
      DATA_DIR: "/var/lib/pintu",
      PUBLIC_URL: "https://pintudepan.palangkaraya.go.id/",
      DEMO_DATA: "off",
      DISCLOSURE_MIN: "10",
      LOG_LEVEL: "warn",
      HCAPTCHA_SITE_KEY: "site",
      HCAPTCHA_SECRET: "secret",
      HCAPTCHA_VERIFY_URL: "http://127.0.0.1:9999/siteverify",
      REQUIRE_CAPTCHA: "true",
      TRUST_PROXY: "1",
      PUBLIC_CACHE_SECONDS: "15",
      SESSION_SECRET: `${"a".repeat(32)},${"b".repeat(40)}`,
      ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 2).toString("base64")},k1:${Buffer.alloc(32, 1).toString("base64")}`,
      HASH_KEY: Buffer.alloc(32, 7).toString("base64"),
      REPORT_TRIAGE_DAYS: "2",
      REPORT_FOLLOW_UP_DAYS: "7",
      REPORT_CLOSE_DAYS: "14",
      REPORT_RETENTION_DAYS: "365",
      REPORT_MAX_FILES: "3",
      REPORT_MAX_FILE_MB: "4",
      REPORT_MESSAGES_PER_DAY: "3",
      REPORT_FILES_PER_DAY: "6",
      KIOSK_MIN_SECONDS: "8",
      KIOSK_HOURLY_MAX: "60",
      SKM_UNIT_DAY_MULTIPLE: "5",
      SKM_UNIT_DAY_MIN: "100",
      SMTP_URL: "smtps://alerts:secret@mail.palangkaraya.go.id:465",
      MAIL_FROM: "Pintu Depan <pintudepan@palangkaraya.go.id>",
      ALERT_WEBHOOK_URL: "https://gateway.palangkaraya.go.id/hooks/pintu",
      ALERT_WEBHOOK_SECRET: "w".repeat(32),
      REPORT_ESCALATION_DAYS: "3",
    });
    expect(config).toEqual({
      env: "development",
      port: 8080,
      host: "127.0.0.1",
      database: { driver: "postgres", url: "postgres://app@db.internal:5432/pintu" },
      dataDir: "/var/lib/pintu",
      publicUrl: "https://pintudepan.palangkaraya.go.id",
      publicUrlSet: true,
      demoData: false,
      disclosureMin: 10,
      logLevel: "warn",
      captcha: { siteKey: "site", secret: "secret", verifyUrl: "http://127.0.0.1:9999/siteverify" },
      trustProxy: 1,
      publicCacheSeconds: 15,
      secrets: {
        sessionSecrets: ["a".repeat(32), "b".repeat(40)],
        encryptionKeys: [
          { id: "k2", key: Buffer.alloc(32, 2) },
          { id: "k1", key: Buffer.alloc(32, 1) },
        ],
        hashKey: Buffer.alloc(32, 7),
      },
      fallbackSecrets: [],
      secureCookies: false,
      reports: { triageDays: 2, followUpDays: 7, closeDays: 14, retentionDays: 365, maxFiles: 3, maxFileBytes: 4 * 1024 * 1024, messagesPerDay: 3, filesPerDay: 6 },
      kiosk: { minSeconds: 8, hourlyMax: 60 },
      skm: { unitDayMultiple: 5, unitDayMin: 100 },
      alerts: {
        smtpUrl: "smtps://alerts:secret@mail.palangkaraya.go.id:465",
        mailFrom: "Pintu Depan <pintudepan@palangkaraya.go.id>",
        webhook: { url: "https://gateway.palangkaraya.go.id/hooks/pintu", secret: "w".repeat(32) },
        escalationDays: 3,
      },
    });
  });

  it("takes missing secrets from the fallback and says which", () => {
    const fallback = { sessionSecrets: ["s".repeat(32)], encryptionKeys: [{ id: "f1", key: Buffer.alloc(32, 9) }], hashKey: Buffer.alloc(32, 3) };
    const config = loadConfig({ HASH_KEY: Buffer.alloc(32, 7).toString("base64") }, () => fallback);
    expect(config.fallbackSecrets).toEqual(["SESSION_SECRET", "ENCRYPTION_KEYS"]);
    expect(config.secrets).toEqual({ ...fallback, hashKey: Buffer.alloc(32, 7) });
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{ SMTP_URL: "http://mail.example" }, "Configuration error: SMTP_URL must start with smtp:// or smtps://"],
    [{ ALERT_WEBHOOK_URL: "https://gateway.example/hook" }, "Configuration error: ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET must be set together"],
    [{ PORT: "abc" }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: "70000" }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ PORT: "-1" }, 'Configuration error: PORT must be a whole number from 1 to 65535 (got "-1")'],
    [
      { DATABASE_URL: "mysql://root@localhost/db" },
      "Configuration error: DATABASE_URL must be unset, pglite:<folder>, pglite:memory or postgres://user@host:port/database",
    ],
    [
      { DATABASE_URL: "postgres://localhost:5432" },
      "Configuration error: DATABASE_URL names no database (postgres://user@host:5432/DBNAME)",
    ],
    [{ DEMO_DATA: "maybe" }, 'Configuration error: DEMO_DATA must be on or off (got "maybe")'],
    [{ SESSION_SECRET: "short" }, "Configuration error: SESSION_SECRET: each secret must be at least 32 characters"],
    [{ ENCRYPTION_KEYS: "k1:c2hvcnQ=" }, 'Configuration error: ENCRYPTION_KEYS key "k1" must be 32 bytes, base64-encoded'],
    [{ HASH_KEY: "c2hvcnQ=" }, "Configuration error: HASH_KEY must be at least 32 bytes, base64-encoded"],
    [{ PUBLIC_URL: "not a url" }, "Configuration error: PUBLIC_URL must be a URL such as https://pintudepan.palangkaraya.go.id"],
    [{ TRUST_PROXY: "x" }, 'Configuration error: TRUST_PROXY must be a whole number from 0 to 10 (got "x")'],
    [{ DISCLOSURE_MIN: "0" }, 'Configuration error: DISCLOSURE_MIN must be a whole number from 1 to 1000 (got "0")'],
    [{ SKM_UNIT_DAY_MULTIPLE: "0" }, 'Configuration error: SKM_UNIT_DAY_MULTIPLE must be a whole number from 1 to 1000 (got "0")'],
    [{ SKM_UNIT_DAY_MIN: "2.5" }, 'Configuration error: SKM_UNIT_DAY_MIN must be a whole number from 1 to 10000000 (got "2.5")'],
    [{ HCAPTCHA_SITE_KEY: "only-one" }, "Configuration error: HCAPTCHA_SITE_KEY and HCAPTCHA_SECRET must be set together"],
    [
      { REQUIRE_CAPTCHA: "on" },
      "Configuration error: REQUIRE_CAPTCHA is on but HCAPTCHA_SITE_KEY and HCAPTCHA_SECRET are not set",
    ],
  ])("rejects %j with one readable line", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("keeps public pages at most 30 seconds", () => {
    expect(() => loadConfig({ PUBLIC_CACHE_SECONDS: "31" })).toThrow(/PUBLIC_CACHE_SECONDS/);
    expect(loadConfig({ PUBLIC_CACHE_SECONDS: "0" }).publicCacheSeconds).toBe(0);
  });

  it("lists every problem at once", () => {
    expect(() => loadConfig({ PORT: "x", LOG_LEVEL: "loud" })).toThrow(
      'Configuration error: PORT must be a whole number from 1 to 65535 (got "x"); LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
