import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, portalAndBrowser } from "./browser";

// A 1×1 PNG: the smallest photo the form takes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// Each browser context is a different resident on a different connection (X-Forwarded-For
// behind a trusted proxy): a client's third report of a day is asked for the challenge, which
// is not what these journeys are about (tests/app/report-limits.test.ts covers it).
const portal = portalAndBrowser({ TRUST_PROXY: "1" });
let residents = 0;
const resident = () => ({ "X-Forwarded-For": `198.51.100.${++residents}` });

/** Files a report from the unit's preselected form and returns the receipt code shown. */
async function fileReport(page: Page, check: (page: Page) => Promise<void>): Promise<string> {
  await page.goto(`${portal.server.baseUrl}/report?unit=kota-palangka-raya/disdukcapil`);
  await check(page);
  await page.getByLabel("Pungutan liar (pungli)").check();
  await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").fill(
    "Petugas loket meminta uang tambahan seratus ribu agar KTP-el selesai hari ini.",
  );
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Laporan Anda sudah diterima");
  await check(page);
  const code = ((await page.locator(".receipt-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  return code;
}

async function openCase(page: Page, code: string, check: (page: Page) => Promise<void>) {
  await page.goto(`${portal.server.baseUrl}/report/case`);
  await check(page);
  await page.getByLabel("Kode tanda terima").fill(code);
  await page.getByRole("button", { name: "Buka laporan saya" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Laporan Anda");
  await check(page);
}

describe("a back-door report", () => {
  it("is filed and followed with the receipt code alone, without JavaScript", async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false, locale: "id-ID", viewport: { width: 360, height: 740 }, extraHTTPHeaders: resident() });
    const page = await context.newPage();
    const code = await fileReport(page, async () => {});
    await openCase(page, code, async () => {});
    await page.getByLabel("Kirim pesan atau jawaban").fill("Kejadiannya di loket dua, pagi hari.");
    await page.getByRole("button", { name: /Kirim/ }).first().click();
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toContain("Kejadiannya di loket dua, pagi hari.");
    await context.close();
  });

  it("has no WCAG 2.1 AA violation at any step, with JavaScript, in both languages", async () => {
    const problems: string[] = [];
    const check = async (p: Page) => {
      problems.push(...(await accessibilityViolations(p)).map((v) => `${new URL(p.url()).pathname} ${v}`));
    };
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 }, extraHTTPHeaders: resident() });
    const page = await context.newPage();
    const code = await fileReport(page, check);
    await openCase(page, code, check);
    await context.close();

    const english = await portal.browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 }, extraHTTPHeaders: resident() });
    const englishPage = await english.newPage();
    for (const path of ["/report", "/report/case"]) {
      await englishPage.goto(`${portal.server.baseUrl}${path}`);
      expect(await englishPage.getAttribute("html", "lang")).toBe("en");
      await check(englishPage);
    }
    await english.close();
    expect(problems).toEqual([]);
  });

  it("with JavaScript: lists only the chosen unit's services, keeps chosen photos after a refusal, and empties the reply box once sent", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 }, extraHTTPHeaders: resident() });
    const page = await context.newPage();
    await page.goto(`${portal.server.baseUrl}/report`);
    await page.waitForFunction(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")));
    const groups = () => page.locator("#serviceId optgroup").evaluateAll((list) => list.map((g) => g.getAttribute("label")));
    await page.getByLabel("Unit layanan mana?").selectOption("kota-palangka-raya/disdukcapil");
    await expect.poll(groups).toEqual(["Kota Palangka Raya · Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya"]);
    await page.getByLabel("Unit layanan mana?").selectOption("kota-palangka-raya/*");
    await expect.poll(groups).toEqual([]);
    await page.getByLabel("Unit layanan mana?").selectOption("kota-palangka-raya/disdukcapil");

    // Refused (no category chosen): the photo stays chosen, so nobody is told to choose it again.
    await page.locator("#files").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: PNG });
    await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").fill("Petugas loket meminta uang tambahan agar KTP-el cepat selesai.");
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBe(1);
    expect(await page.locator("#files").evaluate((input) => (input as HTMLInputElement).files?.length)).toBe(1);
    expect(await page.getByText("pilih lagi sebelum mengirim").count()).toBe(0);

    await page.getByLabel("Pungutan liar (pungli)").check();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Laporan Anda sudah diterima");
    const code = ((await page.locator(".receipt-code").textContent()) ?? "").trim();
    await openCase(page, code, async () => {});
    const reply = page.getByLabel("Kirim pesan atau jawaban");
    await reply.fill("Kejadiannya di loket dua, pagi hari.");
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toContain("Kejadiannya di loket dua, pagi hari.");
    await expect.poll(() => reply.inputValue()).toBe("");
    await context.close();
  });
});
