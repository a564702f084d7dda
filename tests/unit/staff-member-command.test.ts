/** The staff member page's one command union: each form's command, and the errors of each. */
import { describe, expect, it } from "vitest";
import { staffMemberCommandSchema } from "~/auth/forms";
import { parseWithZod } from "~/utils/form-rows";

function parse(fields: Array<[string, string]>) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return parseWithZod(form, { schema: staffMemberCommandSchema });
}

describe("staff member commands", () => {
  it("gives each intent its typed command", () => {
    const add = parse([["intent", "add-grant"], ["role", "evaluator"], ["regionId", "3"]]);
    expect(add.status === "success" && add.value).toEqual({ intent: "add-grant", role: "evaluator", regionId: 3 });
    const remove = parse([["intent", "remove-grant"], ["grantId", "12"]]);
    expect(remove.status === "success" && remove.value).toEqual({ intent: "remove-grant", grantId: 12 });
    for (const intent of ["deactivate", "reactivate", "reset-two-factor", "reset-password"]) {
      const bare = parse([["intent", intent], ["grantId", "12"]]);
      expect(bare.status === "success" && bare.value).toEqual({ intent });
    }
  });

  it("asks a role for the scope it works in", () => {
    expect(parse([["intent", "add-grant"], ["role", "unit_manager"], ["regionId", "3"]]).reply().error).toEqual({ unitId: ["errors.scopeRequired"] });
    expect(parse([["intent", "add-grant"], ["role", "superuser"]]).reply().error).toMatchObject({ role: ["errors.roleInvalid"] });
  });

  it("refuses an unknown grant id and an unknown intent", () => {
    for (const grantId of ["nope", "0", "3000000000", "1.5"]) {
      expect(parse([["intent", "remove-grant"], ["grantId", grantId]]).reply().error, grantId).toEqual({ grantId: ["errors.grantUnknown"] });
    }
    expect(parse([["intent", "promote-to-god"]]).status).toBe("error");
    expect(parse([]).status).toBe("error");
  });
});
