import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n";
import { isNamespace, resources } from "~/locales.server";
import { notFound } from "~/utils/http.server";

/** Translation resources for the browser (the small backend in entry.client.tsx); the URL carries the build version. */
export function loader({ params }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  if (!isLanguage(lng) || !ns || !isNamespace(ns)) throw notFound();
  return Response.json(resources[lng][ns], {
    headers: { "Cache-Control": "public, max-age=86400, immutable" },
  });
}
