/**
 * Every translation resource, bundled into the server build. The browser fetches the
 * namespaces it needs from /locales/{lng}/{ns} (routes/locales.$lng.$ns.ts).
 * Add a namespace here and in both locales/id and locales/en.
 */
import enAdmin from "../locales/en/admin.json";
import enApi from "../locales/en/api.json";
import enCommon from "../locales/en/common.json";
import enModeration from "../locales/en/moderation.json";
import enOrg from "../locales/en/org.json";
import enSkm from "../locales/en/skm.json";
import enStaff from "../locales/en/staff.json";
import idAdmin from "../locales/id/admin.json";
import idApi from "../locales/id/api.json";
import idCommon from "../locales/id/common.json";
import idModeration from "../locales/id/moderation.json";
import idOrg from "../locales/id/org.json";
import idSkm from "../locales/id/skm.json";
import idStaff from "../locales/id/staff.json";
import enReports from "../locales/en/reports.json";
import enCasework from "../locales/en/casework.json";
import enPerception from "../locales/en/perception.json";
import enZi from "../locales/en/zi.json";
import enOpendata from "../locales/en/opendata.json";
import enDashboard from "../locales/en/dashboard.json";
import idReports from "../locales/id/reports.json";
import idCasework from "../locales/id/casework.json";
import idPerception from "../locales/id/perception.json";
import idZi from "../locales/id/zi.json";
import idOpendata from "../locales/id/opendata.json";
import idDashboard from "../locales/id/dashboard.json";
import enKiosk from "../locales/en/kiosk.json";
import idKiosk from "../locales/id/kiosk.json";
import enAlerts from "../locales/en/alerts.json";
import idAlerts from "../locales/id/alerts.json";
import type { Language } from "./i18n";

export const resources = {
  id: { common: idCommon, org: idOrg, staff: idStaff, admin: idAdmin, api: idApi, skm: idSkm, moderation: idModeration, reports: idReports, casework: idCasework, perception: idPerception, zi: idZi, opendata: idOpendata, dashboard: idDashboard, kiosk: idKiosk, alerts: idAlerts },
  en: { common: enCommon, org: enOrg, staff: enStaff, admin: enAdmin, api: enApi, skm: enSkm, moderation: enModeration, reports: enReports, casework: enCasework, perception: enPerception, zi: enZi, opendata: enOpendata, dashboard: enDashboard, kiosk: enKiosk, alerts: enAlerts },
} satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)["id"];

export function isNamespace(value: string): value is Namespace {
  return Object.hasOwn(resources.id, value);
}
