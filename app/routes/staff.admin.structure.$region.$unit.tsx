import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/utils/form-rows";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actingRole, requirePermission, requireStaff } from "~/auth/guard.server";
import { unitResource } from "~/auth/policy";
import { FormMessage, StatusMessage } from "~/components/forms";
import { AddServiceForm } from "~/components/structure/add-service-form";
import { ServicesSection } from "~/components/structure/services-table";
import { UnitDetailsForm } from "~/components/structure/unit-details-form";
import { i18nServer } from "~/i18n.server";
import { changeUnit, findRegion, adminUnit, listAgencyOptions, listServices, type ChangeOutcome, type StructureActor } from "~/org/admin.server";
import { SERVICE_ROW_INTENTS, unitAdminSchema } from "~/org/admin-schema";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["admin"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** The unit of the address, or 404 (after the sign-in check, so nobody learns anything anonymously). */
async function unitOf(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const region = await findRegion(context.db, params.region ?? "");
  const unit = region ? await adminUnit(context.db, region.id, params.unit ?? "") : null;
  if (!region || !unit) {
    await requireStaff(request, context);
    throw notFound();
  }
  const resource = unitResource({ id: unit.id, regionId: region.id, provinceId: region.provinceId });
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

const isServiceRowIntent = (intent: unknown): intent is (typeof SERVICE_ROW_INTENTS)[number] =>
  SERVICE_ROW_INTENTS.some((known) => known === intent);

/** The form's mistakes, shown where its intent shows them: an unknown intent or a service button's above the page. */
function refused(submission: Exclude<Submission<unknown>, { status: "success" }>, formData: FormData) {
  const intent = formData.get("intent");
  if (submission.error?.intent || typeof intent !== "string") {
    return failed({ intent: null, serviceId: null, result: null, error: "errors.unknownIntent" });
  }
  if (!isServiceRowIntent(intent)) return failed({ intent, serviceId: null, result: submission.reply(), error: null });
  const serviceId = Number(formData.get("serviceId")) || null;
  // Only a rename has a field of its own to show an error beside; the rest are buttons.
  const buttonErrors = Object.entries(submission.error ?? {})
    .filter(([field]) => field !== "name")
    .flatMap(([, messages]) => messages ?? []);
  if (buttonErrors.length > 0) return failed({ intent, serviceId, result: null, error: buttonErrors[0] ?? null });
  return failed({ intent, serviceId, result: submission.reply(), error: null });
}

/** A clash found while writing: beside its field, or above the page when a service button has none. */
function clashed(submission: Submission<unknown>, intent: string, serviceId: number | null, outcome: Extract<ChangeOutcome<void>, { ok: false }>) {
  if (!outcome.field && isServiceRowIntent(intent)) return failed({ intent, serviceId, result: null, error: outcome.message });
  return failed({ intent, serviceId, result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), error: null });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { region, unit, resource } = await unitOf(request, context, params);
  const signedIn = await requirePermission(request, context, "structure.manage", resource);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: unitAdminSchema });
  if (submission.status !== "success") return refused(submission, formData);
  const actor: StructureActor = { actorStaffId: signedIn.id, actorRole: actingRole(signedIn, "structure.manage", resource), regionId: region.id };
  const command = submission.value;
  const outcome = await changeUnit(context.db, actor, unit, command);
  if (!outcome.ok) return clashed(submission, command.intent, "serviceId" in command ? command.serviceId : null, outcome);
  return redirect(`/staff/admin/structure/${region.slug}/${unit.slug}?saved=1`, 303);
}

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

      <UnitDetailsForm key={`unit-${location.key}`} unit={unit} agencies={agencies} lastResult={resultFor("update-unit")} />
      <ServicesSection unitName={unit.name} services={services} rowKey={location.key} renameResult={renameResult} />
      <AddServiceForm key={`service-${location.key}`} lastResult={resultFor("add-service")} />
    </>
  );
}
