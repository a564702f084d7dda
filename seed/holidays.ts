/**
 * The Indonesian national holidays whose date never moves, for 2026 and 2027. The others
 * (Islamic, Chinese, Hindu and Buddhist holidays, Easter and Ascension) and the cuti bersama
 * are set each year by the SKB 3 Menteri: admins enter them at /staff/admin/holidays.
 * Real data, not demo data: seeded with the organisation structure, idempotently.
 */
import type { Database } from "#db/client";
import { holidays } from "#db/schema";

const FIXED_DATE_HOLIDAYS: ReadonlyArray<{ monthDay: string; name: string }> = [
  { monthDay: "01-01", name: "Tahun Baru Masehi" },
  { monthDay: "05-01", name: "Hari Buruh Internasional" },
  { monthDay: "06-01", name: "Hari Lahir Pancasila" },
  { monthDay: "08-17", name: "Hari Kemerdekaan Republik Indonesia" },
  { monthDay: "12-25", name: "Hari Raya Natal" },
];

const SEEDED_HOLIDAY_YEARS = [2026, 2027] as const;

export async function seedHolidays(tx: Database): Promise<void> {
  const rows = SEEDED_HOLIDAY_YEARS.flatMap((year) => FIXED_DATE_HOLIDAYS.map((h) => ({ day: `${year}-${h.monthDay}`, name: h.name })));
  await tx.insert(holidays).values(rows).onConflictDoNothing();
}
