import { useTranslation } from "react-i18next";

/**
 * Dates, months and amounts on the reporter's case page, in the page's language. Only dates are
 * ever shown to a reporter: the case keeps no times of day.
 */
export function useCaseFormat() {
  const { t, i18n } = useTranslation("reports");
  const locale = i18n.language === "en" ? "en-GB" : "id-ID";
  return {
    date: (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`)),
    month: (date: string) => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`)),
    rupiah: (n: number | null) => (n === null ? t("case.notGiven") : t("case.rupiah", { amount: new Intl.NumberFormat(i18n.language).format(n) })),
  };
}
