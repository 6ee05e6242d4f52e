import type { TitleMatch } from './resolve-title.js';

/** A best match this strong names the job: an exact or near-exact title with support from the rest. */
export const CLEAR_MIN_SCORE = 0.6;
/** …and it is this far ahead of the next occupation, so no other reading is about as likely. */
export const CLEAR_MIN_LEAD = 0.1;

/**
 * True when the first of a ranked list is clearly the occupation a typed title means: strong, and
 * well ahead of the runner-up. "accountant" is clear (0.98 against 0.83); "marketing specialist",
 * which O*NET lists under two occupations alike, is not, and neither is a lone "driver".
 */
export function isClearMatch(matches: readonly TitleMatch[]): boolean {
  const [best, next] = matches;
  if (!best || best.score < CLEAR_MIN_SCORE) return false;
  return next === undefined || best.score - next.score >= CLEAR_MIN_LEAD;
}
