/**
 * Form fields with their label, hint and errors tied together for assistive technology
 * (aria-describedby, aria-invalid). Errors are message keys or already-translated text.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

export type FieldErrors = readonly string[] | undefined;

/** What the frame hands its control: spread it on the input, select or textarea. */
export interface FieldControl {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

interface FrameOptions {
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  id?: string;
  /** Errors as a list (one item each), or as one line of text (the public forms). */
  errorsAs?: "list" | "line";
}

/**
 * A field's label, hint and errors around its control, tied together for assistive technology:
 * the control gets the id, `aria-describedby` naming the hint (`<id>-hint`) and the errors
 * (`<id>-error`), and `aria-invalid` while there are errors.
 */
export function FieldFrame({ label, hint, errors, id: givenId, errorsAs = "list", children }: FrameOptions & { children: (control: FieldControl) => ReactNode }) {
  const fallbackId = useId();
  const id = givenId ?? fallbackId;
  const invalid = Boolean(errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={invalid ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid || undefined })}
      {errors?.length && errorsAs === "line" ? (
        <p id={errorId} className="field-errors">
          {errors.join(" ")}
        </p>
      ) : errors?.length ? (
        <ul id={errorId} className="field-errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A group of radio buttons in a fieldset: its legend, and its errors in one line that the
 * fieldset names in `aria-describedby` (`<id>-error`). The id is the one the error summary links to.
 */
export function ChoiceFrame({ id, legend, errors, className, children }: { id: string; legend: ReactNode; errors?: FieldErrors; className?: string; children: ReactNode }) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset id={id} className={`choice-group${className ? ` ${className}` : ""}${invalid ? " field-invalid" : ""}`} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {errors?.length ? (
        <p id={`${id}-error`} className="field-errors">
          {errors.join(" ")}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & FrameOptions;

export function TextField({ label, hint, errors, id, errorsAs, ...input }: InputProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} id={id} errorsAs={errorsAs}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & FrameOptions;

export function TextAreaField({ label, hint, errors, id, errorsAs, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} id={id} errorsAs={errorsAs}>
      {(control) => <textarea {...control} {...textarea} />}
    </FieldFrame>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> &
  FrameOptions & {
    options: ReadonlyArray<{ value: string; label: string }>;
  };

export function SelectField({ label, hint, errors, id, errorsAs, options, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} id={id} errorsAs={errorsAs}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

const asIs = (message: string) => message;

export interface ErrorSummaryProps {
  /** The summary's first line, already translated. */
  title: string;
  /** Errors of the form as a whole: text, no link. */
  formErrors?: FieldErrors;
  /** Each field's errors, in the order shown; fields with none are left out. */
  fieldErrors?: ReadonlyArray<readonly [field: string, messages: readonly string[]]>;
  /** Turns a message key into text; leave out when the messages are already text. */
  translate?: (message: string) => string;
  /** The id of a field's control, which its line links to (the field's name unless given). */
  fieldId?: (field: string) => string;
  /** A field's label, to start its line with ("Label: message"). */
  labelOf?: (field: string) => string;
  /** Form-level errors take the title's place (one line); otherwise they are lines of the list. */
  formErrorsAsTitle?: boolean;
}

/** The errors of a failure's fields, for the error summary: every entry but the form's own (""). */
export function fieldErrorsOf(errors: Readonly<Record<string, readonly string[]>> | undefined): Array<[string, readonly string[]]> {
  return Object.entries(errors ?? {}).filter(([field]) => field !== "");
}

/**
 * Every error of a refused form, at the top of the page: each field's line links to the field
 * (`href="#<field id>"`), errors of the form as a whole are text. An alert that a script may
 * focus (tabIndex -1). Nothing when there is no error.
 */
export function ErrorSummary({ title, formErrors = [], fieldErrors = [], translate = asIs, fieldId = asIs, labelOf, formErrorsAsTitle = false }: ErrorSummaryProps) {
  const fields = fieldErrors.filter(([, messages]) => messages.length > 0);
  if (formErrors.length === 0 && fields.length === 0) return null;
  const text = (messages: readonly string[]) => messages.map((message) => translate(message)).join(" ");
  const listed = !formErrorsAsTitle && formErrors.length > 0;
  return (
    <div className="form-message form-error" role="alert" tabIndex={-1}>
      <p>{formErrorsAsTitle && formErrors.length ? text(formErrors) : title}</p>
      {listed || fields.length ? (
        <ul>
          {listed ? <li>{text(formErrors)}</li> : null}
          {fields.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${fieldId(field)}`}>{labelOf ? `${labelOf(field)}: ${text(messages)}` : text(messages)}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A form-level message (errors that belong to no single field), announced to screen readers. */
export function FormMessage({ errors, tone = "error" }: { errors?: FieldErrors; tone?: "error" | "info" }) {
  if (!errors?.length) return null;
  return (
    <div className={tone === "error" ? "form-message form-error" : "form-message"} role={tone === "error" ? "alert" : "status"}>
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

/** A one-line confirmation (such as "saved"), announced politely to screen readers. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="form-message" role="status">
      {children}
    </p>
  );
}

/** The row under a form holding its one submit button. */
export function SubmitRow({ label, primary = false }: { label: string; primary?: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className={primary ? "button button-primary" : "button"}>
        {label}
      </button>
    </div>
  );
}
