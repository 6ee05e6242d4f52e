/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Share {
  /** Postings that ask for it. */
  count: number;
  /** Postings in the sample (the denominator). */
  total: number;
  /** count / total (0 when total is 0). */
  share: number;
  /** Wilson score interval of the share at 95 %. */
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927): unlike the normal approximation it
 * stays inside 0–1 and behaves for small samples and shares near 0, which most skills' are.
 */
export function wilsonInterval(count: number, total: number, z = Z_95): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 0 };
  const p = count / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A count out of a total as a share with its 95 % Wilson interval. */
export function shareOf(count: number, total: number): Share {
  return { count, total, share: total > 0 ? count / total : 0, ...wilsonInterval(count, total) };
}
