/** The deadline badge shared by the moderators' report pages. */
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";

interface ClockProps {
  clock: { stage: "triage" | "follow_up" | "close" | null; dueOn: string | null; overdue: boolean; daysLeft: number | null };
}

/** The deadline a report runs against: which stage, the due day, and working days left or overdue. */
export function ClockBadge({ clock }: ClockProps) {
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  if (!clock.stage || !clock.dueOn || clock.daysLeft === null) return <span className="muted">{t("clock.none")}</span>;
  return (
    <span className={clock.overdue ? "clock clock-overdue" : "clock"}>
      <strong>{clock.overdue ? t("clock.overdue", { count: Math.max(1, -clock.daysLeft) }) : t("clock.left", { count: clock.daysLeft })}</strong>
      <br />
      <span className="muted">{t("clock.due", { stage: t(`clock.stages.${clock.stage}`), date: date(clock.dueOn) })}</span>
    </span>
  );
}
