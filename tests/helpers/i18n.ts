/**
 * The app's own texts for assertions: what a page shows for a translation key, interpolated by
 * i18next from locales/<language>/*.json as the pages do, so a test reads the fact (this status,
 * that error) and survives a change of wording.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Language } from "~/i18n";
import { resources, type Namespace } from "~/locales.server";

const i18n = createInstance();
// Resources are bundled: initialisation is synchronous.
void i18n.init({ ...i18nConfig, lng: "id", resources, initImmediate: false });

/** The texts of one namespace, in Indonesian unless told otherwise (keys of other namespaces as "ns:key"). */
export function translator(namespace: Namespace, language: Language = "id"): TFunction {
  return i18n.getFixedT(language, namespace);
}
