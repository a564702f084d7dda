import { createCookie } from "@remix-run/node";
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nConfig, supportedLanguages } from "./i18n";
import { resources } from "./locales.server";

/** The explicit language choice; without it, Accept-Language decides. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

/**
 * One i18next instance per language, made once: every translation is in memory, so an
 * instance per request (what remix-i18next's getFixedT and a textbook entry.server do) only
 * repeats the same set-up. An instance is never switched to another language, so concurrent
 * requests can share it.
 */
const instances = new Map<string, Promise<i18n>>();
export function translationsFor(language: string): Promise<i18n> {
  let instance = instances.get(language);
  if (!instance) {
    const made = createInstance();
    instance = made
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: language, ns: Object.keys(resources[fallbackLanguage]), resources })
      .then(() => made);
    instances.set(language, instance);
  }
  return instance;
}

// Loaders call getFixedT on every request: answer from the shared instance of the language.
const perRequestFixedT = i18nServer.getFixedT.bind(i18nServer);
Object.assign(i18nServer, {
  async getFixedT(requestOrLocale: Request | string, namespaces?: string | readonly string[], options: { keyPrefix?: string } = {}) {
    if (Object.keys(options).some((key) => key !== "keyPrefix")) return perRequestFixedT(requestOrLocale as string, namespaces as never, options as never);
    const locale = typeof requestOrLocale === "string" ? requestOrLocale : await i18nServer.getLocale(requestOrLocale);
    return (await translationsFor(locale)).getFixedT(locale, namespaces as string | string[] | undefined, options.keyPrefix);
  },
});
