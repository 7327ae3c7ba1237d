'use strict';
/** Rounding and order statistics. */

/** `n` rounded to `digits` decimals; null and undefined stay null. */
const round = (n, digits = 1) => (n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** Median of the non-null values, or null when there are none. */
function median(values) {
  const xs = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Nearest-rank percentile `p` (0–100) of ascending `sorted`, or null when it is empty. */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);

module.exports = { round, median, percentile };
