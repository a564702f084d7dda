/**
 * /staff/zi/{region}/{unit}/{year}: the LKE worksheet of a unit and year. Every sub-area with
 * weight, value and points, the portal's own figures beside the items it can evidence, the
 * hasil inputs, the score with WBK / WBBM readiness, submission and its history.
 */
import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { can, unitResource } from "~/auth/policy";
import { StatusMessage } from "~/components/forms";
import { HasilSection } from "~/components/zi/hasil-form";
import { PengungkitTables } from "~/components/zi/pengungkit-tables";
import { SubmissionHistory } from "~/components/zi/submission-history";
import { SubmitSection } from "~/components/zi/submit-form";
import { ScoreSummary } from "~/components/zi-score";
import { i18nServer } from "~/i18n.server";
import { failure, invalid, type FormFailure } from "~/utils/form-result.server";
import { findUnitByAddress } from "~/org/queries.server";
import { portalEvidence } from "~/zi/evidence.server";
import { FlagList } from "~/components/integrity/flag-list";
import { unitForFlags, unitPeriodFlags } from "~/integrity/flags.server";
import { parsePeriod } from "~/skm/periods";
import { parseYear, sheetActionSchema } from "~/zi/form-schema";
import { answerOf, currentScore, saveHasil, submitSheet, type Author, type ZiUnit } from "~/zi/sheets.server";
import { worksheetComponents, worksheetDone, worksheetHistory } from "~/zi/worksheet";
import { notFound } from "~/utils/http.server";
import { localDate } from "~/utils/calendar";
import type { z } from "zod";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** The unit and year of the address, or 404 (after the sign-in check, so nobody learns anything anonymously). */
async function sheetAddress(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { includeInactive: true });
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
  // The SKM integrity flags of the year beside the evidence, for those who may read them.
  const flagsUnit = can(signedIn.actor, "integrity.read", resource) ? await unitForFlags(context.db, unit.id) : null;
  const integrity = flagsUnit ? (await unitPeriodFlags(context.db, flagsUnit, parsePeriod(String(year))!)).flags : null;
  const t = await i18nServer.getFixedT(request, "zi");
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
    components: worksheetComponents(profile, score, (component, area, subarea) => answerOf(loaded, component, area, subarea)),
    score,
    evidence,
    integrity,
    disclosureMin: context.config.disclosureMin,
    submissions: worksheetHistory(loaded.submissions),
    canEdit: can(signedIn.actor, "lke.edit", resource),
    done: worksheetDone(new URL(request.url).searchParams.get("done")),
    title: `${t("sheet.title", { unit: unit.name, year })} · Pintu Depan`,
  };
}

type SheetCommand = z.output<typeof sheetActionSchema>;

/** What an intent works on: who acts, on which sheet, and where the page is. */
interface SheetTarget {
  db: ActionFunctionArgs["context"]["db"];
  author: Author;
  unit: ZiUnit;
  year: number;
  disclosureMin: number;
  back: string;
}

async function saveHasilInputs(target: SheetTarget, command: Extract<SheetCommand, { intent: "hasil" }>) {
  const { capaianKinerja, ipak, ipkp } = command;
  await saveHasil(target.db, target.author, target.unit, target.year, { capaianKinerja: capaianKinerja ?? null, ipak: ipak ?? null, ipkp: ipkp ?? null });
  return redirect(`${target.back}?done=saved`, 303);
}

async function submitWorksheet(target: SheetTarget) {
  const outcome = await submitSheet(target.db, target.author, target.unit, target.year, target.disclosureMin);
  if (!outcome.ok) return failure({ intent: "submit", id: null, errors: { "": [`errors.${outcome.error}`] } });
  return redirect(`${target.back}?done=submitted`, 303);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { unit, year, resource } = await sheetAddress(request, context, params);
  const signedIn = await requirePermission(request, context, "lke.edit", resource);
  const author = { staffId: signedIn.id, role: actingRole(signedIn, "lke.edit", resource) };
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: sheetActionSchema });
  if (submission.status !== "success") {
    // Only the hasil form has fields of its own; any other failure is an intent this page lacks.
    if (formData.get("intent") === "hasil") return invalid("hasil", formData, submission);
    return failure({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] } });
  }
  const target = { db: context.db, author, unit, year, disclosureMin: context.config.disclosureMin, back: `/staff/zi/${unit.regionSlug}/${unit.slug}/${year}` };
  const command = submission.value;
  switch (command.intent) {
    case "hasil":
      return saveHasilInputs(target, command);
    case "submit":
      return submitWorksheet(target);
  }
}

export default function LkeSheet() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation("zi");
  const base = `/staff/zi/${data.unit.address}/${data.year}`;

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

      <PengungkitTables
        components={data.components}
        evidence={data.evidence}
        year={data.year}
        disclosureMin={data.disclosureMin}
        editBase={data.canEdit ? base : null}
      />

      {data.integrity ? (
        <section aria-labelledby="integrity-heading" data-lke-integrity="">
          <h2 id="integrity-heading">{t("integrity.evidenceHeading", { year: data.year })}</h2>
          <FlagList flags={data.integrity} period={String(data.year)} reviewAction={null} />
          <p>
            <Link to={`/staff/integrity/${data.unit.address}?period=${data.year}`}>{t("integrity.evidenceLink")}</Link>
          </p>
        </section>
      ) : null}

      <HasilSection
        saved={data.hasil}
        internal={data.internal}
        canEdit={data.canEdit}
        failed={actionData?.intent === "hasil" ? actionData : undefined}
      />

      {data.canEdit ? <SubmitSection errors={actionData?.intent === "submit" ? actionData.errors[""] : undefined} /> : null}

      <SubmissionHistory submissions={data.submissions} timeZone={data.unit.timeZone} />
    </>
  );
}
