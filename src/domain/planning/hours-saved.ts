import { taskWeight, type ExposureLabel } from '../exposure/index.js';
import type { OccupationTask } from './target-roles.js';

/** Share of a task's time an LLM saves, by label: E1 halves the time (the paper's definition), E2 needs tools built on top, so a quarter. */
export const TIME_SAVED_SHARE: Record<ExposureLabel, number> = { E0: 0, E1: 0.5, E2: 0.25 };

export interface HoursSaved {
  /** Midpoint between the two raters. */
  hoursPerWeek: number;
  low: number;
  high: number;
  assumptions: string[];
}

/**
 * Hours a week generative AI could save on an occupation's tasks: the week is split over the
 * tasks in proportion to their weight, and each exposed task saves the share of its time its
 * label implies. The two raters give the low and high ends.
 */
export function estimateHoursSaved(tasks: readonly OccupationTask[], workHoursPerWeek = 40): HoursSaved {
  let total = 0;
  let human = 0;
  let gpt4 = 0;
  for (const task of tasks) {
    const weight = taskWeight(task);
    total += weight;
    human += weight * TIME_SAVED_SHARE[task.human ?? 'E0'];
    gpt4 += weight * TIME_SAVED_SHARE[task.gpt4 ?? 'E0'];
  }
  const round = (value: number): number => Math.round(value * 10) / 10;
  const low = total === 0 ? 0 : (Math.min(human, gpt4) / total) * workHoursPerWeek;
  const high = total === 0 ? 0 : (Math.max(human, gpt4) / total) * workHoursPerWeek;
  return {
    hoursPerWeek: round((low + high) / 2),
    low: round(low),
    high: round(high),
    assumptions: [
      `a ${workHoursPerWeek}-hour week, split over the tasks in proportion to their weight (core 2, supplemental 1, or O*NET importance)`,
      'a task labelled E1 takes half the time with an LLM; E2 (needs tools built on an LLM) a quarter less; E0 no change',
      "the low and high ends use the human raters' and GPT-4's labels; time for checking AI output is not deducted",
    ],
  };
}
