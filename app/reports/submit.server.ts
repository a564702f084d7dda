/**
 * Filing a report. Idempotent per form token (the token is kept as a keyed hash, not linked
 * to the report), throttled per client per day without keeping the client's address, and
 * stored with its first event and its cleaned files in one transaction. The receipt code is
 * returned to be shown once; only its slow keyed hash is stored.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { enqueueAlerts } from "../alerts/outbox.server";
import { reportEvents, reports, reportSubmissions } from "../../db/schema";
import { keyedHash } from "../security/crypto.server";
import { hitLimit, peekLimit, type Limit } from "../security/rate-limit.server";
import type { Config } from "../utils/env.server";
import { storeReportFiles, type CleanImage } from "./attachments.server";
import { regionToday } from "./case.server";
import { holidaySet } from "./clock.server";
import type { ReportValues } from "./form-schema";
import { hashReceipt, newReceiptCode, newReference } from "./receipt.server";
import { sealJson } from "./sealed.server";
import { receivedClock } from "./status-machine";
import { isUniqueViolation } from "../utils/db-errors.server";

/** Day-aligned, like every counter on the report paths: no stored counter reveals an hour. */
export const REPORT_LIMIT: Limit = { bucket: "report-submit", max: 5, windowSeconds: 86_400, reportPath: true };

export type SubmitOutcome = { outcome: "stored"; receipt: string; reference: string } | { outcome: "duplicate" } | { outcome: "throttled" };

function submissionTokenHash(config: Config, token: string): string {
  return keyedHash(config.secrets.hashKey, "report-token", token);
}

export async function submitReport(
  db: Database,
  config: Config,
  input: { clientAddress: string; values: ReportValues; images: readonly CleanImage[] },
  now = new Date(),
): Promise<SubmitOutcome> {
  const tokenHash = submissionTokenHash(config, input.values.token);
  const [seen] = await db.select({ tokenHash: reportSubmissions.tokenHash }).from(reportSubmissions).where(eq(reportSubmissions.tokenHash, tokenHash));
  if (seen) return { outcome: "duplicate" };
  if ((await peekLimit(db, config.secrets.hashKey, REPORT_LIMIT, input.clientAddress)).blocked) return { outcome: "throttled" };

  const { values } = input;
  const today = await regionToday(db, values.regionId, now);
  const clock = receivedClock(today, config.reports, await holidaySet(db));
  const keys = config.secrets.encryptionKeys;

  // A collision of 16 random digits (or of the short reference) is rare but possible: try again.
  for (let attempt = 0; ; attempt++) {
    const receipt = newReceiptCode();
    const receiptHash = await hashReceipt(receipt, config.secrets.hashKey);
    const reference = newReference();
    try {
      await db.transaction(async (tx) => {
        await tx.insert(reportSubmissions).values({ tokenHash, createdOn: today });
        const [report] = await tx
          .insert(reports)
          .values({
            reference,
            regionId: values.regionId,
            unitId: values.unitId,
            serviceId: values.serviceId,
            category: values.category,
            incidentMonth: values.incidentMonth,
            content: sealJson(values.content, keys),
            receiptHash,
            status: clock.status,
            receivedOn: clock.receivedOn,
            triageDueOn: clock.triageDueOn,
          })
          .returning({ id: reports.id });
        if (!report) throw new Error("report not stored");
        await tx.insert(reportEvents).values({ reportId: report.id, fromStatus: null, toStatus: "received", actorStaffId: null, occurredOn: today });
        await storeReportFiles(tx, keys, report.id, input.images, today);
        await enqueueAlerts(tx, config.alerts, { kind: "new_case", reportId: report.id }, now);
      });
    } catch (error) {
      // The same form sent twice at the same moment: the other request stored it.
      if (isUniqueViolation(error, "report_submissions_pkey")) return { outcome: "duplicate" };
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
    await hitLimit(db, config.secrets.hashKey, REPORT_LIMIT, input.clientAddress);
    return { outcome: "stored", receipt, reference };
  }
}
