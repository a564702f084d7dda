/**
 * The browser loads a page's translations from the routes' `handle.i18n` lists (at hydration,
 * remix-i18next's getInitialNamespaces). A namespace a route's components read but no matched
 * route lists is missing at hydration: the page renders keys, or suspends until it is fetched.
 * So every namespace read by a route module, or by the app's components it imports, must be
 * listed by that route, one of its parent routes, or the root.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve("app");
const ROUTES = path.join(APP, "routes");

function source(file: string): string {
  return readFileSync(file, "utf8");
}

/** Namespaces passed to useTranslation in one file ("common" for the default). */
function namespacesRead(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/useTranslation\(([^)]*)\)/g)) {
    const args = match[1]!.trim();
    if (args === "") found.push("common");
    for (const ns of args.matchAll(/"([a-z]+)"/g)) found.push(ns[1]!);
  }
  return found;
}

function handleNamespaces(text: string): string[] {
  const handle = /export const handle = \{[^}]*i18n:\s*\[([^\]]*)\]/.exec(text);
  return handle ? [...handle[1]!.matchAll(/"([a-z]+)"/g)].map((m) => m[1]!) : [];
}

/** The app's .tsx modules a file imports (components render translated text), transitively. */
function appImports(file: string, seen = new Set<string>()): Set<string> {
  for (const match of source(file).matchAll(/from "(~\/[^"]+|\.\.?\/[^"]+)"/g)) {
    const spec = match[1]!;
    const base = spec.startsWith("~/") ? path.join(APP, spec.slice(2)) : path.resolve(path.dirname(file), spec);
    const resolved = [`${base}.tsx`, base].find((candidate) => candidate.endsWith(".tsx") && existsSync(candidate));
    if (resolved && !seen.has(resolved)) {
      seen.add(resolved);
      appImports(resolved, seen);
    }
  }
  return seen;
}

const routeFiles = readdirSync(ROUTES).filter((name) => name.endsWith(".tsx"));
const routeIds = new Set(routeFiles.map((name) => name.replace(/\.tsx$/, "")));

/** Remix's flat routes: a route nests under every existing route whose id is a prefix of its segments. */
function parentIds(id: string): string[] {
  const segments = id.split(".");
  return segments.slice(1).flatMap((_, i) => {
    const prefix = segments.slice(0, i + 1).join(".");
    return routeIds.has(prefix) ? [prefix] : [];
  });
}

describe("translation namespaces of routes", () => {
  const rootListed = handleNamespaces(source(path.join(APP, "root.tsx")));

  it("the root lists the default namespace", () => {
    expect(rootListed).toContain("common");
  });

  for (const name of routeFiles) {
    const id = name.replace(/\.tsx$/, "");
    it(`${id} lists every namespace it reads`, () => {
      const file = path.join(ROUTES, name);
      const read = new Set([file, ...appImports(file)].flatMap((f) => namespacesRead(source(f))));
      const listed = new Set([
        ...rootListed,
        ...handleNamespaces(source(file)),
        ...parentIds(id).flatMap((parent) => handleNamespaces(source(path.join(ROUTES, `${parent}.tsx`)))),
      ]);
      expect([...read].filter((ns) => !listed.has(ns))).toEqual([]);
    });
  }
});
