/**
 * What each route of the production build makes a page load besides its HTML: the framework
 * (it hydrates), unless its `handle` or an ancestor's says `hydrate: false`; then only the plain
 * scripts the handles list (`scripts`, static files in public/). Read from the server build,
 * the same handles app/root.tsx reads. Shared support code (scripts/support).
 */
import type { PageHandle } from "../../app/root";
import { loadBuild } from "./app";

export interface PageScripts {
  hydrated: boolean;
  /** Browser paths of the plain scripts a page that does not hydrate loads. */
  plain: string[];
}

export async function pageScripts(): Promise<Map<string, PageScripts>> {
  const build = await loadBuild();
  const result = new Map<string, PageScripts>();
  for (const id of Object.keys(build.routes)) {
    const handles: Array<PageHandle | undefined> = [];
    for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
      handles.unshift(route.module.handle as PageHandle | undefined);
    }
    const hydrated = handles.every((handle) => handle?.hydrate !== false);
    result.set(id, { hydrated, plain: hydrated ? [] : handles.flatMap((handle) => handle?.scripts ?? []) });
  }
  return result;
}
