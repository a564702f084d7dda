import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A clearly labelled placeholder for a journey that is not open yet. */
export function ComingSoon({ feature }: { feature: "report" }) {
  const { t } = useTranslation("org");
  return (
    <div className="container narrow">
      <p className="badge">{t("comingSoon.badge")}</p>
      <h1>{t(`comingSoon.${feature}.heading`)}</h1>
      <p>{t(`comingSoon.${feature}.body`)}</p>
      <p>
        <Link to="/">{t("comingSoon.findUnit")}</Link>
      </p>
    </div>
  );
}
