import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can, reach, reachesAnything, type Action } from "~/auth/policy";
import { currentStaff } from "~/auth/session.server";

export const handle = { i18n: ["staff", "admin", "moderation", "casework", "zi", "kiosk", "alerts", "skm"] };

// Staff pages carry private data (and one-time codes and links): never store them anywhere.
export const headers = () => ({ "Cache-Control": "no-store" });

/** Which staff sections this person can open: the navigation shows only those. */
const SECTIONS: ReadonlyArray<{ to: string; label: string; action: Action }> = [
  { to: "/staff/admin/structure", label: "nav.structure", action: "structure.manage" },
  { to: "/staff/admin/staff", label: "nav.staff", action: "staff.manage" },
  { to: "/staff/audit", label: "nav.audit", action: "audit.read" },
  { to: "/staff/suggestions", label: "moderation:nav.suggestions", action: "comment.moderate" },
  { to: "/staff/unit-feedback", label: "moderation:nav.unitFeedback", action: "comment.reply" },
  { to: "/staff/reports", label: "casework:nav.reports", action: "report.read" },
  { to: "/staff/forwarded", label: "casework:nav.forwarded", action: "report.forwarded.read" },
  { to: "/staff/admin/holidays", label: "casework:nav.holidays", action: "installation.manage" },
  { to: "/staff/outbox", label: "alerts:nav.outbox", action: "installation.manage" },
  { to: "/staff/zi", label: "zi:nav.sheets", action: "lke.read" },
  { to: "/staff/integrity", label: "zi:integrity.nav", action: "integrity.read" },
  { to: "/staff/kiosks", label: "kiosk:nav.kiosks", action: "kiosk.manage" },
  { to: "/staff/skm-import", label: "skm:nav.paperImport", action: "skm.import" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await currentStaff(context.db, context.config, request);
  if (!signedIn) return { signedIn: null, sections: [] };
  const sections = SECTIONS.filter(({ action }) => {
    // Installation-wide actions concern no list of objects: ask the policy directly.
    return action === "installation.manage" ? can(signedIn.actor, action, { kind: "installation" }) : reachesAnything(reach(signedIn.actor, action));
  }).map(({ to, label }) => ({ to, label }));
  return { signedIn: { displayName: signedIn.displayName }, sections };
}

export default function StaffLayout() {
  const { signedIn, sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      {signedIn ? (
        <nav className="staff-nav" aria-label={t("nav.label")}>
          <div className="container">
            <ul>
              <li>
                <NavLink to="/staff" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              {sections.map((section) => (
                <li key={section.to}>
                  <NavLink to={section.to}>{t(section.label)}</NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/staff/account">{t("nav.account")}</NavLink>
              </li>
              <li className="staff-who">
                <span>{t("nav.signedInAs", { name: signedIn.displayName })}</span>
                <Form method="post" action="/staff/logout">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </li>
            </ul>
          </div>
        </nav>
      ) : null}
      <div className="container">
        <Outlet />
      </div>
    </>
  );
}
