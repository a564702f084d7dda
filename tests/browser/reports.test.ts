import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations, portalAndBrowser } from "./browser";

// A 1×1 PNG: the smallest photo the form takes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// Each browser context is a different resident on a different connection (X-Forwarded-For
// behind a trusted proxy): a client's third report of a day is asked for the challenge, which
// is not what these journeys are about (tests/app/report-limits.test.ts covers it).
const portal = portalAndBrowser({ TRUST_PROXY: "1" });
const DISDUKCAPIL_SERVICES = "Kota Palangka Raya · Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya";
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
    const code = await fileReport(page, async (p) => {
      // Without the script every unit's services stay listed, grouped per unit, and the print
      // button stays hidden (the hint beside it says to use the browser's menu).
      if ((await p.locator("h1").textContent()) === "Laporan Anda sudah diterima") {
        expect(await p.getByRole("button", { name: "Cetak halaman ini" }).count()).toBe(0);
      } else {
        expect(await p.locator("#serviceId optgroup").count()).toBeGreaterThan(1);
      }
    });
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

  it("with JavaScript: lists only the chosen unit's services, asks for the photos again after a refusal, prints the receipt, and empties the reply box once sent", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 }, extraHTTPHeaders: resident() });
    const page = await context.newPage();
    const loaded: string[] = [];
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") loaded.push(new URL(request.url()).pathname);
      // The script sends nothing anywhere: only the person's own page loads and form posts go out.
      if (["fetch", "xhr", "ping", "websocket", "eventsource"].includes(request.resourceType())) sent.push(`${request.resourceType()} ${request.url()}`);
    });
    await page.goto(`${portal.server.baseUrl}/report`);
    // The page ships no framework, only its small plain script.
    expect(loaded).toEqual(["/enhance/report.js"]);
    const unit = page.getByLabel("Unit layanan mana?");
    const service = page.getByLabel("Layanan apa? (boleh dikosongkan)");
    const groups = () => page.locator("#serviceId optgroup").evaluateAll((list) => list.map((g) => g.getAttribute("label")));
    expect((await groups()).length).toBeGreaterThan(1);
    await unit.selectOption("kota-palangka-raya/disdukcapil");
    await expect.poll(groups).toEqual([DISDUKCAPIL_SERVICES]);
    await service.selectOption({ label: "Kartu Keluarga" });
    await unit.selectOption("kota-palangka-raya/*");
    await expect.poll(groups).toEqual([]);
    expect(await service.inputValue()).toBe("");
    await unit.selectOption("kota-palangka-raya/disdukcapil");
    await service.selectOption({ label: "Kartu Keluarga" });

    // Refused (no category chosen): a full page post, so the photo must be chosen again, and
    // the page says so; what was chosen and typed is kept, the services still narrowed.
    await page.locator("#files").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: PNG });
    await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").fill("Petugas loket meminta uang tambahan agar KTP-el cepat selesai.");
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBe(1);
    expect(await page.getByText("pilih lagi sebelum mengirim").count()).toBe(1);
    expect(await page.locator("#files").evaluate((input) => (input as HTMLInputElement).files?.length)).toBe(0);
    expect(await unit.inputValue()).toBe("kota-palangka-raya/disdukcapil");
    await expect.poll(groups).toEqual([DISDUKCAPIL_SERVICES]);
    expect(await page.locator("#serviceId option:checked").textContent()).toBe("Kartu Keluarga");

    await page.locator("#files").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: PNG });
    await page.getByLabel("Pungutan liar (pungli)").check();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Laporan Anda sudah diterima");
    const code = ((await page.locator(".receipt-code").textContent()) ?? "").trim();
    // The print button appears with the script and prints once per press.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void counted.printed++;
    });
    await page.getByRole("button", { name: "Cetak halaman ini" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await openCase(page, code, async () => {});
    expect((await page.locator("main").textContent()) ?? "").toContain("Foto 1");
    const reply = page.getByLabel("Kirim pesan atau jawaban");
    await reply.fill("Kejadiannya di loket dua, pagi hari.");
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toContain("Kejadiannya di loket dua, pagi hari.");
    await expect.poll(() => reply.inputValue()).toBe("");
    // A refused reply comes back with the text typed and the error tied to the box.
    await reply.evaluate((box) => box.removeAttribute("maxlength"));
    await reply.fill("y".repeat(5001));
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBe(1);
    expect(await reply.getAttribute("aria-describedby")).toBe("body-hint body-error");
    expect(await page.locator("#body-error").textContent()).toContain("5000");
    expect(await page.getByText("Pesan Anda terkirim.").count()).toBe(0);
    expect(loaded.filter((path) => path !== "/enhance/report.js")).toEqual([]);
    expect(sent).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
    await context.close();
  });

  it("is reached from a page with scripts by a client-side move, and still posts the whole page", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 900 }, extraHTTPHeaders: resident() });
    const page = await context.newPage();
    await page.goto(`${portal.server.baseUrl}/`);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Laporkan pintu belakang" }).click();
    await page.waitForURL(/\/report$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Laporkan pintu belakang");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    const groups = () => page.locator("#serviceId optgroup").evaluateAll((list) => list.map((g) => g.getAttribute("label")));
    await page.getByLabel("Unit layanan mana?").selectOption("kota-palangka-raya/disdukcapil");
    await expect.poll(groups).toEqual([DISDUKCAPIL_SERVICES]);

    await page.locator("#files").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: PNG });
    await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").fill("Petugas loket meminta uang tambahan agar KTP-el cepat selesai.");
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.getByRole("alert").count()).toBe(1);
    // A new page, the same as without JavaScript: the photo is to be chosen again.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBeUndefined();
    expect(await page.getByText("pilih lagi sebelum mengirim").count()).toBe(1);
    await expect.poll(groups).toEqual([DISDUKCAPIL_SERVICES]);
    await context.close();
  });
});
