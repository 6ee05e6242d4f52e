import type { RiskClass } from '../guidance/index.js';

/** The longest question the coach takes: one question at a time, the coach already knows the person's data. */
export const MAX_QUESTION_LENGTH = 2_000;

/** One task of the person's occupation, with the guidance of its work activity. */
export interface CoachTask {
  taskId: number;
  statement: string;
  /** Either rater judged generative AI could help (E1 or E2). */
  exposed: boolean;
  /** What people are observed doing with AI on it: high, some, none or unknown. */
  observed: string;
  risk: RiskClass;
  activity: string;
  aiCan: string;
  recipe: readonly string[];
  tools: readonly string[];
  check: string;
  staysHuman: string;
  neverPaste?: string | undefined;
  humanOnlyBecause?: string | undefined;
}

/** One step of the person's plan. */
export interface CoachStep {
  id: string;
  name: string;
  /** The level it reaches, in words ("can use"). */
  level: string;
  outcome: string;
  hours: number;
  /** The first week it is planned in; null when it is not scheduled (done or skipped). */
  week: number | null;
  status: 'done' | 'skipped' | 'took-longer' | null;
  resourceId: string;
}

export interface CoachResource {
  id: string;
  title: string;
  provider: string;
  url: string;
  format: string;
  cost: number;
  hours: number;
  skills: readonly string[];
}

/** Everything the coach may draw on for one person: what the product already computed for them. */
export interface CoachSources {
  occupation: { code: string; title: string };
  target: { name: string };
  hoursPerWeek: number;
  tasks: readonly CoachTask[];
  steps: readonly CoachStep[];
  resources: readonly CoachResource[];
  gaps: readonly { skillId: string; name: string; from: string; to: string }[];
  skills: readonly { name: string; level: string; source: string }[];
}

/** The pieces retrieved for one question, each with the id an answer cites it by. */
export interface GroundedContext {
  occupation: CoachSources['occupation'];
  target: CoachSources['target'];
  hoursPerWeek: number;
  tasks: CoachTask[];
  steps: CoachStep[];
  resources: CoachResource[];
  gaps: CoachSources['gaps'][number][];
  skills: CoachSources['skills'][number][];
  /** What the question asks about, as the retriever read it. */
  intent: QuestionIntent;
  /** Whether the tasks were chosen because the question shares their words (else: the first exposed ones). */
  tasksMatched: boolean;
}

export interface QuestionIntent {
  /** It asks whether something is safe, private or allowed (pasting data, sharing notes). */
  safety: boolean;
  /** It asks what to learn, in what order, or with how much time. */
  learning: boolean;
  /** Hours the person says they have ("two hours", "90 minutes"), when they say. */
  hoursAvailable: number | null;
}

export const taskCitation = (taskId: number): string => `T:${taskId}`;
export const stepCitation = (stepId: string): string => `S:${stepId}`;
export const resourceCitation = (resourceId: string): string => `R:${resourceId}`;

/** Every id the context holds, as an answer cites it. */
export function citationIds(context: GroundedContext): Set<string> {
  return new Set([
    ...context.tasks.map((task) => taskCitation(task.taskId)),
    ...context.steps.map((step) => stepCitation(step.id)),
    ...context.resources.map((resource) => resourceCitation(resource.id)),
  ]);
}
