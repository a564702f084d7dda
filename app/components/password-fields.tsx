import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN } from "~/auth/forms";
import { ConformTextField } from "./conform-fields";

/** A new password and its confirmation, as the set-up page and the account page ask for them. */
export function NewPasswordFields<FormSchema extends Record<string, unknown>>({
  password,
  confirm,
}: {
  password: FieldMetadata<string, FormSchema, string[]>;
  confirm: FieldMetadata<string, FormSchema, string[]>;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <ConformTextField
        field={password}
        type="password"
        label={t("setup.password")}
        hint={t("setup.passwordHint", { min: PASSWORD_MIN })}
        translateError={(e) => t(e, { min: PASSWORD_MIN })}
        conformAria
        autoComplete="new-password"
      />
      <ConformTextField field={confirm} type="password" label={t("setup.confirm")} translateError={t} conformAria autoComplete="new-password" />
    </>
  );
}
