import { parseWithZod } from "~/utils/form-rows";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guard.server";
import { useCalendarFormat } from "~/components/calendar-format";
import { FormMessage, StatusMessage, SubmitRow, TextField } from "~/components/forms";
import { i18nServer } from "~/i18n.server";
import { addHolidaySchema, removeHolidaySchema } from "~/reports/casework-schema";
import { addHoliday, holidaysOfYear, holidayYears, removeHoliday } from "~/reports/holidays.server";
import { localDate } from "~/utils/calendar";
import { failure, submissionErrors, typedValues } from "~/utils/form-result.server";

export const handle = { i18n: ["casework"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const INSTALLATION = { kind: "installation" } as const;

function yearFrom(url: URL): number {
  const value = url.searchParams.get("year");
  const current = Number(localDate("Asia/Jakarta").slice(0, 4));
  return value && /^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : current;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "installation.manage", INSTALLATION);
  const url = new URL(request.url);
  const year = yearFrom(url);
  const current = Number(localDate("Asia/Jakarta").slice(0, 4));
  const [days, years] = await Promise.all([holidaysOfYear(context.db, year), holidayYears(context.db, [year, current, current + 1])]);
  const t = await i18nServer.getFixedT(request, "casework");
  const done = url.searchParams.get("done");
  return { year, days, years, done: done === "added" || done === "removed" ? done : null, title: `${t("holidays.title")} · Pintu Depan` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const signedIn = await requirePermission(request, context, "installation.manage", INSTALLATION);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const values = typedValues(formData, ["intent"], 1000);
  const fail = (errors: Record<string, string[]>, status: 400 | 404 = 400) => failure({ intent: typeof intent === "string" ? intent : null, id: null, errors, values }, status);
  if (intent !== "add" && intent !== "remove") return fail({ "": ["errors.unknownIntent"] });
  const submission = parseWithZod(formData, { schema: intent === "add" ? addHolidaySchema : removeHolidaySchema });
  if (submission.status !== "success") return fail(submissionErrors(submission));
  const { day } = submission.value;
  const changed =
    submission.value.intent === "add"
      ? await addHoliday(context.db, signedIn, context.config.reports, day, submission.value.name)
      : await removeHoliday(context.db, signedIn, context.config.reports, day);
  if (!changed) return fail(intent === "add" ? { day: ["errors.holidayExists"] } : { "": ["errors.holidayMissing"] }, intent === "add" ? 400 : 404);
  return redirect(`/staff/admin/holidays?year=${day.slice(0, 4)}&done=${intent === "add" ? "added" : "removed"}`, 303);
}

export default function Holidays() {
  const { year, days, years, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("casework");
  const { shortDay: date } = useCalendarFormat();
  const errorsOf = (field: string) => (failed?.intent === "add" || field === "" ? failed?.errors[field]?.map((key) => t(key)) : undefined);
  return (
    <>
      <h1>{t("holidays.title")}</h1>
      <p>{t("holidays.intro")}</p>
      {done ? <StatusMessage>{t(`holidays.done.${done}`)}</StatusMessage> : null}
      <FormMessage errors={errorsOf("")} />
      <nav aria-label={t("holidays.years")} className="pager">
        {years.map((y) =>
          y === year ? (
            <strong key={y} aria-current="page">
              {y}
            </strong>
          ) : (
            <Link key={y} to={`?year=${y}`}>
              {y}
            </Link>
          ),
        )}
      </nav>
      <h2>{t("holidays.listHeading", { year })}</h2>
      {days.length === 0 ? (
        <p>{t("holidays.none")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("holidays.day")}</th>
              <th scope="col">{t("holidays.name")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("holidays.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((holiday) => (
              <tr key={holiday.day}>
                <td>{date(holiday.day)}</td>
                <td>{holiday.name}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="day" value={holiday.day} />
                    <button type="submit" className="link-button" aria-label={t("holidays.removeLabel", { name: holiday.name, date: date(holiday.day) })}>
                      {t("holidays.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post" aria-labelledby="add-holiday">
        <fieldset>
          <legend id="add-holiday">{t("holidays.addLegend")}</legend>
          <input type="hidden" name="intent" value="add" />
          <TextField
            label={t("holidays.day")}
            name="day"
            type="date"
            required
            defaultValue={failed?.intent === "add" ? (failed.values.day ?? "") : ""}
            errors={errorsOf("day")}
          />
          <TextField
            label={t("holidays.name")}
            name="name"
            required
            maxLength={200}
            defaultValue={failed?.intent === "add" ? (failed.values.name ?? "") : ""}
            errors={errorsOf("name")}
          />
          <SubmitRow label={t("holidays.add")} primary />
        </fieldset>
      </Form>
    </>
  );
}
