import { useTranslation } from "react-i18next";

/** Recovery codes, shown once: after this page only their keyed hashes exist. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation("staff");
  return (
    <section aria-labelledby="recovery-heading" className="panel">
      <h2 id="recovery-heading">{t("recovery.heading")}</h2>
      <p>{t("recovery.explain")}</p>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
