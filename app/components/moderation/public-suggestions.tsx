/** The public unit page's list of residents' suggestions as moderated, with the unit's replies. */
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";

export interface PublicSuggestion {
  id: number;
  text: string;
  submittedOn: string;
  reply: string | null;
  repliedOn: string | null;
}

export function PublicSuggestions({ suggestions, period }: { suggestions: readonly PublicSuggestion[]; period: string }) {
  const { t } = useTranslation("moderation");
  const { day: date } = useCalendarFormat();
  if (suggestions.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t("public.heading")}</h2>
      <p className="hint">{t("public.intro", { period })}</p>
      <ul className="suggestion-list">
        {suggestions.map((s) => (
          <li key={s.id} className="suggestion">
            <p className="muted">{t("public.submitted", { date: date(s.submittedOn) })}</p>
            <blockquote className="suggestion-text">{s.text}</blockquote>
            {s.reply ? (
              <div className="suggestion-reply">
                <p className="suggestion-reply-heading">{s.repliedOn ? t("public.replyOn", { date: date(s.repliedOn) }) : t("public.reply")}</p>
                <p>{s.reply}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
