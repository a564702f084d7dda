/** Staff sign-in as a person does it in the browser, shared by the browser tests. */
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { currentTotp } from "~/auth/totp.server";

/**
 * A demo account's first sign-in: wrong password, password, authenticator enrolment,
 * recovery codes, staff home. `check` runs on every page reached.
 */
export async function firstStaffSignIn(baseUrl: string, context: BrowserContext, email: string, displayName: string, check: (page: Page) => Promise<void> = async () => {}) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/staff`);
  await page.waitForURL(/\/staff\/login\?redirectTo=%2Fstaff$/);
  await check(page);

  await page.getByLabel("Surel").fill(email);
  await page.getByLabel("Kata sandi").fill("salah-sama-sekali");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect.poll(() => page.getByRole("alert").textContent()).toContain("Surel atau kata sandi salah.");
  await check(page);

  await page.getByLabel("Kata sandi").fill("pintu-depan-demo");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.waitForURL(/\/staff\/two-factor$/);
  await expect.poll(() => page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" }).count()).toBe(1);
  await check(page);

  const secret = ((await page.locator("main code").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Kode 6 angka dari aplikasi").fill(await currentTotp(secret));
  await page.getByRole("button", { name: "Aktifkan" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Verifikasi dua langkah aktif");
  expect(await page.locator(".code-list li").count()).toBe(10);
  await check(page);

  await page.getByRole("link", { name: "Lanjut ke beranda staf" }).click();
  await page.waitForURL(/\/staff$/);
  await expect.poll(() => page.locator("h1").textContent()).toBe(`Selamat datang, ${displayName}`);
  await check(page);
  return page;
}
