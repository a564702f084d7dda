import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { accessNoticesFor, decideAccessRequest } from "~/auth/access-requests.server";
import { setupLink } from "~/auth/accounts.server";
import { forbidden, requireStaff } from "~/auth/guard.server";
import { accessNoticeRegions } from "~/auth/policy";
import { scopeDirectory } from "~/auth/staff-admin.server";
import { FormMessage } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { isIntegerId } from "~/utils/ids";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Only report readers are told about, and decide, access to reports. */
async function requireReportReader(request: Request, context: LoaderFunctionArgs["context"]) {
  const signedIn = await requireStaff(request, context);
  if (accessNoticeRegions(signedIn.actor).length === 0) throw forbidden();
  return signedIn;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireReportReader(request, context);
  const [notices, directory] = await Promise.all([accessNoticesFor(context.db, signedIn.actor, new Date()), scopeDirectory(context.db)]);
  const t = await i18nServer.getFixedT(request, "staff");
  return {
    notices: notices.map((notice) => ({
      id: notice.id,
      kind: notice.kind,
      role: notice.role,
      region: directory.regions.get(notice.regionId)?.name ?? "",
      unit: notice.unitId === null ? null : (directory.units.get(notice.unitId)?.name ?? ""),
      status: notice.status,
      target: `${notice.targetName} <${notice.targetEmail}>`,
      requester: notice.requesterName,
      decider: notice.deciderName,
      requestedOn: notice.requestedAt.toISOString().slice(0, 10),
      canDecide: notice.canDecide,
    })),
    title: `${t("access.title")} · Pintu Depan`,
  };
}

type Outcome = { error?: string; link?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireReportReader(request, context);
  const formData = await request.formData();
  const requestId = Number(formData.get("requestId"));
  const decision = formData.get("decision");
  if (!isIntegerId(requestId) || (decision !== "approve" && decision !== "refuse")) return data({ error: "errors.unknownAction" } satisfies Outcome, { status: 400 });
  const outcome = await context.db.transaction((tx) => decideAccessRequest(tx, context.config, signedIn, requestId, decision === "approve", new Date()));
  if (!outcome.ok) return data({ error: outcome.error } satisfies Outcome, { status: outcome.status });
  // A password reset's link is shown once, to the approver, who hands it over in person.
  if (outcome.token) return data({ link: setupLink(context.config, outcome.token) } satisfies Outcome, { headers: { "Cache-Control": "no-store" } });
  return redirect(`/staff/access-requests?saved=${outcome.approved ? "approved" : "refused"}`, 303);
}

export default function AccessRequestsPage() {
  const { notices } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff");
  const saved = searchParams.get("saved");
  return (
    <>
      <h1>{t("access.title")}</h1>
      <p>{t("access.intro")}</p>
      {saved === "approved" || saved === "refused" ? <FormMessage tone="info" errors={[t(`access.saved.${saved}`)]} /> : null}
      <FormMessage errors={outcome?.error ? [t(outcome.error)] : undefined} />
      {outcome?.link ? (
        <div className="panel" role="status">
          <p>{t("access.linkExplain")}</p>
          <p>
            <code>{outcome.link}</code>
          </p>
        </div>
      ) : null}
      {notices.length === 0 ? (
        <p>{t("access.none")}</p>
      ) : (
        <ul className="plain-list">
          {notices.map((notice) => (
            <li key={notice.id} className="panel">
              <p>
                {t(notice.unit === null ? `access.kind.${notice.kind}` : "access.kind.unitGrant", {
                  person: notice.target,
                  role: notice.role ? t(`roles.${notice.role}`) : "",
                  region: notice.region,
                  unit: notice.unit,
                })}
              </p>
              <p className="muted">
                {t("access.requestedBy", { name: notice.requester ?? t("access.operator"), date: notice.requestedOn })}
                {" · "}
                {t(`access.status.${notice.status}`, { name: notice.decider ?? "" })}
              </p>
              {notice.canDecide ? (
                <div className="form-actions">
                  <DecisionForm requestId={notice.id} decision="approve" label={t("access.approve")} className="button" />
                  <DecisionForm requestId={notice.id} decision="refuse" label={t("access.refuse")} className="button button-secondary" />
                </div>
              ) : notice.status === "pending" ? (
                <p className="hint">{t("access.notYours")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DecisionForm({ requestId, decision, label, className }: { requestId: number; decision: "approve" | "refuse"; label: string; className: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value={decision} />
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  );
}
