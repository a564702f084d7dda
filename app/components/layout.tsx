import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages } from "~/i18n";

export function SiteHeader({ currentPath }: { currentPath: string }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ▣
          </span>{" "}
          Pintu Depan
        </Link>
        <nav aria-label={t("layout.mainNav")}>
          <ul className="nav-list">
            <li>
              <NavLink to="/rate">{t("layout.nav.rate")}</NavLink>
            </li>
            <li>
              <NavLink to="/report">{t("layout.nav.report")}</NavLink>
            </li>
          </ul>
        </nav>
        <Form method="post" action="/language" className="language-switch" aria-label={t("layout.language.label")}>
          <input type="hidden" name="redirectTo" value={currentPath} />
          {supportedLanguages.map((lng) => (
            <button
              key={lng}
              type="submit"
              name="lng"
              value={lng}
              lang={lng}
              aria-pressed={i18n.language === lng}
              className="link-button"
            >
              {t(`layout.language.${lng}`)}
            </button>
          ))}
        </Form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("layout.footer.about")}</p>
        <p>{t("layout.footer.anonymity")}</p>
      </div>
    </footer>
  );
}
