import type { DemandBasis, GapAnalysis } from '../planning/skill-gaps.js';
import { MIN_POSTINGS_FOR_SHARE, skillDemand, type DemandSample } from './skill-demand.js';

/** What a plan says when no postings are loaded: gap weights stand on O*NET's "hot technology" flag. */
export const ONET_PROXY_NOTE =
  'No job postings are loaded, so demand is not weighed from postings: O*NET\'s "hot technology" flag for your ' +
  'occupation stands in (load postings with `upskill postings import`).';

/**
 * Weighs a plan's gaps by demand: each weight × (1 + share of the sample's postings asking for the
 * skill), with the share, growth, sample and period in its reasons; without a sample (no postings
 * loaded) the gaps are kept and the basis says the O*NET proxy is used. Gaps are re-ordered by weight.
 */
export function weighGapsByDemand(analysis: GapAnalysis, sample: DemandSample | null): GapAnalysis {
  if (!sample) {
    const demand: DemandBasis = {
      source: 'onet-hot-proxy',
      scope: null,
      postings: 0,
      first: null,
      last: null,
      note: ONET_PROXY_NOTE,
    };
    return { ...analysis, demand };
  }
  const enough = sample.later >= MIN_POSTINGS_FOR_SHARE;
  const demand: DemandBasis = {
    source: enough ? 'postings' : 'onet-hot-proxy',
    scope: sample.scope,
    postings: sample.later,
    first: sample.first,
    last: sample.last,
    note: enough
      ? `Gap weights include how often the ${sample.later} loaded postings for ${sample.scope} of ${sample.first} – ${sample.last} ` +
        'ask for each skill (weight × (1 + share)); postings are a sample of part of the market.'
      : `Only ${sample.later} postings for ${sample.scope} are loaded, too few to weigh by (${MIN_POSTINGS_FOR_SHARE} needed): ` +
        'O*NET\'s "hot technology" flag stands in.',
  };
  const gaps = analysis.gaps
    .map((gap) => {
      const found = skillDemand(sample, gap.skillId);
      return {
        ...gap,
        weight: gap.weight * found.weightFactor,
        reasons: [...gap.reasons, found.reason],
        ...(found.share
          ? {
              demand: {
                count: found.share.count,
                postings: found.share.total,
                share: found.share.share,
                low: found.share.low,
                high: found.share.high,
                yearOnYear: found.yearOnYear,
                weightFactor: found.weightFactor,
              },
            }
          : {}),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  return { ...analysis, gaps, demand };
}
