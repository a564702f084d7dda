import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { createSetupToken, setupLink } from "~/auth/accounts.server";
import { grantFromForm, inviteSchema } from "~/auth/forms";
import { actingRole, requireReach } from "~/auth/guard.server";
import { requestGrant } from "~/auth/access-requests.server";
import { canManageGrant, grantApprovalRegion } from "~/auth/policy";
import { normaliseEmail } from "~/auth/login.server";
import {
  createStaffMember,
  emailTaken,
  grantOptions,
  listStaffFor,
  regionOfGrant,
  resourceOfGrant,
  scopeDirectory,
  scopeName,
  unitRegion,
} from "~/auth/staff-admin.server";
import { recordAudit } from "~/audit/audit.server";
import { ConformTextField } from "~/components/conform-fields";
import { FormMessage, SelectField, SubmitRow } from "~/components/forms";
import { GrantFields } from "~/components/grant-fields";
import { i18nServer } from "~/i18n.server";

export const handle = { i18n: ["staff"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

async function requireStaffManager(request: Request, context: LoaderFunctionArgs["context"]) {
  return (await requireReach(request, context, "staff.manage")).signedIn;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaffManager(request, context);
  const directory = await scopeDirectory(context.db);
  const people = await listStaffFor(context.db, signedIn.actor, directory);
  const t = await i18nServer.getFixedT(request, "staff");
  return {
    people: people.map((person) => ({
      id: person.id,
      email: person.email,
      displayName: person.displayName,
      active: person.active,
      enrolled: person.enrolled,
      manageable: person.manageable,
      grants: [
        ...person.grants.map((grant) => ({ role: grant.role, scope: scopeName(directory, grant), pending: false })),
        ...person.pendingGrants.map((grant) => ({ role: grant.role, scope: scopeName(directory, grant), pending: true })),
      ],
    })),
    options: grantOptions(signedIn.actor, directory),
    title: `${t("staffAdmin.title")} · Pintu Depan`,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requireStaffManager(request, context);
  const directory = await scopeDirectory(context.db);
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), link: null }, { status: 400 });

  const grant = grantFromForm(submission.value);
  const resource = resourceOfGrant(directory, grant);
  if (!resource) return data({ result: submission.reply({ fieldErrors: { role: ["errors.scopeUnknown"] } }), link: null }, { status: 400 });
  if (!canManageGrant(signedIn.actor, resource)) {
    return data({ result: submission.reply({ fieldErrors: { role: ["errors.scopeNotAllowed"] } }), link: null }, { status: 400 });
  }
  const homeUnitId = submission.value.homeUnitId ?? null;
  if (homeUnitId !== null && !directory.units.has(homeUnitId)) {
    return data({ result: submission.reply({ fieldErrors: { homeUnitId: ["errors.scopeUnknown"] } }), link: null }, { status: 400 });
  }
  const email = normaliseEmail(submission.value.email);
  if (await emailTaken(context.db, email)) {
    return data({ result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } }), link: null }, { status: 400 });
  }

  // A role that opens report content is only asked for: the account starts without it until a
  // report reader of the region (a unit's: the unit's region) approves.
  const approvalRegion = grantApprovalRegion(grant, unitRegion(directory));
  const actorRole = actingRole(signedIn, "staff.manage", resource);
  const token = await context.db.transaction(async (tx) => {
    const staffId = await createStaffMember(tx, { email, displayName: submission.value.displayName, homeUnitId, grant: approvalRegion === null ? grant : null });
    await recordAudit(tx, {
      actorStaffId: signedIn.id,
      actorRole,
      action: "staff.invite",
      objectType: "staff",
      objectId: staffId,
      regionId: regionOfGrant(directory, grant),
      details: { grant, pendingApproval: approvalRegion !== null },
    });
    if (approvalRegion !== null) await requestGrant(tx, { staffId: signedIn.id, role: actorRole }, staffId, grant, approvalRegion);
    return createSetupToken(tx, context.config, staffId);
  });
  // The link is shown once, to be handed to the person; only its keyed hash is stored.
  return data(
    { result: submission.reply({ resetForm: true }), link: setupLink(context.config, token), pendingApproval: approvalRegion !== null },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function StaffAdminPage() {
  const { people, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm<z.input<typeof inviteSchema>>({ lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const fieldErrors = form.allErrors;
  return (
    <>
      <h1>{t("staffAdmin.title")}</h1>
      {actionData?.link ? (
        <div className="panel" role="status">
          <h2>{t("staffAdmin.invited")}</h2>
          <p>{t("staffAdmin.linkExplain")}</p>
          {actionData.pendingApproval ? <p>{t("staffAdmin.invitedPending")}</p> : null}
          <p>
            <code>{actionData.link}</code>
          </p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t("staffAdmin.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staffAdmin.name")}</th>
              <th scope="col">{t("staffAdmin.roles")}</th>
              <th scope="col">{t("staffAdmin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  {person.manageable ? <Link to={`/staff/admin/staff/${person.id}`}>{person.displayName}</Link> : person.displayName}
                  <br />
                  <span className="muted">{person.email}</span>
                </td>
                <td>
                  <ul className="plain-list">
                    {person.grants.map((grant, i) => (
                      <li key={i}>
                        {t(`roles.${grant.role}`)} — {grant.scope ?? t("home.wholeInstallation")}
                        {grant.pending ? ` (${t("staffAdmin.pendingApproval")})` : ""}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {person.active ? t("staffAdmin.active") : t("staffAdmin.inactive")}
                  {person.active && !person.enrolled ? ` · ${t("staffAdmin.notEnrolled")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("staffAdmin.inviteHeading")}</h2>
        <p>{t("staffAdmin.inviteExplain")}</p>
        <FormMessage errors={form.errors?.map((e) => t(e))} />
        <Form method="post" {...getFormProps(form)}>
          <ConformTextField field={fields.email} type="email" label={t("staffAdmin.email")} translateError={t} conformAria autoComplete="off" />
          <ConformTextField field={fields.displayName} type="text" label={t("staffAdmin.displayName")} translateError={t} conformAria autoComplete="off" />
          <SelectField
            label={t("staffAdmin.homeUnit")}
            hint={t("staffAdmin.homeUnitHint")}
            name="homeUnitId"
            errors={fieldErrors?.homeUnitId?.map((e) => t(e))}
            options={[{ value: "", label: t("staffAdmin.noHomeUnit") }, ...options.units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.regionName})` }))]}
          />
          <GrantFields
            options={options}
            errors={{
              role: fieldErrors?.role,
              regionId: fieldErrors?.regionId,
              unitId: fieldErrors?.unitId,
              provinceId: fieldErrors?.provinceId,
            }}
          />
          <SubmitRow label={t("staffAdmin.invite")} primary />
        </Form>
      </section>
    </>
  );
}
