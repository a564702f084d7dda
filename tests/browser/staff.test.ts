import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, portalAndBrowser } from "./browser";
import { firstStaffSignIn } from "./sign-in";

const portal = portalAndBrowser();

/** A demo account's first sign-in on this portal (see sign-in.ts). */
function firstSignIn(context: BrowserContext, email: string, displayName: string, check: (page: Page) => Promise<void>) {
  return firstStaffSignIn(portal.server.baseUrl, context, email, displayName, check);
}

describe("staff sign-in", () => {
  it("works without JavaScript, the code entry included", async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false, locale: "id-ID", viewport: { width: 390, height: 844 } });
    const page = await firstSignIn(context, "admin@demo.pintudepan.id", "Admin Instalasi (demo)", async () => {});
    for (const path of [
      "/staff/admin/staff",
      "/staff/account",
      "/staff/audit",
      "/staff/admin/structure",
      "/staff/admin/structure/kota-palangka-raya",
      "/staff/admin/holidays",
    ]) {
      expect((await page.goto(`${portal.server.baseUrl}${path}`))?.status(), path).toBe(200);
    }
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/staff\/login$/);
    expect((await page.goto(`${portal.server.baseUrl}/staff`))?.url()).toMatch(/\/staff\/login/);
    await context.close();
  });

  it("the moderators' queues, a case, a unit manager's pages and the LKE worksheet have no WCAG 2.1 AA violation", async () => {
    const problems: string[] = [];
    for (const [email, name, paths] of [
      ["moderator@demo.pintudepan.id", "Moderator Inspektorat (demo)", ["/staff/suggestions", "/staff/reports"]],
      ["pengelola.disdukcapil@demo.pintudepan.id", "Pengelola Disdukcapil (demo)", ["/staff/unit-feedback", "/staff/forwarded"]],
      ["evaluator@demo.pintudepan.id", "Evaluator TPI (demo)", ["/staff/zi", "/staff/zi/kota-palangka-raya/dpmptsp/2026"]],
    ] as const) {
      const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 390, height: 844 } });
      const page = await firstSignIn(context, email, name, async () => {});
      for (const path of paths) {
        expect((await page.goto(`${portal.server.baseUrl}${path}`))?.status(), path).toBe(200);
        problems.push(...(await accessibilityViolations(page)).map((v) => `${path} ${v}`));
      }
      if (paths.includes("/staff/reports" as never)) {
        const firstCase = page.locator("main table a[href^='/staff/reports/']").first();
        expect(await firstCase.count()).toBe(1);
        await firstCase.click();
        await page.waitForURL(/\/staff\/reports\/[0-9a-f-]+$/);
        problems.push(...(await accessibilityViolations(page)).map((v) => `case page ${v}`));
        // A note sent with JavaScript leaves an empty box behind, as a reload would.
        await page.waitForFunction(() => "__remixRouter" in window);
        const note = page.getByLabel("Catatan", { exact: true });
        await note.fill("Catatan uji: cocokkan dengan jadwal loket.");
        await page.getByRole("button", { name: "Tambahkan catatan" }).click();
        await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toContain("Catatan uji: cocokkan dengan jadwal loket.");
        await expect.poll(() => note.inputValue()).toBe("");
      }
      if (paths.includes("/staff/zi" as never)) {
        const subarea = page.locator("main a[href^='/staff/zi/kota-palangka-raya/dpmptsp/2026/']").first();
        expect(await subarea.count()).toBe(1);
        await subarea.click();
        await page.waitForURL(/\/staff\/zi\/kota-palangka-raya\/dpmptsp\/2026\/.+/);
        problems.push(...(await accessibilityViolations(page)).map((v) => `sub-area page ${v}`));
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it("has no WCAG 2.1 AA violation at any step, with JavaScript, on a phone", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    const check = async (page: Page) => {
      problems.push(...(await accessibilityViolations(page)).map((v) => `${new URL(page.url()).pathname} ${v}`));
    };
    const page = await firstSignIn(context, "admin.palangkaraya@demo.pintudepan.id", "Admin Kota Palangka Raya (demo)", check);
    for (const path of [
      "/staff/admin/staff",
      "/staff/account",
      "/staff/audit",
      "/staff/admin/structure",
      "/staff/admin/structure/kota-palangka-raya",
      "/staff/admin/structure/kota-palangka-raya/disdukcapil",
    ]) {
      await page.goto(`${portal.server.baseUrl}${path}`);
      await check(page);
    }
    // The password hint keeps its number once scripts run (it came from a server-only module).
    await page.goto(`${portal.server.baseUrl}/staff/account`);
    await page.waitForFunction(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")));
    await page.waitForTimeout(200);
    expect(await page.getByText("Paling sedikit 12 karakter").count()).toBeGreaterThan(0);
    await context.close();
    expect(problems).toEqual([]);
  });
});
