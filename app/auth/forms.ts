/**
 * Validation of the staff forms, shared by the server and the browser. Messages are
 * translation keys of the "staff" namespace.
 */
import { z } from "zod";
import { ROLES } from "./policy";
import { INTEGER_MAX } from "../utils/ids";

export const PASSWORD_INPUT_MAX = 1000;

/** Password length limits (NIST SP 800-63B); here, not in password.server.ts, because the browser shows them too. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const email = z
  .string({ required_error: "errors.emailRequired" })
  .trim()
  .max(254, "errors.emailInvalid")
  .email("errors.emailInvalid");

const scopeId = z.coerce
  .number({ invalid_type_error: "errors.scopeUnknown" })
  .int("errors.scopeUnknown")
  .positive("errors.scopeUnknown")
  .max(INTEGER_MAX, "errors.scopeUnknown")
  .optional();

export const loginSchema = z.object({
  email,
  password: z.string({ required_error: "errors.passwordRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordRequired"),
  redirectTo: z.string().max(2048).optional(),
});

export const codeSchema = z.object({
  code: z
    .string({ required_error: "errors.codeRequired" })
    .trim()
    .max(40, "errors.codeInvalid"),
});

export const newPasswordSchema = z
  .object({
    password: z.string({ required_error: "errors.passwordRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordTooLong"),
    confirm: z.string({ required_error: "errors.confirmRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordTooLong"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.confirmMismatch" });

export const changePasswordSchema = z
  .object({
    intent: z.literal("password"),
    current: z.string({ required_error: "errors.passwordRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordRequired"),
    password: z.string({ required_error: "errors.passwordRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordTooLong"),
    confirm: z.string({ required_error: "errors.confirmRequired" }).max(PASSWORD_INPUT_MAX, "errors.passwordTooLong"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.confirmMismatch" });

const grantFields = {
  role: z.enum(ROLES, { errorMap: () => ({ message: "errors.roleInvalid" }) }),
  regionId: scopeId,
  unitId: scopeId,
  provinceId: scopeId,
};

/** A grant names the one scope its role works in. */
function checkGrantScope(g: z.infer<z.ZodObject<typeof grantFields>>, ctx: z.RefinementCtx): void {
  const need = (field: "regionId" | "unitId" | "provinceId") => {
    if (g[field] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: "errors.scopeRequired" });
  };
  if (g.role === "moderator" || g.role === "evaluator") need("regionId");
  if (g.role === "unit_manager") need("unitId");
  if (g.role === "province_monitor") need("provinceId");
}

export const grantSchema = z.object(grantFields).superRefine(checkGrantScope);

/** The forms of one staff member's admin page, one command per intent. */
export const staffMemberCommandSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("add-grant"), ...grantFields }),
    z.object({
      intent: z.literal("remove-grant"),
      grantId: z.coerce
        .number({ required_error: "errors.grantUnknown", invalid_type_error: "errors.grantUnknown" })
        .int("errors.grantUnknown")
        .min(1, "errors.grantUnknown")
        .max(INTEGER_MAX, "errors.grantUnknown"),
    }),
    z.object({ intent: z.literal("deactivate") }),
    z.object({ intent: z.literal("reactivate") }),
    z.object({ intent: z.literal("reset-two-factor") }),
    z.object({ intent: z.literal("reset-password") }),
  ])
  .superRefine((command, ctx) => {
    if (command.intent === "add-grant") checkGrantScope(command, ctx);
  });

export type StaffMemberCommand = z.infer<typeof staffMemberCommandSchema>;

export const inviteSchema = z
  .object({
    email,
    displayName: z.string({ required_error: "errors.nameRequired" }).trim().min(1, "errors.nameRequired").max(200, "errors.nameTooLong"),
    homeUnitId: scopeId,
  })
  .and(grantSchema);

/** The grant a form asks for, with only the scope field its role uses. */
export function grantFromForm(g: z.infer<typeof grantSchema>) {
  return {
    role: g.role,
    regionId: g.role === "admin" || g.role === "moderator" || g.role === "evaluator" ? (g.regionId ?? null) : null,
    unitId: g.role === "unit_manager" ? (g.unitId ?? null) : null,
    provinceId: g.role === "province_monitor" ? (g.provinceId ?? null) : null,
  };
}
