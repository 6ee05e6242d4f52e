export {
  buildTitleIndex,
  employmentPriors,
  type TitleIndex,
  type TitleEntry,
  type OccupationName,
  type OccupationContext,
} from './title-index.js';
export {
  resolveTitle,
  DEFAULT_LIMIT,
  DEFAULT_MIN_SCORE,
  DEFAULT_WEIGHTS,
  type TitleMatch,
  type ResolveOptions,
  type ScoringWeights,
} from './resolve-title.js';
