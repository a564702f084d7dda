/**
 * The fields of ./forms bound to conform field metadata: name, id, default value,
 * constraint attributes and the remount key come from conform; label, hint and translated
 * errors go through the field frame, which owns aria-describedby and aria-invalid.
 */
import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import type { ComponentProps } from "react";
import type { z } from "zod";
import { SelectField, TextAreaField, TextField } from "./forms";

/** What an action hands back to a form, or nothing before the first post. */
export type LastResult = SubmissionResult<string[]> | null | undefined;

/** Turns an error key into its text; pass `t`, or a wrapper that adds interpolation values. */
type Translate = (key: string) => string;

type TextInputType = Exclude<Parameters<typeof getInputProps>[1]["type"], "checkbox" | "radio">;

interface Bound<Schema, FormSchema extends Record<string, unknown>> {
  field: FieldMetadata<Schema, FormSchema, string[]>;
  translateError: Translate;
  /**
   * Let conform write aria-invalid and aria-describedby over the frame's; its describedby names
   * the error only, not the hint. The sign-in, account and invitation forms were built that
   * way and keep it; the structure screens leave both to the frame.
   */
  conformAria?: boolean;
}

// What conform supplies is not taken from the caller.
type Supplied = "errors" | "id" | "name" | "form" | "defaultValue" | "type";

export function ConformTextField<Schema, FormSchema extends Record<string, unknown>>({
  field,
  translateError,
  conformAria = false,
  type,
  ...props
}: Bound<Schema, FormSchema> & Omit<ComponentProps<typeof TextField>, Supplied> & { type: TextInputType }) {
  return (
    <TextField
      errors={field.errors?.map((e) => translateError(e))}
      {...props}
      {...getInputProps(field, conformAria ? { type } : { type, ariaAttributes: false })}
      key={field.key}
    />
  );
}

export function ConformSelectField<Schema, FormSchema extends Record<string, unknown>>({
  field,
  translateError,
  conformAria = false,
  ...props
}: Bound<Schema, FormSchema> & Omit<ComponentProps<typeof SelectField>, Supplied>) {
  return (
    <SelectField
      errors={field.errors?.map((e) => translateError(e))}
      {...props}
      {...getSelectProps(field, conformAria ? {} : { ariaAttributes: false })}
      key={field.key}
    />
  );
}

export function ConformTextAreaField<Schema, FormSchema extends Record<string, unknown>>({
  field,
  translateError,
  conformAria = false,
  ...props
}: Bound<Schema, FormSchema> & Omit<ComponentProps<typeof TextAreaField>, Supplied>) {
  return (
    <TextAreaField
      errors={field.errors?.map((e) => translateError(e))}
      {...props}
      {...getTextareaProps(field, conformAria ? {} : { ariaAttributes: false })}
      key={field.key}
    />
  );
}

type FormOptions<Input extends Record<string, unknown>, Output> = Parameters<typeof useForm<Input, Output>>[0];

/**
 * A conform form checked in the browser by the same zod schema the action uses.
 * `validate: "onBlur"` checks a field when it is left, then on every keystroke until it is right;
 * `"onSubmit"` waits for the submit.
 */
export function useZodForm<Input extends Record<string, unknown>, Output>(
  schema: z.ZodType<Output, z.ZodTypeDef, Input>,
  { validate, ...options }: Omit<FormOptions<Input, Output>, "onValidate" | "shouldValidate" | "shouldRevalidate"> & { validate: "onBlur" | "onSubmit" }
) {
  return useForm<Input, Output>({
    ...options,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    ...(validate === "onBlur" ? { shouldValidate: "onBlur", shouldRevalidate: "onInput" } : { shouldValidate: "onSubmit" }),
  });
}
