/**
 * The `from`/`to` query of the public API's period endpoints: two inclusive YYYY-MM-DD dates,
 * `to` not before `from`, at most MAX_PERIOD_DAYS apart.
 */
import { z } from "zod";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
});

/** No period longer than this: a decade is more than any report needs. */
export const MAX_PERIOD_DAYS = 3660;

export type PeriodQuery = { ok: true; from: string; to: string } | { ok: false; error: "period" | "periodRange" };

export function parsePeriodQuery(url: URL): PeriodQuery {
  const from = date.safeParse(url.searchParams.get("from"));
  const to = date.safeParse(url.searchParams.get("to"));
  if (!from.success || !to.success) return { ok: false, error: "period" };
  const days = (Date.parse(to.data) - Date.parse(from.data)) / 86_400_000;
  if (days < 0 || days > MAX_PERIOD_DAYS) return { ok: false, error: "periodRange" };
  return { ok: true, from: from.data, to: to.data };
}
