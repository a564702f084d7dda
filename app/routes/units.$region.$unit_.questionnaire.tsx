/**
 * /units/{region}/{unit}/questionnaire?lang=id|en: the unit's paper SKM questionnaire, one A4
 * sheet to print. Every box maps to one column of the import CSV (docs/skm.md): the column
 * name is printed beside it in brackets and the code to type beside each choice, so data
 * entry is one to one. The texts come from the server in the language asked for (the browser
 * holds only the reader's language, and a sheet rendered from it would differ from the server's).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { i18nServer } from "~/i18n.server";
import { fallbackLanguage, isLanguage, supportedLanguages } from "~/i18n";
import { findUnitByAddress } from "~/org/queries.server";
import { SKM_ELEMENTS } from "~/regulation/skm";
import { EDUCATION_CODES, OCCUPATION_CODES, serviceCode } from "~/skm/import";
import { notFound } from "~/utils/http.server";

export const handle = { i18n: ["skm"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Pintu Depan" }];

const SHEET_KEYS = ["title", "intro", "howTo", "date", "dateHint", "service", "age", "ageUnit", "columnNote", "thanks", "printHint", "otherLanguage"] as const;
const FORM_KEYS = ["profileHeading", "profileIntro", "questionsHeading", "sex", "sexL", "sexP", "education", "occupation"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const unit = await findUnitByAddress(context.db, params.region ?? "", params.unit ?? "", { services: true });
  if (!unit) throw notFound();
  const asked = new URL(request.url).searchParams.get("lang");
  const requested = await i18nServer.getLocale(request);
  const lang = isLanguage(asked) ? asked : isLanguage(requested) ? requested : fallbackLanguage;
  const other = supportedLanguages.find((l) => l !== lang) ?? fallbackLanguage;
  const t = await i18nServer.getFixedT(lang, "skm");
  const pick = <K extends string>(keys: readonly K[], prefix: string) => Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
  return {
    lang,
    other,
    unit: { name: unit.name, regionName: unit.regionName },
    text: { ...pick(SHEET_KEYS, "questionnaire"), ...pick(FORM_KEYS, "form") },
    services: unit.services.map((service) => ({ code: serviceCode(service), name: service.name })),
    education: EDUCATION_CODES.map((code) => ({ code, label: t(`form.educations.${code}`) })),
    occupation: OCCUPATION_CODES.map((code) => ({ code, label: t(`form.occupations.${code}`) })),
    questions: SKM_ELEMENTS.map((element) => ({
      element,
      name: t(`questions.${element}.name`),
      question: t(`questions.${element}.question`),
      answers: ([1, 2, 3, 4] as const).map((value) => ({ value, label: t(`questions.${element}.${value}`) })),
    })),
    title: t("questionnaire.metaTitle", { unit: unit.name }),
  };
}

/** One printed choice: an empty box, the code typed into the CSV, and its label. */
function Choice({ code, label }: { code: string | number; label: string }) {
  return (
    <li className="sheet-choice">
      <span className="sheet-box" aria-hidden="true" />
      <strong>{code}</strong> {label}
    </li>
  );
}

/** The CSV column a box is typed into. */
const Column = ({ name }: { name: string }) => <code className="sheet-column">[{name}]</code>;

export default function PaperQuestionnaire() {
  const { lang, other, unit, text, services, education, occupation, questions } = useLoaderData<typeof loader>();
  return (
    <div className="sheet" lang={lang}>
      <p className="no-print">
        {text.printHint} <a href={`?lang=${other}`} hrefLang={other}>{text.otherLanguage}</a>
      </p>
      <h1>{text.title}</h1>
      <p className="sheet-unit">
        {unit.name} · <span className="muted">{unit.regionName}</span>
      </p>
      <p>{text.intro}</p>
      <p className="hint">{text.howTo}</p>

      <div className="sheet-row">
        <p className="sheet-field">
          <strong>{text.date}</strong> <Column name="date" /> <span className="sheet-line" /> <span className="hint">{text.dateHint}</span>
        </p>
      </div>
      <section className="sheet-block">
        <h2>
          {text.service} <Column name="service" />
        </h2>
        <ul className="sheet-choices">
          {services.map((service) => (
            <Choice key={service.code} code={service.code} label={service.name === service.code ? "" : service.name.slice(service.code.length).trim()} />
          ))}
        </ul>
      </section>

      <section className="sheet-block">
        <h2>{text.profileHeading}</h2>
        <p className="hint">{text.profileIntro}</p>
        <p>
          <strong>{text.sex}</strong> <Column name="sex" />
        </p>
        <ul className="sheet-choices">
          <Choice code="L" label={text.sexL} />
          <Choice code="P" label={text.sexP} />
        </ul>
        <p className="sheet-field">
          <strong>{text.age}</strong> <Column name="age" /> <span className="sheet-line sheet-line-short" /> {text.ageUnit}
        </p>
        <p>
          <strong>{text.education}</strong> <Column name="education" />
        </p>
        <ul className="sheet-choices">
          {education.map((item) => (
            <Choice key={item.code} code={item.code} label={item.label} />
          ))}
        </ul>
        <p>
          <strong>{text.occupation}</strong> <Column name="occupation" />
        </p>
        <ul className="sheet-choices">
          {occupation.map((item) => (
            <Choice key={item.code} code={item.code} label={item.label} />
          ))}
        </ul>
      </section>
      <section className="sheet-block">
        <h2>{text.questionsHeading}</h2>
        <ol className="sheet-questions">
          {questions.map((q) => (
            <li key={q.element}>
              <p>
                <strong>{q.element.toUpperCase()}</strong> <Column name={q.element} /> {q.question} <span className="muted">({q.name})</span>
              </p>
              <ul className="sheet-choices">
                {q.answers.map((answer) => (
                  <Choice key={answer.value} code={answer.value} label={answer.label} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <p>{text.thanks}</p>
      <p className="hint">{text.columnNote}</p>
    </div>
  );
}
