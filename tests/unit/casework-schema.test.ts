/** The moderators' forms and queue filters: what is accepted, and the message keys of what is not. */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { forwardSchema, parseQueueFilter, redactSchema, statusFormTargets, statusSchema } from "~/reports/casework-schema";
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
    expect(parseQueueFilter(new URLSearchParams("region=3&unit=none&category=calo&status=closed&assignee=mine&overdue=1&page=2"))).toEqual({
      regionId: 3,
      unit: "none",
      category: "calo",
      status: "closed",
      assignee: "mine",
      overdue: true,
      page: 2,
    });
    expect(parseQueueFilter(new URLSearchParams("unit=x&category=saber&status=drop&assignee=-1&page=0"))).toEqual({
      regionId: undefined,
      unit: undefined,
      category: undefined,
      status: "open",
      assignee: undefined,
      overdue: false,
      page: 1,
    });
  });
});
