/**
 * What a person does who clicks through the site with JavaScript on: every link of the header,
 * the footer and each public page's main content, followed by client-side navigation after
 * hydration. Any error boundary, page error or console error fails the journey, as does an
 * error the browser reported to the server's log.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import enCommon from "../../locales/en/common.json";
import idCommon from "../../locales/id/common.json";
import { portalAndBrowser } from "./browser";

const portal = portalAndBrowser();

const PUBLIC_PAGES = [
  "/",
  "/?q=ktp",
  "/regions/kota-palangka-raya",
  "/provinces/kalimantan-tengah",
  "/open-data",
  "/units/kota-palangka-raya/disdukcapil",
  "/units/kota-palangka-raya/puskesmas-pahandut",
  "/units/kota-palangka-raya/disdukcapil?period=2026-Q1",
  "/units/kota-palangka-raya/disdukcapil/report",
  "/units/kota-palangka-raya/disdukcapil/poster",
  "/rate",
  "/rate/kota-palangka-raya/disdukcapil",
  "/rate/kota-palangka-raya/disdukcapil/thanks",
  "/report",
  "/report?unit=kota-palangka-raya/disdukcapil",
  "/report/case",
];

const ERROR_TITLES = new Set([...Object.values(idCommon.errors), ...Object.values(enCommon.errors)].flatMap((e) => (typeof e === "object" && "title" in e ? [e.title] : [])));

/** Watches a page for what a person would see as breakage. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`${page.url()} page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()} console error: ${message.text()}`);
  });
  return problems;
}

/** Whether the page ships scripts: pages whose route says `hydrate: false` are plain HTML. */
function scripted(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector("script[type=module]") !== null || "__remixRouter" in window);
}

/** Waits until React owns the page and the router has nothing in flight (a page without scripts: loaded). */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    if (document.readyState === "complete" && document.querySelector("script[type=module]") === null && !("__remixRouter" in window)) return true;
    const main = document.querySelector("main");
    const hydrated = main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }).__remixRouter;
    return hydrated && router?.state.navigation.state === "idle" && router.state.revalidation === "idle";
  });
}

async function errorBoundaryShown(page: Page): Promise<string | null> {
  const heading = ((await page.locator("h1").first().textContent()) ?? "").trim();
  return ERROR_TITLES.has(heading) ? heading : null;
}

/** Same-site page links in the header, footer and main content; downloads and APIs are no pages. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval("header a[href], footer a[href], main a[href]", (links) =>
    links.filter((a) => !a.hasAttribute("download") && a.getAttribute("target") !== "_blank").map((a) => a.getAttribute("href") ?? ""),
  );
  return hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//") && !/^\/(api|open-data\/|staff|build|locales)/.test(href) && !/\.(csv|json|zip)(\?|$)/.test(href));
}

/**
 * A link's kind: units, periods and the like differ only in their data, so following one link
 * of each kind (from the first page that has it) keeps the journey short while still reaching
 * every kind of page by a click.
 */
function linkKind(href: string): string {
  const url = new URL(href, "http://x");
  const segments = url.pathname.split("/").filter(Boolean);
  const shape = segments.map((s, i) => (i === 0 || ["report", "poster", "thanks", "perception", "case"].includes(s) ? s : "*"));
  return `/${shape.join("/")}?${[...url.searchParams.keys()].sort().join("&")}`;
}

describe("clicking through the public site with JavaScript", () => {
  for (const locale of ["id-ID", "en-US"]) {
    it(`reaches every linked page without an error (${locale})`, { timeout: 240_000 }, async () => {
      const context = await portal.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const problems = watch(page);
      const followed = new Set<string>();
      for (const start of PUBLIC_PAGES) {
        await page.goto(`${portal.server.baseUrl}${start}`);
        await settled(page);
        const kinds = new Map<string, string>();
        for (const href of await pageLinks(page)) if (!followed.has(linkKind(href))) kinds.set(linkKind(href), href);
        for (const [kind, href] of kinds) {
          followed.add(kind);
          if (page.url() !== `${portal.server.baseUrl}${start}`) {
            await page.goto(`${portal.server.baseUrl}${start}`);
            await settled(page);
          }
          // A full page load would clear this marker: from a page with scripts, the click must
          // stay a client-side navigation (a page without scripts follows links as plain HTML).
          const fromScripted = await scripted(page);
          await page.evaluate(() => ((window as unknown as { journeyMarker: boolean }).journeyMarker = true));
          await page.locator(`header a[href="${href}"], footer a[href="${href}"], main a[href="${href}"]`).first().click();
          await page.waitForURL((url) => url.pathname + url.search === href || url.pathname === href.split("?")[0], { timeout: 10_000 });
          await settled(page);
          const boundary = await errorBoundaryShown(page);
          if (boundary) problems.push(`${start} -> ${href}: error page "${boundary}"`);
          const clientSide = await page.evaluate(() => (window as unknown as { journeyMarker?: boolean }).journeyMarker === true);
          if (fromScripted && !clientSide) problems.push(`${start} -> ${href}: full page load instead of client-side navigation`);
        }
      }
      await context.close();
      expect(problems).toEqual([]);
      expect(portal.server.output().stdout + portal.server.output().stderr).not.toContain("a page failed in the browser");
    });
  }
});

describe("hydration", () => {
  for (const locale of ["id-ID", "en-US"]) {
    it(`leaves no console error on any public page (${locale})`, async () => {
      const context = await portal.browser.newContext({ locale, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const problems = watch(page);
      for (const path of PUBLIC_PAGES) {
        await page.goto(`${portal.server.baseUrl}${path}`);
        await settled(page);
        // Recoverable hydration errors are reported after the first commit.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
