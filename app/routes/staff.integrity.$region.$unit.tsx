/**
 * /staff/integrity/{region}/{unit}?period=…: one unit's integrity flags for a period with the
 * figures behind each, its ratings by source, and (for evaluators) the review of each flag.
 */
import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { can, unitResource } from "~/auth/policy";
import { SubmitRow, TextField } from "~/components/forms";
import { FlagList } from "~/components/integrity/flag-list";
import { i18nServer } from "~/i18n.server";
import { isFlagPeriod } from "~/integrity/flags";
import { reviewFlag, unitForFlags, unitPeriodFlags } from "~/integrity/flags.server";
import { reviewSchema } from "~/integrity/review-schema";
import { findUnitByAddress } from "~/org/queries.server";
import { parsePeriod } from "~/skm/periods";
import { localDate } from "~/utils/calendar";
import { failure, submissionErrors, typedValues } from "~/utils/form-result.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

async function unitOf(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
  if (!unit) {
    await requireStaff(request, context);
    throw notFound();
  }
  return unit;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await unitOf(request, context, params);
  const signedIn = await requirePermission(request, context, "integrity.read", unitResource(unit));
  const t = await i18nServer.getFixedT(request, "zi");
  const key = new URL(request.url).searchParams.get("period") ?? localDate(unit.timeZone).slice(0, 7);
  const period = isFlagPeriod(key) ? parsePeriod(key) : null;
  if (!period) throw new Response(t("integrity.errors.period"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const flagsUnit = await unitForFlags(context.db, unit.id);
  if (!flagsUnit) throw notFound();
  const { figures, flags } = await unitPeriodFlags(context.db, flagsUnit, period);
  const address = `${unit.regionSlug}/${unit.slug}`;
  return {
    unit: { name: unit.name, regionName: unit.regionName, address },
    period: period.key,
    figures,
    flags,
    canReview: can(signedIn.actor, "integrity.review", unitResource(unit)),
    reviewed: new URL(request.url).searchParams.get("reviewed") === "1",
    title: `${t("integrity.unitTitle", { unit: unit.name })} · Pintu Depan`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const unit = await unitOf(request, context, params);
  const resource = unitResource(unit);
  const signedIn = await requirePermission(request, context, "integrity.review", resource);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: reviewSchema });
  if (submission.status !== "success") {
    const flag = formData.get("flag");
    return failure({ intent: "review", id: typeof flag === "string" ? flag : null, errors: submissionErrors(submission), values: typedValues(formData) });
  }
  const { period, flag, note } = submission.value;
  await reviewFlag(
    context.db,
    { staffId: signedIn.id, role: actingRole(signedIn, "integrity.review", resource), regionId: unit.regionId },
    { unitId: unit.id, period, flag, note },
    localDate(unit.timeZone),
  );
  return redirect(`/staff/integrity/${unit.regionSlug}/${unit.slug}?period=${period}&reviewed=1`, 303);
}

export default function UnitIntegrity() {
  const { unit, period, figures, flags, canReview, reviewed } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("zi");
  return (
    <>
      <p>
        <Link to={`/staff/integrity?period=${period}`}>{t("integrity.back")}</Link>
      </p>
      <h1>{t("integrity.unitTitle", { unit: unit.name })}</h1>
      <p className="hint">{unit.regionName}</p>
      {reviewed ? <p role="status">{t("integrity.saved")}</p> : null}
      <p>{t("integrity.neverHides")}</p>
      <Form method="get" className="filter-form">
        <TextField label={t("integrity.period")} hint={t("integrity.periodHint")} name="period" defaultValue={period} />
        <SubmitRow label={t("integrity.show")} />
      </Form>
      <h2>{t("integrity.figuresHeading", { period })}</h2>
      <dl className="figures" data-figures="">
        <div>
          <dt>{t("integrity.respondents")}</dt>
          <dd>{figures.respondents}</dd>
        </div>
        <div>
          <dt>{t("integrity.score")}</dt>
          <dd>{figures.score ?? "–"}</dd>
        </div>
        {(["web", "kiosk", "paper"] as const).map((source) => (
          <div key={source}>
            <dt>{t(`integrity.sources.${source}`)}</dt>
            <dd data-source={source}>{figures.bySource[source]}</dd>
          </div>
        ))}
        <div>
          <dt>{t("integrity.coercionAnswers")}</dt>
          <dd>{t("integrity.coercionOf", { yes: figures.coercionYes, answered: figures.coercionAnswered })}</dd>
        </div>
      </dl>
      <h2>{t("integrity.flagsHeading")}</h2>
      <FlagList
        flags={flags}
        period={period}
        reviewAction={canReview ? `/staff/integrity/${unit.address}?period=${period}` : null}
        failure={failed ? { flag: failed.id === null ? null : String(failed.id), errors: failed.errors, values: failed.values } : null}
      />
    </>
  );
}
