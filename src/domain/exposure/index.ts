export {
  exposureScores,
  labelAgreement,
  percentileRank,
  taskWeight,
  type AutomationLabel,
  type ExposureLabel,
  type ExposureScores,
  type LabelAgreement,
  type Rater,
  type WeightedTask,
} from './exposure-score.js';
export { exposureHistogram, type ExposureHistogram } from './exposure-histogram.js';
export {
  buildObservedUseIndex,
  describePotentialAndPractice,
  normaliseTaskStatement,
  observedCoverage,
  type ObservedCoverage,
  type ObservedLevel,
  type ObservedTaskUse,
  type ObservedUseIndex,
} from './observed-use.js';
export { spearman } from './rank-correlation.js';
