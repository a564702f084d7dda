/**
 * Exact non-negative rationals for the ZI score (pure). A sub-area value is a mean (5 of 6
 * items = 5/6), which no decimal holds exactly; the LKE keeps the full value through every
 * sum and only the figure shown is rounded, so the score carries fractions, not decimals.
 */

/** A value as JSON can hold it: num ÷ den, both non-negative safe integers, den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/** The same in BigInt, for the sums (denominators multiply). */
export interface Exact {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

function reduce(n: bigint, d: bigint): Exact {
  const g = gcd(n < 0n ? -n : n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Exact = { n: 0n, d: 1n };

export const exact = (fraction: Fraction): Exact => reduce(BigInt(fraction.num), BigInt(fraction.den));

/** A decimal figure of the profile or an input (a weight, an index) with at most `places` decimals. */
export function fromDecimal(value: number, places: number): Exact {
  const scale = 10 ** places;
  return reduce(BigInt(Math.round(value * scale)), BigInt(scale));
}

export const add = (a: Exact, b: Exact): Exact => reduce(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Exact, b: Exact): Exact => reduce(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => reduce(a.n * b.n, a.d * b.d);
export const div = (a: Exact, b: Exact): Exact => reduce(a.n * b.d, a.d * b.n);
export const gte = (a: Exact, b: Exact): boolean => a.n * b.d >= b.n * a.d;

/** Half up to `places` decimals (values here are never negative). */
export function roundHalfUp(value: Exact, places: number): number {
  const scale = 10n ** BigInt(places);
  return Number((2n * value.n * scale + value.d) / (2n * value.d)) / 10 ** places;
}

/** Up to the next `places`-decimal figure: what is still missing is never shown as less than it is. */
export function roundUp(value: Exact, places: number): number {
  const scale = 10n ** BigInt(places);
  return Number((value.n * scale + value.d - 1n) / value.d) / 10 ** places;
}
