import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordOwnEvent } from "~/auth/audit-events.server";
import { currentStaff, endSession } from "~/auth/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await currentStaff(context.db, context.config, request);
  const cookie = await context.db.transaction(async (tx) => {
    if (signedIn) await recordOwnEvent(tx, signedIn.id, "auth.sign_out");
    return endSession(tx, context.config, request);
  });
  return redirect("/staff/login", { status: 303, headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect("/staff", 303);
}
