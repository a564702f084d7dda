/**
 * The worksheet's pengungkit: one section per component, one table per area, each sub-area with
 * weight, value, points and the portal's own figures that evidence it. Sub-areas link to their
 * form for those who may edit the sheet.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EvidenceNote } from "~/components/zi/evidence-note";
import { Figure, useZiFormat } from "~/components/zi-score";
import type { PortalEvidence } from "~/zi/evidence";
import type { WorksheetComponent } from "~/zi/worksheet";

interface Props {
  components: WorksheetComponent[];
  evidence: PortalEvidence;
  year: number;
  disclosureMin: number;
  /** The sheet's address, under which each sub-area's form is; null when the sheet is read-only. */
  editBase: string | null;
}

export function PengungkitTables({ components, evidence, year, disclosureMin, editBase }: Props) {
  const { t } = useTranslation("zi");
  const format = useZiFormat();
  return (
    <>
      {components.map(({ component, areas }) => (
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
                        {editBase !== null ? <Link to={`${editBase}/${sub.path}`}>{sub.name}</Link> : sub.name}
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
                            <EvidenceNote kind={kind} evidence={evidence} year={year} disclosureMin={disclosureMin} />
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
    </>
  );
}
