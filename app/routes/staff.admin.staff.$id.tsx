import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pendingResetsOf } from "~/auth/access-requests.server";
import { staffMemberCommandSchema } from "~/auth/forms";
import { actingRole, forbidden, requireStaff } from "~/auth/guard.server";
import { canManageGrant } from "~/auth/policy";
import { canManageStaff, getStaffMember, grantIds, grantOptions, regionOfGrant, resourceOfGrant, scopeDirectory, scopeName } from "~/auth/staff-admin.server";
import { changeStaffMember } from "~/auth/staff-member.server";
import { FormMessage, SubmitRow } from "~/components/forms";
import { GrantFields } from "~/components/grant-fields";
import { i18nServer } from "~/i18n.server";
import { notFound } from "~/utils/http.server";
import { isIntegerId } from "~/utils/ids";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

async function loadTarget(request: Request, context: LoaderFunctionArgs["context"], idParam: string | undefined) {
  const signedIn = await requireStaff(request, context);
  const id = Number(idParam);
  if (!isIntegerId(id)) throw notFound();
  const [target, directory] = await Promise.all([getStaffMember(context.db, id), scopeDirectory(context.db)]);
  if (!target) throw notFound();
  if (!canManageStaff(signedIn.actor, directory, target)) throw forbidden();
  // The role the change is made in, and the region it is filed under, for the audit log.
  const firstGrant = target.grants[0];
  const resource = firstGrant ? resourceOfGrant(directory, firstGrant) : null;
  const audit = {
    actorStaffId: signedIn.id,
    actorRole: actingRole(signedIn, "staff.manage", resource ?? { kind: "installation" }),
    objectType: "staff",
    objectId: target.id,
    regionId: firstGrant ? regionOfGrant(directory, firstGrant) : null,
  };
  return { signedIn, target, directory, audit };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { signedIn, target, directory } = await loadTarget(request, context, params.id);
  const [grants, pendingResets] = await Promise.all([grantIds(context.db, target.id), pendingResetsOf(context.db, target.id)]);
  const t = await i18nServer.getFixedT(request, "staff");
  return {
    person: {
      id: target.id,
      email: target.email,
      displayName: target.displayName,
      active: target.active,
      enrolled: target.enrolled,
      homeUnit: target.homeUnitId ? (directory.units.get(target.homeUnitId)?.name ?? null) : null,
    },
    grants: grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      scope: scopeName(directory, grant),
      removable: canManageGrant(signedIn.actor, resourceOfGrant(directory, grant)),
    })),
    pendingGrants: target.pendingGrants.map((grant) => ({ role: grant.role, scope: scopeName(directory, grant) })),
    pendingResets,
    options: grantOptions(signedIn.actor, directory),
    title: `${target.displayName} · ${t("staffAdmin.title")} · Pintu Depan`,
  };
}

type Outcome = { error?: string; fieldErrors?: Record<string, string[]>; link?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { signedIn, target, directory, audit } = await loadTarget(request, context, params.id);
  const formData = await request.formData();
  const fail = (outcome: Outcome, status = 400) => data(outcome, { status });
  // A form names one intent; a request naming several is not one of the page's forms.
  if (formData.getAll("intent").length !== 1) return fail({ error: "errors.unknownAction" });
  const submission = parseWithZod(formData, { schema: staffMemberCommandSchema });
  if (submission.status !== "success") {
    const errors = (submission.error ?? {}) as Record<string, string[] | null>;
    if (errors.intent?.length) return fail({ error: "errors.unknownAction" });
    // The role form shows its errors beside its fields; the other forms are buttons.
    if (formData.get("intent") === "add-grant") return fail({ fieldErrors: errors as Record<string, string[]> });
    return fail({ error: Object.values(errors).flat()[0] ?? "errors.unknownAction" });
  }
  const outcome = await changeStaffMember({ db: context.db, config: context.config, signedIn, target, directory, audit }, submission.value);
  if (!outcome.ok) {
    if (outcome.status === 403) throw forbidden();
    return fail({ error: outcome.error, fieldErrors: outcome.fieldErrors });
  }
  if ("link" in outcome) return data({ link: outcome.link } satisfies Outcome, { headers: { "Cache-Control": "no-store" } });
  return redirect(`/staff/admin/staff/${target.id}?saved=${outcome.saved}`, 303);
}

export default function StaffMemberPage() {
  const { person, grants, pendingGrants, pendingResets, options } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("staff");
  const saved = searchParams.get("saved");
  const fieldErrors = outcome?.fieldErrors;
  return (
    <>
      <p>
        <Link to="/staff/admin/staff">{t("staffAdmin.back")}</Link>
      </p>
      <h1>{person.displayName}</h1>
      <p>
        {person.email} · {person.active ? t("staffAdmin.active") : t("staffAdmin.inactive")}
        {person.active && !person.enrolled ? ` · ${t("staffAdmin.notEnrolled")}` : ""}
        {person.homeUnit ? ` · ${t("staffAdmin.homeUnitIs", { unit: person.homeUnit })}` : ""}
      </p>
      {saved ? <FormMessage tone="info" errors={[t(`staffAdmin.saved.${saved}`, { defaultValue: t("staffAdmin.saved.default") })]} /> : null}
      <FormMessage errors={outcome?.error ? [t(outcome.error)] : undefined} />
      {outcome?.link ? (
        <div className="panel" role="status">
          <p>{t("staffAdmin.linkExplain")}</p>
          <p>
            <code>{outcome.link}</code>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading">{t("staffAdmin.roles")}</h2>
        <ul className="plain-list">
          {grants.map((grant) => (
            <li key={grant.id} className="grant-row">
              {t(`roles.${grant.role}`)} — {grant.scope ?? t("home.wholeInstallation")}{" "}
              {grant.removable && grants.length > 1 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-grant" />
                  <input type="hidden" name="grantId" value={grant.id} />
                  <button type="submit" className="link-button">
                    {t("staffAdmin.removeGrant", { role: t(`roles.${grant.role}`) })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
          {pendingGrants.map((grant, i) => (
            <li key={`pending-${i}`} className="grant-row">
              {t(`roles.${grant.role}`)} — {grant.scope ?? t("home.wholeInstallation")} ({t("staffAdmin.pendingApproval")})
            </li>
          ))}
        </ul>
        <p className="hint">{t("staffAdmin.approvalExplain")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="add-grant" />
          <GrantFields
            options={options}
            errors={{ role: fieldErrors?.role, regionId: fieldErrors?.regionId, unitId: fieldErrors?.unitId, provinceId: fieldErrors?.provinceId }}
          />
          <SubmitRow label={t("staffAdmin.addGrant")} />
        </Form>
      </section>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t("staffAdmin.accessHeading")}</h2>
        <div className="form-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="reset-password" />
            <button type="submit" className="button" disabled={!person.active}>
              {t("staffAdmin.resetPassword")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="reset-two-factor" />
            <button type="submit" className="button">
              {t("staffAdmin.resetTwoFactor")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value={person.active ? "deactivate" : "reactivate"} />
            <button type="submit" className="button button-secondary">
              {person.active ? t("staffAdmin.deactivate") : t("staffAdmin.reactivate")}
            </button>
          </Form>
        </div>
        {pendingResets.map((kind) => (
          <p key={kind} role="status">
            {t(`staffAdmin.resetPending.${kind}`)}
          </p>
        ))}
        <p className="hint">{t("staffAdmin.accessExplain")}</p>
      </section>
    </>
  );
}
