import { describe, expect, it } from "vitest";
import { accessibilityViolations, portalAndBrowser } from "./browser";

const portal = portalAndBrowser();

const PAGES = [
  "/",
  "/?q=ktp",
  "/?q=tidak-ada-yang-cocok",
  "/regions/kota-palangka-raya",
  "/provinces/kalimantan-tengah",
  "/open-data",
  "/units/kota-palangka-raya/disdukcapil",
  "/units/kota-palangka-raya/puskesmas-pahandut",
  "/rate",
  "/rate/kota-palangka-raya/disdukcapil",
  "/rate/kota-palangka-raya/disdukcapil/thanks",
  "/units/kota-palangka-raya/disdukcapil?period=2026-Q1",
  "/units/kota-palangka-raya/disdukcapil/report",
  "/units/kota-palangka-raya/disdukcapil/poster",
  "/report",
  "/halaman-yang-tidak-ada",
];

describe("accessibility (WCAG 2.1 AA, axe-core)", () => {
  for (const locale of ["id-ID", "en-US"]) {
    it(`has no violations on any public page (${locale}), at phone width`, async () => {
      const context = await portal.browser.newContext({ locale, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${portal.server.baseUrl}${path}`);
        problems.push(...(await accessibilityViolations(page)).map((v) => `${path} ${v}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});

describe("without JavaScript", () => {
  it("searches, switches language and navigates", async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false, locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(portal.server.baseUrl);
    expect(await page.getAttribute("html", "lang")).toBe("id");

    await page.getByLabel("Nama unit atau jenis layanan").fill("Kartu Keluarga");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.waitForURL(/q=Kartu\+Keluarga/);
    await page.getByRole("link", { name: "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya" }).click();
    await page.waitForURL(/\/units\/kota-palangka-raya\/disdukcapil$/);
    expect(await page.locator("h1").textContent()).toBe("Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya");

    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(/\/units\/kota-palangka-raya\/disdukcapil$/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { name: "Services" }).count()).toBe(1);
    await context.close();
  });
});

describe("rating a visit", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`works ${javaScriptEnabled ? "with" : "without"} JavaScript, errors first, on a phone`, async () => {
      const context = await portal.browser.newContext({ javaScriptEnabled, locale: "id-ID", viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${portal.server.baseUrl}/rate/kota-palangka-raya/disdukcapil`);
      await page.getByLabel("Kartu Keluarga").check();
      for (const element of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"]) await page.locator(`#${element}-3`).check();
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
      // U9 was left out: the form says so and keeps the other answers.
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("Penanganan pengaduan, saran dan masukan: Pilih salah satu jawaban.");
      expect(await page.locator("#u1-3").isChecked()).toBe(true);
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
      await page.locator("#u9-4").check();
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
      await page.waitForURL(/\/thanks$/);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Terima kasih");
      // The rating pages ship no scripts (they are complete as HTML): with or without
      // JavaScript the browser loads the thank-you page as a document.
      expect(await page.locator("script[type=module]").count()).toBe(0);
      // The optional perception step opens from the thank-you page.
      await page.getByRole("link", { name: "Jawab 16 pertanyaan lagi" }).click();
      await page.waitForURL(/\/perception$/);
      await expect.poll(() => page.locator("input[type=radio]").count()).toBeGreaterThan(16 * 6);
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

describe("with JavaScript", () => {
  it("hydrates without errors, and the language switch and search still work", async () => {
    const context = await portal.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(portal.server.baseUrl);
    await page.waitForFunction(() => "__remixRouter" in window);
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "id");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Layanan publik lewat pintu depan");

    await page.getByLabel("Nama unit atau jenis layanan").fill("PBG");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=PBG/);
    await expect.poll(() => page.getByRole("link", { name: /Pelayanan Terpadu Satu Pintu Kota Palangka Raya/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a keyboard user skip straight to the content", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(`${portal.server.baseUrl}/regions/kota-palangka-raya`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Langsung ke isi halaman" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });
});

describe("the challenge asked on suspicion", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`is a plain question that works ${javaScriptEnabled ? "with" : "without"} JavaScript, keeps the answers, and stores once passed`, async () => {
      const form = `${portal.server.baseUrl}/rate/kota-palangka-raya/dpmptsp`;
      const html = await (await fetch(form)).text();
      const serviceId = /name="serviceId" value="(\d+)"/.exec(html)![1]!;
      // Five ratings of this unit from this address today: the next one is asked for the challenge.
      for (let i = 0; i < 5; i++) {
        const fields = { token: `browser-${javaScriptEnabled}-${i}-${"z".repeat(30)}`, serviceId, u1: "3", u2: "3", u3: "3", u4: "3", u5: "3", u6: "3", u7: "3", u8: "3", u9: "3" };
        await fetch(form, { method: "POST", body: new URLSearchParams(fields), headers: { Origin: portal.server.baseUrl }, redirect: "manual" });
      }
      const context = await portal.browser.newContext({ javaScriptEnabled, locale: "id-ID", viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(form);
      await page.locator("input[name=serviceId]").first().check();
      for (const element of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]) await page.locator(`#${element}-4`).check();
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("Jawaban Anda belum dikirim");
      expect(await page.locator("#u5-4").isChecked()).toBe(true);
      const question = (await page.locator("label[for=challengeAnswer]").textContent()) ?? "";
      const [, left, right] = /(\d+) \+ (\d+)/.exec(question)!;
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel(question).fill(String(Number(left) + Number(right)));
      await page.getByRole("button", { name: "Kirim penilaian" }).click();
      await page.waitForURL(/\/thanks$/);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Terima kasih");
      await context.close();
    });
  }
});
