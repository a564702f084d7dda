import { notFound } from "~/utils/http.server";

/** Any address no other route claims: the root error boundary renders a translated 404. */
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
