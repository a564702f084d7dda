/**
 * Calendar dates and months as words in the reader's language, for every page that shows one.
 * A calendar date ("YYYY-MM-DD") is a day, not an instant: it is written as it is, never moved
 * into the zone of whoever reads it.
 */
import { useTranslation } from "react-i18next";
import { monthStart, utcMidnight } from "~/utils/calendar";

export interface CalendarFormat {
  /** A date in full: "2 November 2026". */
  day: (date: string) => string;
  /** A date in short: "2 Nov 2026". */
  shortDay: (date: string) => string;
  /** A month ("2026-11") or any date in it: "November 2026". */
  month: (monthOrDate: string) => string;
  /** The day an instant falls on in a time zone, in full like `day`. */
  dayAt: (at: Date | string, timeZone: string) => string;
}

/*
 * Made once per language (a page can ask for them a dozen times, and making an
 * Intl.DateTimeFormat costs far more than using one); the languages are the portal's few.
 */
const formats = new Map<string, CalendarFormat>();
const dayAtFormats = new Map<string, Intl.DateTimeFormat>();

function calendarFormat(language: string): CalendarFormat {
  const made = formats.get(language);
  if (made) return made;
  const long = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  const medium = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });
  const format: CalendarFormat = {
    day: (date) => long.format(utcMidnight(date)),
    shortDay: (date) => medium.format(utcMidnight(date)),
    month: (monthOrDate) => month.format(utcMidnight(monthStart(monthOrDate))),
    dayAt: (at, timeZone) => {
      const key = `${language}|${timeZone}`;
      let zoned = dayAtFormats.get(key);
      if (!zoned) {
        zoned = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone });
        dayAtFormats.set(key, zoned);
      }
      return zoned.format(new Date(at));
    },
  };
  formats.set(language, format);
  return format;
}

/** Formats calendar dates in the page's language, or in `locale` when a page names its own. */
export function useCalendarFormat(locale?: string): CalendarFormat {
  const { i18n } = useTranslation();
  return calendarFormat(locale ?? i18n.language);
}
