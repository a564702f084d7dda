import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";

/**
 * Dates, months and amounts on the reporter's case page, in the page's language. Only dates are
 * ever shown to a reporter: the case keeps no times of day.
 */
export function useCaseFormat() {
  const { t, i18n } = useTranslation("reports");
  const calendar = useCalendarFormat(i18n.language === "en" ? "en-GB" : "id-ID");
  return {
    date: calendar.day,
    month: calendar.month,
    rupiah: (n: number | null) => (n === null ? t("case.notGiven") : t("case.rupiah", { amount: new Intl.NumberFormat(i18n.language).format(n) })),
  };
}
