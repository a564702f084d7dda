import { CLIENT_ERROR_PATH, describeClientError, type ClientError } from "./client-error";

// One page load sends a handful at most: a render loop must not flood the server.
const MAX_PER_PAGE = 5;
let sent = 0;

/** Tells the server log that this page failed in the browser (content-free, see client-error.ts). */
export function sendClientError(kind: ClientError["kind"], route: string, error: unknown): void {
  if (sent >= MAX_PER_PAGE) return;
  sent += 1;
  const body = JSON.stringify(describeClientError(kind, route, error));
  const blob = new Blob([body], { type: "application/json" });
  if (navigator.sendBeacon?.(CLIENT_ERROR_PATH, blob)) return;
  fetch(CLIENT_ERROR_PATH, { method: "POST", body, headers: { "Content-Type": "application/json" }, keepalive: true }).catch(() => {});
}

/** The id of the deepest route on screen, or "root" before the router exists. */
export function currentRouteId(): string {
  const matches = window.__remixRouter?.state.matches;
  return matches?.[matches.length - 1]?.route.id ?? "root";
}
