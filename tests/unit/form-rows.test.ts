import { describe, expect, it } from "vitest";
import { bulkPublishSchema } from "~/moderation/schema";
import { unitUpdateSchema } from "~/org/admin-schema";
import { forwardSchema, redactSchema } from "~/reports/casework-schema";
import { MAX_ROWS, parseWithZod, withinRowLimit, withoutHugeRows } from "~/utils/form-rows";

describe("form row numbers", () => {
  it("keeps ordinary rows and drops numbers out of any form's range", () => {
    expect(withinRowLimit("hours[0].opens")).toBe(true);
    expect(withinRowLimit(`ids[${MAX_ROWS - 1}]`)).toBe(true);
    expect(withinRowLimit(`ids[${MAX_ROWS}]`)).toBe(false);
    expect(withinRowLimit("areas[2].x[50000000]")).toBe(false);
    expect(withinRowLimit("ids[000000000000001]")).toBe(false);
    expect(withinRowLimit("narrative")).toBe(true);
  });

  // Without the filter each of these builds a 50-million-row array that validation and the reply walk.
  it.each([
    ["hours", unitUpdateSchema, "hours[50000000].opens", "08:00"],
    ["ids", bulkPublishSchema, "ids[50000000]", "1"],
    ["fileIds", forwardSchema, "fileIds[50000000]", "00000000-0000-4000-8000-000000000000"],
    ["areas", redactSchema, "areas[50000000].x", "1"],
  ] as const)("a hostile %s row is dropped before parsing", (field, schema, name, value) => {
    const form = new FormData();
    form.set(name, value);
    form.set("intent", "x");
    expect([...withoutHugeRows(form).keys()]).toEqual(["intent"]);
    const submission = parseWithZod(form, { schema });
    const payload = submission.payload as Record<string, unknown>;
    expect(payload[field]).toBeUndefined();
  });
});
