/**
 * /staff/skm-import: the units whose paper SKM questionnaires this person may upload (a unit
 * manager's units, an admin's region), each with its upload page and printable questionnaire.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { i18nServer } from "~/i18n.server";
import { unitsInScope } from "~/moderation/suggestions.server";

export const handle = { i18n: ["skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reach } = await requireReach(request, context, "skm.import");
  const [units, t] = await Promise.all([unitsInScope(context.db, reach), i18nServer.getFixedT(request, "skm")]);
  return {
    units: units.map(({ name, slug, regionSlug }) => ({ name, slug, regionSlug })),
    title: `${t("import.list.title")} · Pintu Depan`,
  };
}

export default function PaperImportUnits() {
  const { units } = useLoaderData<typeof loader>();
  const { t } = useTranslation("skm");
  return (
    <>
      <h1>{t("import.list.title")}</h1>
      <p>{t("import.list.intro")}</p>
      {units.length === 0 ? <p>{t("import.list.empty")}</p> : null}
      <ul className="card-list">
        {units.map((unit) => (
          <li key={`${unit.regionSlug}/${unit.slug}`} className="card">
            <Link to={`/staff/units/${unit.regionSlug}/${unit.slug}/skm-import`} className="card-title">
              {unit.name}
            </Link>
            <p>
              <Link to={`/staff/units/${unit.regionSlug}/${unit.slug}/skm-import`}>{t("import.list.upload")}</Link>
              {" · "}
              <a href={`/units/${unit.regionSlug}/${unit.slug}/questionnaire`}>{t("import.list.questionnaire")}</a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
