/**
 * Back-door reports for tests, created directly in the database as the reporting side stores
 * them: a random receipt hash, sealed content, the clock of a report received on a given day,
 * and optional image files made with sharp (sealed too).
 */
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { beforeAll } from "vitest";
import type { Database } from "../../db/client";
import { holidays as holidaysTable, reportFiles, reports } from "../../db/schema";
import { sealBytes, sealJson, type ReportContent } from "../../app/reports/sealed.server";
import { receivedClock, type ReportClock } from "../../app/reports/status-machine";
import type { Config } from "../../app/utils/env.server";
import type { TestApp } from "./app";
import type { TestDatabase } from "./db";
import { seededAppForFile } from "./seeded-app";
import { createStaff, regionId, sessionFor, unitId } from "./staff";

interface TestImage {
  format: "png" | "jpeg";
  width?: number;
  height?: number;
  /** Adds EXIF (a camera's description) to prove it never survives. */
  exif?: boolean;
}

export interface TestReportSpec {
  region?: string;
  /** "region/unit", or null for "I don't know which unit". */
  unit?: string | null;
  category?: "pungli" | "calo" | "suap" | "gratifikasi" | "pemerasan" | "diskriminasi" | "lainnya";
  receivedOn: string;
  /** Overrides of the clock a report received that day would have (status, dates). */
  clock?: Partial<ReportClock>;
  content?: Partial<ReportContent>;
  files?: TestImage[];
  reference?: string;
}

let counter = 0;

/** A plain white image, optionally carrying EXIF. */
async function testImage(image: TestImage): Promise<Buffer> {
  let pipeline = sharp({ create: { width: image.width ?? 100, height: image.height ?? 100, channels: 3, background: { r: 255, g: 255, b: 255 } } });
  if (image.exif) pipeline = pipeline.withExif({ IFD0: { ImageDescription: "taken at Jalan Tjilik Riwut", Make: "TestPhone" } });
  return image.format === "png" ? pipeline.png().toBuffer() : pipeline.jpeg({ quality: 95 }).toBuffer();
}

export async function createReport(db: Database, config: Config, spec: TestReportSpec): Promise<{ id: string; reference: string; fileIds: string[] }> {
  counter += 1;
  const holidaySet = new Set((await db.select({ day: holidaysTable.day }).from(holidaysTable)).map((row) => row.day));
  const clock = { ...receivedClock(spec.receivedOn, config.reports, holidaySet), ...spec.clock };
  const unitAddress = spec.unit === undefined ? "kota-palangka-raya/disdukcapil" : spec.unit;
  const region = spec.region ?? unitAddress?.split("/")[0] ?? "kota-palangka-raya";
  const content: ReportContent = {
    narrative: `Petugas meminta uang rokok ${counter}.`,
    amountAsked: 150_000,
    officialTariff: 0,
    paid: "no",
    askedBy: "petugas loket",
    ...spec.content,
  };
  const reference = spec.reference ?? `PD-T${String(counter).padStart(3, "0")}-${randomBytes(3).toString("hex").toUpperCase()}`;
  const keys = config.secrets.encryptionKeys;
  const [row] = await db
    .insert(reports)
    .values({
      reference,
      regionId: await regionId(db, region),
      unitId: unitAddress ? await unitId(db, unitAddress) : null,
      category: spec.category ?? "pungli",
      content: sealJson(content, keys),
      receiptHash: `test$${randomBytes(24).toString("hex")}`,
      ...clock,
    })
    .returning({ id: reports.id });
  if (!row) throw new Error("report not created");
  const fileIds: string[] = [];
  for (const [i, image] of (spec.files ?? []).entries()) {
    const bytes = await testImage(image);
    const [file] = await db
      .insert(reportFiles)
      .values({
        reportId: row.id,
        mediaType: image.format === "png" ? "image/png" : "image/jpeg",
        byteSize: bytes.length,
        width: image.width ?? 100,
        height: image.height ?? 100,
        content: sealBytes(bytes, keys),
        addedOn: spec.receivedOn,
        seq: i + 1,
      })
      .returning({ id: reportFiles.id });
    fileIds.push(file!.id);
  }
  return { id: row.id, reference, fileIds };
}

type StaffSpec = Parameters<typeof createStaff>[2];

interface ReportStaff<P extends string> {
  readonly database: TestDatabase;
  readonly app: TestApp;
  /** Each persona's staff id, by name. */
  readonly ids: Record<P, number>;
  /** Each persona's session cookie, by name. */
  readonly cookies: Record<P, string>;
  get(path: string, who: P): Promise<Response>;
  post(path: string, who: P, fields: Record<string, string>): Promise<Response>;
}

/**
 * The set-up of the files that drive the moderators' side of reports: a seeded app for the
 * file (seededAppForFile) and one signed-in staff member per persona, made before the file's
 * tests; `get` and `post` send a request as one of them.
 */
export function reportStaffForFile<P extends string>(personas: Record<P, StaffSpec>): ReportStaff<P> {
  const seeded = seededAppForFile();
  const ids = {} as Record<P, number>;
  const cookies = {} as Record<P, string>;
  beforeAll(async () => {
    const { database, app } = seeded;
    for (const [name, spec] of Object.entries(personas) as Array<[P, StaffSpec]>) {
      const person = await createStaff(database.db, app.config, spec);
      ids[name] = person.id;
      cookies[name] = await sessionFor(database.db, app.config, person.id);
    }
  });
  return {
    get database() {
      return seeded.database;
    },
    get app() {
      return seeded.app;
    },
    ids,
    cookies,
    get: (path, who) => seeded.app.get(path, { Cookie: cookies[who] }),
    post: (path, who, fields) => seeded.app.post(path, fields, { Cookie: cookies[who] }),
  };
}
