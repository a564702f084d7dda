import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ZodTypeAny } from "zod";
import { requireStaff } from "~/auth/guard.server";
import { ClockBadge, useLocalDate, useLocalMonth } from "~/components/casework";
import { RedactDrawing } from "~/components/redact-drawing";
import { FormMessage, SelectField, StatusMessage, SubmitRow, TextAreaField, TextField } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import {
  DESTINATIONS,
  EXTERNAL_REFERENCE_MAX,
  NOTE_MAX,
  REASON_MAX,
  REDACTION_AREAS,
  SUMMARY_MAX,
  assignSchema,
  forwardSchema,
  linkDuplicateSchema,
  noteSchema,
  questionSchema,
  redactSchema,
  statusFormTargets,
  statusSchema,
  unassignSchema,
  unlinkDuplicateSchema,
} from "~/reports/casework-schema";
import { caseDetail, caseworkDeps, changeCase, reportFor, type CaseCommand } from "~/reports/casework.server";
import { isRedactable } from "~/reports/redaction.server";
import { CLOSING_OUTCOMES } from "~/reports/status-machine";
import { notFound } from "~/utils/http.server";

// "reports" names what the reporter chose on the form (who asked, for instance).
export const handle = { i18n: ["casework", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  // Not allowed and not there answer alike: a conflicted reader must not learn that it exists.
  const report = await reportFor(context.db, signedIn.actor, params.id ?? "");
  if (!report) throw notFound();
  const deps = await caseworkDeps(context);
  const detail = await caseDetail(deps, report);
  const t = await i18nServer.getFixedT(request, "casework");
  return {
    detail: {
      ...detail,
      files: detail.files.map((f) => ({ ...f, redactable: isRedactable(f.mediaType) })),
      outcomes: CLOSING_OUTCOMES[detail.status],
      statusTargets: statusFormTargets(detail.transitions),
      canForward: detail.transitions.includes("forwarded"),
    },
    me: signedIn.id,
    title: `${t("case.title", { reference: detail.reference })} · Pintu Depan`,
  };
}

interface CaseFailure {
  intent: string | null;
  /** For redaction: the file the form was about. */
  fileId: string | null;
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

function failure(outcome: CaseFailure, status: 400 | 409 = 400) {
  return data<CaseFailure>(outcome, { status });
}

const SCHEMAS: Record<string, ZodTypeAny> = {
  assign: assignSchema,
  unassign: unassignSchema,
  note: noteSchema,
  question: questionSchema,
  status: statusSchema,
  "link-duplicate": linkDuplicateSchema,
  "unlink-duplicate": unlinkDuplicateSchema,
  forward: forwardSchema,
  redact: redactSchema,
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const id = params.id ?? "";
  if (!(await reportFor(context.db, signedIn.actor, id, "report.moderate"))) throw notFound();
  const formData = await request.formData();
  const intent = typeof formData.get("intent") === "string" ? String(formData.get("intent")) : "";
  const values: Record<string, string> = {};
  for (const [field, value] of formData) if (typeof value === "string" && field !== "intent" && field !== "fileIds") values[field] = value.slice(0, 10_000);
  const fileId = typeof formData.get("fileId") === "string" ? String(formData.get("fileId")) : null;

  const schema = SCHEMAS[intent];
  if (!schema) return failure({ intent: null, fileId: null, errors: { "": ["errors.unknownIntent"] }, values });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(submission.reply().error ?? {})) if (messages?.length) errors[field] = messages;
    return failure({ intent, fileId, errors, values });
  }
  const { intent: _intent, ...fields } = submission.value as { intent: string } & Record<string, unknown>;
  const command = { kind: intent, ...fields } as CaseCommand;
  const outcome = await changeCase(await caseworkDeps(context), signedIn, id, command);
  if (!outcome.ok) {
    if (outcome.status === 404) throw notFound();
    return failure({ intent, fileId, errors: { [outcome.field]: [outcome.error] }, values }, outcome.status);
  }
  return redirect(`/staff/reports/${id}?done=${encodeURIComponent(intent)}`, 303);
}

type Detail = ReturnType<typeof useLoaderData<typeof loader>>["detail"];

/** A stable id for a field of one of the case forms, so the error summary can link to it. */
function fieldId(intent: string, field: string, scope?: string | null): string {
  // Errors of a whole redaction area point at its first number.
  const target = field === "fileId" || field === "areas" ? "areas[0].x" : /^areas\[\d+\]$/.test(field) ? `${field}.x` : field;
  return `${intent}${scope ? `-${scope}` : ""}-${target}`.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Every error of the failed form, each linking to its field; form-level errors as plain text. */
function ErrorSummary({ failed, translate }: { failed: { intent: string | null; fileId: string | null; errors: Record<string, string[]> }; translate: (key: string) => string }) {
  const { t } = useTranslation("casework");
  const entries = Object.entries(failed.errors).filter(([, messages]) => messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="form-message form-error" role="alert" tabIndex={-1}>
      <p>{t("errors.summary")}</p>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}>
            {field && failed.intent ? (
              <a href={`#${fieldId(failed.intent, field, failed.intent === "redact" ? failed.fileId : null)}`}>{messages.map(translate).join(" ")}</a>
            ) : (
              messages.map(translate).join(" ")
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function CasePage() {
  const { detail, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("casework");
  const date = useLocalDate();
  const month = useLocalMonth();
  const doneParam = searchParams.get("done") ?? "";
  const done = doneParam in SCHEMAS ? doneParam : null;
  const limits = { max: NOTE_MAX, reasonMax: REASON_MAX, summaryMax: SUMMARY_MAX, referenceMax: EXTERNAL_REFERENCE_MAX };
  const errorsOf = (intent: string, field: string) => (failed?.intent === intent ? failed.errors[field]?.map((key) => t(key, limits)) : undefined);
  const valueOf = (intent: string, field: string, fallback = "") => (failed?.intent === intent ? (failed.values[field] ?? fallback) : fallback);
  const formErrors = (intent: string) => <FormMessage errors={errorsOf(intent, "")} />;
  const fileLink = (fileId: string, version: "original" | "redacted") => `/staff/reports/${detail.id}/files/${fileId}?version=${version}`;
  const content = detail.content;

  return (
    <>
      <nav className="breadcrumb" aria-label={t("case.breadcrumb")}>
        <ol>
          <li>
            <Link to="/staff/reports">{t("queue.title")}</Link>
          </li>
          <li aria-current="page">{detail.reference}</li>
        </ol>
      </nav>
      <h1>{t("case.title", { reference: detail.reference })}</h1>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {failed ? <ErrorSummary failed={failed} translate={(key) => t(key, limits)} /> : null}

      <div className="two-columns">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t("case.factsHeading")}</h2>
          <dl className="facts">
            <dt>{t("case.status")}</dt>
            <dd>
              {t(`statuses.${detail.status}`)}
              {detail.outcome ? ` — ${t(`outcomes.${detail.outcome}`)}` : null}
            </dd>
            <dt>{t("case.clock")}</dt>
            <dd>
              <ClockBadge clock={detail.clockView} />
            </dd>
            <dt>{t("case.unit")}</dt>
            <dd>
              {detail.unitName ?? t("case.unitUnknown")} · {detail.regionName}
            </dd>
            {detail.serviceName ? (
              <>
                <dt>{t("case.service")}</dt>
                <dd>{detail.serviceName}</dd>
              </>
            ) : null}
            <dt>{t("case.category")}</dt>
            <dd>{t(`categories.${detail.category}`)}</dd>
            {detail.incidentMonth ? (
              <>
                <dt>{t("case.incidentMonth")}</dt>
                <dd>{month(detail.incidentMonth)}</dd>
              </>
            ) : null}
            <dt>{t("case.assignee")}</dt>
            <dd>{detail.assigneeName ?? t("queue.nobody")}</dd>
          </dl>
        </section>
        <section aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t("case.datesHeading")}</h2>
          <dl className="facts">
            <dt>{t("case.dates.received")}</dt>
            <dd>{date(detail.clock.receivedOn)}</dd>
            <dt>{t("case.dates.triageDue")}</dt>
            <dd>
              {date(detail.clock.triageDueOn)}
              {detail.clock.triagedOn ? ` · ${t("case.dates.doneOn", { date: date(detail.clock.triagedOn) })}` : null}
            </dd>
            {detail.clock.followUpDueOn ? (
              <>
                <dt>{t("case.dates.followUpDue")}</dt>
                <dd>
                  {date(detail.clock.followUpDueOn)}
                  {detail.clock.followedUpOn ? ` · ${t("case.dates.doneOn", { date: date(detail.clock.followedUpOn) })}` : null}
                </dd>
              </>
            ) : null}
            {detail.clock.closeDueOn ? (
              <>
                <dt>{t("case.dates.closeDue")}</dt>
                <dd>
                  {date(detail.clock.closeDueOn)}
                  {detail.clock.closedOn ? ` · ${t("case.dates.doneOn", { date: date(detail.clock.closedOn) })}` : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="content-heading">
        <h2 id="content-heading">{t("case.contentHeading")}</h2>
        {content ? (
          <>
            <dl className="facts">
              <dt>{t("case.amountAsked")}</dt>
              <dd>{content.amountAsked === null ? t("case.notGiven") : t("case.rupiah", { amount: content.amountAsked.toLocaleString(i18n.language) })}</dd>
              <dt>{t("case.officialTariff")}</dt>
              <dd>{content.officialTariff === null ? t("case.notGiven") : t("case.rupiah", { amount: content.officialTariff.toLocaleString(i18n.language) })}</dd>
              <dt>{t("case.paid")}</dt>
              <dd>{content.paid ? t(`case.paidValues.${content.paid}`) : t("case.notGiven")}</dd>
              <dt>{t("case.askedBy")}</dt>
              <dd>{content.askedBy ? t(`reports:askedBy.${content.askedBy}`, { defaultValue: content.askedBy }) : t("case.notGiven")}</dd>
            </dl>
            <h3>{t("case.narrative")}</h3>
            <blockquote className="case-text">{content.narrative}</blockquote>
          </>
        ) : (
          <p>{t("case.purged")}</p>
        )}
      </section>

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t("files.heading")}</h2>
        {detail.files.length === 0 ? <p>{t("files.none")}</p> : null}
        <ul className="case-files">
          {detail.files.map((file) => (
            <li key={file.id} className="case-file" id={`file-${file.id}`}>
              <h3>{t("files.item", { seq: file.seq })}</h3>
              <p className="muted">
                {t("files.meta", { type: file.mediaType, size: Math.max(1, Math.round(file.byteSize / 1024)), date: date(file.addedOn) })}
              </p>
              <div className="case-thumbs">
                {file.redactable ? (
                  <figure>
                    <a href={fileLink(file.id, "original")}>
                      <img src={fileLink(file.id, "original")} alt={t("files.originalAlt", { seq: file.seq })} width={160} loading="lazy" />
                    </a>
                    <figcaption>{t("files.original")}</figcaption>
                  </figure>
                ) : (
                  <a href={fileLink(file.id, "original")}>{t("files.download")}</a>
                )}
                {file.hasRedacted ? (
                  <figure>
                    <a href={fileLink(file.id, "redacted")}>
                      <img src={fileLink(file.id, "redacted")} alt={t("files.redactedAlt", { seq: file.seq })} width={160} loading="lazy" />
                    </a>
                    <figcaption>{t("files.redacted")}</figcaption>
                  </figure>
                ) : null}
              </div>
              {file.redactable ? <RedactForm file={file} src={fileLink(file.id, "original")} failed={failed?.intent === "redact" && failed.fileId === file.id ? failed : undefined} /> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history.heading")}</h2>
        {detail.events.length === 0 ? <p>{t("history.none")}</p> : null}
        <ol className="case-history">
          {detail.events.map((event) => (
            <li key={event.id}>
              <strong>
                {event.fromStatus ? `${t(`statuses.${event.fromStatus}`)} → ` : null}
                {t(`statuses.${event.toStatus}`)}
              </strong>{" "}
              <span className="muted">
                {t("history.by", { who: event.actorName ?? t("history.reporterOrSystem"), date: date(event.occurredOn) })}
              </span>
              {event.publicReason ? <p className="case-text">{t("history.publicReason", { reason: event.publicReason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t("messages.heading")}</h2>
        {detail.messages.length === 0 ? <p>{t("messages.none")}</p> : null}
        <ol className="case-messages">
          {detail.messages.map((message) => (
            <li key={message.id} className={`case-message case-message-${message.kind}`}>
              <p className="case-message-head">
                <strong>{t(`messages.kinds.${message.kind}`)}</strong>{" "}
                <span className="muted">
                  {message.authorName ? `${message.authorName} · ` : null}
                  {date(message.createdOn)}
                </span>
              </p>
              <p className="case-text">{message.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="forwards-heading">
        <h2 id="forwards-heading">{t("forwards.heading")}</h2>
        {detail.forwards.length === 0 ? <p>{t("forwards.none")}</p> : null}
        <ul className="plain-list">
          {detail.forwards.map((forward) => (
            <li key={forward.id} className="card">
              <p>
                <strong>{t(`destinations.${forward.destination}`)}</strong>{" "}
                <span className="muted">{t("forwards.sent", { who: forward.staffName ?? t("forwards.formerStaff"), date: date(forward.sentOn) })}</span>
              </p>
              {forward.externalReference ? <p>{t("forwards.externalReference", { reference: forward.externalReference })}</p> : null}
              <p className="case-text">{forward.summary}</p>
              <p className="muted">{t("forwards.files", { count: forward.fileIds.length })}</p>
            </li>
          ))}
        </ul>
      </section>

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
            {formErrors("unlink-duplicate")}
            <SubmitRow label={t("duplicates.unlink")} />
          </Form>
        ) : (
          <Form method="post" aria-labelledby="link-legend">
            <fieldset>
              <legend id="link-legend">{t("duplicates.linkLegend")}</legend>
              <input type="hidden" name="intent" value="link-duplicate" />
              {formErrors("link-duplicate")}
              <TextField
                id={fieldId("link-duplicate", "duplicateOf")}
              label={t("duplicates.reference")}
                hint={t("duplicates.referenceHint")}
                name="duplicateOf"
                defaultValue={valueOf("link-duplicate", "duplicateOf")}
                errors={errorsOf("link-duplicate", "duplicateOf")}
              />
              <SubmitRow label={t("duplicates.link")} />
            </fieldset>
          </Form>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="case-actions">
        <h2 id="actions-heading">{t("actions.heading")}</h2>

        <Form method="post" aria-labelledby="assign-legend">
          <fieldset>
            <legend id="assign-legend">{t("assign.legend")}</legend>
            <input type="hidden" name="intent" value="assign" />
            {formErrors("assign")}
            <SelectField
              id={fieldId("assign", "assigneeId")}
              label={t("assign.assignee")}
              name="assigneeId"
              defaultValue={valueOf("assign", "assigneeId", String(detail.assigneeId ?? me))}
              options={detail.moderators.map((m) => ({ value: String(m.id), label: m.id === me ? t("assign.me", { name: m.name }) : m.name }))}
              errors={errorsOf("assign", "assigneeId")}
            />
            <SubmitRow label={t("assign.submit")} />
          </fieldset>
        </Form>
        {detail.assigneeId !== null ? (
          <Form method="post">
            <input type="hidden" name="intent" value="unassign" />
            {formErrors("unassign")}
            <SubmitRow label={t("assign.unassign")} />
          </Form>
        ) : null}

        {detail.canAsk ? (
          // Keyed on the messages: once one is added the form starts empty again (with
          // JavaScript the page is not reloaded, so the typed text would otherwise stay).
          <Form key={`question-${detail.messages.length}`} method="post" aria-labelledby="question-legend">
            <fieldset>
              <legend id="question-legend">{t("question.legend")}</legend>
              <p className="hint">{t("question.hint")}</p>
              <input type="hidden" name="intent" value="question" />
              {formErrors("question")}
              <TextAreaField
                id={fieldId("question", "body")}
                label={t("question.body")}
                name="body"
                rows={4}
                maxLength={NOTE_MAX}
                defaultValue={valueOf("question", "body")}
                errors={errorsOf("question", "body")}
              />
              <TextAreaField
                id={fieldId("question", "reason")}
                label={t("question.reason")}
                hint={t("reason.hint")}
                name="reason"
                rows={2}
                maxLength={REASON_MAX}
                defaultValue={valueOf("question", "reason", t("question.defaultReason"))}
                errors={errorsOf("question", "reason")}
              />
              <SubmitRow label={t("question.submit")} primary />
            </fieldset>
          </Form>
        ) : null}

        {detail.statusTargets.length > 0 ? (
          <Form method="post" aria-labelledby="status-legend">
            <fieldset>
              <legend id="status-legend">{t("status.legend")}</legend>
              <input type="hidden" name="intent" value="status" />
              {formErrors("status")}
              <SelectField
                id={fieldId("status", "to")}
                label={t("status.to")}
                name="to"
                defaultValue={valueOf("status", "to")}
                options={[{ value: "", label: t("status.choose") }, ...detail.statusTargets.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
                errors={errorsOf("status", "to")}
              />
              {detail.outcomes.length > 0 ? (
                <>
                  <SelectField
                    id={fieldId("status", "outcome")}
                    label={t("status.outcome")}
                    hint={t("status.outcomeHint")}
                    name="outcome"
                    defaultValue={valueOf("status", "outcome")}
                    options={[{ value: "", label: t("status.noOutcome") }, ...detail.outcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
                    errors={errorsOf("status", "outcome")}
                  />
                  {detail.outcomes.includes("duplicate") ? (
                    <TextField
                      id={fieldId("status", "duplicateOf")}
                      label={t("status.duplicateOf")}
                      hint={t("duplicates.referenceHint")}
                      name="duplicateOf"
                      defaultValue={valueOf("status", "duplicateOf")}
                      errors={errorsOf("status", "duplicateOf")}
                    />
                  ) : null}
                </>
              ) : null}
              <TextAreaField
                id={fieldId("status", "reason")}
                label={t("status.reason")}
                hint={t("reason.hint")}
                name="reason"
                rows={3}
                maxLength={REASON_MAX}
                defaultValue={valueOf("status", "reason")}
                errors={errorsOf("status", "reason")}
              />
              <SubmitRow label={t("status.submit")} primary />
            </fieldset>
          </Form>
        ) : null}

        {detail.canForward ? <ForwardForm detail={detail} failed={failed?.intent === "forward" ? failed : undefined} /> : null}

        <Form key={`note-${detail.messages.length}`} method="post" aria-labelledby="note-legend">
          <fieldset>
            <legend id="note-legend">{t("note.legend")}</legend>
            <p className="hint">{t("note.hint")}</p>
            <input type="hidden" name="intent" value="note" />
            {formErrors("note")}
            <TextAreaField
              id={fieldId("note", "body")}
              label={t("note.body")}
              name="body"
              rows={3}
              maxLength={NOTE_MAX}
              defaultValue={valueOf("note", "body")}
              errors={errorsOf("note", "body")}
            />
            <SubmitRow label={t("note.submit")} />
          </fieldset>
        </Form>
      </section>
    </>
  );
}

interface Failed {
  errors: Record<string, string[]>;
  values: Record<string, string>;
}

/** Structured facts only: the narrative's free text is not copied into what leaves the portal. */
function useSuggestedSummary(detail: Detail): string {
  const { t, i18n } = useTranslation("casework");
  const month = useLocalMonth();
  const lines = [
    t("forward.suggested.intro", { reference: detail.reference }),
    t("forward.suggested.unit", { unit: detail.unitName ?? t("case.unitUnknown"), region: detail.regionName }),
    t("forward.suggested.category", { category: t(`categories.${detail.category}`) }),
  ];
  if (detail.serviceName) lines.push(t("forward.suggested.service", { service: detail.serviceName }));
  if (detail.incidentMonth) lines.push(t("forward.suggested.month", { month: month(detail.incidentMonth) }));
  if (detail.content?.amountAsked != null) lines.push(t("forward.suggested.amount", { amount: detail.content.amountAsked.toLocaleString(i18n.language) }));
  if (detail.content?.officialTariff != null) lines.push(t("forward.suggested.tariff", { amount: detail.content.officialTariff.toLocaleString(i18n.language) }));
  return lines.join("\n");
}

function ForwardForm({ detail, failed }: { detail: Detail; failed: Failed | undefined }) {
  const { t } = useTranslation("casework");
  const suggested = useSuggestedSummary(detail);
  const limits = { max: NOTE_MAX, reasonMax: REASON_MAX, summaryMax: SUMMARY_MAX, referenceMax: EXTERNAL_REFERENCE_MAX };
  const errorsOf = (field: string) => failed?.errors[field]?.map((key) => t(key, limits));
  const valueOf = (field: string, fallback = "") => failed?.values[field] ?? fallback;
  return (
    <Form method="post" aria-labelledby="forward-legend">
      <fieldset>
        <legend id="forward-legend">{t("forward.legend")}</legend>
        <p className="hint">{t("forward.hint")}</p>
        <input type="hidden" name="intent" value="forward" />
        <FormMessage errors={errorsOf("")} />
        <SelectField
          id={fieldId("forward", "destination")}
          label={t("forward.destination")}
          name="destination"
          defaultValue={valueOf("destination")}
          options={[{ value: "", label: t("forward.choose") }, ...DESTINATIONS.map((d) => ({ value: d, label: t(`destinations.${d}`) }))]}
          errors={errorsOf("destination")}
        />
        <TextAreaField
          id={fieldId("forward", "summary")}
          label={t("forward.summary")}
          hint={t("forward.summaryHint")}
          name="summary"
          rows={8}
          maxLength={SUMMARY_MAX}
          defaultValue={valueOf("summary", suggested)}
          errors={errorsOf("summary")}
        />
        {detail.files.length > 0 ? (
          <fieldset id={fieldId("forward", "fileIds")}>
            <legend>{t("forward.files")}</legend>
            {detail.files.map((file) => (
              <label key={file.id} className="checkbox">
                <input type="checkbox" name="fileIds" value={file.id} />{" "}
                {t("files.item", { seq: file.seq })} — {file.hasRedacted ? t("forward.redactedCopy") : t("forward.notRedacted")}
              </label>
            ))}
            {errorsOf("fileIds") ? <FormMessage errors={errorsOf("fileIds")} /> : null}
          </fieldset>
        ) : null}
        <TextField
          id={fieldId("forward", "externalReference")}
          label={t("forward.externalReference")}
          name="externalReference"
          maxLength={EXTERNAL_REFERENCE_MAX}
          defaultValue={valueOf("externalReference")}
          errors={errorsOf("externalReference")}
        />
        <TextAreaField
          id={fieldId("forward", "reason")}
          label={t("forward.reason")}
          hint={t("reason.hint")}
          name="reason"
          rows={2}
          maxLength={REASON_MAX}
          defaultValue={valueOf("reason", t("forward.defaultReason"))}
          errors={errorsOf("reason")}
        />
        <SubmitRow label={t("forward.submit")} primary />
      </fieldset>
    </Form>
  );
}

function RedactForm({ file, failed, src }: { file: Detail["files"][number]; failed: Failed | undefined; src: string }) {
  const { t } = useTranslation("casework");
  const formRef = useRef<HTMLFormElement>(null);
  const errorsOf = (field: string) => failed?.errors[field]?.map((key) => t(key));
  const previous = file.redactions ?? [];
  const valueOf = (i: number, part: "x" | "y" | "w" | "h") => {
    if (failed) return failed.values[`areas[${i}].${part}`] ?? "";
    const area = previous[i];
    return area ? String(area[part]) : "";
  };
  return (
    <Form method="post" aria-labelledby={`redact-${file.id}`} ref={formRef}>
      <fieldset>
        <legend id={`redact-${file.id}`}>{t("redact.legend", { seq: file.seq })}</legend>
        <p className="hint">{t("redact.hint")}</p>
        <RedactDrawing src={src} alt={t("files.originalAlt", { seq: file.seq })} hint={t("redact.drawHint")} rows={REDACTION_AREAS} formRef={formRef} />
        <input type="hidden" name="intent" value="redact" />
        <input type="hidden" name="fileId" value={file.id} />
        <FormMessage errors={[...(errorsOf("") ?? []), ...(errorsOf("fileId") ?? []), ...(errorsOf("areas") ?? [])]} />
        {Array.from({ length: REDACTION_AREAS }, (_, i) => (
          <fieldset key={i} className="redact-area">
            <legend>{t("redact.area", { n: i + 1 })}</legend>
            <FormMessage errors={errorsOf(`areas[${i}]`)} />
            {(["x", "y", "w", "h"] as const).map((part) => (
              <TextField
                key={part}
                id={fieldId("redact", `areas[${i}].${part}`, file.id)}
                label={t(`redact.parts.${part}`)}
                name={`areas[${i}].${part}`}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                defaultValue={valueOf(i, part)}
                errors={errorsOf(`areas[${i}].${part}`)}
              />
            ))}
          </fieldset>
        ))}
        <SubmitRow label={file.hasRedacted ? t("redact.again") : t("redact.submit")} />
      </fieldset>
    </Form>
  );
}
