/** i18next settings shared by the server and the browser. Bahasa Indonesia is the default. */
export const supportedLanguages = ["id", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "id";
const defaultNamespace = "common";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: defaultNamespace,
  // React escapes output already.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};
