import type { ExposureScores, Rater } from './exposure-score.js';

export interface ExposureHistogram {
  rater: Rater;
  /** Width of each bin on the 0–1 β scale. */
  binWidth: number;
  /** counts[i] = occupations whose β lies in [i·binWidth, (i+1)·binWidth); 1.0 falls in the last bin. */
  counts: number[];
  occupations: number;
  median: number;
}

/** How β exposure is spread over all occupations, so one occupation can be placed among them. */
export function exposureHistogram(
  rows: readonly { human: ExposureScores | null; gpt4: ExposureScores | null }[],
  rater: Rater,
  bins = 20,
): ExposureHistogram {
  const values = rows.flatMap((row) => (row[rater] ? [row[rater].beta] : [])).sort((a, b) => a - b);
  const counts = new Array<number>(bins).fill(0);
  // β is a weighted mean, so 0.35 can arrive as 0.34999999999; a nano-nudge keeps it in its own bin.
  for (const value of values) counts[Math.min(bins - 1, Math.floor(value * bins + 1e-9))]! += 1;
  const mid = values.length >> 1;
  const median = values.length === 0 ? 0 : values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return { rater, binWidth: 1 / bins, counts, occupations: values.length, median };
}
