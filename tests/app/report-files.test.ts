/**
 * Evidence files: photos are re-encoded without any metadata before storage (a GPS-tagged
 * photo is stored and served with no EXIF at all), the type comes from the bytes, and
 * anything that is not a photo, too many files or a too large file is refused with nothing
 * stored.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFiles, reports } from "../../db/schema";
import { readReportFile } from "~/reports/attachments.server";
import { CookieJar, createTestApp, type TestApp } from "../helpers/app";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { textOf } from "../helpers/html";
import { countRows, postMultipart, receiptFrom, reportFields, testJpeg, type Upload } from "../helpers/reporter";

let database: TestDatabase;
let app: TestApp;
let small: TestApp;
const MARKER = "DISTINCTIVE-CAMERA-OWNER-7731";

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  app = await createTestApp(database.db);
  small = await createTestApp(database.db, { env: { REPORT_MAX_FILE_MB: "1" } });
});
afterAll(() => database.drop());

/** Whether an EXIF block holds a GPS directory (tag 0x8825, either byte order). */
function hasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

let clients = 0;
function send(files: Upload[], on: TestApp = app) {
  return postMultipart(on.from(`192.0.2.${++clients}`), "/report", reportFields(), files);
}

async function storedFiles(): Promise<number> {
  return (await database.db.select({ id: reportFiles.id }).from(reportFiles)).length;
}

describe("a photo with GPS data", () => {
  it("is stored and served to the reporter without any EXIF, GPS or camera data", async () => {
    const original = await testJpeg({ gps: true, marker: MARKER, width: 400, height: 300 });
    const before = await sharp(original).metadata();
    expect(hasGps(before.exif)).toBe(true);
    expect(original.toString("latin1")).toContain(MARKER);

    const response = await send([{ name: "IMG_20261128_101502.jpg", type: "image/jpeg", bytes: original }]);
    expect(response.status).toBe(200);
    const code = receiptFrom(await response.text())!;

    const [row] = await database.db.select({ id: reportFiles.id, mediaType: reportFiles.mediaType, width: reportFiles.width }).from(reportFiles);
    expect(row).toMatchObject({ mediaType: "image/jpeg", width: 400 });
    const stored = await readReportFile(database.db, app.config.secrets.encryptionKeys, row!.id);
    const storedMeta = await sharp(stored!.bytes).metadata();
    expect(storedMeta.format).toBe("jpeg");
    expect(storedMeta.exif).toBeUndefined();
    expect(storedMeta.xmp).toBeUndefined();
    expect(storedMeta.icc).toBeUndefined();
    expect(stored!.bytes.toString("latin1")).not.toContain(MARKER);
    expect(stored!.bytes.toString("latin1")).not.toContain("TestPhone");

    const jar = new CookieJar();
    jar.take(await app.post("/report/case", { intent: "signIn", code }));
    const page = await (await app.get("/report/case", { Cookie: jar.header })).text();
    const href = /href="(\/report\/case\/files\/[0-9a-f-]{36})"/.exec(page)?.[1];
    expect(href).toBe(`/report/case/files/${row!.id}`);

    const served = await app.get(href!, { Cookie: jar.header });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toBe("no-store");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-disposition")).toBe("inline");
    expect(served.headers.get("content-security-policy")).toContain("default-src 'none'");
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.toString("latin1")).not.toContain(MARKER);

    // Without the reporter's session the file does not exist.
    expect((await app.get(href!)).status).toBe(404);
  });

  it("is turned upright from its EXIF orientation before the metadata is dropped", async () => {
    const sideways = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#3366aa" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await send([{ name: "a.jpg", type: "image/jpeg", bytes: sideways }])).status).toBe(200);
    const rows = await database.db.select({ width: reportFiles.width, height: reportFiles.height }).from(reportFiles);
    expect(rows).toContainEqual({ width: 200, height: 300 });
  });

  it("keeps a screenshot as PNG, and shrinks what is larger than 2560 pixels", async () => {
    const screenshot = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#ffffff" } }).png().toBuffer();
    expect((await send([{ name: "Screenshot.png", type: "image/png", bytes: screenshot }])).status).toBe(200);
    const rows = await database.db.select({ mediaType: reportFiles.mediaType, width: reportFiles.width }).from(reportFiles);
    expect(rows).toContainEqual({ mediaType: "image/png", width: 2560 });
  });
});

describe("what is refused", () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 0x90)]);
  const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0x41)]);
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Author (Someone) >> endobj\n%%EOF\n");
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic"), Buffer.alloc(200)]);

  it.each([
    ["a renamed Linux executable", elf, "photo.jpg"],
    ["a renamed Windows executable", exe, "photo.jpg"],
    ["a PDF", pdf, "laporan.pdf"],
  ])("%s, declared as a JPEG, gets 400 with the reason and nothing is stored", async (_what, bytes, name) => {
    const reportsBefore = await countRows(database.db, reports);
    const filesBefore = await storedFiles();
    const response = await send([{ name, type: "image/jpeg", bytes }]);
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Hanya foto (JPEG, PNG atau WebP) yang diterima");
    expect(text).toContain("fotolah dokumennya");
    expect(await countRows(database.db, reports)).toBe(reportsBefore);
    expect(await storedFiles()).toBe(filesBefore);
  });

  it("refuses HEIC, which cannot be decoded here, suggesting a screenshot", async () => {
    const response = await send([{ name: "IMG_0001.HEIC", type: "image/heic", bytes: heic }]);
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("Foto HEIC tidak dapat diproses");
  });

  it("refuses more files than allowed, storing nothing and keeping what was typed", async () => {
    const photo = await testJpeg();
    const reportsBefore = await countRows(database.db, reports);
    const files = Array.from({ length: app.config.reports.maxFiles + 1 }, (_, i) => ({ name: `${i}.jpg`, type: "image/jpeg", bytes: photo }));
    const response = await send(files);
    expect(response.status).toBe(400);
    const text = textOf(await response.text());
    expect(text).toContain("Terlalu banyak berkas");
    expect(text).toContain("Petugas loket meminta uang seratus lima puluh ribu");
    expect(await countRows(database.db, reports)).toBe(reportsBefore);
  });

  it("refuses a file over the size limit with 413, storing nothing and keeping what was typed", async () => {
    const reportsBefore = await countRows(database.db, reports);
    const large = Buffer.concat([await testJpeg(), Buffer.alloc(1024 * 1024 + 10, 7)]);
    const response = await send([{ name: "big.jpg", type: "image/jpeg", bytes: large }], small);
    expect(response.status).toBe(413);
    const text = textOf(await response.text());
    expect(text).toContain("melebihi ukuran yang diizinkan");
    expect(text).toContain("Petugas loket meminta uang seratus lima puluh ribu");
    expect(await countRows(database.db, reports)).toBe(reportsBefore);
  });
});

describe("adding evidence later", () => {
  it("adds photos to the case up to the per-report limit", async () => {
    const photo = await testJpeg();
    const response = await send([{ name: "1.jpg", type: "image/jpeg", bytes: photo }]);
    const code = receiptFrom(await response.text())!;
    const jar = new CookieJar();
    jar.take(await app.post("/report/case", { intent: "signIn", code }));
    const max = app.config.reports.maxFiles;

    const more = Array.from({ length: max - 1 }, (_, i) => ({ name: `${i}.jpg`, type: "image/jpeg", bytes: photo }));
    const added = await postMultipart(app, "/report/case", { intent: "files" }, more, { Cookie: jar.header });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/report/case?sent=files");
    const page = textOf(await (await app.get("/report/case?sent=files", { Cookie: jar.header })).text());
    expect(page).toContain(`Foto ${max},`);

    const filesBefore = await storedFiles();
    const over = await postMultipart(app, "/report/case", { intent: "files" }, [{ name: "x.jpg", type: "image/jpeg", bytes: photo }], { Cookie: jar.header });
    expect(over.status).toBe(400);
    expect(await storedFiles()).toBe(filesBefore);

    const refused = await postMultipart(app, "/report/case", { intent: "files" }, [{ name: "x.jpg", type: "image/jpeg", bytes: Buffer.from("MZ not a photo") }], {
      Cookie: jar.header,
    });
    expect(refused.status).toBe(400);
    expect(await storedFiles()).toBe(filesBefore);
  });

  it("answers 404 for a file of another report or a malformed file address, never a 500", async () => {
    const photo = await testJpeg();
    const other = await send([{ name: "1.jpg", type: "image/jpeg", bytes: photo }]);
    expect(other.status).toBe(200);
    const [otherFile] = await database.db.select({ id: reportFiles.id }).from(reportFiles).limit(1);
    const response = await send([]);
    const code = receiptFrom(await response.text())!;
    const jar = new CookieJar();
    jar.take(await app.post("/report/case", { intent: "signIn", code }));
    for (const id of [otherFile!.id, "-".repeat(36), "not-a-file"]) {
      expect((await app.get(`/report/case/files/${id}`, { Cookie: jar.header })).status, id).toBe(404);
    }
  });
});
