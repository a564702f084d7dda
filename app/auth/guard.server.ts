/**
 * What staff routes call first: who is signed in (or a redirect to the login page), and
 * whether the policy allows this action on this object (or 403).
 */
import { redirect } from "@remix-run/node";
import type { AppContext } from "../utils/context.server";
import { can, reach, reachesAnything, type Action, type Actor, type Reach, type Resource } from "./policy";
import { currentStaff, type SignedInStaff } from "./session.server";

export async function requireStaff(request: Request, context: AppContext): Promise<SignedInStaff> {
  const signedIn = await currentStaff(context.db, context.config, request);
  if (!signedIn) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
    throw redirect(`/staff/login?redirectTo=${encodeURIComponent(back)}`, 302);
  }
  return signedIn;
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The signed-in staff member, if the policy lets them do `action` on `resource`; else 403. */
export async function requirePermission(
  request: Request,
  context: AppContext,
  action: Action,
  resource: Resource,
): Promise<SignedInStaff> {
  const signedIn = await requireStaff(request, context);
  if (!can(signedIn.actor, action, resource)) throw forbidden();
  return signedIn;
}

/**
 * For list pages with no single object to check: the signed-in staff member and what the
 * action reaches, or 403 when it reaches nothing.
 */
export async function requireReach(request: Request, context: AppContext, action: Action): Promise<{ signedIn: SignedInStaff; reach: Reach }> {
  const signedIn = await requireStaff(request, context);
  const r = reach(signedIn.actor, action);
  if (!reachesAnything(r)) throw forbidden();
  return { signedIn, reach: r };
}

/** The role in which the actor does something, for the audit log: the first grant that allows it. */
export function actingRole(signedIn: SignedInStaff, action: Action, resource: Resource): string {
  return actorRole(signedIn.actor, action, resource);
}

export function actorRole(actor: Actor, action: Action, resource: Resource): string {
  const grant = actor.grants.find((g) => can({ ...actor, grants: [g] }, action, resource));
  return grant?.role ?? "unknown";
}
