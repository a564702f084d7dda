/** Stores an imported LKE and submits it, in one transaction, audited as the system. */
import type { Database } from "../../db/client";
import { CURRENT_ZI_PROFILE } from "../regulation/zi";
import { parseLkeImport } from "./import";
import { internalIndices, sheetFor, submitWithin, writeHasil, writeSubarea, type Author, type SubmitOutcome, type ZiUnit } from "./sheets.server";

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
  // Without an official index the portal's monitoring stands in; without either, the score has a hole.
  const internal = await internalIndices(db, unit.id, year, disclosureMin);
  const holes = (["ipak", "ipkp"] as const).filter((index) => data[index] === null && internal[index] === null);
  if (holes.length > 0) {
    return { ok: false, problems: holes.map((index) => `${index} is needed: the portal has no internal monitoring figure for this unit in ${year}`) };
  }
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
    // A complete, validated file always scores; anything else is a fault, and rolls everything back.
    if (!outcome.ok) throw new Error(`imported LKE could not be submitted: ${outcome.error}`);
    return outcome;
  });
}
