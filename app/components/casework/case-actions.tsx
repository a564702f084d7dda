/** The moderator's forms on a case: duplicates, assignment, a question, a status, a forward, a note. */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, SubmitRow, TextAreaField, TextField } from "~/components/forms";
import { NOTE_MAX } from "~/reports/casework-schema";
import type { CasePageView } from "~/reports/casework.server";
import { ForwardForm } from "./forward-form";
import { ReasonField, useCaseForm, type CaseFailure } from "./form-state";

type Props = { detail: CasePageView; failed: CaseFailure | undefined };

export function CaseDuplicates({ detail, failed }: Props) {
  const { t } = useTranslation("casework");
  const link = useCaseForm("link-duplicate", failed);
  const unlink = useCaseForm("unlink-duplicate", failed);
  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t("duplicates.heading")}</h2>
      {detail.duplicateOf ? (
        <p>
          {t("duplicates.of")} <Link to={`/staff/reports/${detail.duplicateOf.id}`}>{detail.duplicateOf.reference}</Link>
        </p>
      ) : (
        <p>{t("duplicates.notLinked")}</p>
      )}
      {detail.duplicates.length > 0 ? (
        <p>
          {t("duplicates.ofThis")}{" "}
          {detail.duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ", " : null}
              <Link to={`/staff/reports/${d.id}`}>{d.reference}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {detail.duplicateOf ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unlink-duplicate" />
          {unlink.formErrors}
          <SubmitRow label={t("duplicates.unlink")} />
        </Form>
      ) : (
        <Form method="post" aria-labelledby="link-legend">
          <fieldset>
            <legend id="link-legend">{t("duplicates.linkLegend")}</legend>
            <input type="hidden" name="intent" value="link-duplicate" />
            {link.formErrors}
            <TextField
              id={link.id("duplicateOf")}
              label={t("duplicates.reference")}
              hint={t("duplicates.referenceHint")}
              name="duplicateOf"
              defaultValue={link.valueOf("duplicateOf")}
              errors={link.errorsOf("duplicateOf")}
            />
            <SubmitRow label={t("duplicates.link")} />
          </fieldset>
        </Form>
      )}
    </section>
  );
}

export function CaseActions({ detail, failed, me }: Props & { me: number }) {
  const { t } = useTranslation("casework");
  return (
    <section aria-labelledby="actions-heading" className="case-actions">
      <h2 id="actions-heading">{t("actions.heading")}</h2>
      <AssignForms detail={detail} failed={failed} me={me} />
      {detail.canAsk ? <QuestionForm key={`question-${detail.messages.length}`} failed={failed} /> : null}
      {detail.statusTargets.length > 0 ? <StatusForm detail={detail} failed={failed} /> : null}
      {detail.canForward ? <ForwardForm detail={detail} failed={failed} /> : null}
      <NoteForm key={`note-${detail.messages.length}`} failed={failed} />
    </section>
  );
}

function AssignForms({ detail, failed, me }: Props & { me: number }) {
  const { t } = useTranslation("casework");
  const assign = useCaseForm("assign", failed);
  const unassign = useCaseForm("unassign", failed);
  return (
    <>
      <Form method="post" aria-labelledby="assign-legend">
        <fieldset>
          <legend id="assign-legend">{t("assign.legend")}</legend>
          <input type="hidden" name="intent" value="assign" />
          {assign.formErrors}
          <SelectField
            id={assign.id("assigneeId")}
            label={t("assign.assignee")}
            name="assigneeId"
            defaultValue={assign.valueOf("assigneeId", String(detail.assigneeId ?? me))}
            options={detail.moderators.map((m) => ({ value: String(m.id), label: m.id === me ? t("assign.me", { name: m.name }) : m.name }))}
            errors={assign.errorsOf("assigneeId")}
          />
          <SubmitRow label={t("assign.submit")} />
        </fieldset>
      </Form>
      {detail.assigneeId !== null ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unassign" />
          {unassign.formErrors}
          <SubmitRow label={t("assign.unassign")} />
        </Form>
      ) : null}
    </>
  );
}

// The question and note forms are keyed on the number of messages by their callers: once one
// is added the form starts empty again (with JavaScript the page is not reloaded, so the typed
// text would otherwise stay).
function QuestionForm({ failed }: { failed: CaseFailure | undefined }) {
  const { t } = useTranslation("casework");
  const form = useCaseForm("question", failed);
  const { id, errorsOf, valueOf, formErrors } = form;
  return (
    <Form method="post" aria-labelledby="question-legend">
      <fieldset>
        <legend id="question-legend">{t("question.legend")}</legend>
        <p className="hint">{t("question.hint")}</p>
        <input type="hidden" name="intent" value="question" />
        {formErrors}
        <TextAreaField id={id("body")} label={t("question.body")} name="body" rows={4} maxLength={NOTE_MAX} defaultValue={valueOf("body")} errors={errorsOf("body")} />
        <ReasonField form={form} label={t("question.reason")} rows={2} fallback={t("question.defaultReason")} />
        <SubmitRow label={t("question.submit")} primary />
      </fieldset>
    </Form>
  );
}

function StatusForm({ detail, failed }: Props) {
  const { t } = useTranslation("casework");
  const form = useCaseForm("status", failed);
  const { id, errorsOf, valueOf, formErrors } = form;
  return (
    <Form method="post" aria-labelledby="status-legend">
      <fieldset>
        <legend id="status-legend">{t("status.legend")}</legend>
        <input type="hidden" name="intent" value="status" />
        {formErrors}
        <SelectField
          id={id("to")}
          label={t("status.to")}
          name="to"
          defaultValue={valueOf("to")}
          options={[{ value: "", label: t("status.choose") }, ...detail.statusTargets.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
          errors={errorsOf("to")}
        />
        {detail.outcomes.length > 0 ? (
          <>
            <SelectField
              id={id("outcome")}
              label={t("status.outcome")}
              hint={t("status.outcomeHint")}
              name="outcome"
              defaultValue={valueOf("outcome")}
              options={[{ value: "", label: t("status.noOutcome") }, ...detail.outcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
              errors={errorsOf("outcome")}
            />
            {detail.outcomes.includes("duplicate") ? (
              <TextField
                id={id("duplicateOf")}
                label={t("status.duplicateOf")}
                hint={t("duplicates.referenceHint")}
                name="duplicateOf"
                defaultValue={valueOf("duplicateOf")}
                errors={errorsOf("duplicateOf")}
              />
            ) : null}
          </>
        ) : null}
        <ReasonField form={form} label={t("status.reason")} rows={3} />
        <SubmitRow label={t("status.submit")} primary />
      </fieldset>
    </Form>
  );
}

function NoteForm({ failed }: { failed: CaseFailure | undefined }) {
  const { t } = useTranslation("casework");
  const { id, errorsOf, valueOf, formErrors } = useCaseForm("note", failed);
  return (
    <Form method="post" aria-labelledby="note-legend">
      <fieldset>
        <legend id="note-legend">{t("note.legend")}</legend>
        <p className="hint">{t("note.hint")}</p>
        <input type="hidden" name="intent" value="note" />
        {formErrors}
        <TextAreaField id={id("body")} label={t("note.body")} name="body" rows={3} maxLength={NOTE_MAX} defaultValue={valueOf("body")} errors={errorsOf("body")} />
        <SubmitRow label={t("note.submit")} />
      </fieldset>
    </Form>
  );
}
