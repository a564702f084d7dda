/**
 * The integrity flags of a unit and period for staff: each flag with the figures behind it and
 * its review, and, for evaluators, a form to mark it reviewed with a note. Strings: "zi" namespace.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, SubmitRow, TextAreaField } from "~/components/forms";

export interface FlagView {
  kind: string;
  figures: Record<string, number | null>;
  review: { note: string; reviewedOn: string; reviewer: string | null } | null;
}

export interface ReviewFailure {
  flag: string | null;
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

export function FlagList({
  flags,
  period,
  reviewAction,
  failure,
}: {
  flags: readonly FlagView[];
  period: string;
  /** Where the review form posts; null when the reader may not review. */
  reviewAction: string | null;
  failure?: ReviewFailure | null;
}) {
  const { t } = useTranslation("zi");
  if (flags.length === 0) return <p data-integrity-flags="0">{t("integrity.none")}</p>;
  return (
    <ul className="integrity-flags" data-integrity-flags={flags.length}>
      {flags.map((flag) => {
        const failed = failure?.flag === flag.kind ? failure : null;
        return (
          <li key={flag.kind} data-flag={flag.kind}>
            <h3>{t(`integrity.flags.${flag.kind}.name`)}</h3>
            <p className="hint">{t(`integrity.flags.${flag.kind}.explain`)}</p>
            <dl className="figures">
              {Object.entries(flag.figures).map(([name, value]) => (
                <div key={name}>
                  <dt>{t(`integrity.figures.${name}`)}</dt>
                  <dd>{value === null ? "–" : name.toLowerCase().includes("share") ? `${Math.round(value * 100)}%` : value}</dd>
                </div>
              ))}
            </dl>
            {flag.review ? (
              <p className="review" data-reviewed="">
                {t("integrity.reviewed", { on: flag.review.reviewedOn, by: flag.review.reviewer ?? t("integrity.formerStaff") })} {flag.review.note}
              </p>
            ) : (
              <p className="hint">{t("integrity.notReviewed")}</p>
            )}
            {reviewAction ? (
              <Form method="post" action={reviewAction} className="review-form">
                <input type="hidden" name="intent" value="review" />
                <input type="hidden" name="period" value={period} />
                <input type="hidden" name="flag" value={flag.kind} />
                <FormMessage errors={failed?.errors[""]?.map((e) => t(e))} />
                <TextAreaField
                  id={`note-${flag.kind}`}
                  name="note"
                  label={t("integrity.note")}
                  hint={t("integrity.noteHint")}
                  errors={failed?.errors.note?.map((e) => t(e))}
                  maxLength={2000}
                  rows={3}
                  defaultValue={failed?.values.note ?? flag.review?.note ?? ""}
                />
                <SubmitRow label={t("integrity.markReviewed")} />
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
