/**
 * A counter kiosk from enrolment to revocation, as people do it: the unit manager enrols a
 * kiosk in the staff area, a second browser (the tablet) pairs with the code and takes three
 * ratings while its network drops and comes back; the unit's index counts exactly three more.
 * Once revoked, the tablet is refused.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { localDate } from "~/utils/calendar";
import { accessibilityViolations, portalAndBrowser } from "./browser";
import { firstStaffSignIn } from "./sign-in";

// Every rating shows in the public figures at once (nothing kept, and no disclosure minimum to
// pass), so the test can count them there.
const portal = portalAndBrowser({ DISCLOSURE_MIN: "1", PUBLIC_CACHE_SECONDS: "0" });
const API = "/api/v1/units/kota-palangka-raya/disdukcapil/skm";

async function respondents(): Promise<number> {
  const period = localDate("Asia/Jakarta").slice(0, 7);
  const body = (await (await fetch(`${portal.server.baseUrl}${API}?period=${period}`)).json()) as { respondents: number | null };
  return body.respondents ?? 0;
}

/** One visitor: the service, the nine unsur, one screen each, the last question, then "selesai". */
async function rate(page: Page, coercion: "Ya" | "Tidak" | "Lewati" = "Lewati") {
  await expect.poll(() => page.locator("h1").textContent()).toBe("Bagaimana layanan kami hari ini?");
  await page.locator(".kiosk-services button").first().click();
  for (let n = 1; n <= 9; n++) {
    await expect.poll(() => page.locator(".kiosk-progress").textContent()).toBe(`Pertanyaan ${n} dari 9`);
    await page.locator(".kiosk-scale button").nth(n % 2 === 0 ? 2 : 3).click();
  }
  await expect.poll(() => page.locator(".kiosk-progress").textContent()).toBe("Pertanyaan terakhir (boleh dilewati)");
  await page.getByRole("button", { name: coercion, exact: true }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Selesai");
}

describe("the counter kiosk", () => {
  it("is enrolled by the unit manager, rates through a dropped connection, counts each rating once, and is refused once revoked", async () => {
    const staffContext = await portal.browser.newContext({ locale: "id-ID" });
    const staff = await firstStaffSignIn(portal.server.baseUrl, staffContext, "pengelola.disdukcapil@demo.pintudepan.id", "Pengelola Disdukcapil (demo)");
    await staff.getByRole("link", { name: "Kios penilaian" }).click();
    await staff.waitForURL(/\/staff\/kiosks$/);
    await staff.getByLabel("Nama kios").fill("Loket 1");
    await staff.getByRole("button", { name: "Daftarkan dan buat kode" }).click();
    await expect.poll(() => staff.locator(".kiosk-pairing-code code").count()).toBe(1);
    const code = (await staff.locator(".kiosk-pairing-code code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await staff.getByRole("img", { name: "Kode QR alamat pemasangan kios" }).count()).toBe(1);
    expect(await accessibilityViolations(staff)).toEqual([]);

    // The tablet: a browser of its own, landscape.
    const device = await portal.browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 800 } });
    const kiosk = await device.newPage();
    await kiosk.goto(`${portal.server.baseUrl}/kiosk`);
    await expect.poll(() => kiosk.locator("h1").textContent()).toBe("Perangkat ini bukan kios terdaftar");
    await kiosk.getByRole("link", { name: "Pasangkan perangkat ini" }).click();
    await kiosk.getByLabel("Kode pasangan").fill(code.toLowerCase());
    await kiosk.getByRole("button", { name: "Pasangkan" }).click();
    await expect.poll(() => kiosk.locator("h1").textContent()).toBe("Kios siap");
    await kiosk.getByRole("link", { name: "Buka layar penilaian" }).click();

    const before = await respondents();
    await rate(kiosk);
    expect(await accessibilityViolations(kiosk)).toEqual([]);
    await expect.poll(respondents, { timeout: 15_000 }).toBe(before + 1);

    // The network drops: the next two visitors' ratings wait on the device.
    await device.setOffline(true);
    await kiosk.getByRole("button", { name: "Mulai penilaian baru" }).click();
    await rate(kiosk);
    await kiosk.getByRole("button", { name: "Mulai penilaian baru" }).click();
    await expect.poll(() => kiosk.locator(".kiosk-pending").textContent()).toContain("1 penilaian tersimpan");
    // This visitor was watched: the selesai screen offers the back-door report.
    await rate(kiosk, "Ya");
    expect(await kiosk.getByRole("heading", { name: "Anda diminta memberi nilai baik atau ditunggui?" }).count()).toBe(1);
    expect(await kiosk.getByRole("link", { name: /\/report$/ }).count()).toBe(1);
    await kiosk.getByRole("button", { name: "Mulai penilaian baru" }).click();
    await expect.poll(() => kiosk.locator(".kiosk-pending").textContent()).toContain("2 penilaian tersimpan");
    // The answers of the last visitor are gone from the screen.
    expect(await kiosk.locator("input[type=hidden][name=u1]").count()).toBe(0);
    expect(await respondents()).toBe(before + 1);

    // Back online: the outbox is sent, at the device's pace, each rating once.
    await device.setOffline(false);
    await expect.poll(() => kiosk.locator(".kiosk-pending").count(), { timeout: 40_000 }).toBe(0);
    await expect.poll(respondents, { timeout: 10_000 }).toBe(before + 3);

    // Revoked in the staff area: the tablet is refused and stores nothing more.
    await staff.goto(`${portal.server.baseUrl}/staff/kiosks`);
    await staff.getByRole("button", { name: "Cabut kios Loket 1" }).click();
    await expect.poll(() => staff.getByRole("status").first().textContent()).toContain("Kios dicabut");
    const refused = await kiosk.goto(`${portal.server.baseUrl}/kiosk`);
    expect(refused?.status()).toBe(403);
    await expect.poll(() => kiosk.locator("h1").textContent()).toBe("Perangkat ini bukan kios terdaftar");
    expect(await respondents()).toBe(before + 3);

    // The same without JavaScript on another tablet: one question per page, server round trips.
    await staff.getByLabel("Nama kios").fill("Loket tanpa JS");
    await staff.getByRole("button", { name: "Daftarkan dan buat kode" }).click();
    await expect.poll(() => staff.locator(".kiosk-pairing-code code").textContent()).not.toBe(code);
    const secondCode = (await staff.locator(".kiosk-pairing-code code").textContent()) ?? "";
    const plain = await portal.browser.newContext({ locale: "id-ID", javaScriptEnabled: false });
    const plainKiosk = await plain.newPage();
    await plainKiosk.goto(`${portal.server.baseUrl}/kiosk/pair?code=${secondCode}`);
    await plainKiosk.getByRole("button", { name: "Pasangkan" }).click();
    await plainKiosk.getByRole("link", { name: "Buka layar penilaian" }).click();
    await rate(plainKiosk);
    expect(await respondents()).toBe(before + 4);

    await plain.close();
    await device.close();
    await staffContext.close();
  });
});
