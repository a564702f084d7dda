import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { can, type Resource } from "~/auth/policy";
import { recordAudit } from "~/audit/audit.server";
import { FormMessage, SelectField, TextField } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { createAgency, createUnit, findRegion, regionStructure, runChange, updateRegion } from "~/org/admin.server";
import { agencyCreateSchema, regionUpdateSchema, TIME_ZONES, unitCreateSchema, ZONE_ABBREVIATIONS } from "~/org/admin-schema";
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

type LastResult = SubmissionResult<string[]> | null | undefined;

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
      {saved ? (
        <p className="form-message" role="status">
          {t("saved")}
        </p>
      ) : null}
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
  const [form, fields] = useForm<z.input<typeof agencyCreateSchema>>({
    id: "create-agency",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencyCreateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = (list: string[] | undefined) => list?.map((e) => t(e));
  return (
    <section aria-labelledby="create-agency-heading">
      <h2 id="create-agency-heading">{t("region.createAgencyHeading")}</h2>
      <FormMessage errors={errors(form.errors)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create-agency" />
        <TextField
          label={t("fields.slug")}
          hint={t("fields.slugHint")}
          errors={errors(fields.slug.errors)}
          autoComplete="off"
          spellCheck={false}
          {...getInputProps(fields.slug, { type: "text", ariaAttributes: false })}
          key={fields.slug.key}
        />
        <TextField
          label={t("fields.name")}
          errors={errors(fields.name.errors)}
          autoComplete="off"
          {...getInputProps(fields.name, { type: "text", ariaAttributes: false })}
          key={fields.name.key}
        />
        <TextField
          label={t("fields.shortName")}
          hint={t("fields.shortNameHint")}
          errors={errors(fields.shortName.errors)}
          autoComplete="off"
          {...getInputProps(fields.shortName, { type: "text", ariaAttributes: false })}
          key={fields.shortName.key}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("region.createAgency")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function CreateUnitForm({ agencies, lastResult }: { agencies: ReadonlyArray<{ id: number; name: string }>; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useForm<z.input<typeof unitCreateSchema>>({
    id: "create-unit",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: unitCreateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = (list: string[] | undefined) => list?.map((e) => t(e));
  return (
    <section aria-labelledby="create-unit-heading">
      <h2 id="create-unit-heading">{t("region.createUnitHeading")}</h2>
      {agencies.length === 0 ? (
        <p>{t("region.agencyFirst")}</p>
      ) : (
        <>
          <FormMessage errors={errors(form.errors)} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="create-unit" />
            <SelectField
              label={t("fields.agency")}
              errors={errors(fields.agencyId.errors)}
              options={[{ value: "", label: t("fields.choose") }, ...agencies.map((a) => ({ value: String(a.id), label: a.name }))]}
              {...getSelectProps(fields.agencyId, { ariaAttributes: false })}
              key={fields.agencyId.key}
            />
            <TextField
              label={t("fields.slug")}
              hint={t("fields.slugHint")}
              errors={errors(fields.slug.errors)}
              autoComplete="off"
              spellCheck={false}
              {...getInputProps(fields.slug, { type: "text", ariaAttributes: false })}
              key={fields.slug.key}
            />
            <TextField
              label={t("fields.name")}
              errors={errors(fields.name.errors)}
              autoComplete="off"
              {...getInputProps(fields.name, { type: "text", ariaAttributes: false })}
              key={fields.name.key}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("region.createUnit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

function EditRegionForm({ defaults, lastResult }: { defaults: { name: string; code: string; timeZone: string }; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useForm<z.input<typeof regionUpdateSchema>>({
    id: "update-region",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: regionUpdateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errors = (list: string[] | undefined) => list?.map((e) => t(e));
  return (
    <section aria-labelledby="update-region-heading">
      <h2 id="update-region-heading">{t("region.editHeading")}</h2>
      <p className="hint">{t("region.slugFixed")}</p>
      <FormMessage errors={errors(form.errors)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="update-region" />
        <TextField
          label={t("fields.name")}
          errors={errors(fields.name.errors)}
          autoComplete="off"
          {...getInputProps(fields.name, { type: "text", ariaAttributes: false })}
          key={fields.name.key}
        />
        <TextField
          label={t("fields.code")}
          hint={t("fields.regionCodeHint")}
          errors={errors(fields.code.errors)}
          autoComplete="off"
          inputMode="decimal"
          {...getInputProps(fields.code, { type: "text", ariaAttributes: false })}
          key={fields.code.key}
        />
        <SelectField
          label={t("fields.timeZone")}
          errors={errors(fields.timeZone.errors)}
          options={TIME_ZONES.map((zone) => ({ value: zone, label: t(`timeZones.${ZONE_ABBREVIATIONS[zone]}`) }))}
          {...getSelectProps(fields.timeZone, { ariaAttributes: false })}
          key={fields.timeZone.key}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("region.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
