export { buildTitleIndex, type TitleIndex, type TitleEntry, type OccupationName } from './title-index.js';
export { resolveTitle, DEFAULT_LIMIT, DEFAULT_MIN_SCORE, type TitleMatch, type ResolveOptions } from './resolve-title.js';
