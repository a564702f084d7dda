/** The four answers' faces, from very unhappy (1) to very happy (4). Decorative: the words carry the meaning. */
const MOUTHS: Record<number, string> = {
  1: "M20 46 Q32 34 44 46",
  2: "M21 44 Q32 39 43 44",
  3: "M21 40 Q32 47 43 40",
  4: "M19 38 Q32 52 45 38",
};
const COLOURS: Record<number, string> = { 1: "#b3261e", 2: "#b35c00", 3: "#2e7d32", 4: "#1b5e20" };

export function Face({ value }: { value: 1 | 2 | 3 | 4 }) {
  return (
    <svg className="kiosk-face" viewBox="0 0 64 64" width="96" height="96" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="#fff" stroke={COLOURS[value]} strokeWidth="4" />
      <circle cx="23" cy="25" r="3.5" fill={COLOURS[value]} />
      <circle cx="41" cy="25" r="3.5" fill={COLOURS[value]} />
      <path d={MOUTHS[value]} fill="none" stroke={COLOURS[value]} strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
