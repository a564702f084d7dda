/**
 * Key rotation: after a new key is put first in ENCRYPTION_KEYS, everything sealed with an
 * older key is opened and sealed again with the new one, in batches, so the old key can then
 * be removed. Safe to interrupt and run again.
 */
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reportEvents, reportFiles, reportForwards, reportMessages, reports } from "../../db/schema";
import type { EncryptionKey } from "../utils/secrets.server";
import { openBytes, openText, sealBytes, sealedKeyId, sealText } from "./sealed.server";

export interface RekeyCounts {
  reports: number;
  messages: number;
  reasons: number;
  files: number;
  forwards: number;
}

const BATCH = 200;

/** Re-seals, batch by batch, the values of one text column that the current key did not seal. */
async function rekeyText<Id extends string | number>(
  keys: readonly EncryptionKey[],
  read: (after: Id | null) => Promise<Array<{ id: Id; value: string | null }>>,
  write: (id: Id, value: string) => Promise<void>,
): Promise<number> {
  const current = keys[0]!.id;
  let after: Id | null = null;
  let count = 0;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return count;
    for (const row of rows) {
      if (row.value !== null && sealedKeyId(row.value) !== current) {
        await write(row.id, sealText(openText(row.value, keys), keys));
        count += 1;
      }
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function rekeyReports(db: Database, keys: readonly EncryptionKey[]): Promise<RekeyCounts> {
  const current = keys[0]?.id;
  if (!current) throw new Error("no encryption key configured");

  const reportsCount = await rekeyText<string>(
    keys,
    (after) =>
      db
        .select({ id: reports.id, value: reports.content })
        .from(reports)
        .where(after === null ? isNotNull(reports.content) : and(isNotNull(reports.content), gt(reports.id, after)))
        .orderBy(asc(reports.id))
        .limit(BATCH),
    async (id, value) => void (await db.update(reports).set({ content: value }).where(eq(reports.id, id))),
  );
  const messages = await rekeyText<string>(
    keys,
    (after) =>
      db
        .select({ id: reportMessages.id, value: reportMessages.body })
        .from(reportMessages)
        .where(after === null ? undefined : gt(reportMessages.id, after))
        .orderBy(asc(reportMessages.id))
        .limit(BATCH),
    async (id, value) => void (await db.update(reportMessages).set({ body: value }).where(eq(reportMessages.id, id))),
  );
  const reasons = await rekeyText<string>(
    keys,
    (after) =>
      db
        .select({ id: reportEvents.id, value: reportEvents.publicReason })
        .from(reportEvents)
        .where(after === null ? isNotNull(reportEvents.publicReason) : and(isNotNull(reportEvents.publicReason), gt(reportEvents.id, after)))
        .orderBy(asc(reportEvents.id))
        .limit(BATCH),
    async (id, value) => void (await db.update(reportEvents).set({ publicReason: value }).where(eq(reportEvents.id, id))),
  );
  const forwards = await rekeyText<string>(
    keys,
    (after) =>
      db
        .select({ id: reportForwards.id, value: reportForwards.summary })
        .from(reportForwards)
        .where(after === null ? undefined : gt(reportForwards.id, after))
        .orderBy(asc(reportForwards.id))
        .limit(BATCH),
    async (id, value) => void (await db.update(reportForwards).set({ summary: value }).where(eq(reportForwards.id, id))),
  );

  // Files are large: read them a few at a time.
  let files = 0;
  let after: string | null = null;
  for (;;) {
    const rows: Array<{ id: string; content: Buffer; redacted: Buffer | null }> = await db
      .select({ id: reportFiles.id, content: reportFiles.content, redacted: reportFiles.redacted })
      .from(reportFiles)
      .where(after === null ? undefined : gt(reportFiles.id, after))
      .orderBy(asc(reportFiles.id))
      .limit(10);
    if (rows.length === 0) break;
    for (const row of rows) {
      const stale = sealedKeyId(row.content) !== current || (row.redacted !== null && sealedKeyId(row.redacted) !== current);
      if (!stale) continue;
      await db
        .update(reportFiles)
        .set({
          content: sealBytes(openBytes(row.content, keys), keys),
          redacted: row.redacted ? sealBytes(openBytes(row.redacted, keys), keys) : null,
        })
        .where(eq(reportFiles.id, row.id));
      files += 1;
    }
    after = rows[rows.length - 1]!.id;
  }
  return { reports: reportsCount, messages, reasons, files, forwards };
}
