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
