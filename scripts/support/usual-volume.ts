/**
 * Load tests (the outage test, the ratings benchmark) send hundreds of ratings of one unit in a
 * minute. That is exactly the crowd the unit-volume signal (app/skm/suspicion.ts) answers with
 * a challenge instead of storing, so those tests first give the unit a busy usual day: its last
 * four weeks of running totals say 100,000 respondents a day. No response is added, so counts of
 * stored responses stay exact; only a throwaway database is ever touched.
 */
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../../db/client";

export async function giveTheUnitABusyUsualDay(target: DatabaseTarget, ratePath: string): Promise<void> {
  const [, , region, unit] = ratePath.split("/");
  const handle = await openDatabase(target);
  try {
    await handle.db.execute(sql`INSERT INTO skm_daily_totals (unit_id, day, slot, respondents)
      SELECT u.id, current_date - d, 0, 100000
      FROM units u JOIN regions r ON r.id = u.region_id, generate_series(1, 28) AS d
      WHERE r.slug = ${region ?? ""} AND u.slug = ${unit ?? ""}
      ON CONFLICT (unit_id, day, slot) DO UPDATE SET respondents = excluded.respondents`);
  } finally {
    await handle.close();
  }
}
