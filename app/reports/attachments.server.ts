/**
 * Evidence files. A photo can give its taker away (GPS position, camera serial, time), so
 * only photos are accepted, their type is decided from the bytes (never the name or the
 * declared type), and each is decoded and re-encoded without any metadata before it is
 * stored, encrypted. Documents (PDF, Office) are refused: their hidden author and device
 * data cannot be removed reliably, and a photograph of the page carries none.
 */
import type { Submission, SubmissionResult } from "@conform-to/react";
import { unstable_composeUploadHandlers, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import type { input, output, ZodTypeAny } from "zod";
import type { Database } from "../../db/client";
import { reportFiles } from "../../db/schema";
import type { ReportSettings } from "../utils/env.server";
import type { EncryptionKey } from "../utils/secrets.server";
import { parseWithZod } from "../utils/form-rows";
import { isUuid } from "../utils/ids";
import { openBytes, sealBytes } from "./sealed.server";

/** The longest side of a stored photo: enough to read a receipt, small enough to serve. */
const MAX_DIMENSION = 2560;
/** A text field longer than this is cut (the schema then refuses it as too long). */
const TEXT_PART_MAX = 64 * 1024;
/** Decoding bombs: refuse images above this many pixels before decoding them. */
const MAX_INPUT_PIXELS = 80_000_000;

export type FileProblem = "fileType" | "fileHeic" | "fileBroken" | "fileTooLarge" | "tooManyFiles";

export class FileRefused extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly status: 400 | 413,
  ) {
    super(problem);
    this.name = "FileRefused";
  }
}

export interface ParsedForm {
  fields: FormData;
  files: File[];
  /**
   * A file the form cannot take was sent: more files than allowed, or one over the size limit.
   * It was read and dropped, and the fields were kept, so the form can be shown again with what
   * the reporter typed (a long account is not lost because a photo was too big).
   */
  fileProblem: "tooManyFiles" | "fileTooLarge" | null;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

/** Text fields: kept up to a bound, the rest read and dropped so parsing can go on. */
const textHandler: UploadHandler = async ({ filename, data }) => {
  if (filename !== undefined) {
    await drain(data);
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    if (size < TEXT_PART_MAX) chunks.push(chunk);
    size += chunk.byteLength;
  }
  return Buffer.concat(chunks).subarray(0, TEXT_PART_MAX).toString("utf8");
};

/**
 * Reads a report form: multipart (with files) or urlencoded (without). A file over the size
 * limit and files beyond the allowed number are read, dropped and flagged, so the form can be
 * shown again with its values. Nothing is stored here.
 */
export async function parseReportForm(request: Request, settings: ReportSettings, fileField = "files"): Promise<ParsedForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    // A body that is no form at all (JSON, none) reads as an empty form: the schema answers 400.
    const fields = await request.formData().catch((error: unknown) => {
      if (error instanceof TypeError) return new FormData();
      throw error;
    });
    return { fields, files: [], fileProblem: null };
  }

  let fileParts = 0;
  let fileProblem: ParsedForm["fileProblem"] = null;
  const fileHandler: UploadHandler = async ({ filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= settings.maxFileBytes) chunks.push(chunk);
    }
    if (size > settings.maxFileBytes) {
      fileProblem ??= "fileTooLarge";
      return undefined;
    }
    return new File([Buffer.concat(chunks)], filename ?? "", { type: contentType });
  };
  const files: UploadHandler = async (part) => {
    if (part.filename === undefined) return undefined;
    // A file input left empty still sends a part with no name and no bytes.
    if (part.filename === "" || part.name !== fileField) {
      await drain(part.data);
      return undefined;
    }
    fileParts += 1;
    if (fileParts > settings.maxFiles) {
      fileProblem = "tooManyFiles";
      await drain(part.data);
      return undefined;
    }
    return fileHandler(part);
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(files, textHandler));
  } catch (error) {
    if (error instanceof TypeError) return { fields: new FormData(), files: [], fileProblem: null };
    throw error;
  }
  const fields = new FormData();
  const chosen: File[] = [];
  for (const [name, value] of form) {
    if (typeof value === "string") fields.append(name, value);
    else if (value.size > 0) chosen.push(value);
  }
  return { fields, files: chosen, fileProblem };
}

/** A report form that passed its schema, with its photos cleaned and ready to store. */
interface AcceptedReportForm<Schema extends ZodTypeAny> {
  outcome: "accepted";
  fields: FormData;
  files: File[];
  submission: Extract<Submission<input<Schema>, string[], output<Schema>>, { status: "success" }>;
  images: CleanImage[];
}

/**
 * The form comes back with `result` (what was typed and what is wrong) and `status`;
 * `filesDropped` says the chosen photos were not kept and have to be chosen again.
 */
interface RefusedReportForm {
  outcome: "refused";
  result: SubmissionResult<string[]>;
  status: 400 | 413;
  filesDropped: boolean;
}

/** The decoy field was filled: a bot. Nothing was checked or cleaned. */
interface DecoyReportForm {
  outcome: "decoy";
}

/**
 * Reads a report form (see parseReportForm), checks it against the schema `schemaFor` gives
 * and cleans its photos. A file problem, a field error or a photo refused ends in "refused",
 * with the reply the form is shown again with. With `decoy`, a form whose decoy field (hidden
 * from people) is filled ends in "decoy" before the schema is asked for.
 */
export async function readReportForm<Schema extends ZodTypeAny>(
  request: Request,
  settings: ReportSettings,
  schemaFor: () => Promise<Schema>,
): Promise<AcceptedReportForm<Schema> | RefusedReportForm>;
export async function readReportForm<Schema extends ZodTypeAny>(
  request: Request,
  settings: ReportSettings,
  schemaFor: () => Promise<Schema>,
  options: { decoy: string },
): Promise<AcceptedReportForm<Schema> | RefusedReportForm | DecoyReportForm>;
export async function readReportForm<Schema extends ZodTypeAny>(
  request: Request,
  settings: ReportSettings,
  schemaFor: () => Promise<Schema>,
  { decoy }: { decoy?: string } = {},
): Promise<AcceptedReportForm<Schema> | RefusedReportForm | DecoyReportForm> {
  const { fields, files, fileProblem } = await parseReportForm(request, settings);
  if (decoy !== undefined && String(fields.get(decoy) ?? "") !== "") return { outcome: "decoy" };

  const submission = parseWithZod(fields, { schema: await schemaFor() });
  if (fileProblem) {
    const result = submission.reply();
    const error = { ...result.error, files: [`errors.${fileProblem}`] };
    return { outcome: "refused", result: { ...result, status: "error", error }, status: fileProblem === "fileTooLarge" ? 413 : 400, filesDropped: true };
  }
  if (submission.status !== "success") return { outcome: "refused", result: submission.reply(), status: 400, filesDropped: files.length > 0 };

  try {
    return { outcome: "accepted", fields, files, submission, images: await cleanImages(files) };
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    return { outcome: "refused", result: submission.reply({ fieldErrors: { files: [`errors.${error.problem}`] } }), status: error.status, filesDropped: true };
  }
}

type Detected = "jpeg" | "png" | "webp" | "heic" | null;

/** The type the bytes say they are. */
function detectImageType(bytes: Buffer): Detected {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  if (bytes.subarray(4, 8).toString("latin1") === "ftyp") {
    const brand = bytes.subarray(8, 12).toString("latin1");
    if (["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(brand)) return "heic";
  }
  return null;
}

export interface CleanImage {
  mediaType: "image/jpeg" | "image/png";
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes a photo and encodes it again: turned upright from its EXIF orientation, at most
 * MAX_DIMENSION a side, with no metadata at all (sharp writes none unless asked). HEIC is
 * refused because the image library here cannot decode it (HEVC is not in its build).
 * Screenshots (PNG) stay PNG so text remains sharp; everything else becomes JPEG.
 */
async function cleanImage(bytes: Buffer): Promise<CleanImage> {
  const detected = detectImageType(bytes);
  if (detected === "heic") throw new FileRefused("fileHeic", 400);
  if (detected === null) throw new FileRefused("fileType", 400);
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const metadata = await image.metadata();
    if (metadata.format !== detected) throw new FileRefused("fileType", 400);
    const pipeline = image.rotate().resize({ width: MAX_DIMENSION, height: MAX_DIMENSION, fit: "inside", withoutEnlargement: true });
    const output = detected === "png" ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await output.toBuffer({ resolveWithObject: true });
    return { mediaType: detected === "png" ? "image/png" : "image/jpeg", bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused("fileBroken", 400);
  }
}

/** Cleans every chosen file; the first refusal refuses them all (nothing is stored). */
export async function cleanImages(files: readonly File[]): Promise<CleanImage[]> {
  const cleaned: CleanImage[] = [];
  for (const file of files) cleaned.push(await cleanImage(Buffer.from(await file.arrayBuffer())));
  return cleaned;
}

export async function countReportFiles(db: Database, reportId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reportFiles).where(eq(reportFiles.reportId, reportId));
  return row?.n ?? 0;
}

/** Stores cleaned images, encrypted, after the report's existing files. Call inside the transaction. */
export async function storeReportFiles(
  tx: Database,
  keys: readonly EncryptionKey[],
  reportId: string,
  images: readonly CleanImage[],
  addedOn: string,
): Promise<void> {
  if (images.length === 0) return;
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${reportFiles.seq}), 0)::int` })
    .from(reportFiles)
    .where(eq(reportFiles.reportId, reportId));
  let seq = row?.last ?? 0;
  await tx.insert(reportFiles).values(
    images.map((image) => ({
      reportId,
      mediaType: image.mediaType,
      byteSize: image.bytes.length,
      width: image.width,
      height: image.height,
      content: sealBytes(image.bytes, keys),
      addedOn,
      seq: ++seq,
    })),
  );
}

export interface ReportFile {
  reportId: string;
  mediaType: string;
  bytes: Buffer;
  /** The moderator's redacted copy, when one was made. */
  redacted: Buffer | null;
}

/** One file, decrypted; with `reportId`, only if it belongs to that report. */
export async function readReportFile(
  db: Database,
  keys: readonly EncryptionKey[],
  fileId: string,
  reportId?: string,
): Promise<ReportFile | null> {
  if (!isUuid(fileId)) return null;
  const [row] = await db
    .select({ reportId: reportFiles.reportId, mediaType: reportFiles.mediaType, content: reportFiles.content, redacted: reportFiles.redacted })
    .from(reportFiles)
    .where(reportId ? and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, reportId)) : eq(reportFiles.id, fileId));
  if (!row) return null;
  return {
    reportId: row.reportId,
    mediaType: row.mediaType,
    bytes: openBytes(row.content, keys),
    redacted: row.redacted ? openBytes(row.redacted, keys) : null,
  };
}
