/**
 * Number formats, made once per language and style: a table of a region's units formats
 * hundreds of cells, and making an Intl.NumberFormat is far dearer than using one.
 */
const formats = new Map<string, Intl.NumberFormat>();

function format(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let made = formats.get(key);
  if (!made) {
    made = make();
    formats.set(key, made);
  }
  return made;
}

/** `value` with exactly `digits` decimals, as the language writes numbers. */
export function formatFixed(language: string, value: number, digits: number): string {
  return format(`${language}|fixed|${digits}`, () => new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
}

/** A share (0.25) as a percentage with at most one decimal. */
export function formatPercent(language: string, share: number): string {
  return format(`${language}|percent`, () => new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 })).format(share);
}
