import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceFrame, ErrorSummary } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { answersOf, perceptionSchema } from "~/perception/form-schema";
import { clearOffer, offerUsed, readOffer } from "~/perception/offer.server";
import { submitPerception } from "~/perception/submit.server";
import { CURRENT_PERCEPTION_PROFILE } from "~/regulation/perception";
import { findUnitByAddress } from "~/org/queries.server";
import { notFound } from "~/utils/http.server";

// A plain form, complete without JavaScript: the page ships no scripts (see app/root.tsx and
// docs/performance.md, "Lean pages"), so a cheap phone on a slow network gets it at once.
export const handle = { i18n: ["perception"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// The page depends on the visitor's ticket: never serve it from a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

async function loadUnit(params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "");
  if (!unit) throw notFound();
  return unit;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await loadUnit(params, context);
  const t = await i18nServer.getFixedT(request, "perception");
  const offer = await readOffer(context.config, request, unit.id);
  const gate = !offer ? "missing" : (await offerUsed(context.db, context.config, offer)) ? "used" : null;
  const page = {
    unit: { name: unit.name, regionSlug: unit.regionSlug, slug: unit.slug },
    gate,
    title: `${t(gate ? "gate.title" : "form.title", { unit: unit.name })} · Pintu Depan`,
  };
  // Without a ticket the step is closed: a friendly page that leads to the rating form.
  return data(page, { status: gate === "missing" ? 403 : gate === "used" ? 409 : 200 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const unit = await loadUnit(params, context);
  const offer = await readOffer(context.config, request, unit.id);
  if (!offer) return data(null, { status: 403 });

  const base = `/rate/${unit.regionSlug}/${unit.slug}`;
  const done = redirect(`${base}/thanks?perception=done`, { status: 303, headers: { "Set-Cookie": await clearOffer(context.config, unit) } });
  const formData = await request.formData();
  // Bots fill every field; people never see this one. Answer as if all went well.
  if (String(formData.get("website") ?? "") !== "") return done;

  const submission = parseWithZod(formData, { schema: perceptionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  await submitPerception(context.db, context.config, { unit, offer, answers: answersOf(submission.value) });
  return done;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const QUESTIONS = [...CURRENT_PERCEPTION_PROFILE.spak, ...CURRENT_PERCEPTION_PROFILE.spkp].map((item) => item.code);

/** Questions are numbered 1–16 across both surveys, in the profile's order. */
function questionNumber(item: string): number {
  return QUESTIONS.findIndex((code) => code === item) + 1;
}

export default function PerceptionStep() {
  const { unit, gate } = useLoaderData<typeof loader>();
  const { t } = useTranslation("perception");
  if (gate) {
    return (
      <div className="container narrow">
        <h1>{t("gate.title")}</h1>
        <p>{t(gate === "used" ? "gate.used" : "gate.missing")}</p>
        <p>
          <Link to={`/rate/${unit.regionSlug}/${unit.slug}`} className="button button-primary">
            {t("gate.rateLink", { unit: unit.name })}
          </Link>
        </p>
      </div>
    );
  }
  return <PerceptionForm unit={unit} t={t} />;
}

function PerceptionForm({ unit, t }: { unit: { name: string; regionSlug: string; slug: string }; t: Translate }) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData ?? undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: perceptionSchema }),
  });
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.id);
  const profile = CURRENT_PERCEPTION_PROFILE;

  return (
    <div className="container narrow">
      <h1>{t("form.title", { unit: unit.name })}</h1>
      <p>{t("form.intro")}</p>
      <p className="hint">{t("form.monitoring")}</p>

      <ErrorSummary
        title={t("form.errorSummary")}
        formErrors={form.errors}
        fieldErrors={fieldErrors}
        labelOf={(name) => t("form.question", { number: questionNumber(name) })}
        translate={(key) => t(key)}
        formErrorsAsTitle
      />

      <Form method="post" {...getFormProps(form)}>
        <h2>{t("form.spakHeading")}</h2>
        <p className="hint">{t("form.spakHint")}</p>
        {profile.spak.map(({ code }) => (
          <ScaleGroup key={code} name={code} number={questionNumber(code)} survey="spak" field={fields[code]} t={t} />
        ))}

        <h2>{t("form.spkpHeading")}</h2>
        <p className="hint">{t("form.spkpHint")}</p>
        {profile.spkp.map(({ code }) => (
          <ScaleGroup key={code} name={code} number={questionNumber(code)} survey="spkp" field={fields[code]} t={t} />
        ))}

        {/* A trap for bots: hidden from people and from assistive technology. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("form.submit")}
          </button>
          <Link to={`/units/${unit.regionSlug}/${unit.slug}`}>{t("form.noThanks")}</Link>
        </div>
      </Form>
    </div>
  );
}

/**
 * One item: six large options in a row, the ends named on screen, every option named in full
 * for screen readers, and an explicit "prefer not to answer".
 */
function ScaleGroup({
  name,
  number,
  survey,
  field,
  t,
}: {
  name: string;
  number: number;
  survey: "spak" | "spkp";
  field: FieldMetadata<unknown>;
  t: Translate;
}) {
  const chosen = typeof field.initialValue === "string" ? field.initialValue : "";
  const values = [1, 2, 3, 4, 5, 6];
  return (
    <ChoiceFrame id={name} legend={`${number}. ${t(`items.${name}`)}`} errors={field.errors?.map((e) => t(e))}>
      <div className="scale6">
        {values.map((value) => {
          const id = `${name}-${value}`;
          return (
            <div key={id} className="scale6-option">
              <input type="radio" id={id} name={name} value={String(value)} defaultChecked={chosen === String(value)} />
              <label htmlFor={id}>
                <span aria-hidden="true">{value}</span>
                <span className="visually-hidden">{`${value}: ${t(`scale.${survey}.${value}`)}`}</span>
              </label>
            </div>
          );
        })}
      </div>
      <div className="scale6-ends" aria-hidden="true">
        <span>{t(`scale.${survey}.1`)}</span>
        <span>{t(`scale.${survey}.6`)}</span>
      </div>
      <div className="choice">
        <input type="radio" id={`${name}-skip`} name={name} value="" defaultChecked={chosen === ""} />
        <label htmlFor={`${name}-skip`}>{t("form.skip")}</label>
      </div>
    </ChoiceFrame>
  );
}
