/**
 * Every user-facing string lives in locales/<lang>/<namespace>.json, in both languages.
 * This fails when a key, a plural form or a placeholder exists in one language and not the
 * other, when a namespace file is not registered, or when code asks for a key that is missing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n";
import { resources } from "~/locales.server";

const LOCALES = path.resolve("locales");
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function readNamespace(lng: string, ns: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES, lng, `${ns}.json`), "utf8")) as Tree);
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? "").sort();

const namespaces = readdirSync(path.join(LOCALES, "id"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

describe("translations", () => {
  it("have the same namespace files in every language, all registered", () => {
    for (const lng of supportedLanguages) {
      const files = readdirSync(path.join(LOCALES, lng))
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files, lng).toEqual(namespaces);
      expect(Object.keys(resources[lng]).sort(), `registered ${lng}`).toEqual(namespaces);
    }
  });

  describe.each(namespaces)("namespace %s", (ns) => {
    const byLanguage = new Map(supportedLanguages.map((lng) => [lng, readNamespace(lng, ns)]));
    const baseKeys = (lng: string) => new Set([...byLanguage.get(lng as never)!.keys()].map((k) => k.replace(PLURAL_SUFFIX, "")));

    it("has the same keys in Bahasa Indonesia and English", () => {
      const id = [...baseKeys("id")].sort();
      const en = [...baseKeys("en")].sort();
      expect(en.filter((k) => !id.includes(k)), "keys only in en").toEqual([]);
      expect(id.filter((k) => !en.includes(k)), "keys only in id").toEqual([]);
    });

    it("has every plural form each language needs, and the same placeholders", () => {
      for (const base of baseKeys("id")) {
        const variants = new Map<string, string[]>();
        for (const lng of supportedLanguages) {
          const entries = byLanguage.get(lng)!;
          const plural = [...entries.keys()].filter((k) => k.replace(PLURAL_SUFFIX, "") === base && k !== base);
          if (plural.length > 0) {
            const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.map((c) => `${base}_${c}`);
            expect(plural.sort(), `${ns}:${base} plural forms in ${lng}`).toEqual(expect.arrayContaining(needed));
          }
          for (const key of [base, ...plural]) {
            const text = entries.get(key);
            if (text === undefined) continue;
            expect(text.trim(), `${lng}/${ns}:${key} is empty`).not.toBe("");
            variants.set(`${lng}:${key}`, placeholders(text));
          }
        }
        const distinct = new Set([...variants.values()].map((p) => JSON.stringify([...new Set(p)])));
        expect(distinct.size, `${ns}:${base} placeholders differ: ${JSON.stringify([...variants])}`).toBe(1);
      }
    });
  });

  it("has every key that the code asks for", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name)) files.push(full);
      }
    };
    walk(path.resolve("app"));

    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const declared = [...source.matchAll(/(?:useTranslation|getFixedT)\((?:\w+, )?"(\w+)"\)/g)].map((m) => m[1] ?? "");
      const fileNamespaces = [...new Set([...declared, "common"])];
      for (const match of source.matchAll(/\bt\(\s*"([\w.]+)"/g)) {
        const key = match[1]!;
        checked++;
        for (const lng of supportedLanguages) {
          const found = fileNamespaces.some((ns) => {
            const entries = readNamespace(lng, ns);
            return entries.has(key) || [...entries.keys()].some((k) => k.replace(PLURAL_SUFFIX, "") === key);
          });
          if (!found) missing.push(`${lng}: ${key} (${path.relative(process.cwd(), file)})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
