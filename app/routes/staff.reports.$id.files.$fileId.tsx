import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guard.server";
import { caseworkDeps, reportFile } from "~/reports/casework.server";
import { fileResponse } from "~/reports/file-response.server";
import { notFound } from "~/utils/http.server";

/** An evidence file for moderators: the cleaned original or the redacted copy, never cached. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const version = new URL(request.url).searchParams.get("version") === "redacted" ? "redacted" : "original";
  const file = await reportFile(await caseworkDeps(context), signedIn.actor, params.id ?? "", params.fileId ?? "", version);
  if (!file) throw notFound();
  return fileResponse(file);
}
