/** The worksheet's submission: one button that snapshots the sheet, with why it was refused. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, SubmitRow } from "~/components/forms";

/** `errors`: message keys of the refused submission, when the last post was this form's. */
export function SubmitSection({ errors }: { errors: string[] | undefined }) {
  const { t } = useTranslation("zi");
  return (
    <section aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t("submit.heading")}</h2>
      <p>{t("submit.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="submit" />
        <FormMessage errors={errors?.map((key) => t(key))} />
        <SubmitRow label={t("submit.button")} primary />
      </Form>
    </section>
  );
}
