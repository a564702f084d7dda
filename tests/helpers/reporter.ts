/**
 * Helpers for the report tests: a multipart post as a browser without JavaScript sends it,
 * the moderators' side of a case done directly in the database (it lives elsewhere), and a
 * dump of every table for the anonymity checks.
 */
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "../../db/client";
import { reportEvents, type reportMessages, reports } from "../../db/schema";
import { insertMessage } from "../../app/reports/case.server";
import { sealText } from "../../app/reports/sealed.server";
import type { Config } from "../../app/utils/env.server";
import type { TestApp } from "./app";

let tokens = 0;
export function formToken(): string {
  return `report-token-${String(++tokens).padStart(4, "0")}-${"y".repeat(24)}`;
}

export interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A multipart/form-data POST, exactly what <form enctype="multipart/form-data"> sends. */
export function postMultipart(app: TestApp, pathname: string, fields: Record<string, string>, files: Upload[] = [], headers: HeadersInit = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const file of files) body.append("files", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return app.fetch(pathname, { method: "POST", body, headers: { Origin: "http://localhost", ...headers } });
}

/** A valid report for Disdukcapil, with overrides (undefined removes a field). */
export function reportFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    token: formToken(),
    category: "pungli",
    unit: "kota-palangka-raya/disdukcapil",
    paid: "yes",
    amountAsked: "150.000",
    officialTariff: "0",
    askedBy: "loket",
    narrative: "Petugas loket meminta uang seratus lima puluh ribu untuk mempercepat KTP-el.",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The 16-digit receipt code on a receipt page, without spaces. */
export function receiptFrom(html: string): string | null {
  const match = /class="receipt-code">([\d ]{19})</.exec(html);
  return match?.[1] ? match[1].replace(/ /g, "") : null;
}

/** A photo-like JPEG; with GPS, it carries EXIF GPS tags as a phone camera writes them. */
export async function testJpeg(options: { gps?: boolean; width?: number; height?: number; marker?: string } = {}): Promise<Buffer> {
  let image = sharp({
    create: { width: options.width ?? 320, height: options.height ?? 240, channels: 3, background: { r: 200, g: 120, b: 40 } },
  }).jpeg();
  if (options.gps || options.marker) {
    image = image.withExif({
      IFD0: { Make: "TestPhone", Model: "X1", ...(options.marker ? { ImageDescription: options.marker } : {}) },
      ...(options.gps
        ? { IFD3: { GPSLatitudeRef: "S", GPSLatitude: "2/1 12/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "113/1 55/1 12/1" } }
        : {}),
    });
  }
  return image.toBuffer();
}

/** The moderator's side, done directly: a status change with a public reason and a question. */
export async function askReporter(db: Database, config: Config, reportId: string, question: string, day: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [report] = await tx.select({ status: reports.status }).from(reports).where(eq(reports.id, reportId));
    await tx.update(reports).set({ status: "needs_info", triagedOn: day }).where(eq(reports.id, reportId));
    await tx.insert(reportEvents).values({
      reportId,
      fromStatus: report!.status,
      toStatus: "needs_info",
      actorStaffId: null,
      occurredOn: day,
      publicReason: sealText("Kami perlu keterangan tambahan.", config.secrets.encryptionKeys),
    });
    await insertMessage(tx, config.secrets.encryptionKeys, { reportId, kind: "question", body: question, authorStaffId: null, createdOn: day });
  });
}

export async function addNote(db: Database, config: Config, reportId: string, note: string, day: string): Promise<void> {
  await db.transaction((tx) => insertMessage(tx, config.secrets.encryptionKeys, { reportId, kind: "note", body: note, authorStaffId: null, createdOn: day }));
}

export async function countRows(db: Database, table: typeof reports | typeof reportMessages): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

/** Every row of every table in the public schema, as text: bytea both as hex and as UTF-8. */
export async function dumpDatabase(db: Database): Promise<string> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows?: Array<{ table_name: string }> } & Array<{ table_name: string }>;
  const names = (tables.rows ?? tables).map((t) => t.table_name);
  const parts: string[] = [];
  for (const name of names) {
    const result = (await db.execute(sql.raw(`select * from "${name}"`))) as unknown as { rows?: unknown[] } & unknown[];
    const rows = result.rows ?? result;
    const text = (value: unknown): unknown => {
      if (value instanceof Uint8Array) {
        const buffer = Buffer.from(value);
        return `${buffer.toString("hex")} ${buffer.toString("utf8")} ${buffer.toString("latin1")}`;
      }
      if (value instanceof Date) return value.toISOString();
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v)]));
      return value;
    };
    parts.push(`${name}: ${JSON.stringify(rows.map(text))}`);
  }
  return parts.join("\n");
}
