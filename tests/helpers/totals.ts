/**
 * Running-totals rows with their slots added up: one row per unit and day, as every reader
 * sees them (app/stats/running-totals.server.ts spreads a unit-day over several slots).
 */
export function sumSlots<Row extends { unitId: number; day: string; slot: number }>(rows: readonly Row[]): Array<Omit<Row, "slot">> {
  const byDay = new Map<string, Record<string, number | string>>();
  for (const { slot: _slot, ...row } of rows) {
    const key = `${row.unitId}:${row.day}`;
    const sum = byDay.get(key);
    if (!sum) {
      byDay.set(key, { ...row } as Record<string, number | string>);
      continue;
    }
    for (const [column, value] of Object.entries(row)) {
      if (column !== "unitId" && column !== "day") sum[column] = Number(sum[column]) + Number(value);
    }
  }
  return [...byDay.values()].sort((a, b) => Number(a.unitId) - Number(b.unitId) || String(a.day).localeCompare(String(b.day))) as Array<Omit<Row, "slot">>;
}
