export { buildTitleIndex, type TitleIndex, type TitleEntry, type OccupationName } from './title-index.js';
export { resolveTitle, DEFAULT_LIMIT, DEFAULT_MIN_SCORE, DEFAULT_WEIGHTS, type TitleMatch, type ResolveOptions, type ScoringWeights } from './resolve-title.js';
