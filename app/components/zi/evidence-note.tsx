/** One of the portal's own figures, in words, beside an LKE sub-area it can evidence. */
import { useTranslation } from "react-i18next";
import { useZiFormat } from "~/components/zi-score";
import type { EvidenceKind, PortalEvidence } from "~/zi/evidence";

export function EvidenceNote({ kind, evidence, year, disclosureMin }: { kind: EvidenceKind; evidence: PortalEvidence; year: number; disclosureMin: number }) {
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
