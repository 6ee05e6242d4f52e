import { resourceCitation, stepCitation, taskCitation, type CoachTask, type GroundedContext } from './coach-context.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The warning a task carries into the prompt and the offline answer, if its risk class has one. */
export function taskWarning(task: CoachTask): string | undefined {
  if (task.risk === 'human-only')
    return (
      `HUMAN-ONLY: AI may prepare information for this task, it never decides or acts` +
      `${task.humanOnlyBecause ? ` (${task.humanOnlyBecause})` : ''}. ${task.staysHuman}`
    );
  if (task.risk === 'caution')
    return (
      'CAUTION: this task touches personal, confidential or regulated data. ' +
      `Never paste: ${(task.neverPaste ?? 'identifying details').replace(/\.$/, '')}.`
    );
  return undefined;
}

const INSTRUCTIONS = [
  'You are the career coach inside Upskill. You help one worker use generative AI in their job and plan what to learn.',
  'Answer ONLY from the CONTEXT. Every claim about the worker’s tasks, plan or resources ends with the id of the piece it rests on,',
  'in square brackets exactly as given: [T:<task id>] for a task, [S:<step id>] for a plan step, [R:<resource id>] for a resource.',
  'Cite only ids that appear in the CONTEXT; never invent one. If the CONTEXT does not answer the question, say so plainly.',
  'Every CAUTION or HUMAN-ONLY warning in the CONTEXT applies to your answer: repeat it where it matters and never advise against it.',
  'Redacted details appear as [name], [email], [phone] or [employer]; do not guess them.',
  'Be concrete and brief: at most 200 words, plain text, short paragraphs or a short list.',
].join(' ');

/** The context as plain lines, each piece headed by its id: what the model reads and the preview shows. */
export function contextText(context: GroundedContext): string {
  const lines = [
    `Occupation: ${context.occupation.title} (O*NET ${context.occupation.code}). Goal: ${context.target.name}; ` +
      `${context.hoursPerWeek} hours a week to learn.`,
  ];
  if (context.skills.length > 0)
    lines.push(
      `Skills now: ${context.skills.map((skill) => `${skill.name} (${skill.level}, ${skill.source})`).join('; ')}.`,
    );
  if (context.gaps.length > 0)
    lines.push(`Gaps for the goal: ${context.gaps.map((gap) => `${gap.name} ${gap.from} → ${gap.to}`).join('; ')}.`);
  lines.push('', 'TASKS');
  for (const task of context.tasks) {
    lines.push(
      `[${taskCitation(task.taskId)}] ${task.statement} — exposed to generative AI: ${task.exposed ? 'yes' : 'no'}; ` +
        `observed AI use: ${task.observed}; risk class: ${task.risk}. ` +
        `Activity: ${task.activity.replace(/\.$/, '')}. AI can: ${task.aiCan} ` +
        `Recipe: ${task.recipe.map((step) => step.replace(/\.$/, '')).join(' / ')}. ` +
        `Tools: ${task.tools.join(', ') || 'none named'}. Check: ${task.check} ` +
        `Stays with the worker: ${task.staysHuman}`,
    );
    const warning = taskWarning(task);
    if (warning) lines.push(`  WARNING ${warning}`);
  }
  lines.push('', 'PLAN STEPS');
  for (const step of context.steps)
    lines.push(
      `[${stepCitation(step.id)}] ${step.name} to "${step.level}" — ${step.hours} h` +
        `${step.week ? `, planned from week ${step.week}` : ''}${step.status ? `, ${step.status}` : ''}; ` +
        `outcome: ${step.outcome}; resource ${resourceCitation(step.resourceId)}.`,
    );
  lines.push('', 'RESOURCES');
  for (const resource of context.resources)
    lines.push(
      `[${resourceCitation(resource.id)}] ${resource.title} (${resource.provider}, ${resource.format}, ` +
        `${resource.hours} h, ${resource.cost === 0 ? 'free' : `$${resource.cost}`}) ${resource.url}`,
    );
  return lines.join('\n');
}

/** The messages sent to a model for one (already redacted) question. */
export function coachMessages(context: GroundedContext, question: string): ChatMessage[] {
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: `CONTEXT\n${contextText(context)}\n\nQUESTION\n${question}` },
  ];
}
