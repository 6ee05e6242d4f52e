/** E0: no exposure; E1: an LLM alone halves the task's time; E2: an LLM plus software built on it would. */
export type ExposureLabel = 'E0' | 'E1' | 'E2';
/** T0 (none) … T4 (full) automation of the task, as rated by GPT-4. */
export type AutomationLabel = 'T0' | 'T1' | 'T2' | 'T3' | 'T4';
export type Rater = 'human' | 'gpt4';

/** The paper's three exposure measures: α = E1, β = E1 + ½·E2, γ = E1 + E2, as shares of the work. */
export interface ExposureScores {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface WeightedTask {
  taskType: 'Core' | 'Supplemental' | null;
  /** O*NET Task Ratings importance (1–5) when the release has it. */
  importance: number | null;
  human: ExposureLabel | null;
  gpt4: ExposureLabel | null;
}

const LABEL_VALUES: Record<ExposureLabel, ExposureScores> = {
  E0: { alpha: 0, beta: 0, gamma: 0 },
  E1: { alpha: 1, beta: 1, gamma: 1 },
  E2: { alpha: 0, beta: 0.5, gamma: 1 },
};

/** A task's weight in its occupation: importance when rated, else core 2 and supplemental 1 as in the paper. */
export function taskWeight(task: Pick<WeightedTask, 'taskType' | 'importance'>): number {
  if (task.importance !== null) return task.importance;
  return task.taskType === 'Core' ? 2 : 1;
}

/** Weighted share of an occupation's labelled tasks exposed, by one rater; null when no task is labelled. */
export function exposureScores(tasks: readonly WeightedTask[], rater: Rater): ExposureScores | null {
  let weightSum = 0;
  const sums = { alpha: 0, beta: 0, gamma: 0 };
  for (const task of tasks) {
    const label = task[rater];
    if (label === null) continue;
    const weight = taskWeight(task);
    const values = LABEL_VALUES[label];
    weightSum += weight;
    sums.alpha += weight * values.alpha;
    sums.beta += weight * values.beta;
    sums.gamma += weight * values.gamma;
  }
  if (weightSum === 0) return null;
  return { alpha: sums.alpha / weightSum, beta: sums.beta / weightSum, gamma: sums.gamma / weightSum };
}

export type LabelAgreement = 'agree' | 'gpt4-higher' | 'human-higher' | 'unlabelled';

const LABEL_RANK: Record<ExposureLabel, number> = { E0: 0, E2: 1, E1: 2 };

/** Whether the human raters and GPT-4 gave the task the same label, and if not which saw more exposure. */
export function labelAgreement(human: ExposureLabel | null, gpt4: ExposureLabel | null): LabelAgreement {
  if (human === null || gpt4 === null) return 'unlabelled';
  if (human === gpt4) return 'agree';
  return LABEL_RANK[gpt4] > LABEL_RANK[human] ? 'gpt4-higher' : 'human-higher';
}

/** Percent of values strictly below `value` (0–100): "more exposed than 72 % of occupations". */
export function percentileRank(value: number, values: readonly number[]): number {
  if (values.length === 0) return 0;
  let below = 0;
  for (const other of values) if (other < value - 1e-12) below++;
  return Math.round((1000 * below) / values.length) / 10;
}
