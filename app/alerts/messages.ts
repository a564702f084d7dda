/**
 * The text of an alert (pure): Bahasa Indonesia first, then English, because staff accounts
 * have no stored language. Built only from the kind, the case number, the deadline date and
 * a sign-in link: nothing else is passed in, so nothing else can leak into a message.
 */
import i18next, { type TFunction } from "i18next";
import { resources } from "../locales.server";
import type { AlertKind } from "./outbox.server";

export interface AlertItem {
  kind: Exclude<AlertKind, "digest">;
  reference: string;
  dueOn: string | null;
  link: string;
}

export interface AlertMessage {
  subject: string;
  text: string;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

const PRODUCT = "Pintu Depan";

/** The `alerts` namespace in one language, outside any request. */
export function alertTranslator(language: "id" | "en"): Translate {
  const instance = i18next.createInstance({ lng: language, resources, defaultNS: "alerts", interpolation: { escapeValue: false }, initImmediate: false });
  void instance.init();
  const t: TFunction = instance.getFixedT(language, "alerts");
  return (key, values) => t(key, values ?? {});
}

export function alertMessage(translations: { id: Translate; en: Translate }, alert: AlertItem | { kind: "digest"; items: AlertItem[]; link: string }, escalationDays: number): AlertMessage {
  const { id, en } = translations;
  if (alert.kind === "digest") {
    const count = alert.items.length;
    const lines = (t: Translate) =>
      [
        t("mail.body.digest"),
        ...alert.items.map((item) => `- ${t(`mail.subject.${item.kind}`, { reference: item.reference, dueOn: item.dueOn ?? "" })}`),
        "",
        t("mail.signIn", { link: alert.link }),
      ].join("\n");
    return {
      subject: `[${PRODUCT}] ${id("mail.subject.digest", { count })} / ${en("mail.subject.digest", { count })}`,
      text: [lines(id), "", "---", "", lines(en), "", "--", id("mail.footer"), en("mail.footer"), ""].join("\n"),
    };
  }
  const values = { reference: alert.reference, dueOn: alert.dueOn ?? "", days: escalationDays };
  const part = (t: Translate) => [t(`mail.body.${alert.kind}`, values), t("mail.signIn", { link: alert.link })].join("\n");
  return {
    subject: `[${PRODUCT}] ${id(`mail.subject.${alert.kind}`, values)} / ${en(`mail.subject.${alert.kind}`, values)}`,
    text: [part(id), "", "---", "", part(en), "", "--", id("mail.footer"), en("mail.footer"), ""].join("\n"),
  };
}
