/** The moderators' forms and queue filters: what is accepted, and the message keys of what is not. */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import {
  CASEWORK_INTENTS,
  caseworkCommandSchema,
  caseworkIntentOf,
  forwardSchema,
  parseQueueFilter,
  redactSchema,
  statusFormTargets,
  statusSchema,
} from "~/reports/casework-schema";
import { forwardSummaryFacts } from "~/reports/forward-summary";
import { toPixels } from "~/reports/redaction.server";
import { STAFF_TRANSITIONS } from "~/reports/status-machine";

function parse(schema: ZodTypeAny, fields: Array<[string, string]>) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return parseWithZod(form, { schema });
}
const FILE = "0b9e4a5c-8f51-4d6a-9a54-5e2f0c1d7a11";

describe("status form", () => {
  it("needs an outcome to close, and a reference for a duplicate", () => {
    expect(parse(statusSchema, [["intent", "status"], ["to", "closed"], ["reason", "x"]]).reply().error).toEqual({ outcome: ["errors.outcomeRequired"] });
    expect(parse(statusSchema, [["intent", "status"], ["to", "closed"], ["outcome", "duplicate"], ["reason", "x"]]).reply().error).toEqual({
      duplicateOf: ["errors.duplicateRequired"],
    });
    const ok = parse(statusSchema, [["intent", "status"], ["to", "closed"], ["outcome", "duplicate"], ["duplicateOf", " pd-ab12-cd34 "], ["reason", " Sama. "]]);
    expect(ok.status === "success" && ok.value).toMatchObject({ duplicateOf: "PD-AB12-CD34", reason: "Sama." });
  });

  it("refuses an outcome with any status but closed, instead of dropping it", () => {
    expect(parse(statusSchema, [["intent", "status"], ["to", "triage"], ["outcome", "spam"], ["reason", "x"]]).reply().error).toEqual({
      outcome: ["errors.outcomeOnlyWhenClosing"],
    });
    expect(parse(statusSchema, [["intent", "status"], ["to", "triage"], ["outcome", ""], ["reason", "x"]]).status).toBe("success");
  });

  it("refuses an unknown status and a blank reason", () => {
    expect(parse(statusSchema, [["intent", "status"], ["to", "saber"], ["reason", " "]]).reply().error).toEqual({
      to: ["errors.statusRequired"],
      reason: ["errors.reasonRequired"],
    });
  });

  it("offers neither needs_info nor forwarded: they have their own forms", () => {
    expect(statusFormTargets(STAFF_TRANSITIONS.verified)).toEqual(["handled_internally", "closed"]);
    expect(statusFormTargets(STAFF_TRANSITIONS.closed)).toEqual(["triage"]);
  });
});

describe("forward form", () => {
  it("takes one or several files and refuses destinations it does not know", () => {
    const one = parse(forwardSchema, [["intent", "forward"], ["destination", "kpk"], ["summary", "s"], ["reason", "r"], ["fileIds", FILE]]);
    expect(one.status === "success" && one.value.fileIds).toEqual([FILE]);
    const none = parse(forwardSchema, [["intent", "forward"], ["destination", "ombudsman"], ["summary", "s"], ["reason", "r"]]);
    expect(none.status === "success" && none.value.fileIds).toEqual([]);
    expect(parse(forwardSchema, [["intent", "forward"], ["destination", "saber_pungli"], ["summary", "s"], ["reason", "r"]]).reply().error).toEqual({
      destination: ["errors.destinationRequired"],
    });
  });
});

describe("redaction form", () => {
  const area = (i: number, x: string, y: string, w: string, h: string): Array<[string, string]> => [
    [`areas[${i}].x`, x],
    [`areas[${i}].y`, y],
    [`areas[${i}].w`, w],
    [`areas[${i}].h`, h],
  ];
  it("keeps complete areas and ignores blank rows", () => {
    const result = parse(redactSchema, [["intent", "redact"], ["fileId", FILE], ...area(0, "", "", "", ""), ...area(1, "5", "6.5", "10", "20")]);
    expect(result.status === "success" && result.value.areas).toEqual([{ x: 5, y: 6.5, w: 10, h: 20 }]);
  });

  it("names incomplete, empty, outside and out-of-range areas", () => {
    const errors = parse(redactSchema, [
      ["intent", "redact"],
      ["fileId", FILE],
      ...area(0, "5", "", "", ""),
      ...area(1, "5", "5", "0", "10"),
      ...area(2, "80", "0", "30", "10"),
      ...area(3, "-1", "0", "10", "10"),
    ]).reply().error;
    expect(errors).toMatchObject({
      "areas[0]": ["errors.areaIncomplete"],
      "areas[1]": ["errors.areaEmpty"],
      "areas[2]": ["errors.areaOutside"],
      "areas[3].x": ["errors.areaRange"],
    });
    expect(parse(redactSchema, [["intent", "redact"], ["fileId", FILE]]).reply().error).toEqual({ areas: ["errors.areaRequired"] });
  });

  it("turns percentages into pixels that cover at least the area", () => {
    expect(toPixels({ x: 10, y: 20, w: 30, h: 50 }, 200, 100)).toEqual({ left: 20, top: 20, width: 60, height: 50 });
    expect(toPixels({ x: 33.3, y: 0, w: 0.1, h: 100 }, 10, 10)).toEqual({ left: 3, top: 0, width: 1, height: 10 });
  });
});

describe("queue filters", () => {
  it("parses what it knows and falls back for the rest", () => {
    expect(parseQueueFilter(new URLSearchParams("region=3&unit=none&category=calo&status=closed&assignee=mine&overdue=1&escalated=1&page=2"))).toEqual({
      regionId: 3,
      unit: "none",
      category: "calo",
      status: "closed",
      assignee: "mine",
      overdue: true,
      escalated: true,
      page: 2,
    });
    expect(parseQueueFilter(new URLSearchParams("unit=x&category=saber&status=drop&assignee=-1&page=0"))).toEqual({
      regionId: undefined,
      unit: undefined,
      category: undefined,
      status: "open",
      assignee: undefined,
      overdue: false,
      escalated: false,
      page: 1,
    });
  });
});

describe("the case page's one command union", () => {
  it("knows every form of the page and nothing else", () => {
    expect([...CASEWORK_INTENTS].sort()).toEqual(["assign", "forward", "link-duplicate", "note", "question", "redact", "status", "unassign", "unlink-duplicate"]);
    expect(caseworkIntentOf("note")).toBe("note");
    expect(caseworkIntentOf("delete")).toBeNull();
    expect(caseworkIntentOf(["note"])).toBeNull();
    expect(caseworkIntentOf(null)).toBeNull();
  });

  it("gives each intent its typed command", () => {
    const assign = parse(caseworkCommandSchema, [["intent", "assign"], ["assigneeId", "7"]]);
    expect(assign.status === "success" && assign.value).toEqual({ intent: "assign", assigneeId: 7 });
    const note = parse(caseworkCommandSchema, [["intent", "note"], ["body", " Dicek. "], ["assigneeId", "7"]]);
    expect(note.status === "success" && note.value).toEqual({ intent: "note", body: "Dicek." });
    expect(parse(caseworkCommandSchema, [["intent", "delete"]]).status).toBe("error");
    expect(parse(caseworkCommandSchema, [["intent", "note"], ["intent", "note"], ["body", "x"]]).status).toBe("error");
  });

  it("applies the status and redaction rules of their own forms", () => {
    expect(parse(caseworkCommandSchema, [["intent", "status"], ["to", "closed"], ["reason", "x"]]).reply().error).toEqual({ outcome: ["errors.outcomeRequired"] });
    expect(parse(caseworkCommandSchema, [["intent", "redact"], ["fileId", FILE]]).reply().error).toEqual({ areas: ["errors.areaRequired"] });
    const redact = parse(caseworkCommandSchema, [["intent", "redact"], ["fileId", FILE], ["areas[0].x", ""], ["areas[1].x", "1"], ["areas[1].y", "2"], ["areas[1].w", "3"], ["areas[1].h", "4"]]);
    expect(redact.status === "success" && redact.value).toEqual({ intent: "redact", fileId: FILE, areas: [{ x: 1, y: 2, w: 3, h: 4 }] });
  });
});

describe("a forward's suggested summary", () => {
  const report = {
    reference: "PD-AB12-CD34",
    unitName: "Disdukcapil",
    regionName: "Kota Palangka Raya",
    category: "pungli" as const,
    serviceName: "KTP-el",
    incidentMonth: "2026-11",
    content: { amountAsked: 150000, officialTariff: 0, narrative: "Petugas Budi di loket 2 meminta uang", askedBy: "officer" },
  };

  it("lists the structured facts, a zero tariff included", () => {
    expect(forwardSummaryFacts(report)).toEqual([
      { fact: "intro", reference: "PD-AB12-CD34" },
      { fact: "unit", unit: "Disdukcapil", region: "Kota Palangka Raya" },
      { fact: "category", category: "pungli" },
      { fact: "service", service: "KTP-el" },
      { fact: "month", month: "2026-11" },
      { fact: "amount", amount: 150000 },
      { fact: "tariff", amount: 0 },
    ]);
  });

  it("never carries what the reporter wrote, and leaves out what is not known", () => {
    expect(JSON.stringify(forwardSummaryFacts(report))).not.toMatch(/Budi|loket|officer/);
    expect(forwardSummaryFacts({ ...report, unitName: null, serviceName: null, incidentMonth: null, content: null })).toEqual([
      { fact: "intro", reference: "PD-AB12-CD34" },
      { fact: "unit", unit: null, region: "Kota Palangka Raya" },
      { fact: "category", category: "pungli" },
    ]);
  });
});
