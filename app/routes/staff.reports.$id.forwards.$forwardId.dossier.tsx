import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guard.server";
import { Dossier } from "~/components/casework/dossier";
import { i18nServer } from "~/i18n.server";
import { caseworkDeps, forwardDossier } from "~/reports/casework.server";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["casework", "reports"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

// A decrypted summary: no cache may keep it.
export const headers = () => ({ "Cache-Control": "no-store" });

/** The printable dossier of one forward, for moderators who may read the case. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const signedIn = await requireStaff(request, context);
  const dossier = await forwardDossier(await caseworkDeps(context), signedIn.actor, params.id ?? "", params.forwardId ?? "");
  if (!dossier) throw notFound();
  const t = await i18nServer.getFixedT(request, "casework");
  return { dossier, title: `${t("dossier.heading", { reference: dossier.reference })} · Pintu Depan` };
}

export default function DossierPage() {
  const { dossier } = useLoaderData<typeof loader>();
  return <Dossier dossier={dossier} />;
}
