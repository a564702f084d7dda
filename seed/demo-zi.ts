/**
 * Demo LKE worksheets for 2026 in Kota Palangka Raya, so the ZI screens and API show
 * something: Disdukcapil submitted and close to WBK, DPMPTSP submitted and ready for WBK,
 * Bapenda a draft half filled in. Deterministic; skipped for a unit that already has a sheet.
 */
import { and, eq } from "drizzle-orm";
import { CURRENT_ZI_PROFILE, type PerformanceGrade } from "../app/regulation/zi";
import type { LkeItem } from "../app/zi/score";
import { findUnitByAddress } from "../app/org/queries.server";
import { sheetFor, submitWithin, writeHasil, writeSubarea, type Author } from "../app/zi/sheets.server";
import type { Database } from "#db/client";
import { lkeSheets } from "#db/schema";

const YEAR = 2026;
const REGION = "kota-palangka-raya";
const SYSTEM: Author = { staffId: null, role: "system" };

interface DemoSheet {
  unit: string;
  /** Value of each pengungkit area (pemenuhan, then reform), varied ±0.05 across its sub-areas. */
  areas: { pemenuhan: number[]; reform: number[] };
  /** Fill only the first n areas of each component (a draft in progress). */
  filledAreas?: number;
  hasil: { capaianKinerja: PerformanceGrade | null; ipak: number | null; ipkp: number | null };
  submit: boolean;
}

const SHEETS: DemoSheet[] = [
  {
    unit: "disdukcapil",
    areas: { pemenuhan: [0.75, 0.7, 0.65, 0.7, 0.6, 0.8], reform: [0.65, 0.6, 0.6, 0.65, 0.55, 0.7] },
    hasil: { capaianKinerja: "B", ipak: 3.55, ipkp: 3.3 },
    submit: true,
  },
  {
    unit: "dpmptsp",
    areas: { pemenuhan: [0.9, 0.85, 0.8, 0.85, 0.85, 0.9], reform: [0.85, 0.8, 0.75, 0.8, 0.8, 0.85] },
    hasil: { capaianKinerja: "A", ipak: 3.72, ipkp: 3.45 },
    submit: true,
  },
  {
    unit: "bapenda",
    areas: { pemenuhan: [0.7, 0.65, 0.6, 0.7, 0.65, 0.7], reform: [0.6, 0.6, 0.55, 0.6, 0.6, 0.65] },
    filledAreas: 3,
    hasil: { capaianKinerja: "C", ipak: null, ipkp: null },
    submit: false,
  },
];

/** The items behind the complaint-handling sub-areas, as an evaluator would record them. */
const ITEMS: Record<string, LkeItem[]> = {
  "Penanganan Pengaduan Masyarakat": [
    { scale: "percent", answer: "70", question: 0 },
    { scale: "yn", answer: "Y" },
    { scale: "abcd", answer: "B" },
  ],
  "Pengaduan Masyarakat": [
    { scale: "abc", answer: "B", question: 0 },
    { scale: "yn", answer: "Y" },
  ],
};

export async function seedDemoZi(tx: Database): Promise<void> {
  for (const demo of SHEETS) {
    const unit = await findUnitByAddress(tx, REGION, demo.unit, { includeInactive: true });
    if (!unit) continue;
    const [existing] = await tx.select({ id: lkeSheets.id }).from(lkeSheets).where(and(eq(lkeSheets.unitId, unit.id), eq(lkeSheets.year, YEAR)));
    if (existing) continue;
    const sheetId = await sheetFor(tx, unit.id, YEAR, SYSTEM);
    for (const component of ["pemenuhan", "reform"] as const) {
      const areas = CURRENT_ZI_PROFILE.pengungkit[component].slice(0, demo.filledAreas);
      for (const [a, area] of areas.entries()) {
        for (const [s, sub] of area.subareas.entries()) {
          const value = Math.min(1, Math.round((demo.areas[component][a]! + ((s % 3) - 1) * 0.05) * 100) / 100);
          const items = ITEMS[sub.name] ?? [];
          await writeSubarea(tx, SYSTEM, unit, YEAR, sheetId, { component, area: area.area, subarea: sub.name, items, value, note: null, evidence: [] });
        }
      }
    }
    await writeHasil(tx, SYSTEM, unit, YEAR, sheetId, demo.hasil);
    if (demo.submit) await submitWithin(tx, SYSTEM, unit, YEAR, 5);
  }
}
