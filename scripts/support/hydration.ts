/**
 * Which routes of the production build hydrate (ship scripts): every route, unless its
 * `handle` says `hydrate: false`. Read from the server build, the same handle app/root.tsx
 * reads. Shared support code (scripts/support).
 */
import { loadBuild } from "./app";

export async function hydratedRoutes(): Promise<Map<string, boolean>> {
  const build = await loadBuild();
  const result = new Map<string, boolean>();
  for (const [id, route] of Object.entries(build.routes)) {
    const handle = route.module.handle as { hydrate?: boolean } | undefined;
    result.set(id, handle?.hydrate !== false);
  }
  return result;
}
