import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReportFile } from "~/reports/attachments.server";
import { reporterMayRead } from "~/reports/case.server";
import { fileResponse } from "~/reports/file-response.server";
import { reporterSession } from "~/reports/reporter-session.server";
import { notFound } from "~/utils/http.server";

/** A reporter's own evidence file (the cleaned copy), for their session only; never cached. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reportId = reporterSession(request, context.config);
  if (!reportId || !(await reporterMayRead(context.db, reportId))) throw notFound();
  const file = await readReportFile(context.db, context.config.secrets.encryptionKeys, params.id ?? "", reportId);
  if (!file) throw notFound();
  return fileResponse(file);
}
