/**
 * Imports a paper questionnaire file into a unit: the one path for the staff upload page and
 * `npm run skm:import`. All or nothing, in one transaction with its audit record:
 * - a file that is not UTF-8 text, or has any problem (`parseSkmCsv`), stores nothing and
 *   returns every problem by line;
 * - a file whose normalised text was imported into the unit before stores nothing either
 *   ("duplicate"): a second upload of the same file never doubles the responses.
 * The audit record carries counts and the keyed hash of the file, never its rows.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmImports } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { SKM_2017 } from "../regulation/skm";
import { keyedHash } from "../security/crypto.server";
import { localDate } from "../utils/calendar";
import { parseSkmCsv, type ImportProblem } from "./import";
import { unitServices } from "./queries.server";
import { storeResponses } from "./responses.server";

export interface ImportInput {
  unit: { id: number; timeZone: string; regionId: number };
  /** The file as uploaded or read from disk. */
  bytes: Uint8Array;
  hashKey: Buffer;
  /** Who imports: a staff member in a role, or the command line (`null`, role "system"). */
  actor: { staffId: number | null; role: string };
  now: Date;
}

export type ImportOutcome =
  | { status: "imported"; imported: number; fileHash: string }
  | { status: "invalid"; problems: ImportProblem[]; fileHash: string }
  | { status: "duplicate"; responses: number; importedAt: Date; fileHash: string };

/**
 * The text a hash is taken of: without a byte-order mark, with LF line ends, without spaces
 * at line ends and blank lines at the end, so the same file saved again by a spreadsheet
 * program is still the same file.
 */
function normalised(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trimEnd();
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function importSkmCsv(db: Database, input: ImportInput): Promise<ImportOutcome> {
  const { unit, actor, now } = input;
  const text = decodeUtf8(input.bytes);
  const fileHash = keyedHash(input.hashKey, "skm-import", String(unit.id), text === null ? Buffer.from(input.bytes).toString("base64") : normalised(text));
  const audit = (tx: Database, action: string, details: Record<string, unknown>) =>
    recordAudit(tx, { actorStaffId: actor.staffId, actorRole: actor.role, action, objectType: "unit", objectId: unit.id, regionId: unit.regionId, details: { fileHash, bytes: input.bytes.byteLength, ...details } });

  const parsed =
    text === null
      ? { rows: [], problems: [{ line: 0, code: "encoding" } satisfies ImportProblem] }
      : parseSkmCsv(text, await unitServices(db, unit.id), { today: localDate(unit.timeZone, now) });
  if (parsed.problems.length > 0) {
    const { problems } = parsed;
    await audit(db, "skm.import.refused", { reason: "problems", problems: problems.length, lines: new Set(problems.map((p) => p.line)).size });
    return { status: "invalid", problems, fileHash };
  }
  const { rows } = parsed;

  return db.transaction(async (tx): Promise<ImportOutcome> => {
    // The unique (unit, hash) index decides between two uploads of one file at the same time:
    // the second waits for the first and then inserts nothing.
    const [claimed] = await tx
      .insert(skmImports)
      .values({ unitId: unit.id, contentHash: fileHash, responses: rows.length, importedAt: now })
      .onConflictDoNothing()
      .returning({ id: skmImports.id });
    if (!claimed) {
      const [earlier] = await tx
        .select({ responses: skmImports.responses, importedAt: skmImports.importedAt })
        .from(skmImports)
        .where(and(eq(skmImports.unitId, unit.id), eq(skmImports.contentHash, fileHash)));
      await audit(tx, "skm.import.refused", { reason: "duplicate", responses: rows.length });
      return { status: "duplicate", responses: earlier?.responses ?? rows.length, importedAt: earlier?.importedAt ?? now, fileHash };
    }
    await storeResponses(
      tx,
      rows.map((row) => ({ ...row, unitId: unit.id, source: "paper" as const, profileId: SKM_2017.id })),
    );
    await audit(tx, "skm.import", { importId: claimed.id, responses: rows.length });
    return { status: "imported", imported: rows.length, fileHash };
  });
}

/** The unit's latest imports (when, how many responses), newest first. */
export function recentImports(db: Database, unitId: number, limit = 10) {
  return db
    .select({ importedAt: skmImports.importedAt, responses: skmImports.responses })
    .from(skmImports)
    .where(eq(skmImports.unitId, unitId))
    .orderBy(desc(skmImports.id))
    .limit(limit);
}
