import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guard.server";
import { CaseActions, CaseDuplicates } from "~/components/casework/case-actions";
import { CaseContent, CaseFacts } from "~/components/casework/case-facts";
import { CaseFiles } from "~/components/casework/case-files";
import { CaseForwards, CaseHistory, CaseMessages, CaseReaders } from "~/components/casework/case-record";
import { CaseErrorSummary } from "~/components/casework/form-state";
import { StatusMessage } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { caseworkCommandSchema, caseworkIntentOf, type CaseworkIntent } from "~/reports/casework-schema";
import { caseworkDeps, changeCase, openCase, reportFor } from "~/reports/casework.server";
import { parseWithZod } from "~/utils/form-rows";
import { failure, submissionErrors, typedValues } from "~/utils/form-result.server";
import { notFound } from "~/utils/http.server";

// "reports" names what the reporter chose on the form (who asked, for instance).
export const handle = { i18n: ["casework", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  // Not allowed and not there answer alike: a conflicted reader must not learn that it exists.
  const report = await reportFor(context.db, signedIn.actor, params.id ?? "");
  if (!report) throw notFound();
  const detail = await openCase(await caseworkDeps(context), signedIn.actor, report);
  const t = await i18nServer.getFixedT(request, "casework");
  return { detail, me: signedIn.id, title: `${t("case.title", { reference: detail.reference })} · Pintu Depan` };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const id = params.id ?? "";
  if (!(await reportFor(context.db, signedIn.actor, id, "report.moderate"))) throw notFound();
  const formData = await request.formData();
  const values = typedValues(formData, ["intent", "fileIds"]);
  // A form names one intent; a request naming several is not one of the page's forms.
  const intent = formData.getAll("intent").length === 1 ? caseworkIntentOf(formData.get("intent")) : null;
  if (!intent) return failure<CaseworkIntent, string>({ intent: null, id: null, errors: { "": ["errors.unknownIntent"] }, values });
  const fileId = typeof formData.get("fileId") === "string" ? String(formData.get("fileId")) : null;

  const submission = parseWithZod(formData, { schema: caseworkCommandSchema });
  if (submission.status !== "success") return failure({ intent, id: fileId, errors: submissionErrors(submission), values });
  const outcome = await changeCase(await caseworkDeps(context), signedIn, id, submission.value);
  if (!outcome.ok) {
    if (outcome.status === 404) throw notFound();
    return failure({ intent, id: fileId, errors: { [outcome.field]: [outcome.error] }, values }, outcome.status);
  }
  return redirect(`/staff/reports/${id}?done=${encodeURIComponent(intent)}`, 303);
}

export default function CasePage() {
  const { detail, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("casework");
  const done = caseworkIntentOf(searchParams.get("done"));

  return (
    <>
      <nav className="breadcrumb" aria-label={t("case.breadcrumb")}>
        <ol>
          <li>
            <Link to="/staff/reports">{t("queue.title")}</Link>
          </li>
          <li aria-current="page">{detail.reference}</li>
        </ol>
      </nav>
      <h1>{t("case.title", { reference: detail.reference })}</h1>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      {failed ? <CaseErrorSummary failed={failed} /> : null}
      <CaseFacts detail={detail} />
      <CaseContent content={detail.content} />
      <CaseFiles detail={detail} failed={failed} />
      <CaseHistory events={detail.events} />
      <CaseMessages messages={detail.messages} />
      <CaseForwards caseId={detail.id} forwards={detail.forwards} />
      <CaseDuplicates detail={detail} failed={failed} />
      <CaseActions detail={detail} failed={failed} me={me} />
      <CaseReaders readers={detail.readers} files={detail.files} />
    </>
  );
}
