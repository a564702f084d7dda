import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guard.server";
import { caseworkDeps, forwardedFile } from "~/reports/casework.server";
import { fileResponse } from "~/reports/file-response.server";
import { notFound } from "~/utils/http.server";

/** A file as it was forwarded to a unit's head (the redacted copy when one exists). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const file = await forwardedFile(await caseworkDeps(context), signedIn.actor, params.forwardId ?? "", params.fileId ?? "");
  if (!file) throw notFound();
  return fileResponse(file);
}
