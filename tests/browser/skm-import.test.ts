/**
 * The demo unit manager of Disdukcapil enters paper questionnaires: from the staff home to the
 * upload page by links (client-side navigation), a file with one bad line (refused whole, the
 * line named), then a good file, which moves the respondent count on the unit's public page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { currentTotp } from "~/auth/totp.server";
import { CSV_HEADER } from "~/skm/import";
import { localDate } from "~/utils/calendar";
import { accessibilityViolations, portalAndBrowser } from "./browser";

const portal = portalAndBrowser();
const UNIT_PAGE = "/units/kota-palangka-raya/disdukcapil";

/** The demo account's first sign-in: password, then enrolling the authenticator. */
async function signInFirstTime(page: Page, email: string) {
  await page.goto(`${portal.server.baseUrl}/staff`);
  await page.waitForURL(/\/staff\/login/);
  await page.getByLabel("Surel").fill(email);
  await page.getByLabel("Kata sandi").fill("pintu-depan-demo");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.waitForURL(/\/staff\/two-factor$/);
  const secret = ((await page.locator("main code").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Kode 6 angka dari aplikasi").fill(await currentTotp(secret));
  await page.getByRole("button", { name: "Aktifkan" }).click();
  await page.getByRole("link", { name: "Lanjut ke beranda staf" }).click();
  await page.waitForURL(/\/staff$/);
}

/** This year's respondents on the unit's public page ("… dari 1.234 responden."). */
async function respondents(page: Page): Promise<number> {
  await page.goto(`${portal.server.baseUrl}${UNIT_PAGE}`);
  const text = (await page.locator("main").textContent()) ?? "";
  const found = /dari ([\d.]+) responden/.exec(text)?.[1];
  expect(found, "the unit page shows this year's respondents").toBeDefined();
  return Number(found!.replaceAll(".", ""));
}

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: "kuesioner.csv", mimeType: "text/csv", buffer: Buffer.from([CSV_HEADER, ...lines].join("\n")) };
}

describe("paper questionnaires in the browser", () => {
  it("refuses a file with a bad line whole, naming it, then stores a good one and the unit's count moves", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const before = await respondents(page);

    await signInFirstTime(page, "pengelola.disdukcapil@demo.pintudepan.id");
    // A full page load would drop this mark: the clicks below must stay in the loaded app.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.locator("main a.card-title", { hasText: "Kuesioner kertas" }).click();
    await page.waitForURL(/\/staff\/skm-import$/);
    await page.getByRole("link", { name: "Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya" }).click();
    await page.waitForURL(/\/staff\/units\/kota-palangka-raya\/disdukcapil\/skm-import$/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // A file over 2 MiB is pointed out before it is sent.
    await page.getByLabel("Berkas CSV").setInputFiles({ name: "besar.csv", mimeType: "text/csv", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "a") });
    await page.getByRole("button", { name: "Periksa dan impor" }).click();
    await expect.poll(() => page.locator("#file-error").textContent()).toContain("Berkas lebih besar dari 2 MiB.");
    expect(await page.getByLabel("Berkas CSV").getAttribute("aria-invalid")).toBe("true");

    const today = localDate("Asia/Jakarta", new Date());
    const good = [
      `${today},KTP-el,P,34,SMA,WIRAUSAHA,4,4,3,4,4,4,4,3,3`,
      `${today},Kartu Keluarga,L,52,S1,PNS,3,3,3,4,3,3,4,3,2`,
      `${today},KTP-el,,,,,4,3,,4,3,4,4,4,`,
    ];
    await page.getByLabel("Berkas CSV").setInputFiles(csv([good[0]!, `${today},KTP-el,L,41,SMA,PNS,4,4,3,9,3,3,4,4,3`, good[1]!]));
    await page.getByRole("button", { name: "Periksa dan impor" }).click();
    const problems = page.getByRole("table", { name: "Masalah dalam berkas, per baris" });
    await expect.poll(() => problems.count()).toBe(1);
    expect(await page.getByRole("alert").first().textContent()).toContain("Tidak ada yang disimpan: berkas berisi 1 masalah.");
    expect(await problems.locator("tbody tr").count()).toBe(1);
    expect(await problems.locator("tbody th").textContent()).toBe("3");
    expect(await problems.locator("tbody td").textContent()).toBe('u4 "9" harus 1, 2, 3, 4 atau kosong.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Berkas CSV").setInputFiles(csv(good));
    await page.getByRole("button", { name: "Periksa dan impor" }).click();
    const stored = page.getByRole("status").filter({ hasText: "jawaban disimpan" });
    await expect.poll(() => stored.count()).toBe(1);
    expect(await stored.textContent()).toContain("3 jawaban disimpan untuk Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya.");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await stored.getByRole("link", { name: "Lihat hasil unit" }).click();
    await page.waitForURL(new RegExp(`${UNIT_PAGE}$`));

    // Only the good file counts: the refused one stored nothing.
    expect(await respondents(page)).toBe(before + 3);
    await context.close();
  });

  it("prints the questionnaire on A4 in both languages", async () => {
    const context = await portal.browser.newContext({ locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(`${portal.server.baseUrl}${UNIT_PAGE}/questionnaire`);
    expect(await page.locator("h1").textContent()).toBe("Survei Kepuasan Masyarakat (SKM)");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "English version" }).click();
    await page.waitForURL(/questionnaire\?lang=en$/);
    expect(await page.locator("h1").textContent()).toBe("Community Satisfaction Survey (SKM)");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    for (const lang of ["id", "en"]) {
      await page.goto(`${portal.server.baseUrl}${UNIT_PAGE}/questionnaire?lang=${lang}`);
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
      // One sheet of paper: the questionnaire fits a single A4 page.
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g), lang).toHaveLength(1);
    }
    await context.close();
  });
});
