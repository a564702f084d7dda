/** Audit entries for a staff member's own sign-in events (no personal data in details). */
import type { Database } from "../../db/client";
import { recordAudit } from "../audit/audit.server";

export function recordOwnEvent(db: Database, staffId: number, action: string, details: Record<string, unknown> = {}) {
  return recordAudit(db, { actorStaffId: staffId, actorRole: "self", action, objectType: "staff", objectId: staffId, details });
}
