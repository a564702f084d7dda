/**
 * /staff/units/{region}/{unit}/skm-import: a unit's paper SKM questionnaires, uploaded as the
 * CSV `npm run skm:import` reads, with the same checks (`importSkmCsv`): all or nothing, every
 * problem by line, a file already imported refused. The request guard bounds the upload
 * (SKM_IMPORT_MAX_BYTES); the import is audited with counts and the file's keyed hash.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission } from "~/auth/guard.server";
import { unitResource } from "~/auth/policy";
import { PaperImportForm, PaperImportHistory, PaperImportResult, type PaperImportReply } from "~/components/skm/paper-import";
import { i18nServer } from "~/i18n.server";
import { findUnitByAddress } from "~/org/queries.server";
import { CSV_HEADER, EDUCATION_CODES, OCCUPATION_CODES, serviceCode } from "~/skm/import";
import { importSkmCsv, recentImports } from "~/skm/import.server";
import { localDate } from "~/utils/calendar";
import { notFound } from "~/utils/http.server";
import { SKM_IMPORT_MAX_BYTES } from "~/utils/request-guard.server";

export const handle = { i18n: ["skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Problems shown on the page; a file with more says how many more (fix these first). */
const PROBLEMS_SHOWN = 500;

async function unitFor(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { services: true, includeInactive: true });
  if (!unit) throw notFound();
  const signedIn = await requirePermission(request, context, "skm.import", unitResource(unit));
  return { unit, signedIn };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { unit } = await unitFor(request, params, context);
  const t = await i18nServer.getFixedT(request, "skm");
  const imports = await recentImports(context.db, unit.id);
  return {
    unit: { name: unit.name, slug: unit.slug, regionSlug: unit.regionSlug },
    columns: {
      header: CSV_HEADER,
      services: unit.services.map((service) => serviceCode(service)).join(", "),
      education: EDUCATION_CODES.join(", "),
      occupation: OCCUPATION_CODES.join(", "),
    },
    maxBytes: SKM_IMPORT_MAX_BYTES,
    imports: imports.map((row) => ({ on: localDate(unit.timeZone, row.importedAt), responses: row.responses })),
    title: `${t("import.metaTitle", { unit: unit.name })} · Pintu Depan`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { unit, signedIn } = await unitFor(request, params, context);
  const form = await request.formData().catch(() => new FormData());
  const file = form.get("file");
  const reply = (body: PaperImportReply, status = 200) => data(body, { status });
  if (!(file instanceof File) || (file.name === "" && file.size === 0)) return reply({ outcome: "error", error: "noFile" }, 400);
  if (file.size === 0) return reply({ outcome: "error", error: "emptyFile" }, 400);

  const outcome = await importSkmCsv(context.db, {
    unit,
    bytes: new Uint8Array(await file.arrayBuffer()),
    hashKey: context.config.secrets.hashKey,
    actor: { staffId: signedIn.id, role: actingRole(signedIn, "skm.import", unitResource(unit)) },
    now: new Date(),
  });
  switch (outcome.status) {
    case "imported":
      return reply({ outcome: "imported", imported: outcome.imported });
    case "duplicate":
      return reply({ outcome: "duplicate", responses: outcome.responses, on: localDate(unit.timeZone, outcome.importedAt) }, 409);
    case "invalid":
      return reply({ outcome: "invalid", total: outcome.problems.length, problems: outcome.problems.slice(0, PROBLEMS_SHOWN) }, 400);
  }
}

export default function PaperImport() {
  const { unit, columns, maxBytes, imports } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as PaperImportReply | undefined;
  const { t } = useTranslation("skm");
  const base = `/units/${unit.regionSlug}/${unit.slug}`;
  return (
    <>
      <h1>{t("import.title", { unit: unit.name })}</h1>
      <p>{t("import.intro")}</p>
      {reply ? <PaperImportResult reply={reply} unitName={unit.name} dashboard={base} /> : null}
      <h2>{t("import.stepsHeading")}</h2>
      <ol>
        <li>
          {t("import.stepPrint")}{" "}
          <a href={`${base}/questionnaire?lang=id`} hrefLang="id">
            {t("import.questionnaireLinkId")}
          </a>
          {" · "}
          <a href={`${base}/questionnaire?lang=en`} hrefLang="en">
            {t("import.questionnaireLinkEn")}
          </a>
        </li>
        <li>
          {t("import.stepTemplate")}{" "}
          <a href={`/staff/units/${unit.regionSlug}/${unit.slug}/skm-import/template.csv`} download>
            {t("import.templateLink")}
          </a>
        </li>
        <li>{t("import.stepUpload")}</li>
      </ol>
      <PaperImportForm maxBytes={maxBytes} errors={reply?.outcome === "error" ? [t(`import.errors.${reply.error}`)] : undefined} />
      <h2>{t("import.columnsHeading")}</h2>
      <p>{t("import.columnsIntro", columns)}</p>
      <PaperImportHistory imports={imports} />
    </>
  );
}
