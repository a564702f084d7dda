import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import type { Resource } from "~/auth/policy";
import { recordAudit } from "~/audit/audit.server";
import { ConformSelectField, ConformTextAreaField, ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { FormMessage, StatusMessage, TextField } from "~/components/forms";
import { IntentFormSection, SlugField } from "~/components/structure-forms";
import { i18nServer } from "~/i18n.server";
import {
  addService,
  findRegion,
  findUnit,
  listAgencyOptions,
  listServices,
  moveService,
  renameService,
  runChange,
  setServiceActive,
  updateUnit,
} from "~/org/admin.server";
import {
  LIMITS,
  SERVED_PERIODS,
  ZI_PREDICATES,
  serviceAddSchema,
  serviceChangeSchema,
  serviceRenameSchema,
  unitUpdateSchema,
} from "~/org/admin-schema";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The unit of the address, or 404 (after the sign-in check, so nobody learns anything anonymously). */
async function unitOf(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const region = await findRegion(context.db, params.region ?? "");
  const unit = region ? await findUnit(context.db, region.id, params.unit ?? "") : null;
  if (!region || !unit) {
    await requireStaff(request, context);
    throw notFound();
  }
  const resource: Resource = { kind: "unit", provinceId: region.provinceId, regionId: region.id, unitId: unit.id };
  return { region, unit, resource };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { region, unit, resource } = await unitOf(request, context, params);
  await requirePermission(request, context, "structure.manage", resource);
  const [agencies, services] = await Promise.all([listAgencyOptions(context.db, region.id), listServices(context.db, unit.id)]);
  const t = await i18nServer.getFixedT(request, "admin");
  return {
    region: { slug: region.slug, name: region.name },
    unit,
    agencies,
    services,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    title: t("unit.metaTitle", { name: unit.name }),
  };
}

interface ActionResult {
  intent: string | null;
  serviceId: number | null;
  result: SubmissionResult<string[]> | null;
  error: string | null;
}
const failed = (outcome: ActionResult) => data(outcome, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { region, unit, resource } = await unitOf(request, context, params);
  const signedIn = await requirePermission(request, context, "structure.manage", resource);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = redirect(`/staff/admin/structure/${region.slug}/${unit.slug}?saved=1`, 303);
  const audit = { actorStaffId: signedIn.id, actorRole: actingRole(signedIn, "structure.manage", resource), regionId: region.id };

  switch (intent) {
    case "update-unit": {
      const submission = parseWithZod(formData, { schema: unitUpdateSchema });
      if (submission.status !== "success") return failed({ intent, serviceId: null, result: submission.reply(), error: null });
      const outcome = await runChange(context.db, async (tx) => {
        const fields = await updateUnit(tx, region.id, unit, submission.value);
        if (fields.length === 0) return;
        await recordAudit(tx, { ...audit, action: "unit.update", objectType: "unit", objectId: unit.id, details: { fields } });
      });
      if (!outcome.ok) {
        return failed({ intent, serviceId: null, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      }
      return back;
    }
    case "add-service": {
      const submission = parseWithZod(formData, { schema: serviceAddSchema });
      if (submission.status !== "success") return failed({ intent, serviceId: null, result: submission.reply(), error: null });
      const values = submission.value;
      const outcome = await runChange(context.db, async (tx) => {
        const serviceId = await addService(tx, unit.id, values);
        await recordAudit(tx, { ...audit, action: "service.create", objectType: "service", objectId: serviceId, details: { unitId: unit.id, fields: Object.keys(values) } });
      });
      if (!outcome.ok) {
        return failed({ intent, serviceId: null, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      }
      return back;
    }
    case "rename-service":
    case "move-service":
    case "deactivate-service":
    case "reactivate-service":
      return serviceAction(intent);
    default:
      return failed({ intent: null, serviceId: null, result: null, error: "errors.unknownIntent" });
  }

  async function serviceAction(serviceIntent: string) {
    const submission = parseWithZod(formData, { schema: serviceChangeSchema });
    const serviceId = Number(formData.get("serviceId")) || null;
    if (submission.status !== "success") {
      // Only a rename has a field of its own to show an error beside; the rest are buttons.
      const buttonErrors = Object.entries(submission.error ?? {})
        .filter(([field]) => field !== "name")
        .flatMap(([, messages]) => messages ?? []);
      if (buttonErrors.length > 0) return failed({ intent: serviceIntent, serviceId, result: null, error: buttonErrors[0] ?? null });
      return failed({ intent: serviceIntent, serviceId, result: submission.reply(), error: null });
    }
    const change = submission.value;
    const outcome = await runChange(context.db, async (tx) => {
      const record = (action: string, details: Record<string, unknown>) =>
        recordAudit(tx, { ...audit, action, objectType: "service", objectId: change.serviceId, details: { unitId: unit.id, ...details } });
      switch (change.intent) {
        case "rename-service":
          if (await renameService(tx, unit.id, change.serviceId, change.name)) await record("service.update", { fields: ["name"] });
          return;
        case "move-service":
          if (await moveService(tx, unit.id, change.serviceId, change.direction)) {
            await record("service.move", { fields: ["position"], direction: change.direction });
          }
          return;
        case "deactivate-service":
        case "reactivate-service": {
          const active = change.intent === "reactivate-service";
          if (await setServiceActive(tx, unit.id, change.serviceId, active)) {
            await record(active ? "service.reactivate" : "service.deactivate", { fields: ["active"] });
          }
        }
      }
    });
    if (!outcome.ok) {
      if (!outcome.field) return failed({ intent: serviceIntent, serviceId, result: null, error: outcome.message });
      return failed({ intent: serviceIntent, serviceId, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
    }
    return back;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function UnitAdminPage() {
  const { region, unit, agencies, services, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useTranslation("admin");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : null);
  const renameResult = (serviceId: number) =>
    actionData?.intent === "rename-service" && actionData.serviceId === serviceId ? actionData.result : null;
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/staff/admin/structure">{t("structure.title")}</Link>
          </li>
          <li>
            <Link to={`/staff/admin/structure/${region.slug}`}>{region.name}</Link>
          </li>
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <h1>{unit.name}</h1>
      <p className="muted">
        {t("unit.address", { address: `${region.slug}/${unit.slug}` })}
        {unit.active ? (
          <>
            {" · "}
            <Link to={`/units/${region.slug}/${unit.slug}`}>{t("unit.publicPage")}</Link>
          </>
        ) : (
          ` · ${t("unit.inactiveNote")}`
        )}
      </p>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <FormMessage errors={actionData?.error ? [t(actionData.error)] : undefined} />

      <EditUnitForm key={`unit-${location.key}`} unit={unit} agencies={agencies} lastResult={resultFor("update-unit")} />

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{t("services.heading")}</h2>
        <p className="hint">{t("services.orderHint")}</p>
        {services.length === 0 ? (
          <p>{t("services.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-services">
              <caption className="visually-hidden">{t("services.caption", { name: unit.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("services.position")}</th>
                  <th scope="col">{t("services.service")}</th>
                  <th scope="col">{t("services.status")}</th>
                  <th scope="col">{t("services.rename")}</th>
                  <th scope="col">{t("services.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((service, index) => (
                  <ServiceRow
                    key={`${service.id}-${location.key}`}
                    service={service}
                    index={index}
                    last={index === services.length - 1}
                    lastResult={renameResult(service.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AddServiceForm key={`service-${location.key}`} lastResult={resultFor("add-service")} />
    </>
  );
}

const initialString = (value: unknown) => (typeof value === "string" ? value : "");
const initialList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

function EditUnitForm({ unit, agencies, lastResult }: { unit: LoaderData["unit"]; agencies: LoaderData["agencies"]; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const rules = Array.from({ length: LIMITS.hoursRules }, (_, i) => unit.openingHours[i]);
  const [form, fields] = useZodForm(unitUpdateSchema, {
    id: "update-unit",
    lastResult,
    defaultValue: {
      name: unit.name,
      agencyId: String(unit.agencyId),
      address: unit.address ?? "",
      phone: unit.phone ?? "",
      email: unit.email ?? "",
      hours: rules.map((rule) => ({ days: rule ? rule.days.map(String) : [], opens: rule?.opens ?? "", closes: rule?.closes ?? "" })),
      servedPerPeriod: unit.servedPerPeriod === null ? "" : String(unit.servedPerPeriod),
      servedPeriod: unit.servedPeriod,
      active: unit.active ? "on" : "",
      ziPredicate: unit.ziPredicate,
      ziPredicateYear: unit.ziPredicateYear === null ? "" : String(unit.ziPredicateYear),
    },
    validate: "onBlur",
  });
  const errors = (list: string[] | undefined) => list?.map((e) => t(e));
  const hourRows = fields.hours.getFieldList();
  return (
    <IntentFormSection form={form} heading={t("unit.editHeading")} intro={<p className="hint">{t("unit.slugFixed", { slug: unit.slug })}</p>} submit={t("unit.save")}>
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <ConformSelectField
        field={fields.agencyId}
        label={t("fields.agency")}
        hint={t("fields.agencyHint")}
        translateError={t}
        options={agencies.map((a) => ({ value: String(a.id), label: a.name }))}
      />
      <ConformTextAreaField field={fields.address} label={t("fields.address")} translateError={t} rows={3} autoComplete="off" />
      <ConformTextField field={fields.phone} type="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} translateError={t} autoComplete="off" />
      <ConformTextField field={fields.email} type="email" label={t("fields.email")} hint={t("fields.emailHint")} translateError={t} autoComplete="off" />

      <fieldset aria-describedby="update-unit-hours-hint">
        <legend>{t("hours.legend")}</legend>
        <p id="update-unit-hours-hint" className="hint">
          {t("hours.hint")}
        </p>
        {fields.hours.errors?.length ? (
          <ul className="field-errors" role="alert">
            {errors(fields.hours.errors)?.map((e) => <li key={e}>{e}</li>)}
          </ul>
        ) : null}
        {hourRows.map((row, index) => {
          const rule = row.getFieldset();
          const checked = initialList(rule.days.initialValue);
          const daysErrorId = `${rule.days.id}-error`;
          return (
            <fieldset key={`${index}-${row.key ?? ""}`} className="admin-hours-rule">
              <legend>{t("hours.rule", { number: index + 1 })}</legend>
              <fieldset aria-describedby={rule.days.errors?.length ? daysErrorId : undefined} className="admin-days">
                <legend>{t("hours.days")}</legend>
                {WEEKDAYS.map((day) => (
                  <label key={day} className="checkbox">
                    <input type="checkbox" name={rule.days.name} value={String(day)} defaultChecked={checked.includes(String(day))} />
                    {t(`days.${day}`)}
                  </label>
                ))}
                {rule.days.errors?.length ? (
                  <ul id={daysErrorId} className="field-errors">
                    {errors(rule.days.errors)?.map((e) => <li key={e}>{e}</li>)}
                  </ul>
                ) : null}
              </fieldset>
              <div className="admin-times">
                <TextField
                  label={t("hours.opens")}
                  errors={errors(rule.opens.errors)}
                  id={rule.opens.id}
                  type="time"
                  name={rule.opens.name}
                  defaultValue={initialString(rule.opens.initialValue)}
                />
                <TextField
                  label={t("hours.closes")}
                  errors={errors(rule.closes.errors)}
                  id={rule.closes.id}
                  type="time"
                  name={rule.closes.name}
                  defaultValue={initialString(rule.closes.initialValue)}
                />
              </div>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t("served.legend")}</legend>
        <p className="hint">{t("served.hint")}</p>
        <ConformTextField field={fields.servedPerPeriod} type="number" label={t("served.number")} translateError={t} inputMode="numeric" min={0} />
        <ConformSelectField
          field={fields.servedPeriod}
          label={t("served.period")}
          translateError={t}
          options={SERVED_PERIODS.map((period) => ({ value: period, label: t(`served.periods.${period}`) }))}
        />
      </fieldset>

      <fieldset>
        <legend>{t("zi.legend")}</legend>
        <p className="hint">{t("zi.hint")}</p>
        <ConformSelectField
          field={fields.ziPredicate}
          label={t("zi.predicate")}
          translateError={t}
          options={ZI_PREDICATES.map((predicate) => ({ value: predicate, label: t(`zi.predicates.${predicate}`) }))}
        />
        <ConformTextField field={fields.ziPredicateYear} type="number" label={t("zi.year")} translateError={t} inputMode="numeric" min={2000} max={2100} />
      </fieldset>

      <div className="field admin-check">
        <label className="checkbox">
          <input {...getInputProps(fields.active, { type: "checkbox", ariaAttributes: false })} key={fields.active.key} />
          {t("unit.active")}
        </label>
        <p className="hint">{t("unit.activeHint")}</p>
      </div>

    </IntentFormSection>
  );
}

function ServiceRow({
  service,
  index,
  last,
  lastResult,
}: {
  service: LoaderData["services"][number];
  index: number;
  last: boolean;
  lastResult: LastResult;
}) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(serviceRenameSchema, {
    id: `rename-service-${service.id}`,
    lastResult,
    defaultValue: { name: service.name },
    validate: "onBlur",
  });
  const serviceForm = (intent: string, label: string, extra?: { name: string; value: string }) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="serviceId" value={service.id} />
      {extra ? <input type="hidden" name={extra.name} value={extra.value} /> : null}
      <button type="submit" className="button">
        {label}
        <span className="visually-hidden">: {service.name}</span>
      </button>
    </Form>
  );
  return (
    <tr>
      <td>{index + 1}</td>
      <th scope="row">
        {service.name}
        <br />
        <span className="muted">{service.slug}</span>
      </th>
      <td>{service.active ? t("status.active") : t("status.inactive")}</td>
      <td>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="rename-service" />
          <input type="hidden" name="serviceId" value={service.id} />
          <ConformTextField field={fields.name} type="text" label={t("services.nameOf", { slug: service.slug })} translateError={t} autoComplete="off" />
          <button type="submit" className="button">
            {t("services.rename")}
            <span className="visually-hidden">: {service.slug}</span>
          </button>
        </Form>
      </td>
      <td>
        <div className="admin-row-actions">
          {index > 0 ? serviceForm("move-service", t("services.up"), { name: "direction", value: "up" }) : null}
          {last ? null : serviceForm("move-service", t("services.down"), { name: "direction", value: "down" })}
          {service.active ? serviceForm("deactivate-service", t("services.deactivate")) : serviceForm("reactivate-service", t("services.reactivate"))}
        </div>
      </td>
    </tr>
  );
}

function AddServiceForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(serviceAddSchema, { id: "add-service", lastResult, validate: "onBlur" });
  return (
    <IntentFormSection form={form} heading={t("services.addHeading")} submit={t("services.add")}>
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
    </IntentFormSection>
  );
}
