/**
 * Filing a report, the one way a report comes into being: from the public form ("web") or
 * recorded by a moderator for someone who reported by phone, WhatsApp, letter, the complaint
 * box or in person. Idempotent per form token (the token is kept as a keyed hash, not linked
 * to the report); the public form is throttled per client per day without keeping the
 * client's address; the report, its first event, its cleaned files and, for a recorded
 * report, the moderator's audit entry are stored in one transaction. The receipt code is
 * returned to be shown once; only its slow keyed hash is stored.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { recordReportAudit } from "../audit/audit.server";
import { enqueueAlerts } from "../alerts/outbox.server";
import { reportEvents, reports, reportSubmissions } from "../../db/schema";
import { keyedHash } from "../security/crypto.server";
import { hitLimit, peekLimit, type Limit } from "../security/rate-limit.server";
import type { Config } from "../utils/env.server";
import { storeReportFiles, type CleanImage } from "./attachments.server";
import { regionToday } from "./case.server";
import { holidaySet } from "./clock.server";
import type { ReportChannel, ReportValues } from "./form-schema";
import { hashReceipt, newReceiptCode, newReference } from "./receipt.server";
import { sealJson } from "./sealed.server";
import { receivedClock } from "./status-machine";
import { isUniqueViolation } from "../utils/db-errors.server";

/** Day-aligned, like every counter on the report paths: no stored counter reveals an hour. */
export const REPORT_LIMIT: Limit = { bucket: "report-submit", max: 5, windowSeconds: 86_400, reportPath: true };

/**
 * Reports from one client on one day beyond which the form asks for the challenge (captcha):
 * a reporter's first reports need none. Counted in REPORT_LIMIT's day window, the only window
 * on the report paths (docs/integrity.md).
 */
export const REPORT_CHALLENGE_AFTER = 2;

export type SubmitOutcome =
  | { outcome: "stored"; receipt: string; reference: string; reportId: string }
  | { outcome: "duplicate" }
  | { outcome: "throttled" }
  /** The challenge is needed and none passed came with the form: nothing was stored. */
  | { outcome: "challenge" };

/**
 * Where the report came from. The public form is throttled by the client's address (never
 * stored); a report recorded by a moderator names the moderator for the audit log, and
 * nothing about the person who reported.
 */
export type ReportOrigin =
  | { channel: "web"; clientAddress: string }
  | { channel: Exclude<ReportChannel, "web">; recordedBy: { staffId: number; role: string } };

function submissionTokenHash(config: Config, token: string): string {
  return keyedHash(config.secrets.hashKey, "report-token", token);
}

export async function submitReport(
  db: Database,
  config: Config,
  /** `challengePassed`: the public form carried a challenge answer that passed (staff intake needs none). */
  input: { origin: ReportOrigin; values: ReportValues; images: readonly CleanImage[]; challengePassed?: boolean },
  now = new Date(),
): Promise<SubmitOutcome> {
  const { origin, values } = input;
  const tokenHash = submissionTokenHash(config, values.token);
  const [seen] = await db.select({ tokenHash: reportSubmissions.tokenHash }).from(reportSubmissions).where(eq(reportSubmissions.tokenHash, tokenHash));
  if (seen) return { outcome: "duplicate" };
  if (origin.channel === "web") {
    const limit = await peekLimit(db, config.secrets.hashKey, REPORT_LIMIT, origin.clientAddress);
    if (limit.blocked) return { outcome: "throttled" };
    if (limit.hits >= REPORT_CHALLENGE_AFTER && !input.challengePassed) return { outcome: "challenge" };
  }

  const today = await regionToday(db, values.regionId, now);
  const clock = receivedClock(today, config.reports, await holidaySet(db));
  const keys = config.secrets.encryptionKeys;

  // A collision of 16 random digits (or of the short reference) is rare but possible: try again.
  for (let attempt = 0; ; attempt++) {
    const receipt = newReceiptCode();
    const receiptHash = await hashReceipt(receipt, config.secrets.hashKey);
    const reference = newReference();
    let reportId: string;
    try {
      reportId = await db.transaction(async (tx) => {
        await tx.insert(reportSubmissions).values({ tokenHash, createdOn: today });
        const [report] = await tx
          .insert(reports)
          .values({
            reference,
            regionId: values.regionId,
            unitId: values.unitId,
            serviceId: values.serviceId,
            category: values.category,
            channel: origin.channel,
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
        if (origin.channel !== "web") {
          await recordReportAudit(tx, {
            actorStaffId: origin.recordedBy.staffId,
            actorRole: origin.recordedBy.role,
            action: "report.recorded",
            reportId: report.id,
            regionId: values.regionId,
            occurredOn: today,
            details: { channel: origin.channel },
          });
        }
        return report.id;
      });
    } catch (error) {
      // The same form sent twice at the same moment: the other request stored it.
      if (isUniqueViolation(error, "report_submissions_pkey")) return { outcome: "duplicate" };
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
    if (origin.channel === "web") await hitLimit(db, config.secrets.hashKey, REPORT_LIMIT, origin.clientAddress);
    return { outcome: "stored", receipt, reference, reportId };
  }
}
