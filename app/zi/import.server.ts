/** Stores an imported LKE and submits it, in one transaction, audited as the system. */
import type { Database } from "../../db/client";
import { CURRENT_ZI_PROFILE } from "../regulation/zi";
import { parseLkeImport } from "./import";
import { sheetFor, submitWithin, writeHasil, writeSubarea, type Author, type SubmitOutcome, type ZiUnit } from "./sheets.server";

const SYSTEM: Author = { staffId: null, role: "system" };

export async function importLke(
  db: Database,
  unit: ZiUnit,
  year: number,
  text: string,
  disclosureMin: number,
): Promise<{ ok: false; problems: string[] } | Extract<SubmitOutcome, { ok: true }>> {
  const parsed = parseLkeImport(text, CURRENT_ZI_PROFILE);
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  return db.transaction(async (tx) => {
    const sheetId = await sheetFor(tx, unit.id, year, SYSTEM);
    for (const component of ["pemenuhan", "reform"] as const) {
      for (const [area, values] of Object.entries(data.subareas[component])) {
        for (const [subarea, value] of Object.entries(values)) {
          await writeSubarea(tx, SYSTEM, unit, year, sheetId, { component, area, subarea, items: [], value, note: "imported", evidence: [] });
        }
      }
    }
    await writeHasil(tx, SYSTEM, unit, year, sheetId, { capaianKinerja: data.capaianKinerja, ipak: data.ipak, ipkp: data.ipkp });
    const outcome = await submitWithin(tx, SYSTEM, unit, year, disclosureMin);
    // A complete file leaves nothing missing unless an index is absent with no monitoring to stand in.
    if (!outcome.ok) throw new LkeIncomplete();
    return outcome;
  }).catch((error: unknown) => {
    if (error instanceof LkeIncomplete) return { ok: false as const, problems: ["ipak and ipkp are needed: the portal has no internal monitoring figure for this unit and year"] };
    throw error;
  });
}

/** Rolls the import back when the sheet cannot be submitted. */
class LkeIncomplete extends Error {}
