/** Stores a validated paper import in one transaction, with its audit record. */
import type { Database } from "../../db/client";
import { recordAudit } from "../audit/audit.server";
import { SKM_2017 } from "../regulation/skm";
import { localDate } from "../utils/calendar";
import { parseSkmCsv, type ImportProblem } from "./import";
import { storeResponses } from "./responses.server";
import { unitServices } from "./queries.server";

export async function importSkmCsv(
  db: Database,
  unit: { id: number; timeZone: string; regionId?: number },
  text: string,
): Promise<{ imported: number; problems: ImportProblem[] }> {
  const services = await unitServices(db, unit.id);
  const { rows, problems } = parseSkmCsv(text, services, { today: localDate(unit.timeZone) });
  if (problems.length > 0) return { imported: 0, problems };
  await db.transaction(async (tx) => {
    await storeResponses(
      tx,
      rows.map((row) => ({ ...row, unitId: unit.id, source: "paper" as const, profileId: SKM_2017.id })),
    );
    await recordAudit(tx, {
      actorStaffId: null,
      actorRole: "system",
      action: "skm.import",
      objectType: "unit",
      objectId: unit.id,
      regionId: unit.regionId ?? null,
      details: { rows: rows.length },
    });
  });
  return { imported: rows.length, problems: [] };
}
