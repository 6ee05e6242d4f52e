import { shareOf, type Share } from './share-interval.js';

export interface Growth {
  /** The later period's share over the earlier one's (null when the earlier share is 0: growth from nothing has no ratio). */
  ratio: number | null;
  /** Difference of the two shares in percentage points. */
  points: number;
  from: Share;
  to: Share;
}

/** How a share changed from one period to another (e.g. quarter on quarter, year on year). */
export function growthBetween(
  earlier: { count: number; total: number },
  later: { count: number; total: number },
): Growth {
  const from = shareOf(earlier.count, earlier.total);
  const to = shareOf(later.count, later.total);
  return {
    ratio: from.share > 0 && later.total > 0 ? to.share / from.share : null,
    points: (to.share - from.share) * 100,
    from,
    to,
  };
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * One-sided two-proportion z-test (pooled) that the later share is higher than the earlier one:
 * z and its p-value. Returns p = 1 when either sample is empty or nothing was counted.
 */
export function twoProportionTest(
  earlier: { count: number; total: number },
  later: { count: number; total: number },
): { z: number; p: number } {
  if (earlier.total <= 0 || later.total <= 0) return { z: 0, p: 1 };
  const pooled = (earlier.count + later.count) / (earlier.total + later.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / earlier.total + 1 / later.total));
  if (se === 0) return { z: 0, p: 1 };
  const z = (later.count / later.total - earlier.count / earlier.total) / se;
  return { z, p: 1 - normalCdf(z) };
}
