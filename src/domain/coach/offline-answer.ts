import { resourceCitation, stepCitation, taskCitation, type CoachStep, type GroundedContext } from './coach-context.js';
import { taskWarning } from './coach-prompt.js';

/** What a language model would add to the offline answer, said at its end. */
export const MODEL_WOULD_ADD =
  'A language model would add: an answer to your exact words, weighing these pieces together and adapting them ' +
  '(a prompt written for your task, a step rewritten for how you like to learn). Turn one on in the coach settings ' +
  '(a local model keeps everything on this computer).';

const hours = (value: number): string => `${value} ${value === 1 ? 'hour' : 'hours'}`;

function stepLine(context: GroundedContext, step: CoachStep): string {
  const resource = context.resources.find((r) => r.id === step.resourceId);
  const using = resource
    ? ` with “${resource.title}” (${resource.provider}, ${resource.format}, ${resource.cost === 0 ? 'free' : `$${resource.cost}`}) ` +
      `[${resourceCitation(resource.id)}]`
    : '';
  return `${step.name} to “${step.level}”, ${hours(step.hours)}${using} [${stepCitation(step.id)}]: ${step.outcome}`;
}

/** The learning part: the next open steps, fitted to the hours the person says they have. */
function learningPart(context: GroundedContext): string[] {
  const open = context.steps.filter((step) => step.status !== 'done' && step.status !== 'skipped');
  if (open.length === 0) return ['Your plan has no open steps left: every step is done or skipped.'];
  const available = context.intent.hoursAvailable;
  if (available === null)
    return ['Next in your plan:', ...open.slice(0, 3).map((step, i) => `${i + 1}. ${stepLine(context, step)}`)];
  const first = open[0]!;
  if (available < first.hours)
    return [
      `With ${hours(available)}, start with the first open step of your plan — the one everything after it builds on:`,
      `1. ${stepLine(context, first)}`,
      `It takes ${hours(first.hours)} in all, so spend your ${hours(available)} on its first part and pick it up ` +
        'from there next time; the plan keeps your place.',
    ];
  const fitting: CoachStep[] = [];
  let used = 0;
  for (const step of open) {
    if (used + step.hours > available) break;
    fitting.push(step);
    used += step.hours;
  }
  return [
    `With ${hours(available)}, these steps of your plan fit (${hours(used)}):`,
    ...fitting.map((step, i) => `${i + 1}. ${stepLine(context, step)}`),
  ];
}

/**
 * The coach's answer without a model: assembled from the same grounded context — the guidance of the
 * task the question is about, the risk warnings, the next steps of the plan and their resources —
 * citing each piece as a model's answer must, and saying what a model would add.
 */
export function offlineAnswer(context: GroundedContext): string {
  const parts: string[][] = [];
  const warned = context.tasks.filter((task) => taskWarning(task) !== undefined);
  if (context.intent.safety) {
    const heading = context.tasksMatched
      ? 'What your tasks’ guidance says about data and AI tools:'
      : `None of your tasks as ${context.occupation.title} is about what you asked; the data rules of those that have them:`;
    parts.push(
      warned.length > 0
        ? [
            heading,
            ...warned.map((task) => `- “${task.statement}” [${taskCitation(task.taskId)}]: ${taskWarning(task)}`),
          ]
        : [
            'None of the tasks this question touches carries a data warning: its guidance is to let AI draft and to ' +
              'check the result yourself.',
          ],
    );
  }
  const task = context.tasksMatched || !context.intent.learning ? context.tasks[0] : undefined;
  if (task) {
    const lines = [
      `How AI helps with “${task.statement}” [${taskCitation(task.taskId)}] (${task.activity.replace(/\.$/, '')}, ` +
        `risk class ${task.risk}): ${task.aiCan}`,
      ...task.recipe.map((step, i) => `${i + 1}. ${step}`),
    ];
    if (task.tools.length > 0) lines.push(`Tools: ${task.tools.join(', ')}.`);
    lines.push(`Check: ${task.check}`, `Stays with you: ${task.staysHuman}`);
    const warning = taskWarning(task);
    if (warning && !context.intent.safety) lines.push(warning);
    parts.push(lines);
  }
  if (context.intent.learning || parts.length === 0) parts.push(learningPart(context));
  else {
    const next = context.steps.find((step) => step.status !== 'done' && step.status !== 'skipped');
    if (next) parts.push([`Next in your plan: ${stepLine(context, next)}`]);
  }
  parts.push([MODEL_WOULD_ADD]);
  return parts.map((lines) => lines.join('\n')).join('\n\n');
}
