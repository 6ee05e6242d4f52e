import type { OccupationTask, Rater } from '../api/types';

type Label = 'E0' | 'E1' | 'E2';

/** The paper's rubric in plain words (Eloundou et al., 2023). */
export const LABEL_MEANING: Record<Label, string> = {
  E0: 'not exposed: an LLM would not save meaningful time',
  E1: 'directly exposed: an LLM alone could cut the time at least in half',
  E2: 'exposed with tools: software built on an LLM could cut the time at least in half',
};
const SHORT: Record<Label, string> = { E0: 'not exposed', E1: 'direct', E2: 'with tools' };
export const RATER_NAME: Record<Rater, string> = { human: 'Human raters', gpt4: 'GPT-4' };

export function ExposureBadge({ rater, label }: { rater: Rater; label: Label | null }) {
  const text = label ? `${label} · ${SHORT[label]}` : 'no label';
  return (
    <span
      className={`badge badge-${label ?? 'none'}`}
      title={label ? `${RATER_NAME[rater]}: ${LABEL_MEANING[label]}` : `${RATER_NAME[rater]}: not labelled`}
    >
      <span className="badge-rater">{rater === 'human' ? 'Human' : 'GPT-4'}</span> {text}
    </span>
  );
}

/** A task AI can help with: either rater saw exposure (E1 or E2). */
export const isExposed = (task: Pick<OccupationTask, 'human' | 'gpt4'>) =>
  (task.human !== null && task.human !== 'E0') || (task.gpt4 !== null && task.gpt4 !== 'E0');
