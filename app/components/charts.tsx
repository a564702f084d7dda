/**
 * Dashboard charts as inline SVG drawn on the server: no JavaScript, a title for every chart,
 * and the same figures in a table beside it (the chart is the picture, the table the text
 * equivalent). Hidden figures (below DISCLOSURE_MIN) are gaps in a line, never a zero.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatFixed } from "~/utils/number-format";

export const formatNumber = formatFixed;

const WIDTH = 300;
const HEIGHT = 120;
const PAD = 24;

/**
 * A line over time on a fixed scale, with gaps where a value is not published. The numbers
 * are in the table that accompanies every use; the SVG has a title and is an image.
 */
export function LineChart({
  title,
  points,
  min,
  max,
  digits,
}: {
  title: string;
  points: ReadonlyArray<{ label: string; value: number | null }>;
  min: number;
  max: number;
  digits: number;
}) {
  const { t, i18n } = useTranslation("dashboard");
  const id = useId();
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const x = (i: number) => PAD + i * step;
  const y = (v: number) => HEIGHT - PAD - ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * (HEIGHT - 2 * PAD);
  // Consecutive published points form one segment; a hidden value breaks the line.
  const segments: Array<Array<{ i: number; v: number }>> = [];
  let current: Array<{ i: number; v: number }> = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push({ i, v: p.value });
  });
  if (current.length > 0) segments.push(current);
  return (
    <svg className="line-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} width="100%">
      <title id={`${id}-title`}>{t("chartTitle", { title })}</title>
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="chart-axis" />
      <text x={2} y={PAD} className="chart-label">
        {formatNumber(i18n.language, max, digits)}
      </text>
      <text x={2} y={HEIGHT - PAD} className="chart-label">
        {formatNumber(i18n.language, min, digits)}
      </text>
      {segments.map((segment) => (
        <polyline key={segment[0]!.i} className="chart-line" points={segment.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")} />
      ))}
      {segments.flat().map((p) => (
        <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={3} className="chart-dot" />
      ))}
      {points.length > 0 ? (
        <>
          <text x={PAD} y={HEIGHT - 6} className="chart-label">
            {points[0]!.label}
          </text>
          <text x={WIDTH - PAD} y={HEIGHT - 6} className="chart-label" textAnchor="end">
            {points[points.length - 1]!.label}
          </text>
        </>
      ) : null}
    </svg>
  );
}

const BAR = 100;

/** A horizontal bar inside a table cell: decoration, the number is in the next cell. */
function CellBar({ value, max }: { value: number; max: number }) {
  const width = max <= 0 ? 0 : Math.max(0, Math.min(1, value / max)) * BAR;
  return (
    <svg className="bar" width="100%" height="14" viewBox={`0 0 ${BAR} 14`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={BAR} height="14" className="bar-track" />
      <rect x="0" y="0" width={width} height="14" className="bar-fill" />
    </svg>
  );
}

/** Counts by label as a table with bars; a count held back reads `hidden`. */
export function CountTable({
  caption,
  labelHeading,
  rows,
  hidden,
}: {
  caption: string;
  labelHeading: string;
  rows: ReadonlyArray<{ key: string; label: string; value: number | null }>;
  hidden: string;
}) {
  const { t, i18n } = useTranslation("dashboard");
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  return (
    <table className="data-table chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{t("reports.count")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("reports.count")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.value === null ? hidden : formatNumber(i18n.language, row.value, 0)}</td>
            <td>{row.value === null ? null : <CellBar value={row.value} max={max} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
