/** The public unit page's list of residents' suggestions as moderated, with the unit's replies. */
import { useTranslation } from "react-i18next";

export interface PublicSuggestion {
  id: number;
  text: string;
  submittedOn: string;
  reply: string | null;
  repliedOn: string | null;
}

export function PublicSuggestions({ suggestions, period }: { suggestions: readonly PublicSuggestion[]; period: string }) {
  const { t, i18n } = useTranslation("moderation");
  if (suggestions.length === 0) return null;
  const date = (value: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
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
