import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { currentTotp } from "~/auth/totp.server";
import { accessibilityViolations, portalAndBrowser } from "./browser";

const portal = portalAndBrowser();

/** The demo moderator's first sign-in: password, authenticator enrolment, staff home. */
async function signInModerator(page: Page) {
  await page.goto(`${portal.server.baseUrl}/staff`);
  await page.waitForURL(/\/staff\/login\?redirectTo=%2Fstaff$/);
  await page.getByLabel("Surel").fill("moderator@demo.pintudepan.id");
  await page.getByLabel("Kata sandi").fill("pintu-depan-demo");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.waitForURL(/\/staff\/two-factor$/);
  const secret = ((await page.locator("main code").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Kode 6 angka dari aplikasi").fill(await currentTotp(secret));
  await page.getByRole("button", { name: "Aktifkan" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Verifikasi dua langkah aktif");
  await page.getByRole("link", { name: "Lanjut ke beranda staf" }).click();
  await page.waitForURL(/\/staff$/);
}

describe("a report received by phone", () => {
  it("is recorded by a moderator, and the reporter follows it with the code read back to them", async () => {
    const problems: string[] = [];
    const check = async (p: Page) => {
      problems.push(...(await accessibilityViolations(p)).map((v) => `${new URL(p.url()).pathname} ${v}`));
    };
    const staff = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 900 } });
    const page = await staff.newPage();
    await signInModerator(page);

    // From the queue to the intake form, by client-side navigation once the page is hydrated.
    await page.goto(`${portal.server.baseUrl}/staff/reports`);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByRole("link", { name: "Catat laporan yang diterima lewat telepon, surat, atau langsung" }).click();
    await page.waitForURL(/\/staff\/reports\/new$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Catat laporan");
    await check(page);

    // A mistake first: no channel chosen. The form says so and keeps what was typed.
    await page.getByLabel("Pungutan liar (pungli)").check();
    await page.getByLabel("Unit layanan mana?").selectOption("kota-palangka-raya/dpmptsp");
    // The staff page hydrates: React narrows the services to the chosen unit's.
    const groups = () => page.locator("#serviceId optgroup").evaluateAll((list) => list.map((g) => g.getAttribute("label")));
    await expect.poll(groups).toEqual(["Kota Palangka Raya · Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palangka Raya"]);
    const narrative = "Penelepon: petugas perizinan meminta uang pelicin dua ratus ribu agar izin usaha cepat terbit.";
    await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").fill(narrative);
    await page.getByRole("button", { name: "Catat laporan" }).click();
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toContain("Pilih cara laporan diterima.");
    expect(await page.getByLabel("Apa yang terjadi, dengan kata-kata Anda sendiri").inputValue()).toBe(narrative);

    await page.getByLabel("Diterima melalui").selectOption("phone");
    await page.getByRole("button", { name: "Catat laporan" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Laporan tercatat");
    await check(page);
    const code = ((await page.locator(".receipt-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(page.url()).not.toContain(code.replace(/ /g, ""));
    await expect.poll(() => page.getByRole("button", { name: "Cetak slip" }).isVisible()).toBe(true);

    // The case is in the moderators' hands, marked as received by phone.
    await page.getByRole("link", { name: /^Buka kasus / }).click();
    await page.waitForURL(/\/staff\/reports\/[0-9a-f-]+$/);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Kasus /);
    const facts = (await page.locator("main").textContent()) ?? "";
    expect(facts).toContain("Diterima melaluiTelepon");
    expect(facts).toContain(narrative);
    await staff.close();

    // The reporter, on their own phone, with the code alone.
    const reporter = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 360, height: 740 } });
    const phone = await reporter.newPage();
    await phone.goto(`${portal.server.baseUrl}/report/case`);
    await phone.getByLabel("Kode tanda terima").fill(code);
    await phone.getByRole("button", { name: "Buka laporan saya" }).click();
    await expect.poll(() => phone.locator("h1").textContent()).toBe("Laporan Anda");
    expect((await phone.locator("main").textContent()) ?? "").toContain(narrative);
    await reporter.close();

    expect(problems).toEqual([]);
  });
});
