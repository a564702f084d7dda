import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n";
import { languageCookie } from "~/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

/** Remembers the reader's language choice in a cookie, then goes back to the page they were on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const to = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(lng)) return redirect(to, 303);
  return redirect(to, { status: 303, headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}

// Changing state over GET is not allowed; a stray GET just goes home.
export function loader() {
  return redirect("/", 303);
}
