import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { calendarDate } from "~/utils/calendar";

export interface PeriodOption {
  key: string;
  kind: "year" | "semester" | "quarter" | "month";
  year: number;
  index?: number;
}

/** Names a period in the reader's language: "Triwulan III 2026", "Maret 2026". */
export function usePeriodLabel() {
  const { t } = useTranslation("org");
  const { month } = useCalendarFormat();
  return (p: PeriodOption) => {
    if (p.kind === "month") return month(calendarDate(p.year, p.index ?? 1, 1));
    return t(`periods.${p.kind}`, { year: p.year, index: p.index ?? "", roman: ["", "I", "II", "III", "IV"][p.index ?? 0] });
  };
}

/** A plain GET form: choosing a period works without JavaScript. */
export function PeriodPicker({ options, selected }: { options: readonly PeriodOption[]; selected: string }) {
  const { t } = useTranslation("org");
  const label = usePeriodLabel();
  return (
    <Form method="get" className="period-form">
      <div>
        <label htmlFor="period">{t("skmPanel.period")}</label>
        <select id="period" name="period" defaultValue={selected}>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {label(option)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("skmPanel.show")}
      </button>
    </Form>
  );
}
