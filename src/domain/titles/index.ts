export {
  buildTitleIndex,
  employmentPriors,
  type TitleIndex,
  type TitleEntry,
  type OccupationName,
  type OccupationContext,
  type OccupationRelation,
} from './title-index.js';
export {
  resolveTitle,
  DEFAULT_LIMIT,
  DEFAULT_MIN_SCORE,
  NEAR_BEST_SHARE,
  MIN_CANDIDATE_SCORE,
  DEFAULT_WEIGHTS,
  type TitleMatch,
  type ResolveOptions,
  type ScoringWeights,
} from './resolve-title.js';
export { unknownWords } from './title-query.js';
export { isClearMatch, CLEAR_MIN_LEAD, CLEAR_MIN_SCORE } from './clear-match.js';
