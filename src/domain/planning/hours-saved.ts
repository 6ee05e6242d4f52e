import type { ObservedLevel } from '../exposure/index.js';
import { taskWeight, type ExposureLabel } from '../exposure/index.js';
import type { RiskClass } from '../guidance/index.js';
import type { OccupationTask } from './target-roles.js';

/**
 * Share of a task's time an LLM saves, by label: E1 halves the time (the paper's definition), E2 needs tools
 * built on top, so a quarter.
 */
export const TIME_SAVED_SHARE: Record<ExposureLabel, number> = { E0: 0, E1: 0.5, E2: 0.25 };

/**
 * Of the time AI saves, the share spent checking its work, by risk class: an `assist` draft is
 * read and corrected; `caution` work also needs its data removed before and checked after; a
 * `human-only` task is not handed to AI at all, so it saves nothing and needs no review.
 */
export const REVIEW_SHARE: Record<RiskClass, number> = { assist: 0.3, caution: 0.5, 'human-only': 1 };

/**
 * How much of the exposure people realise today, by observed use (Anthropic Economic Index): the low
 * end of the range scales potential by it; the high end assumes the potential is realised in full.
 */
export const ADOPTION_SHARE: Record<ObservedLevel, number> = {
  frequent: 1,
  occasional: 0.6,
  'not-seen': 0.3,
  unknown: 0.6,
};

/** Where each task's share of the working week comes from, best first. */
export type TimeShareBasis = 'task-ratings' | 'activity-weights' | 'task-weights';

export interface HoursSavedTask extends OccupationTask {
  taskId: number;
  /** Risk class of the task's guidance; absent means `assist`. */
  risk?: RiskClass | undefined;
  /** Observed use of the task; absent means unknown. */
  observed?: ObservedLevel | undefined;
}

export interface HoursSaved {
  /** Midpoint of the range. */
  hoursPerWeek: number;
  low: number;
  high: number;
  basis: TimeShareBasis;
  /** The basis and the assumptions, in words. */
  assumptions: string[];
}

/**
 * Each task's share of working time. With an occupation's work-activity weights (O*NET 29.0 task
 * relevance × importance, per activity), an activity's weight is split over the tasks linked to it;
 * tasks linked to no weighted activity take the smallest share given. Without them, shares follow
 * the task weights (core 2, supplemental 1, or O*NET importance).
 */
export function taskTimeShares(
  tasks: readonly HoursSavedTask[],
  links: readonly { taskId: number; iwa: string }[] = [],
  activityWeights: readonly { iwa: string; weight: number }[] = [],
): { shares: Map<number, number>; basis: TimeShareBasis } {
  const weightOf = new Map(activityWeights.map((a) => [a.iwa, a.weight]));
  const taskIds = new Set(tasks.map((t) => t.taskId));
  const tasksOf = new Map<string, number[]>();
  for (const link of links) {
    if (!taskIds.has(link.taskId) || !weightOf.has(link.iwa)) continue;
    tasksOf.set(link.iwa, [...(tasksOf.get(link.iwa) ?? []), link.taskId]);
  }
  const raw = new Map<number, number>();
  for (const [iwa, linked] of tasksOf)
    for (const taskId of linked) raw.set(taskId, (raw.get(taskId) ?? 0) + weightOf.get(iwa)! / linked.length);
  const usesActivities = raw.size >= Math.max(1, tasks.length / 2);
  if (usesActivities) {
    const floor = Math.min(...raw.values());
    for (const task of tasks) if (!raw.has(task.taskId)) raw.set(task.taskId, floor);
  } else {
    raw.clear();
    for (const task of tasks) raw.set(task.taskId, taskWeight(task));
  }
  const total = [...raw.values()].reduce((sum, value) => sum + value, 0);
  const shares = new Map([...raw].map(([taskId, value]) => [taskId, total === 0 ? 0 : value / total]));
  return { shares, basis: usesActivities ? 'activity-weights' : 'task-weights' };
}

const BASIS_WORDS: Record<TimeShareBasis, string> = {
  'task-ratings': 'each task’s share of the week from O*NET Task Ratings (frequency and importance)',
  'activity-weights':
    'each task’s share of the week from the occupation’s work-activity weights (O*NET 29.0 task ' +
    'relevance and importance, published with Microsoft’s Working with AI), split over the tasks ' +
    'linked to each activity',
  'task-weights':
    'each task’s share of the week from its O*NET weight (core 2, supplemental 1, or importance) ' +
    '— no time-use data for this occupation, so an even split over comparable tasks',
};

/**
 * Hours a week generative AI could save on an occupation's tasks, as a low–high range: each
 * task's share of the week × the share of its time its exposure label saves (the lower rater for the
 * low end, the higher for the high end) × how much of that people realise today (observed use; in
 * full for the high end) − the time spent checking AI's work (by the task's risk class; `human-only`
 * tasks save nothing).
 */
export function estimateHoursSaved(
  tasks: readonly HoursSavedTask[],
  shares: { shares: Map<number, number>; basis: TimeShareBasis } = taskTimeShares(tasks),
  workHoursPerWeek = 40,
): HoursSaved {
  let low = 0;
  let high = 0;
  for (const task of tasks) {
    const share = shares.shares.get(task.taskId) ?? 0;
    const net = 1 - REVIEW_SHARE[task.risk ?? 'assist'];
    const human = TIME_SAVED_SHARE[task.human ?? 'E0'];
    const gpt4 = TIME_SAVED_SHARE[task.gpt4 ?? 'E0'];
    low += share * Math.min(human, gpt4) * ADOPTION_SHARE[task.observed ?? 'unknown'] * net;
    high += share * Math.max(human, gpt4) * net;
  }
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    hoursPerWeek: round(((low + high) / 2) * workHoursPerWeek),
    low: round(low * workHoursPerWeek),
    high: round(high * workHoursPerWeek),
    basis: shares.basis,
    assumptions: [
      `a ${workHoursPerWeek}-hour week, with ${BASIS_WORDS[shares.basis]}`,
      'a task labelled E1 takes half the time with an LLM, E2 (needs tools built on an LLM) a quarter ' +
        'less, E0 no change; the low end takes the lower of the two raters’ labels, the high end the ' +
        'higher',
      'the low end counts only the share people realise today, from observed use per task (Anthropic ' +
        'Economic Index: all of it where use is frequent, 60 % where occasional or unknown, 30 % where ' +
        'none was seen); the high end all of it',
      'checking AI’s work takes back 30 % of the time saved on assist tasks and 50 % on caution tasks; ' +
        'human-only tasks are not handed to AI and save nothing',
    ],
  };
}
