/** Small pieces shared by the moderators' report pages. */
import { useTranslation } from "react-i18next";

/** Formats a local "YYYY-MM-DD" date in the page's language (no time zone shift: it is a day). */
export function useLocalDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  return (value: string) => format.format(new Date(`${value}T00:00:00Z`));
}

/** A month ("2026-11" or a date in it) as words: "November 2026". */
export function useLocalMonth() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { month: "long", year: "numeric", timeZone: "UTC" });
  return (value: string) => format.format(new Date(`${value.slice(0, 7)}-01T00:00:00Z`));
}

interface ClockProps {
  clock: { stage: "triage" | "follow_up" | "close" | null; dueOn: string | null; overdue: boolean; daysLeft: number | null };
}

/** The deadline a report runs against: which stage, the due day, and working days left or overdue. */
export function ClockBadge({ clock }: ClockProps) {
  const { t } = useTranslation("casework");
  const date = useLocalDate();
  if (!clock.stage || !clock.dueOn || clock.daysLeft === null) return <span className="muted">{t("clock.none")}</span>;
  return (
    <span className={clock.overdue ? "clock clock-overdue" : "clock"}>
      <strong>{clock.overdue ? t("clock.overdue", { count: Math.max(1, -clock.daysLeft) }) : t("clock.left", { count: clock.daysLeft })}</strong>
      <br />
      <span className="muted">{t("clock.due", { stage: t(`clock.stages.${clock.stage}`), date: date(clock.dueOn) })}</span>
    </span>
  );
}
