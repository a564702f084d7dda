import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guard.server";
import { accessNoticesFor } from "~/auth/access-requests.server";
import { can, reach, reachesAnything, type Action } from "~/auth/policy";
import { scopeDirectory, scopeName } from "~/auth/staff-admin.server";
import { i18nServer } from "~/i18n.server";
import { publishedPagesOf } from "~/org/queries.server";

export const handle = { i18n: ["staff", "moderation", "casework", "zi", "alerts", "skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** `key` names home.sections.<key> in the staff namespace, or in the one given before a colon. */
const SECTIONS: ReadonlyArray<{ to: string; key: string; action: Action }> = [
  { to: "/staff/admin/structure", key: "structure", action: "structure.manage" },
  { to: "/staff/admin/staff", key: "staff", action: "staff.manage" },
  { to: "/staff/audit", key: "audit", action: "audit.read" },
  { to: "/staff/suggestions", key: "moderation:suggestions", action: "comment.moderate" },
  { to: "/staff/unit-feedback", key: "moderation:unitFeedback", action: "comment.reply" },
  { to: "/staff/reports", key: "casework:reports", action: "report.read" },
  { to: "/staff/forwarded", key: "casework:forwarded", action: "report.forwarded.read" },
  { to: "/staff/admin/holidays", key: "casework:holidays", action: "installation.manage" },
  { to: "/staff/outbox", key: "alerts:outbox", action: "installation.manage" },
  { to: "/staff/zi", key: "zi:sheets", action: "lke.read" },
  { to: "/staff/skm-import", key: "skm:paperImport", action: "skm.import" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requirePermission(request, context, "staff.area", { kind: "installation" });
  const [directory, notices] = await Promise.all([scopeDirectory(context.db), accessNoticesFor(context.db, signedIn.actor, new Date())]);
  const t = await i18nServer.getFixedT(request, "staff");
  const sections = SECTIONS.filter(({ action }) => {
    // Installation-wide actions concern no list of objects: ask the policy directly.
    return action === "installation.manage" ? can(signedIn.actor, action, { kind: "installation" }) : reachesAnything(reach(signedIn.actor, action));
  }).map(({ to, key }) => ({ to, key }));
  // Every role reads the aggregated figures of its scope: its published pages are always open to it.
  const pages = await publishedPagesOf(context.db, reach(signedIn.actor, "aggregates.read"));
  return {
    displayName: signedIn.displayName,
    grants: signedIn.actor.grants.map((grant) => ({ role: grant.role, scope: scopeName(directory, grant) })),
    sections,
    // Every report reader is told of access to reports asked for or given in their regions.
    accessNotices: { pending: notices.filter((n) => n.status === "pending").length, decided: notices.filter((n) => n.status !== "pending").length },
    pages,
    title: `${t("home.title")} · Pintu Depan`,
  };
}

function sectionKey(key: string, part: "title" | "body"): string {
  const [ns, name] = key.includes(":") ? key.split(":") : ["staff", key];
  return `${ns}:home.sections.${name}.${part}`;
}

export default function StaffHome() {
  const { displayName, grants, sections, accessNotices, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("home.welcome", { name: displayName })}</h1>
      {accessNotices.pending + accessNotices.decided > 0 ? (
        <div className="panel" role="status">
          <p>{t("home.accessNotice", { pending: accessNotices.pending, decided: accessNotices.decided })}</p>
          <p>
            <Link to="/staff/access-requests">{t("home.accessNoticeLink")}</Link>
          </p>
        </div>
      ) : null}
      <h2>{t("home.rolesHeading")}</h2>
      <ul>
        {grants.map((grant, i) => (
          <li key={i}>
            {t(`roles.${grant.role}`)} — {grant.scope ?? t("home.wholeInstallation")}
          </li>
        ))}
      </ul>
      <h2>{t("home.sectionsHeading")}</h2>
      {sections.length === 0 && pages.length === 0 ? <p>{t("home.noSections")}</p> : null}
      {sections.length === 0 ? null : (
        <ul className="card-list">
          {sections.map((section) => (
            <li key={section.to} className="card">
              <Link to={section.to} className="card-title">
                {t(sectionKey(section.key, "title"))}
              </Link>
              <p>{t(sectionKey(section.key, "body"))}</p>
            </li>
          ))}
        </ul>
      )}
      {pages.length > 0 ? (
        <>
          <h2>{t("home.pagesHeading")}</h2>
          <p className="hint">{t("home.pagesHint")}</p>
          <ul>
            {pages.map((page) => (
              <li key={page.to}>
                <Link to={page.to}>{page.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
