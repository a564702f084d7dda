import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { h1Of, htmlLang, textOf, titleOf } from "../helpers/html";

let database: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  database = await createSeededTestDatabase();
  app = await createTestApp(database.db);
});
afterAll(() => database.drop());

async function page(path: string, headers?: HeadersInit) {
  const response = await app.get(path, headers);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe("home page", () => {
  it("is in Bahasa Indonesia by default, with both calls to action and the regions", async () => {
    const { status, html } = await page("/");
    expect(status).toBe(200);
    expect(htmlLang(html)).toBe("id");
    expect(h1Of(html)).toBe("Layanan publik lewat pintu depan");
    expect(html).toContain('href="/rate"');
    expect(html).toContain('href="/report"');
    expect(html).toContain('href="/regions/kota-palangka-raya"');
    expect(html).toContain('href="/regions/kabupaten-kotawaringin-timur"');
    expect(textOf(html)).toContain("9 unit layanan");
  });

  it("honours Accept-Language", async () => {
    const { html } = await page("/", { "Accept-Language": "en-GB,en;q=0.9" });
    expect(htmlLang(html)).toBe("en");
    expect(h1Of(html)).toBe("Public services through the front door");
    expect(textOf(html)).toContain("9 service units");
  });

  it("falls back to Bahasa Indonesia for languages it does not have", async () => {
    const { html } = await page("/", { "Accept-Language": "fr-FR,fr;q=0.9" });
    expect(htmlLang(html)).toBe("id");
  });

  it("finds a unit by service with a plain GET form", async () => {
    const { status, html } = await page("/?q=akta+kelahiran");
    expect(status).toBe(200);
    expect(html).toMatch(/<form method="get" action="\/[^"]*" role="search"/);
    expect(textOf(html)).toContain("2 hasil untuk “akta kelahiran”");
    expect(html).toContain('href="/units/kota-palangka-raya/disdukcapil"');
    expect(html).toContain('value="akta kelahiran"');
  });

  it("says so when nothing matches, and survives hostile or huge terms", async () => {
    expect(textOf((await page("/?q=zzzz")).html)).toContain("Tidak ada unit yang cocok");
    for (const q of ["%25", "%27%3B--", "<script>alert(1)</script>", "x".repeat(10_000)]) {
      const { status, html } = await page(`/?q=${q}`);
      expect(status).toBe(200);
      expect(html).not.toContain("<script>alert(1)</script>");
    }
  });
});

describe("region page", () => {
  it("lists the units of the region by agency, with no invented figures", async () => {
    const { status, html } = await page("/regions/kota-palangka-raya");
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Kota Palangka Raya");
    expect(titleOf(html)).toBe("Kota Palangka Raya · Pintu Depan");
    for (const unit of ["disdukcapil", "dpmptsp", "dishub-pengujian-kendaraan", "puskesmas-pahandut", "kecamatan-jekan-raya"]) {
      expect(html).toContain(`href="/units/kota-palangka-raya/${unit}"`);
    }
    expect(textOf(html)).toContain("Belum ada data penilaian");
  });

  it("answers 404, translated, for an unknown region", async () => {
    const id = await page("/regions/atlantis");
    expect(id.status).toBe(404);
    expect(h1Of(id.html)).toBe("Halaman tidak ditemukan");
    const en = await page("/regions/atlantis", { "Accept-Language": "en" });
    expect(en.status).toBe(404);
    expect(h1Of(en.html)).toBe("Page not found");
    expect(titleOf(en.html)).toBe("Page not found · Pintu Depan");
  });
});

describe("unit page", () => {
  it("shows agency, services, hours and no figures before there is data", async () => {
    const { status, html } = await page("/units/kota-palangka-raya/disdukcapil");
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Dinas Kependudukan dan Pencatatan Sipil Kota Palangka Raya");
    const text = textOf(html);
    expect(text).toContain("KTP-el (Kartu Tanda Penduduk elektronik)");
    expect(text).toContain("Pindah / Datang");
    expect(text).toContain("Senin–Kamis: 08:00–15:00");
    expect(text).toContain("Jumat: 08:00–11:00");
    expect(text).toContain("36.000 orang per tahun");
    expect(text).toContain("Alamat Belum dicatat");
    expect(text).toContain("Belum ada data. Nilai IKM");
    expect(html).toContain('href="/regions/kota-palangka-raya"');
  });

  it("speaks English on request", async () => {
    const { html } = await page("/units/kota-palangka-raya/dpmptsp", { "Accept-Language": "en" });
    const text = textOf(html);
    expect(text).toContain("Persetujuan Bangunan Gedung (PBG)");
    expect(text).toContain("Monday–Thursday: 08:00–15:00");
    expect(text).toContain("9,000 people a year");
    expect(text).toContain("No data yet.");
  });

  it("exists at the stable address of every seeded unit", async () => {
    for (const path of [
      "/units/kota-palangka-raya/dpmptsp",
      "/units/kota-palangka-raya/bapenda",
      "/units/kota-palangka-raya/puskesmas-jekan-raya",
      "/units/kota-palangka-raya/kecamatan-pahandut",
      "/units/kota-palangka-raya/dinsos",
      "/units/kabupaten-kotawaringin-timur/disdukcapil",
    ]) {
      expect((await page(path)).status, path).toBe(200);
    }
  });

  it("answers 404 for a unit of another region or an unknown one", async () => {
    expect((await page("/units/kabupaten-kotawaringin-timur/dinsos")).status).toBe(404);
    expect((await page("/units/kota-palangka-raya/NOPE")).status).toBe(404);
  });
});

describe("the report page", () => {
  it("is the open report form", async () => {
    const { status, html } = await page("/report");
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Laporkan pintu belakang");
  });
});

describe("rate a service", () => {
  it("lists every unit to rate, by region", async () => {
    const { status, html } = await page("/rate");
    expect(status).toBe(200);
    expect(h1Of(html)).toBe("Nilai layanan");
    expect(html).toContain('href="/rate/kota-palangka-raya/disdukcapil"');
    expect(html).toContain('href="/rate/kabupaten-kotawaringin-timur/dpmptsp"');
  });
});

describe("any other address", () => {
  it("is a translated 404, never a 500", async () => {
    for (const path of ["/nope", "/units", "/units/kota-palangka-raya", "/regions/kota-palangka-raya/extra/parts"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(h1Of(html), path).toBe("Halaman tidak ditemukan");
    }
    // An address that is not valid percent-encoding is a malformed request, refused in both languages.
    const broken = await page("/%E0%A4%A");
    expect(broken.status).toBe(400);
    expect(textOf(broken.html)).toContain("Permintaan ditolak: formatnya rusak");
  });

  it("answers a POST where there is no form with 405, not 500", async () => {
    const response = await app.post("/regions/kota-palangka-raya", { anything: "x" });
    expect(response.status).toBe(405);
  });
});

describe("every page", () => {
  it("is protected by a Content-Security-Policy whose nonce is the one on Remix's scripts", async () => {
    const { headers, html } = await page("/");
    const csp = headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("vary")).toContain("Accept-Language");
  });

  it("gets a different nonce on every response", async () => {
    const a = (await page("/")).headers.get("content-security-policy");
    const b = (await page("/")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("loads no third-party resource", async () => {
    for (const path of ["/", "/regions/kota-palangka-raya", "/units/kota-palangka-raya/disdukcapil", "/report"]) {
      const { html } = await page(path);
      const external = [...html.matchAll(/(?:src|href)="(https?:)?\/\/[^"]*"/g)].map((m) => m[0]);
      expect(external, path).toEqual([]);
    }
  });
});

describe("meta descriptions", () => {
  it.each([
    "/",
    "/regions/kota-palangka-raya",
    "/provinces/kalimantan-tengah",
    "/open-data",
    "/units/kota-palangka-raya/disdukcapil",
    "/units/kota-palangka-raya/disdukcapil/report",
    "/rate",
    "/rate/kota-palangka-raya/disdukcapil",
    "/report",
    "/report/case",
  ])("%s has exactly one, not empty, in the reader's language", async (path) => {
    for (const [language, word] of [["id", "layanan"], ["en", "service"]] as const) {
      const { html } = await page(path, { "Accept-Language": language });
      const descriptions = [...html.matchAll(/<meta name="description" content="([^"]*)"\/>/g)].map((m) => m[1]!);
      expect(descriptions, `${path} ${language}`).toHaveLength(1);
      expect(descriptions[0]!.toLowerCase()).toContain(word);
    }
  });
});
