/**
 * /staff/zi/{region}/{unit}/{year}: the LKE worksheet of a unit and year. Every sub-area with
 * weight, value and points, the portal's own figures beside the items it can evidence, the
 * hasil inputs, the score with WBK / WBBM readiness, submission and its history.
 */
import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { can } from "~/auth/policy";
import { FormMessage, SelectField, StatusMessage, SubmitRow, TextField } from "~/components/forms";
import { ErrorSummary, Figure, ScoreSummary, fieldId, useZiFormat } from "~/components/zi-score";
import { i18nServer } from "~/i18n.server";
import { failure, invalid, type FormFailure } from "~/moderation/form-result.server";
import { evidenceFor, type EvidenceKind, type PortalEvidence } from "~/zi/evidence";
import { portalEvidence } from "~/zi/evidence.server";
import { GRADES, hasilSchema, parseYear } from "~/zi/form-schema";
import { answerOf, currentScore, findZiUnit, saveHasil, submitSheet, unitResource } from "~/zi/sheets.server";
import { notFound } from "~/utils/http.server";
import { localDate } from "~/skm/import.server";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** The unit and year of the address, or 404 (after the sign-in check, so nobody learns anything anonymously). */
async function sheetAddress(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const unit = await findZiUnit(context.db, params.region ?? "", params.unit ?? "");
  const year = parseYear(params.year);
  if (!unit || year === null) {
    await requireStaff(request, context);
    throw notFound();
  }
  return { unit, year, resource: unitResource(unit) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { unit, year, resource } = await sheetAddress(request, context, params);
  const signedIn = await requirePermission(request, context, "lke.read", resource);
  const [current, evidence] = await Promise.all([
    currentScore(context.db, unit, year, context.config.disclosureMin),
    portalEvidence(context.db, unit.id, year, context.config.disclosureMin, localDate(unit.timeZone)),
  ]);
  const { loaded, profile, score, internal, predicate } = current;
  const components = (["pemenuhan", "reform"] as const).map((component) => ({
    component,
    areas: profile.pengungkit[component].map((area, areaIndex) => ({
      area: area.area,
      weight: area.weight,
      subareas: area.subareas.map((sub, subIndex) => {
        const answer = answerOf(loaded, component, area.area, sub.name);
        const scored = score.pengungkit.areas.find((a) => a.area === area.area)?.components[component].subareas[subIndex];
        return {
          name: sub.name,
          weight: sub.weight,
          value: scored?.value ?? null,
          points: scored?.points ?? null,
          items: answer?.items.length ?? 0,
          evidenceLinks: answer?.evidence.length ?? 0,
          path: `${component}/${areaIndex}/${subIndex}`,
          evidence: evidenceFor(component, area.area, sub.name),
        };
      }),
    })),
  }));
  const t = await i18nServer.getFixedT(request, "zi");
  const done = new URL(request.url).searchParams.get("done");
  return {
    unit: { name: unit.name, regionName: unit.regionName, address: `${unit.regionSlug}/${unit.slug}`, timeZone: unit.timeZone },
    year,
    profile: { id: profile.id, title: profile.title },
    status: loaded.sheet?.status ?? null,
    hasil: {
      capaianKinerja: loaded.sheet?.capaianKinerja ?? null,
      ipak: loaded.sheet?.ipakExternal ?? null,
      ipkp: loaded.sheet?.ipkpExternal ?? null,
    },
    internal,
    predicate,
    components,
    score,
    evidence,
    disclosureMin: context.config.disclosureMin,
    submissions: loaded.submissions.map((s) => ({ version: s.version, total: s.total, profileId: s.profileId, submittedAt: s.submittedAt.toISOString() })),
    canEdit: can(signedIn.actor, "lke.edit", resource),
    done: done === "saved" || done === "submitted" ? done : null,
    title: `${t("sheet.title", { unit: unit.name, year })} · Pintu Depan`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { unit, year, resource } = await sheetAddress(request, context, params);
  const signedIn = await requirePermission(request, context, "lke.edit", resource);
  const author = { staffId: signedIn.id, role: actingRole(signedIn, "lke.edit", resource) };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/staff/zi/${unit.regionSlug}/${unit.slug}/${year}`;
  if (intent === "hasil") {
    const submission = parseWithZod(formData, { schema: hasilSchema });
    if (submission.status !== "success") return invalid(intent, formData, submission);
    const { capaianKinerja, ipak, ipkp } = submission.value;
    await saveHasil(context.db, author, unit, year, { capaianKinerja: capaianKinerja ?? null, ipak: ipak ?? null, ipkp: ipkp ?? null });
    return redirect(`${back}?done=saved`, 303);
  }
  if (intent === "submit") {
    const outcome = await submitSheet(context.db, author, unit, year, context.config.disclosureMin);
    if (!outcome.ok) return failure({ intent, id: null, errors: { "": [`errors.${outcome.error}`] } });
    return redirect(`${back}?done=submitted`, 303);
  }
  return failure({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] } });
}

function EvidenceNote({ kind, evidence, year, disclosureMin }: { kind: EvidenceKind; evidence: PortalEvidence; year: number; disclosureMin: number }) {
  const { t } = useTranslation("zi");
  const format = useZiFormat();
  switch (kind) {
    case "reportChannel":
      return <>{t("evidence.reportChannel", { count: evidence.reportsReceived, year })}</>;
    case "followUp":
      return evidence.followUp.due === 0 ? (
        <>{t("evidence.followUpNone", { year })}</>
      ) : (
        <>
          {t("evidence.followUp", { resolved: evidence.followUp.resolved, due: evidence.followUp.due, share: format.share(evidence.followUp.share) })}{" "}
          {t("evidence.followUpOnTime", { onTime: evidence.followUp.onTime, due: evidence.followUp.due, share: format.share(evidence.followUp.onTimeShare) })}
        </>
      );
    case "skmSurvey":
      return (
        <>
          {t("evidence.skmSurvey", { count: evidence.skmQuarters.length, grade: evidence.skmGrade, year })}{" "}
          {evidence.publishedQuarters.length > 0
            ? t("evidence.published", { count: evidence.publishedQuarters.length, min: disclosureMin })
            : t("evidence.notPublished", { min: disclosureMin })}{" "}
          {t("evidence.offline")}
        </>
      );
    case "suggestionsAnswered":
      return evidence.suggestions.published === 0 ? (
        <>{t("evidence.suggestionsNone", { year })}</>
      ) : (
        <>
          {t("evidence.suggestions", {
            answered: evidence.suggestions.answered,
            published: evidence.suggestions.published,
            share: format.share(evidence.suggestions.share),
          })}
        </>
      );
    case "channels":
      return <>{t("evidence.channels")}</>;
  }
}

export default function LkeSheet() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormFailure | undefined;
  const { t, i18n } = useTranslation("zi");
  const format = useZiFormat();
  const base = `/staff/zi/${data.unit.address}/${data.year}`;
  const hasilFailed = actionData?.intent === "hasil" ? actionData : undefined;
  const errorsOf = (field: string) => hasilFailed?.errors[field]?.map((key) => t(key));
  const typed = (field: string, saved: string | number | null) => hasilFailed?.values[field] ?? (saved === null ? "" : String(saved));
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeZone: data.unit.timeZone }).format(new Date(iso));
  const internalText = (value: number | null) =>
    value === null ? t("hasil.internalNone") : t("hasil.internal", { value: format.points(value) });

  return (
    <>
      <p>
        <Link to={`/staff/zi?year=${data.year}`}>{t("sheet.back")}</Link>
      </p>
      <h1>{t("sheet.title", { unit: data.unit.name, year: data.year })}</h1>
      <p>
        {data.unit.regionName} · {t("sheet.profile", { title: data.profile.title, id: data.profile.id })}
      </p>
      <p>
        {t("sheet.status", { status: t(`status.${data.status ?? "none"}`) })} · {t("sheet.predicate", { predicate: t(`predicate.${data.predicate}`) })}
      </p>
      {data.done ? <StatusMessage>{t(`sheet.done.${data.done}`)}</StatusMessage> : null}

      <h2>{t("sheet.scoreHeading")}</h2>
      <ScoreSummary score={data.score} />

      {data.components.map(({ component, areas }) => (
        <section key={component} aria-labelledby={`component-${component}`}>
          <h2 id={`component-${component}`}>{t(`component.${component}`)}</h2>
          {areas.map((area) => (
            <div className="table-scroll" key={area.area}>
              <table className="lke-table">
                <caption>{t("sheet.areaCaption", { area: area.area, weight: format.points(area.weight) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("sheet.subarea")}</th>
                    <th scope="col">{t("sheet.weight")}</th>
                    <th scope="col">{t("sheet.value")}</th>
                    <th scope="col">{t("sheet.points")}</th>
                    <th scope="col">{t("sheet.evidence")}</th>
                  </tr>
                </thead>
                <tbody>
                  {area.subareas.map((sub) => (
                    <tr key={sub.name}>
                      <th scope="row">
                        {data.canEdit ? <Link to={`${base}/${sub.path}`}>{sub.name}</Link> : sub.name}
                        {sub.items > 0 ? <span className="hint"> {t("sheet.items", { count: sub.items })}</span> : null}
                      </th>
                      <td>{format.points(sub.weight)}</td>
                      <td>{sub.value === null ? t("sheet.notScored") : format.share(sub.value)}</td>
                      <td>
                        <Figure value={sub.points} />
                      </td>
                      <td>
                        {sub.evidence.map((kind) => (
                          <p key={kind} className="lke-evidence">
                            <EvidenceNote kind={kind} evidence={data.evidence} year={data.year} disclosureMin={data.disclosureMin} />
                          </p>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}

      <section aria-labelledby="hasil-heading">
        <h2 id="hasil-heading">{t("hasil.heading")}</h2>
        <p>{t("hasil.intro")}</p>
        {data.canEdit ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="hasil" />
            <ErrorSummary errors={hasilFailed?.errors} translate={(key) => t(key)} />
            <FormMessage errors={hasilFailed?.errors[""]?.map((key) => t(key))} />
            <SelectField
              id={fieldId("capaianKinerja")}
              label={t("hasil.capaianKinerja")}
              hint={t("hasil.capaianKinerjaHint")}
              name="capaianKinerja"
              defaultValue={typed("capaianKinerja", data.hasil.capaianKinerja)}
              errors={errorsOf("capaianKinerja")}
              options={[{ value: "", label: t("hasil.notEntered") }, ...GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))]}
            />
            <TextField
              id={fieldId("ipak")}
              label={t("hasil.ipak")}
              hint={`${t("hasil.indexHint")} ${internalText(data.internal.ipak)}`}
              name="ipak"
              inputMode="decimal"
              defaultValue={typed("ipak", data.hasil.ipak)}
              errors={errorsOf("ipak")}
            />
            <TextField
              id={fieldId("ipkp")}
              label={t("hasil.ipkp")}
              hint={`${t("hasil.indexHint")} ${internalText(data.internal.ipkp)}`}
              name="ipkp"
              inputMode="decimal"
              defaultValue={typed("ipkp", data.hasil.ipkp)}
              errors={errorsOf("ipkp")}
            />
            <SubmitRow label={t("hasil.save")} />
          </Form>
        ) : null}
      </section>

      {data.canEdit ? (
        <section aria-labelledby="submit-heading">
          <h2 id="submit-heading">{t("submit.heading")}</h2>
          <p>{t("submit.intro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <FormMessage errors={actionData?.intent === "submit" ? actionData.errors[""]?.map((key) => t(key)) : undefined} />
            <SubmitRow label={t("submit.button")} primary />
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history.heading")}</h2>
        {data.submissions.length === 0 ? (
          <p>{t("history.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("history.version")}</th>
                <th scope="col">{t("history.date")}</th>
                <th scope="col">{t("history.total")}</th>
                <th scope="col">{t("history.profile")}</th>
              </tr>
            </thead>
            <tbody>
              {data.submissions.map((s) => (
                <tr key={s.version}>
                  <td>{s.version}</td>
                  <td>{date(s.submittedAt)}</td>
                  <td>
                    <Figure value={s.total} />
                  </td>
                  <td>{s.profileId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
