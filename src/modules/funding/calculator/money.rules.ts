/**
 * Rounding rule of every funding amount: a share of cents × basis points is rounded DOWN to whole
 * cents (integer arithmetic, no floating point), so no grant is ever a cent above the exact
 * amount the rule allows; a sum is the sum of the rounded parts. Splits of an amount over units or
 * measures hand out the remainder cents one by one to the first parts, so the parts add up exactly.
 */
export function percentOf(cents: number, rateBp: number): number {
  if (cents <= 0 || rateBp <= 0) return 0;
  return Number((BigInt(cents) * BigInt(rateBp)) / 10_000n);
}

/** `cents × numerator / denominator`, rounded down (a cap for some of all units). */
export function fractionOf(cents: number, numerator: number, denominator: number): number {
  if (denominator <= 0 || cents <= 0 || numerator <= 0) return 0;
  return Number((BigInt(cents) * BigInt(numerator)) / BigInt(denominator));
}

/** `total` split into `parts` equal shares; the first `total mod parts` shares get one cent more. */
export function splitEvenly(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/** `total` split in proportion to `weights` (rounded down, remainder cents to the first parts with weight). */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const parts = weights.map((w) => fractionOf(total, w, sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0 && i < parts.length; i++) {
    if (weights[i] > 0) {
      parts[i] += 1;
      rest -= 1;
    }
  }
  return parts;
}

export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} €`;
}

export function percent(bp: number): string {
  return `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}
