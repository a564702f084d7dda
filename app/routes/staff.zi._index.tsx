/** /staff/zi?year=YYYY: the units an evaluator (or admin) reaches, with their LKE of the year. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { SubmitRow, TextField } from "~/components/forms";
import { Figure } from "~/components/zi-score";
import { i18nServer } from "~/i18n.server";
import { localDate } from "~/utils/calendar";
import { parseYear } from "~/zi/form-schema";
import { listSheets } from "~/zi/sheets.server";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reach } = await requireReach(request, context, "lke.read");
  const url = new URL(request.url);
  const thisYear = Number(localDate("Asia/Jakarta").slice(0, 4));
  const asked = url.searchParams.get("year");
  const year = asked === null ? thisYear : parseYear(asked);
  const t = await i18nServer.getFixedT(request, "zi");
  if (year === null) throw new Response(t("errors.year"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const sheets = await listSheets(context.db, reach, year);
  return { year, sheets, title: `${t("list.title")} · Pintu Depan` };
}

export default function ZiSheets() {
  const { year, sheets } = useLoaderData<typeof loader>();
  const { t } = useTranslation("zi");
  const readiness = (ready: boolean | null, provisional: boolean) => {
    const verdict = t(`list.ready.${ready === null ? "unknown" : ready ? "yes" : "no"}`);
    return provisional && ready !== null ? t("readiness.provisionalVerdict", { verdict }) : verdict;
  };
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <Form method="get" className="filter-form">
        <TextField label={t("list.year")} name="year" inputMode="numeric" defaultValue={String(year)} pattern="\d{4}" />
        <SubmitRow label={t("list.show")} />
      </Form>
      {sheets.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("list.caption", { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.unit")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("list.total")}</th>
                <th scope="col">WBK</th>
                <th scope="col">WBBM</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((row) => (
                <tr key={row.unitId}>
                  <th scope="row">
                    <Link to={`/staff/zi/${row.regionSlug}/${row.unitSlug}/${year}`}>{row.unitName}</Link>
                    <br />
                    <span className="hint">{row.regionName}</span>
                  </th>
                  <td>{t(`status.${row.status ?? "none"}`)}</td>
                  <td>
                    <Figure value={row.total} />
                    {row.version === null ? null : <span className="hint"> {t("list.version", { version: row.version })}</span>}
                  </td>
                  <td>{readiness(row.wbkReady, row.provisional)}</td>
                  <td>{readiness(row.wbbmReady, row.provisional)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
