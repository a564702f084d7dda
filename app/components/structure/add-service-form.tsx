/** The form adding a service to a unit, at the end of its list. */
import { useTranslation } from "react-i18next";
import { ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { IntentFormSection, SlugField } from "~/components/structure/form-pieces";
import { serviceAddSchema } from "~/org/admin-schema";

export function AddServiceForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(serviceAddSchema, { id: "add-service", lastResult, validate: "onBlur" });
  return (
    <IntentFormSection form={form} heading={t("services.addHeading")} submit={t("services.add")}>
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
    </IntentFormSection>
  );
}
