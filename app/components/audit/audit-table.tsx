/** One table for both audit logs: the timed log of staff actions, and the day-dated log of actions on reports. */
import { useTranslation } from "react-i18next";

export interface AuditRow {
  id: number | string;
  /** When: a machine-readable date or instant, and how it is shown. */
  dateTime: string;
  when: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  object: string;
  region: string | null;
  details: string;
}

export function AuditTable({ headingId, caption, whenLabel, rows }: { headingId: string; caption: string; whenLabel: string; rows: AuditRow[] }) {
  const { t } = useTranslation("admin");
  if (rows.length === 0) return <p>{t("audit.none")}</p>;
  return (
    // The table can be wider than a phone: the scrolling region takes keyboard focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
      <table className="data-table admin-audit">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{whenLabel}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.role")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.object")}</th>
            <th scope="col">{t("audit.region")}</th>
            <th scope="col">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <time dateTime={row.dateTime}>{row.when}</time>
              </th>
              <td>{row.actorEmail ?? t("audit.system")}</td>
              <td>{t(`roles.${row.actorRole}`, { defaultValue: row.actorRole })}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>{row.object}</td>
              <td>{row.region ?? t("audit.installation")}</td>
              <td>
                <code className="audit-details">{row.details}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
