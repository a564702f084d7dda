/** The staff kiosk page's pieces: the one-time pairing code with its QR, and the list of kiosks. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCalendarFormat } from "~/components/calendar-format";

export interface PairingView {
  kioskName: string;
  code: string;
  pairUrl: string;
  qrSvg: string;
  minutes: number;
}

export function PairingPanel({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation("kiosk");
  return (
    <section className="kiosk-pairing" aria-labelledby="pairing-heading">
      <h2 id="pairing-heading">{t("pairing.heading", { name: pairing.kioskName })}</h2>
      <p>{t("pairing.steps", { url: pairing.pairUrl })}</p>
      <p className="kiosk-pairing-code">
        <span className="visually-hidden">{t("pairing.code")}: </span>
        <code>{pairing.code}</code>
      </p>
      {/* The SVG comes from the qrcode library on the server, never from user input. */}
      <div className="kiosk-pairing-qr" role="img" aria-label={t("pairing.qrLabel")} dangerouslySetInnerHTML={{ __html: pairing.qrSvg }} />
      <p className="hint">{t("pairing.expires", { minutes: pairing.minutes })}</p>
    </section>
  );
}

export interface KioskRow {
  id: number;
  name: string;
  askProfile: boolean;
  unitName: string;
  enrolledBy: string | null;
  pairedAt: string | null;
  lastSeenOn: string | null;
  revokedAt: string | null;
}

export function KioskTable({ kiosks }: { kiosks: readonly KioskRow[] }) {
  const { t } = useTranslation("kiosk");
  const { day } = useCalendarFormat();
  return (
    <section aria-labelledby="kiosks-heading">
      <h2 id="kiosks-heading">{t("list.heading")}</h2>
      {kiosks.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("list.name")}</th>
                <th scope="col">{t("list.unit")}</th>
                <th scope="col">{t("list.enrolledBy")}</th>
                <th scope="col">{t("list.lastSeen")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {kiosks.map((kiosk) => (
                <tr key={kiosk.id}>
                  <th scope="row">{kiosk.name}</th>
                  <td>{kiosk.unitName}</td>
                  <td>{kiosk.enrolledBy ?? t("list.unknownStaff")}</td>
                  <td>{kiosk.lastSeenOn ? day(kiosk.lastSeenOn) : t("list.never")}</td>
                  <td>{t(kiosk.revokedAt ? "list.revoked" : kiosk.pairedAt ? "list.paired" : "list.waiting")}</td>
                  <td>{kiosk.revokedAt ? null : <KioskActions kiosk={kiosk} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function KioskActions({ kiosk }: { kiosk: KioskRow }) {
  const { t } = useTranslation("kiosk");
  return (
    <div className="kiosk-actions">
      <Form method="post">
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="kioskId" value={kiosk.id} />
        <button type="submit" className="button">
          {t("list.newCode")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="kioskId" value={kiosk.id} />
        <label className="checkbox">
          <input type="checkbox" name="askProfile" defaultChecked={kiosk.askProfile} /> {t("list.askProfile")}
        </label>
        <button type="submit" className="button">
          {t("list.saveSettings")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="kioskId" value={kiosk.id} />
        <button type="submit" className="button">
          {t("list.revoke", { name: kiosk.name })}
        </button>
      </Form>
    </div>
  );
}
