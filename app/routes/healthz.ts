import type { LoaderFunctionArgs } from "@remix-run/node";
import { databaseAnswers } from "~/utils/health.server";

/** Load balancers and monitors: 200 when the database answers, 503 otherwise. */
export async function loader({ context }: LoaderFunctionArgs) {
  const ok = await databaseAnswers(context.db);
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
