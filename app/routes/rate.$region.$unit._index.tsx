import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField } from "~/components/forms";
import { useNonce } from "~/components/nonce";
import { i18nServer } from "~/i18n.server";
import { issueOffer } from "~/perception/offer.server";
import { SKM_ELEMENTS } from "~/regulation/skm";
import { randomToken } from "~/security/crypto.server";
import { checkChallenge, issueChallenge, type Challenge } from "~/security/challenge.server";
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, ratingSchema, SUGGESTION_MAX } from "~/skm/form-schema";
import { findUnitByAddress } from "~/org/queries.server";
import { submitRating } from "~/skm/submit.server";
import { notFound } from "~/utils/http.server";
import { ChallengeField } from "~/components/captcha";
import { ChoiceGroup, labelOf, SelectRow } from "~/components/rate/rating-fields";

// A plain form, complete without JavaScript: the page ships no scripts (see app/root.tsx and
// docs/performance.md, "Lean pages"), so a cheap phone on a slow network gets it at once.
export const handle = { i18n: ["skm"], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

async function loadUnit(params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { services: true });
  if (!unit) throw notFound();
  return unit;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await loadUnit(params, context);
  const t = await i18nServer.getFixedT(request, "skm");
  return {
    unit: { name: unit.name, regionSlug: unit.regionSlug, slug: unit.slug },
    services: unit.services,
    token: context.formTokenPlaceholder ?? randomToken(),
    /** Whether a challenge, when asked, is hCaptcha's (a third party) or the portal's own. */
    hcaptcha: context.config.captcha !== null,
    title: `${t("form.title", { unit: unit.name })} · Pintu Depan`,
  };
}

// Each view gets its own submission token: never serve this page from a cache.
export const headers = () => ({ "Cache-Control": "no-store" });

/** The action's reply: the form's result and, when one is asked, the challenge to pass. */
type RatingReply = { result: SubmissionResult<string[]>; challenge?: Challenge; token?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const unit = await loadUnit(params, context);
  const formData = await request.formData();
  const thanks = `/rate/${unit.regionSlug}/${unit.slug}/thanks`;

  // Bots fill every field; people never see this one. Answer as if all went well.
  if (String(formData.get("website") ?? "") !== "") return redirect(thanks, 303);

  const submission = parseWithZod(formData, { schema: ratingSchema(unit.services.map((s) => s.id)) });
  if (submission.status !== "success") return data<RatingReply>({ result: submission.reply() }, { status: 400 });

  const now = new Date();
  const { token } = submission.value;
  const challenged = (result: SubmissionResult<string[]>, status: number) =>
    data<RatingReply>({ result, challenge: issueChallenge(context.config, token, now), token }, { status });
  const proof = await checkChallenge(context.config, token, formData, now);
  if (proof === "failed") return challenged(submission.reply({ formErrors: ["errors.captcha"] }), 400);
  if (proof === "unavailable") return challenged(submission.reply({ formErrors: ["errors.captchaUnavailable"] }), 503);

  const outcome = await submitRating(context.db, context.config, {
    unit,
    clientAddress: context.clientAddress,
    values: submission.value,
    challengePassed: proof === "passed",
    now,
  });
  if (outcome.outcome === "throttled") return data<RatingReply>({ result: submission.reply({ formErrors: ["errors.throttled"] }) }, { status: 429 });
  // Nothing was stored: the form comes back with the answers kept and the challenge to pass.
  if (outcome.outcome === "challenge") return challenged(submission.reply({ formErrors: ["errors.challengeRequired"] }), 200);
  const headers = new Headers({ "Set-Cookie": await issueOffer(context.config, unit, token) });
  // A resent form gets the same ticket again, so the optional perception step is still offered once.
  // A "yes" to the coercion question: the thanks page offers the back-door report first.
  return redirect(submission.value.coercion === "yes" ? `${thanks}?followup=report` : thanks, { status: 303, headers });
}

export default function RatingForm() {
  const { unit, services, token, hcaptcha } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const lastResult = reply?.result;
  const challenge = reply && "challenge" in reply ? reply.challenge : undefined;
  // The challenge is bound to the form's token: keep sending that one, whatever the page reloaded.
  const challengeToken = reply && "token" in reply ? reply.token : undefined;
  const { t } = useTranslation("skm");
  const nonce = useNonce();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ratingSchema(services.map((s) => s.id)) }),
  });
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.id);

  return (
    <div className="container narrow">
      <h1>{t("form.title", { unit: unit.name })}</h1>
      <p>{t("form.intro")}</p>

      <ErrorSummary
        title={t("form.errorSummary")}
        formErrors={form.errors}
        fieldErrors={fieldErrors}
        labelOf={(name) => labelOf(name, t)}
        translate={(key) => t(key)}
        formErrorsAsTitle
      />

      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={challengeToken ?? (fields.token.initialValue as string | undefined) ?? token} />

        <ChoiceGroup
          name="serviceId"
          legend={t("form.service")}
          field={fields.serviceId}
          options={services.map((s) => ({ value: String(s.id), label: s.name }))}
        />

        <h2>{t("form.questionsHeading")}</h2>
        {SKM_ELEMENTS.map((element, index) => (
          <ChoiceGroup
            key={element}
            name={element}
            legend={`${index + 1}. ${t(`questions.${element}.question`)}`}
            field={fields[element]}
            options={[1, 2, 3, 4].map((v) => ({ value: String(v), label: t(`questions.${element}.${v}`) }))}
            scale
          />
        ))}

        <h2>{t("form.profileHeading")}</h2>
        <p className="hint">{t("form.profileIntro")}</p>
        <ChoiceGroup
          name="sex"
          legend={t("form.sex")}
          field={fields.sex}
          options={[
            { value: "L", label: t("form.sexL") },
            { value: "P", label: t("form.sexP") },
            { value: "", label: t("form.skip") },
          ]}
        />
        <SelectRow name="ageBand" label={t("form.age")} field={fields.ageBand} options={AGE_BANDS.map((v) => ({ value: v, label: t(`form.ages.${v}`) }))} />
        <SelectRow
          name="education"
          label={t("form.education")}
          field={fields.education}
          options={EDUCATIONS.map((v) => ({ value: v, label: t(`form.educations.${v}`) }))}
        />
        <SelectRow
          name="occupation"
          label={t("form.occupation")}
          field={fields.occupation}
          options={OCCUPATIONS.map((v) => ({ value: v, label: t(`form.occupations.${v}`) }))}
        />

        <TextAreaField
          id="suggestion"
          name="suggestion"
          label={t("form.suggestion")}
          hint={t("form.suggestionHint")}
          errors={fields.suggestion.errors?.map((e) => t(e))}
          errorsAs="line"
          maxLength={SUGGESTION_MAX}
          defaultValue={(fields.suggestion.initialValue as string | undefined) ?? ""}
        />

        {/* A trap for bots: hidden from people and from assistive technology. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("form.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <ChoiceGroup
          name="coercion"
          legend={t("form.coercion")}
          field={fields.coercion}
          options={[
            { value: "yes", label: t("form.coercionYes") },
            { value: "no", label: t("form.coercionNo") },
            { value: "", label: t("form.skip") },
          ]}
        />

        <p className="hint">
          {t("form.privacy")} {t(hcaptcha ? "form.challengePrivacyHcaptcha" : "form.challengePrivacy")}
        </p>
        {challenge ? (
          <ChallengeField
            challenge={challenge}
            nonce={nonce}
            text={{
              heading: t("challenge.heading"),
              question: challenge.kind === "question" ? t("challenge.question", { left: challenge.left, right: challenge.right }) : "",
              hcaptchaNotice: t("challenge.hcaptchaNotice"),
              noScript: t("challenge.noScript"),
            }}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("form.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
