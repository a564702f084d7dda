import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrintButton } from "./report-fields";

/** The page after a report is stored: the receipt code, shown once, and what to do with it. */
export function Receipt({ receipt }: { receipt: string }) {
  const { t } = useTranslation("reports");
  return (
    <div className="container narrow receipt">
      <h1>{t("receipt.title")}</h1>
      <p>{t("receipt.intro")}</p>
      <section className="panel receipt-box" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t("receipt.codeHeading")}</h2>
        <p className="receipt-code">{receipt}</p>
        <p className="hint">{t("receipt.copyHint")}</p>
        <div className="cta-row receipt-actions">
          <PrintButton label={t("receipt.print")} />
        </div>
        <p className="hint">{t("receipt.printHint")}</p>
      </section>
      <h2>{t("receipt.adviceHeading")}</h2>
      <ul>
        <li>{t("receipt.adviceOnce")}</li>
        <li>{t("receipt.adviceKeep")}</li>
        <li>{t("receipt.adviceNobody")}</li>
        <li>{t("receipt.adviceReturn")}</li>
      </ul>
      <p>
        <Link to="/report/case">{t("receipt.caseLink")}</Link>
      </p>
    </div>
  );
}
