import { z } from 'zod';
import type { ChatMessage } from './coach-prompt.js';
import type { GroundedContext } from './coach-context.js';

const FORMATS = ['course', 'video', 'article', 'book', 'docs', 'interactive'] as const;

/**
 * A change to the plan a model may propose: how the person wants to learn (formats, free only) or
 * how many hours a week they have. The planner then rewrites the steps from it — the step named,
 * and any other the change touches — so a change is one the plan can really make.
 */
export const PlanChangeSchema = z
  .object({
    stepId: z.string().min(1).max(120),
    formats: z.array(z.enum(FORMATS)).min(1).max(FORMATS.length).optional(),
    freeOnly: z.boolean().optional(),
    hoursPerWeek: z.number().int().min(1).max(40).optional(),
    reason: z.string().trim().min(1).max(600),
  })
  .strict()
  .refine((change) => change.formats || change.freeOnly !== undefined || change.hoursPerWeek !== undefined, {
    message: 'change at least one of formats, freeOnly, hoursPerWeek',
  });

export type PlanChange = z.infer<typeof PlanChangeSchema>;

/** Why a reply is not a valid plan change, in a line; undefined when it is one for a step that was sent. */
export function readPlanChange(reply: string, context: GroundedContext): { change?: PlanChange; problem?: string } {
  let json: unknown;
  try {
    json = JSON.parse(reply.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return { problem: 'the reply is not a JSON object' };
  }
  const parsed = PlanChangeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `${issue.path.join('.') || 'the object'}: ${issue.message}` };
  }
  if (!context.steps.some((step) => step.id === parsed.data.stepId))
    return { problem: `stepId "${parsed.data.stepId}" is not one of the steps sent` };
  return { change: parsed.data };
}

const CHANGE_INSTRUCTIONS = [
  'You are the career coach inside Upskill. The worker asks to change their learning plan.',
  'Reply with ONE JSON object and nothing else, of this shape:',
  '{"stepId": "<the id after S: of the step concerned, from PLAN STEPS>", "formats": [<any of "course", "video", "article", ' +
    '"book", "docs", "interactive">], "freeOnly": <true or false>, "hoursPerWeek": <whole number 1-40>, "reason": "<one sentence>"}.',
  'Include only the fields the request changes (at least one of formats, freeOnly, hoursPerWeek) and always stepId and reason.',
  'formats lists the formats the worker is happy with (leave out the ones they dislike).',
].join(' ');

/** The messages asking a model for a plan change as JSON. */
export function planChangeMessages(context: GroundedContext, contextText: string, request: string): ChatMessage[] {
  return [
    { role: 'system', content: CHANGE_INSTRUCTIONS },
    {
      role: 'user',
      content: `CONTEXT\n${contextText}\n\nCURRENT STEP FORMATS\n${context.steps
        .map((step) => `${step.id}: ${context.resources.find((r) => r.id === step.resourceId)?.format ?? 'unknown'}`)
        .join('\n')}\n\nREQUEST\n${request}`,
    },
  ];
}
