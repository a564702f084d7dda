/**
 * /staff/zi/{region}/{unit}/{year}/{component}/{area}/{subarea} (area and sub-area by their
 * position in the profile): one LKE sub-area. One row per LKE question of the profile, with
 * the question's text and scale, then any other items saved and three blank rows for more,
 * each answer fitting its scale; the value is the mean of the items, or the
 * fraction entered when there are none. A plain form: it works without JavaScript.
 */
import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { unitResource } from "~/auth/policy";
import { ErrorSummary, fieldErrorsOf, FormMessage, SelectField, SubmitRow, TextAreaField, TextField } from "~/components/forms";
import { fieldId, useZiFormat } from "~/components/zi-score";
import { i18nServer } from "~/i18n.server";
import { failure, invalid, type FormFailure } from "~/utils/form-result.server";
import { findUnitByAddress } from "~/org/queries.server";
import type { LkeComponentKey } from "~/regulation/zi";
import { ANSWERS, BLANK_ROWS, LIMITS, itemRowsWithinLimit, parseYear, subareaSchema } from "~/zi/form-schema";
import { LKE_ITEM_SCALES, type LkeItem } from "~/zi/score";
import { answerOf, loadSheet, saveSubarea, sheetProfile } from "~/zi/sheets.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const position = (text: string | undefined) => (text && /^\d{1,2}$/.test(text) ? Number(text) : null);

/** The unit, year and sub-area of the address, or 404 (after the sign-in check). */
async function subareaAddress(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
  const year = parseYear(params.year);
  const component: LkeComponentKey | null = params.component === "pemenuhan" || params.component === "reform" ? params.component : null;
  if (!unit || year === null || component === null) {
    await requireStaff(request, context);
    throw notFound();
  }
  const loaded = await loadSheet(context.db, unit.id, year);
  const profile = sheetProfile(loaded);
  const areaIndex = position(params.area);
  const subIndex = position(params.subarea);
  const area = areaIndex === null ? undefined : profile.pengungkit[component][areaIndex];
  const subarea = subIndex === null ? undefined : area?.subareas[subIndex];
  if (!area || !subarea) {
    await requireStaff(request, context);
    throw notFound();
  }
  return { unit, year, component, area, subarea, loaded, profile, resource: unitResource(unit) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { unit, year, component, area, subarea, loaded, profile, resource } = await subareaAddress(request, context, params);
  await requirePermission(request, context, "lke.edit", resource);
  const answer = answerOf(loaded, component, area.area, subarea.name);
  const t = await i18nServer.getFixedT(request, "zi");
  return {
    unit: { name: unit.name, address: `${unit.regionSlug}/${unit.slug}` },
    year,
    component,
    area: area.area,
    subarea: { name: subarea.name, weight: subarea.weight, questions: subarea.questions },
    answer: answer ?? { value: null, items: [], note: null, evidence: [] },
    scales: Object.fromEntries(Object.entries(profile.scales).map(([key, scale]) => [key, scale.answers])),
    title: `${subarea.name} · ${t("sheet.title", { unit: unit.name, year })} · Pintu Depan`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { unit, year, component, area, subarea, resource } = await subareaAddress(request, context, params);
  const signedIn = await requirePermission(request, context, "lke.edit", resource);
  const formData = await request.formData();
  if (!itemRowsWithinLimit(formData.keys())) return failure({ intent: "subarea", id: null, errors: { "": ["errors.tooManyItems"] } });
  const submission = parseWithZod(formData, { schema: subareaSchema(subarea.questions) });
  if (submission.status !== "success") return invalid("subarea", formData, submission);
  await saveSubarea(context.db, { staffId: signedIn.id, role: actingRole(signedIn, "lke.edit", resource) }, unit, year, {
    component,
    area: area.area,
    subarea: subarea.name,
    ...submission.value,
  });
  return redirect(`/staff/zi/${unit.regionSlug}/${unit.slug}/${year}?done=saved`, 303);
}

/**
 * The saved items by form row: an item answering question q sits on row q; other items follow
 * the questions in their saved order.
 */
function rowsOf(items: readonly LkeItem[], questionCount: number): Array<LkeItem | undefined> {
  const rows: Array<LkeItem | undefined> = Array.from({ length: questionCount }, () => undefined);
  for (const item of items) if (item.question !== undefined && item.question < questionCount) rows[item.question] = item;
  for (const item of items) if (item.question === undefined || item.question >= questionCount) rows.push(item);
  return rows;
}

export default function LkeSubarea() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as FormFailure | undefined;
  const { t, i18n } = useTranslation("zi");
  const format = useZiFormat();
  const back = `/staff/zi/${data.unit.address}/${data.year}`;
  const errorsOf = (field: string) => failed?.errors[field]?.map((key) => t(key, { max: LIMITS.items, links: LIMITS.evidence }));
  // After a refused post the rows come back as typed; otherwise the saved items and blank ones.
  const typedRows = failed
    ? Math.max(0, ...Object.keys(failed.values).map((k) => Number(/^items\[(\d+)\]/.exec(k)?.[1] ?? -1) + 1))
    : 0;
  const { questions } = data.subarea;
  const saved = rowsOf(data.answer.items, questions.length);
  const rows = Math.min(LIMITS.items, Math.max(typedRows, saved.length + BLANK_ROWS));
  const value = (field: string, saved: string) => (failed ? (failed.values[field] ?? "") : saved);
  const scaleOptions = [{ value: "", label: t("item.chooseScale") }, ...LKE_ITEM_SCALES.map((s) => ({ value: s, label: t(`scale.${s}`) }))];
  const answerOptions = [{ value: "", label: t("item.noAnswer") }, ...ANSWERS.map((a) => ({ value: a, label: t(`answer.${a}`) }))];
  // A question's own scale offers only its answers, each with the value the profile gives it.
  const answerOptionsFor = (scale: string) => [
    { value: "", label: t("item.noAnswer") },
    ...Object.entries(data.scales[scale as keyof typeof data.scales] ?? {}).map(([a, v]) => ({ value: a, label: t("item.answerValue", { answer: t(`answer.${a}`), value: format.points(v) }) })),
  ];

  return (
    <>
      <p>
        <Link to={back}>{t("subarea.back", { unit: data.unit.name, year: data.year })}</Link>
      </p>
      <h1>{data.subarea.name}</h1>
      <p>
        {t(`component.${data.component}`)} · {data.area} · {t("subarea.weight", { weight: format.points(data.subarea.weight) })} ·{" "}
        {t("subarea.value", { value: data.answer.value === null ? t("sheet.notScored") : format.share(data.answer.value) })}
      </p>
      <ErrorSummary
        title={t("subarea.errorSummary")}
        fieldErrors={fieldErrorsOf(failed?.errors)}
        translate={(key) => t(key, { max: LIMITS.items, links: LIMITS.evidence })}
        fieldId={fieldId}
      />
      <FormMessage errors={failed?.errors[""]?.map((key) => t(key, { max: LIMITS.items }))} />
      <Form method="post" noValidate>
        <fieldset>
          <legend>{t("subarea.itemsLegend")}</legend>
          <p className="hint">{t(questions.length > 0 ? "subarea.questionsHint" : "subarea.itemsHint")}</p>
          {questions.length > 0 && i18n.language !== "id" ? (
            <p className="hint">{t("subarea.questionsLanguage")}</p>
          ) : null}
          {Array.from({ length: rows }, (_, i) => {
            const item = saved[i];
            const question = questions[i];
            const savedScale = item?.scale ?? "";
            const scale = question?.scale ?? savedScale;
            return (
              <fieldset key={i} className="lke-item">
                <legend>{t("item.legend", { number: i + 1 })}</legend>
                {question ? (
                  <>
                    <p className="lke-question" lang="id">
                      {question.text}
                    </p>
                    <p className="hint">
                      {t("item.fixedScale", { scale: t(`scale.${question.scale}`) })}
                      {question.guide ? <span lang="id"> {question.guide}</span> : null}
                    </p>
                    <input type="hidden" name={`items[${i}].scale`} value={question.scale} />
                    <FormMessage errors={errorsOf(`items[${i}].scale`)} />
                  </>
                ) : (
                  <SelectField
                    id={fieldId(`items[${i}].scale`)}
                    label={t("item.scale")}
                    name={`items[${i}].scale`}
                    defaultValue={value(`items[${i}].scale`, savedScale)}
                    errors={errorsOf(`items[${i}].scale`)}
                    options={scaleOptions}
                  />
                )}
                {question?.scale === "percent" ? null : (
                  <SelectField
                    id={fieldId(`items[${i}].answer`)}
                    label={t("item.answer")}
                    name={`items[${i}].answer`}
                    defaultValue={value(`items[${i}].answer`, savedScale === "percent" ? "" : (item?.answer ?? ""))}
                    errors={errorsOf(`items[${i}].answer`)}
                    options={question ? answerOptionsFor(scale) : answerOptions}
                  />
                )}
                {question && question.scale !== "percent" ? null : (
                <TextField
                  id={fieldId(`items[${i}].percent`)}
                  label={t("item.percent")}
                  name={`items[${i}].percent`}
                  type="number"
                  min={0}
                  max={100}
                  step="0.01"
                  defaultValue={value(`items[${i}].percent`, savedScale === "percent" ? (item?.answer ?? "") : "")}
                  errors={errorsOf(`items[${i}].percent`)}
                />
                )}
              </fieldset>
            );
          })}
        </fieldset>
        <TextField
          id={fieldId("value")}
          label={t("subarea.fraction")}
          hint={t("subarea.fractionHint")}
          name="value"
          inputMode="decimal"
          defaultValue={value("value", data.answer.items.length === 0 && data.answer.value !== null ? String(data.answer.value) : "")}
          errors={errorsOf("value")}
        />
        <TextAreaField
          id={fieldId("note")}
          label={t("subarea.note")}
          name="note"
          rows={3}
          maxLength={LIMITS.note}
          defaultValue={value("note", data.answer.note ?? "")}
          errors={errorsOf("note")}
        />
        <TextAreaField
          id={fieldId("evidence")}
          label={t("subarea.evidence")}
          hint={t("subarea.evidenceHint", { links: LIMITS.evidence })}
          name="evidence"
          rows={3}
          defaultValue={value("evidence", data.answer.evidence.join("\n"))}
          errors={errorsOf("evidence")}
        />
        <SubmitRow label={t("subarea.save")} primary />
      </Form>
    </>
  );
}
