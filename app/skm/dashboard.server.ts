/**
 * Residents' suggestions of a period for the printable SKM report. The SKM figures themselves
 * come from the publication layer (app/dashboards).
 */
import { and, between, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { skmSuggestions } from "../../db/schema";
import type { Period } from "./periods";

/** Published suggestions of the period (moderated text only) and how many arrived in all. */
export async function suggestionSummary(db: Database, unitId: number, period: Period) {
  const rows = await db
    .select({ status: skmSuggestions.status, text: skmSuggestions.publishedText, reply: skmSuggestions.reply })
    .from(skmSuggestions)
    .where(and(eq(skmSuggestions.unitId, unitId), between(skmSuggestions.submittedOn, period.from, period.to)))
    .orderBy(skmSuggestions.id);
  return {
    received: rows.length,
    published: rows.filter((r) => r.status === "published" && r.text).map((r) => ({ text: r.text!, reply: r.reply })),
  };
}
