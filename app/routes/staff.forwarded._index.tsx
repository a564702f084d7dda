import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { i18nServer } from "~/i18n.server";
import { caseworkDeps, forwardedToUnitHeads } from "~/reports/casework.server";

export const handle = { i18n: ["casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

/** Unit managers: what moderators forwarded to the head of their unit, and nothing else. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { signedIn } = await requireReach(request, context, "report.forwarded.read");
  const items = await forwardedToUnitHeads(await caseworkDeps(context), signedIn.actor);
  const t = await i18nServer.getFixedT(request, "casework");
  return { items, title: `${t("forwarded.title")} · Pintu Depan` };
}

export default function ForwardedCases() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  return (
    <>
      <h1>{t("forwarded.title")}</h1>
      <p>{t("forwarded.intro")}</p>
      {items.length === 0 ? <p>{t("forwarded.none")}</p> : null}
      <ul className="plain-list forwarded-list">
        {items.map((item) => (
          <li key={item.id} className="card">
            <h2 className="suggestion-heading">{t("forwarded.item", { reference: item.reference, unit: item.unitName })}</h2>
            <p className="muted">
              {t("forwarded.sentOn", { date: date(item.sentOn) })}
              {item.externalReference ? ` · ${t("forwards.externalReference", { reference: item.externalReference })}` : null}
            </p>
            <p className="case-text">{item.summary}</p>
            {item.files.length > 0 ? (
              <ul className="case-thumbs plain-list">
                {item.files.map((file, i) => (
                  <li key={file.id}>
                    <a href={`/staff/forwarded/${item.id}/files/${file.id}`}>
                      {file.image ? (
                        <img src={`/staff/forwarded/${item.id}/files/${file.id}`} alt={t("forwarded.fileAlt", { n: i + 1 })} width={160} loading="lazy" />
                      ) : (
                        t("forwarded.fileAlt", { n: i + 1 })
                      )}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
