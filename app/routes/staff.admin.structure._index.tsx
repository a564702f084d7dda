import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireReach } from "~/auth/guard.server";
import { can, type Resource } from "~/auth/policy";
import { recordAudit } from "~/audit/audit.server";
import { ConformSelectField, ConformTextField, useZodForm, type LastResult } from "~/components/conform-fields";
import { FormMessage, StatusMessage } from "~/components/forms";
import { IntentFormSection, RegionCodeAndZoneFields, SlugField } from "~/components/structure/form-pieces";
import { i18nServer } from "~/i18n.server";
import { createProvince, createRegion, listManageableRegions, listProvinces, runChange } from "~/org/admin.server";
import { provinceCreateSchema, REGION_KINDS, regionCreateSchema } from "~/org/admin-schema";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const INSTALLATION: Resource = { kind: "installation" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { signedIn, reach: manageable } = await requireReach(request, context, "structure.manage");
  const canInstall = can(signedIn.actor, "installation.manage", INSTALLATION);
  const [groups, provinces] = await Promise.all([
    listManageableRegions(context.db, manageable),
    canInstall ? listProvinces(context.db) : Promise.resolve([]),
  ]);
  const t = await i18nServer.getFixedT(request, "admin");
  return {
    groups,
    provinces: provinces.map(({ id, name }) => ({ id, name })),
    canInstall,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    title: t("structure.metaTitle"),
  };
}

interface ActionResult {
  intent: string | null;
  result: SubmissionResult<string[]> | null;
  error: string | null;
}
const failed = (outcome: ActionResult) => data(outcome, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePermission(request, context, "installation.manage", INSTALLATION);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const audit = { actorStaffId: signedIn.id, actorRole: actingRole(signedIn, "installation.manage", INSTALLATION) };

  switch (intent) {
    case "create-region": {
      const submission = parseWithZod(formData, { schema: regionCreateSchema });
      if (submission.status !== "success") return failed({ intent, result: submission.reply(), error: null });
      const values = submission.value;
      const outcome = await runChange(context.db, async (tx) => {
        const regionId = await createRegion(tx, values);
        await recordAudit(tx, {
          ...audit,
          action: "region.create",
          objectType: "region",
          objectId: regionId,
          regionId,
          details: { fields: Object.keys(values) },
        });
      });
      if (!outcome.ok) return failed({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      return redirect("/staff/admin/structure?saved=1", 303);
    }
    case "create-province": {
      const submission = parseWithZod(formData, { schema: provinceCreateSchema });
      if (submission.status !== "success") return failed({ intent, result: submission.reply(), error: null });
      const values = submission.value;
      const outcome = await runChange(context.db, async (tx) => {
        const provinceId = await createProvince(tx, values);
        await recordAudit(tx, {
          ...audit,
          action: "province.create",
          objectType: "province",
          objectId: provinceId,
          details: { fields: Object.keys(values) },
        });
      });
      if (!outcome.ok) return failed({ intent, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
      return redirect("/staff/admin/structure?saved=1", 303);
    }
    default:
      return failed({ intent: null, result: null, error: "errors.unknownIntent" });
  }
}

export default function StructurePage() {
  const { groups, provinces, canInstall, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useTranslation("admin");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : null);
  return (
    <>
      <h1>{t("structure.title")}</h1>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <FormMessage errors={actionData?.error ? [t(actionData.error)] : undefined} />

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t("structure.regionsHeading")}</h2>
        {groups.length === 0 ? <p>{t("structure.noRegions")}</p> : null}
        {groups.map((province) => (
          <div key={province.id}>
            <h3 id={`province-${province.id}`}>{province.name}</h3>
            <div className="table-scroll">
              <table className="data-table" aria-labelledby={`province-${province.id}`}>
                <thead>
                  <tr>
                    <th scope="col">{t("structure.region")}</th>
                    <th scope="col">{t("structure.kind")}</th>
                    <th scope="col">{t("structure.code")}</th>
                    <th scope="col">{t("structure.units")}</th>
                  </tr>
                </thead>
                <tbody>
                  {province.regions.map((region) => (
                    <tr key={region.id}>
                      <th scope="row">
                        <Link to={`/staff/admin/structure/${region.slug}`}>{region.name}</Link>
                      </th>
                      <td>{t(`regionKinds.${region.kind}`)}</td>
                      <td>{region.code}</td>
                      <td>{region.unitCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      {canInstall ? (
        <>
          <CreateRegionForm key={`region-${location.key}`} provinces={provinces} lastResult={resultFor("create-region")} />
          <CreateProvinceForm key={`province-${location.key}`} lastResult={resultFor("create-province")} />
        </>
      ) : null}
    </>
  );
}

function CreateRegionForm({ provinces, lastResult }: { provinces: ReadonlyArray<{ id: number; name: string }>; lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(regionCreateSchema, {
    id: "create-region",
    lastResult,
    defaultValue: { timeZone: "Asia/Jakarta", kind: "kabupaten" },
    validate: "onBlur",
  });
  return (
    <IntentFormSection form={form} heading={t("structure.createRegionHeading")} submit={t("structure.createRegion")}>
      <ConformSelectField
        field={fields.provinceId}
        label={t("fields.province")}
        translateError={t}
        options={[{ value: "", label: t("fields.choose") }, ...provinces.map((p) => ({ value: String(p.id), label: p.name }))]}
      />
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <ConformSelectField
        field={fields.kind}
        label={t("fields.kind")}
        translateError={t}
        options={REGION_KINDS.map((kind) => ({ value: kind, label: t(`regionKinds.${kind}`) }))}
      />
      <RegionCodeAndZoneFields code={fields.code} timeZone={fields.timeZone} />
    </IntentFormSection>
  );
}

function CreateProvinceForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useZodForm(provinceCreateSchema, { id: "create-province", lastResult, validate: "onBlur" });
  return (
    <IntentFormSection form={form} heading={t("structure.createProvinceHeading")} submit={t("structure.createProvince")}>
      <SlugField field={fields.slug} />
      <ConformTextField field={fields.name} type="text" label={t("fields.name")} translateError={t} autoComplete="off" />
      <ConformTextField
        field={fields.code}
        type="text"
        label={t("fields.code")}
        hint={t("fields.provinceCodeHint")}
        translateError={t}
        autoComplete="off"
        inputMode="numeric"
      />
    </IntentFormSection>
  );
}
