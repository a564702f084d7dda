/**
 * /staff/integrity?period=YYYY-MM|YYYY-Qn|YYYY: the units a moderator, evaluator or province
 * monitor reaches, each with its index and its integrity flags for the period.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireReach } from "~/auth/guard.server";
import { SubmitRow, TextField } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { isFlagPeriod } from "~/integrity/flags";
import { unitPeriodFlags, unitsReached } from "~/integrity/flags.server";
import { parsePeriod } from "~/skm/periods";
import { localDate } from "~/utils/calendar";

export const handle = { i18n: ["zi"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reach } = await requireReach(request, context, "integrity.read");
  const t = await i18nServer.getFixedT(request, "zi");
  const asked = new URL(request.url).searchParams.get("period");
  const key = asked ?? localDate("Asia/Jakarta").slice(0, 7);
  const period = isFlagPeriod(key) ? parsePeriod(key) : null;
  if (!period) throw new Response(t("integrity.errors.period"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const rows = [];
  for (const unit of await unitsReached(context.db, reach)) {
    const { figures, flags } = await unitPeriodFlags(context.db, unit, period);
    rows.push({
      address: `${unit.regionSlug}/${unit.slug}`,
      name: unit.name,
      regionName: unit.regionName,
      respondents: figures.respondents,
      score: figures.score,
      flags: flags.map((f) => ({ kind: f.kind, reviewed: f.review !== null })),
    });
  }
  return { period: period.key, rows, title: `${t("integrity.title")} · Pintu Depan` };
}

export default function IntegrityList() {
  const { period, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation("zi");
  return (
    <>
      <h1>{t("integrity.title")}</h1>
      <p>{t("integrity.intro")}</p>
      <Form method="get" className="filter-form">
        <TextField label={t("integrity.period")} hint={t("integrity.periodHint")} name="period" defaultValue={period} />
        <SubmitRow label={t("integrity.show")} />
      </Form>
      {rows.length === 0 ? (
        <p>{t("integrity.noUnits")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("integrity.caption", { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("integrity.unit")}</th>
                <th scope="col">{t("integrity.respondents")}</th>
                <th scope="col">{t("integrity.score")}</th>
                <th scope="col">{t("integrity.flagsColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.address} data-unit={row.address}>
                  <th scope="row">
                    <Link to={`/staff/integrity/${row.address}?period=${period}`}>{row.name}</Link>
                    <br />
                    <span className="hint">{row.regionName}</span>
                  </th>
                  <td>{row.respondents}</td>
                  <td>{row.score ?? "–"}</td>
                  <td>
                    {row.flags.length === 0
                      ? t("integrity.noFlags")
                      : row.flags.map((f) => `${t(`integrity.flags.${f.kind}.name`)}${f.reviewed ? ` (${t("integrity.reviewedShort")})` : ""}`).join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
