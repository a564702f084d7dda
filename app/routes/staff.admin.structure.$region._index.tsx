import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { can, type Resource } from "~/auth/policy";
import { recordAudit } from "~/audit/audit.server";
import { ConformSelectField, ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { FormMessage, StatusMessage } from "~/components/forms";
import { IntentFormSection, RegionCodeAndZoneFields, SlugField } from "~/components/structure/form-pieces";
import { i18nServer } from "~/i18n.server";
import { createAgency, createUnit, findRegion, regionStructure, runChange, updateRegion } from "~/org/admin.server";
import { agencyCreateSchema, regionUpdateSchema, unitCreateSchema } from "~/org/admin-schema";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const INSTALLATION: Resource = { kind: "installation" };

/** The region of the address, or 404 (after the sign-in check, so nobody learns anything anonymously). */
async function regionOf(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const region = await findRegion(context.db, slug ?? "");
  if (!region) {
    await requireStaff(request, context);
    throw notFound();
  }
  const resource: Resource = { kind: "region", provinceId: region.provinceId, regionId: region.id };
  return { region, resource };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { region, resource } = await regionOf(request, context, params.region);
  const signedIn = await requirePermission(request, context, "structure.manage", resource);
  const agencies = await regionStructure(context.db, region.id);
  const t = await i18nServer.getFixedT(request, "admin");
  return {
    region,
    agencies,
    canEditRegion: can(signedIn.actor, "installation.manage", INSTALLATION),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    title: t("region.metaTitle", { name: region.name }),
  };
}

interface ActionResult {
  intent: string | null;
  result: SubmissionResult<string[]> | null;
  error: string | null;
}
const failed = (outcome: ActionResult) => data(outcome, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { region, resource } = await regionOf(request, context, params.region);
  const signedIn = await requirePermission(request, context, "structure.manage", resource);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = redirect(`/staff/admin/structure/${region.slug}?saved=1`, 303);
  const audit = { actorStaffId: signedIn.id, actorRole: actingRole(signedIn, "structure.manage", resource), regionId: region.id };

  switch (intent) {
    case "create-agency": {
      const submission = parseWithZod(formData, { schema: agencyCreateSchema });
      if (submission.status !== "success") return failed({ intent, result: submission.reply(), error: null });
      const values = submission.value;
      const outcome = await runChange(context.db, async (tx) => {
        const agencyId = await createAgency(tx, region.id, values);
        const fields = Object.keys(values).filter((field) => values[field as keyof typeof values] !== undefined);
        await recordAudit(tx, { ...audit, action: "agency.create", objectType: "agency", objectId: agencyId, details: { fields } });
      });
      if (!outcome.ok) return failed({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      return back;
    }
    case "create-unit": {
      const submission = parseWithZod(formData, { schema: unitCreateSchema });
      if (submission.status !== "success") return failed({ intent, result: submission.reply(), error: null });
      const values = submission.value;
      const outcome = await runChange(context.db, async (tx) => {
        const unitId = await createUnit(tx, region.id, values);
        await recordAudit(tx, { ...audit, action: "unit.create", objectType: "unit", objectId: unitId, details: { fields: Object.keys(values) } });
      });
      if (!outcome.ok) return failed({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      return back;
    }
    case "update-region": {
      // Names, codes and time zones of local governments are the installation's business.
      const installer = await requirePermission(request, context, "installation.manage", INSTALLATION);
      const submission = parseWithZod(formData, { schema: regionUpdateSchema });
      if (submission.status !== "success") return failed({ intent, result: submission.reply(), error: null });
      const outcome = await runChange(context.db, async (tx) => {
        const fields = await updateRegion(tx, region, submission.value);
        if (fields.length === 0) return;
        await recordAudit(tx, {
          ...audit,
          actorRole: actingRole(installer, "installation.manage", INSTALLATION),
          action: "region.update",
          objectType: "region",
          objectId: region.id,
          details: { fields },
        });
      });
      if (!outcome.ok) return failed({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      return back;
    }
    default:
      return failed({ intent: null, result: null, error: "errors.unknownIntent" });
  }
}

export default function RegionAdminPage() {
  const { region, agencies, canEditRegion, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useTranslation("admin");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : null);
  const agencyOptions = agencies.map((agency) => ({ id: agency.id, name: agency.name }));
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/staff/admin/structure">{t("structure.title")}</Link>
          </li>
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>
      <h1>{region.name}</h1>
      <p className="muted">
        {t("region.summary", { kind: t(`regionKinds.${region.kind}`), province: region.provinceName, code: region.code })}
        {" · "}
        <Link to={`/regions/${region.slug}`}>{t("region.publicPage")}</Link>
      </p>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <FormMessage errors={actionData?.error ? [t(actionData.error)] : undefined} />

      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">{t("region.agenciesHeading")}</h2>
        {agencies.length === 0 ? <p>{t("region.noAgencies")}</p> : null}
        {agencies.map((agency) => (
          <div key={agency.id} className="admin-agency">
            <h3>
              {agency.name}
              {agency.shortName ? <span className="muted"> ({agency.shortName})</span> : null}
            </h3>
            {agency.units.length === 0 ? (
              <p className="muted">{t("region.noUnits")}</p>
            ) : (
              <ul>
                {agency.units.map((unit) => (
                  <li key={unit.id}>
                    <Link to={`/staff/admin/structure/${region.slug}/${unit.slug}`}>{unit.name}</Link>
                    {unit.active ? null : <span className="muted"> · {t("status.inactive")}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <CreateUnitForm key={`unit-${location.key}`} agencies={agencyOptions} lastResult={resultFor("create-unit")} />
      <CreateAgencyForm key={`agency-${location.key}`} lastResult={resultFor("create-agency")} />
      {canEditRegion ? (
        <EditRegionForm
          key={`region-${location.key}`}
          defaults={{ name: region.name, code: region.code, timeZone: region.timeZone }}
          lastResult={resultFor("update-region")}
        />
      ) : null}
    </>
  );
}

function CreateAgencyForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(agencyCreateSchema, { id: "create-agency", lastResult, validate: "onBlur" });
  return (
    <IntentFormSection form={form} heading={t("region.createAgencyHeading")} submit={t("region.createAgency")}>
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <ConformTextField
        field={fields.shortName}
        type="text"
        label={t("fields.shortName")}
        hint={t("fields.shortNameHint")}
        translateError={t}
        autoComplete="off"
      />
    </IntentFormSection>
  );
}

function CreateUnitForm({ agencies, lastResult }: { agencies: ReadonlyArray<{ id: number; name: string }>; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(unitCreateSchema, { id: "create-unit", lastResult, validate: "onBlur" });
  return (
    <IntentFormSection
      form={form}
      heading={t("region.createUnitHeading")}
      unavailable={agencies.length === 0 ? <p>{t("region.agencyFirst")}</p> : undefined}
      submit={t("region.createUnit")}
    >
      <ConformSelectField
        field={fields.agencyId}
        label={t("fields.agency")}
        translateError={t}
        options={[{ value: "", label: t("fields.choose") }, ...agencies.map((a) => ({ value: String(a.id), label: a.name }))]}
      />
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
    </IntentFormSection>
  );
}

function EditRegionForm({ defaults, lastResult }: { defaults: { name: string; code: string; timeZone: string }; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(regionUpdateSchema, { id: "update-region", lastResult, defaultValue: defaults, validate: "onBlur" });
  return (
    <IntentFormSection form={form} heading={t("region.editHeading")} intro={<p className="hint">{t("region.slugFixed")}</p>} submit={t("region.save")}>
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <RegionCodeAndZoneFields code={fields.code} timeZone={fields.timeZone} />
    </IntentFormSection>
  );
}
