/** Debian's Chromium driven by playwright-core (pinned to the matching version). */
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "../../scripts/support/server";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function launchBrowser(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`Chromium not found at ${EXECUTABLE}: install Debian's chromium (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A portal on a fresh embedded database with the demo data, and a browser, started before a
 * test file's tests and stopped after them. Read `server` and `browser` inside the tests.
 * `env` adds to the portal's environment (a lower DISCLOSURE_MIN, say).
 */
export function portalAndBrowser(env: Record<string, string> = {}): { readonly server: RunningServer; readonly browser: Browser } {
  const started: { server?: RunningServer; browser?: Browser } = {};
  beforeAll(async () => {
    [started.server, started.browser] = await Promise.all([startServer({ DATABASE_URL: "pglite:memory", LOG_LEVEL: "warn", ...env }), launchBrowser()]);
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.stop();
  });
  return {
    get server() {
      if (!started.server) throw new Error("the portal is not started yet");
      return started.server;
    },
    get browser() {
      if (!started.browser) throw new Error("the browser is not started yet");
      return started.browser;
    },
  };
}

/** WCAG 2.1 A and AA violations on the current page, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}
