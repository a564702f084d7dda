/**
 * A ZI score as the worksheet shows it: the totals, and the WBK / WBBM readiness with each
 * requirement met or not and, when not, what is missing, in words built from the requirement.
 */
import { useTranslation } from "react-i18next";
import type { Readiness, Requirement, ZiScore } from "~/zi/score-types";

export function useZiFormat() {
  const { i18n } = useTranslation("zi");
  const fixed = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  return {
    points: (value: number | null | undefined) => (value === null || value === undefined ? "–" : fixed.format(value)),
    share: (value: number | null | undefined) => (value === null || value === undefined ? "–" : percent.format(value)),
  };
}

/** A figure with its exact value in `value`, so machines read it whatever the language. */
export function Figure({ value, className }: { value: number | null; className?: string }) {
  const format = useZiFormat();
  return value === null ? (
    <span className={className}>–</span>
  ) : (
    <data value={String(value)} className={className}>
      {format.points(value)}
    </data>
  );
}

function RequirementLine({ requirement }: { requirement: Requirement }) {
  const { t } = useTranslation("zi");
  const format = useZiFormat();
  const predicate = (value: string | number | null) => t(`predicate.${value === null ? "none" : String(value)}`);
  const values = {
    area: requirement.area ?? "",
    required: requirement.key === "areaShare" ? format.points(requirement.requiredPoints) : format.points(Number(requirement.required)),
    actual: requirement.key === "areaShare" ? format.points(requirement.actualPoints) : format.points(requirement.actual as number | null),
    requiredShare: format.share(Number(requirement.required)),
    actualShare: format.share(requirement.actual as number | null),
    requiredIndex: format.points(requirement.requiredIndex),
    actualIndex: format.points(requirement.actualIndex),
    requiredPredicate: predicate(requirement.required),
    actualPredicate: predicate(requirement.actual),
  };
  let gap: string | null = null;
  if (requirement.met === false) {
    if (requirement.key === "predicate") gap = t("gap.predicate", values);
    else if (requirement.key === "ipakPoints" || requirement.key === "ipkpPoints")
      gap = t("gap.index", { ...values, name: requirement.key === "ipakPoints" ? "IPAK" : "IPKP", gap: format.points(requirement.indexGap) });
    else if (requirement.key === "areaShare") gap = t("gap.points", { ...values, gap: format.points(requirement.gapPoints) });
    else gap = t("gap.points", { ...values, gap: format.points(requirement.gap) });
    // Shown at (or rounded up to) its threshold yet not met: the unrounded value is below it.
    const [shown, needed] = requirement.key === "areaShare" ? [requirement.actualPoints, requirement.requiredPoints] : [requirement.actual, requirement.required];
    if (typeof shown === "number" && typeof needed === "number" && shown >= needed) gap = `${gap} ${t("gap.unrounded")}`;
  }
  const state = requirement.met === null ? "missing" : requirement.met ? "met" : "notMet";
  return (
    <li className={`requirement requirement-${state}`}>
      <span className="requirement-state">{t(`requirementState.${state}`)}</span> {t(`requirement.${requirement.key}`, values)}
      {gap ? <span className="requirement-gap"> — {gap}</span> : null}
    </li>
  );
}

function ReadinessPanel({ predicate, readiness }: { predicate: "wbk" | "wbbm"; readiness: Readiness }) {
  const { t } = useTranslation("zi");
  const verdict = readiness.ready === null ? "undecided" : readiness.ready ? "ready" : "notReady";
  const text = readiness.provisional ? t("readiness.provisionalVerdict", { verdict: t(`readiness.${verdict}`) }) : t(`readiness.${verdict}`);
  return (
    <section className="readiness" aria-labelledby={`readiness-${predicate}`}>
      <h3 id={`readiness-${predicate}`}>
        {t(`readiness.title.${predicate}`)}: <span className={`readiness-${verdict}`}>{text}</span>
      </h3>
      <ul>
        {readiness.requirements.map((r) => (
          <RequirementLine key={`${r.key}-${r.area ?? ""}`} requirement={r} />
        ))}
      </ul>
    </section>
  );
}

export function ScoreSummary({ score }: { score: ZiScore }) {
  const { t } = useTranslation("zi");
  const ipak = score.hasil.birokrasiBersih.ipak;
  const ipkp = score.hasil.pelayananPrima.ipkp;
  return (
    <>
      <dl className="zi-totals">
        <div>
          <dt>{t("score.total")}</dt>
          <dd>
            <Figure value={score.total} className="zi-total" />
          </dd>
        </div>
        <div>
          <dt>{t("score.pengungkit", { weight: score.pengungkit.weight })}</dt>
          <dd>
            <Figure value={score.pengungkit.points} />
          </dd>
        </div>
        <div>
          <dt>{t("score.hasil", { weight: score.hasil.birokrasiBersih.weight + score.hasil.pelayananPrima.weight })}</dt>
          <dd>
            <Figure value={score.hasil.points} />
          </dd>
        </div>
      </dl>
      <p className="hint">
        {t("score.sources", { ipak: t(`source.${ipak.source}`), ipkp: t(`source.${ipkp.source}`) })}
      </p>
      {score.provisional ? <p className="panel">{t("readiness.provisionalNote")}</p> : null}
      <div className="readiness-grid">
        <ReadinessPanel predicate="wbk" readiness={score.wbk} />
        <ReadinessPanel predicate="wbbm" readiness={score.wbbm} />
      </div>
    </>
  );
}

/** The id a worksheet form gives a field, so the error summary can link to it. */
export const fieldId = (field: string) => `field-${field.replace(/[[\].]/g, "-")}`;
