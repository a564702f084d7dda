/**
 * Every translation resource, bundled into the server build. The browser fetches the
 * namespaces it needs from /locales/{lng}/{ns} (routes/locales.$lng.$ns.ts).
 * Add a namespace here and in both locales/id and locales/en.
 */
import enCommon from "../locales/en/common.json";
import enOrg from "../locales/en/org.json";
import idCommon from "../locales/id/common.json";
import idOrg from "../locales/id/org.json";
import type { Language } from "./i18n";

export const resources = {
  id: { common: idCommon, org: idOrg },
  en: { common: enCommon, org: enOrg },
} satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)["id"];

export function isNamespace(value: string): value is Namespace {
  return Object.hasOwn(resources.id, value);
}
