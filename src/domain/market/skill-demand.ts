import { growthBetween } from './growth.js';
import { shareOf, type Share } from './share-interval.js';

/** Fewer postings than this in the latest 12 months and a share is not shown for a plan (too noisy to weigh by). */
export const MIN_POSTINGS_FOR_SHARE = 30;
/** Fewer postings than this in each 12-month window and growth is not given. */
export const MIN_POSTINGS_FOR_GROWTH = 30;

/** The postings a plan's demand is read from: the latest 12 months, and the 12 before. */
export interface DemandSample {
  /** Who the postings are for, in words: "Marketing Managers". */
  scope: string;
  /** First and last month ('YYYY-MM') of the latest 12-month window, clipped to the loaded postings. */
  first: string | null;
  last: string | null;
  /** Months the loaded postings for this scope span, first to last. */
  monthsCovered: number;
  later: number;
  earlier: number;
  /** Per skill id: postings asking for it in each window. */
  skills: ReadonlyMap<string, { later: number; earlier: number }>;
}

export interface SkillDemand {
  skillId: string;
  share: Share | null;
  /** Share in the latest 12 months over the share in the 12 before (null when not measurable). */
  yearOnYear: number | null;
  /** Multiplies the gap's weight: 1 + share, or 1 when the sample is too small to weigh by. */
  weightFactor: number;
  /** The reason the plan shows, in words, with sample size and period. */
  reason: string;
}

const pct = (share: number) => `${share < 0.1 ? (share * 100).toFixed(1) : Math.round(share * 100)} %`;
const times = (ratio: number) => `×${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}`;

/**
 * How much the loaded postings for a worker's occupation or target ask for a skill and how fast
 * that grows, as a weight factor and a reason that names the sample; says so when the sample is
 * too small or too short for the figure.
 */
export function skillDemand(sample: DemandSample, skillId: string): SkillDemand {
  const span = sample.first && sample.last ? `${sample.first} – ${sample.last}` : 'no months';
  const where = `postings for ${sample.scope}`;
  if (sample.later < MIN_POSTINGS_FOR_SHARE) {
    return {
      skillId,
      share: null,
      yearOnYear: null,
      weightFactor: 1,
      reason:
        `only ${sample.later} loaded ${where} (${span}): too few to say how often they ask for it ` +
        `(${MIN_POSTINGS_FOR_SHARE} needed); the O*NET "hot technology" flag stands in`,
    };
  }
  const counts = sample.skills.get(skillId) ?? { later: 0, earlier: 0 };
  const share = shareOf(counts.later, sample.later);
  const interval = `95 % interval ${pct(share.low)}–${pct(share.high)}`;
  let growth: string;
  let yearOnYear: number | null = null;
  if (sample.monthsCovered < 24 || sample.earlier < MIN_POSTINGS_FOR_GROWTH) {
    growth =
      `growth not known: the loaded postings cover ${sample.monthsCovered} months ` +
      `(two years and ${MIN_POSTINGS_FOR_GROWTH} postings a year needed)`;
  } else {
    const change = growthBetween(
      { count: counts.earlier, total: sample.earlier },
      { count: counts.later, total: sample.later },
    );
    yearOnYear = change.ratio;
    growth =
      change.ratio === null
        ? counts.later === 0
          ? `none of the ${sample.earlier} postings the year before either`
          : `new this year (none of the ${sample.earlier} postings the year before)`
        : `${times(change.ratio)} in a year (${pct(change.from.share)} of ${sample.earlier} the year before)`;
  }
  return {
    skillId,
    share,
    yearOnYear,
    weightFactor: 1 + share.share,
    reason:
      `asked for in ${pct(share.share)} of ${sample.later} ${where}, ${span} (${interval}), ${growth}; ` +
      'postings are a sample of part of the market',
  };
}
