/**
 * What the suggested summary of a forward says (pure: no I/O, no framework). A forward leaves
 * the portal, so it starts from structured facts only: the narrative, the reporter's messages
 * and anything else the reporter typed are never copied in. The moderator edits the text
 * before sending; the page translates each fact into the page's language.
 */
import type { ReportCategory } from "./form-schema";

export type ForwardFact =
  | { fact: "intro"; reference: string }
  | { fact: "unit"; unit: string | null; region: string }
  | { fact: "category"; category: ReportCategory }
  | { fact: "service"; service: string }
  | { fact: "month"; month: string }
  | { fact: "amount"; amount: number }
  | { fact: "tariff"; amount: number };

export interface ForwardFactSource {
  reference: string;
  unitName: string | null;
  regionName: string;
  category: ReportCategory;
  serviceName: string | null;
  /** "YYYY-MM" as the reporter gave it, or null. */
  incidentMonth: string | null;
  content: { amountAsked: number | null; officialTariff: number | null } | null;
}

export function forwardSummaryFacts(report: ForwardFactSource): ForwardFact[] {
  const facts: ForwardFact[] = [
    { fact: "intro", reference: report.reference },
    { fact: "unit", unit: report.unitName, region: report.regionName },
    { fact: "category", category: report.category },
  ];
  if (report.serviceName) facts.push({ fact: "service", service: report.serviceName });
  if (report.incidentMonth) facts.push({ fact: "month", month: report.incidentMonth });
  if (report.content?.amountAsked != null) facts.push({ fact: "amount", amount: report.content.amountAsked });
  if (report.content?.officialTariff != null) facts.push({ fact: "tariff", amount: report.content.officialTariff });
  return facts;
}
