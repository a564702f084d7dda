/** The worksheet's submissions, newest first: version, date in the unit's time zone, total and profile. */
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";
import { Figure } from "~/components/zi-score";
import type { WorksheetSubmission } from "~/zi/worksheet";

export function SubmissionHistory({ submissions, timeZone }: { submissions: WorksheetSubmission[]; timeZone: string }) {
  const { t } = useTranslation("zi");
  const { dayAt } = useCalendarFormat();
  const date = (iso: string) => dayAt(iso, timeZone);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      {submissions.length === 0 ? (
        <p>{t("history.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("history.version")}</th>
              <th scope="col">{t("history.date")}</th>
              <th scope="col">{t("history.total")}</th>
              <th scope="col">{t("history.profile")}</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((s) => (
              <tr key={s.version}>
                <td>{s.version}</td>
                <td>{date(s.submittedAt)}</td>
                <td>
                  <Figure value={s.total} />
                </td>
                <td>{s.profileId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
