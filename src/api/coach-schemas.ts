import { z } from '@hono/zod-openapi';
import { MAX_QUESTION_LENGTH } from '../domain/coach/coach-context.js';
import { PlanChangeSchema } from '../domain/coach/plan-change.js';

export const CoachProviderSchema = z
  .object({
    kind: z.enum(['openai', 'ollama']),
    baseUrl: z.string(),
    model: z.string(),
    location: z.enum(['local', 'remote']).openapi({
      description: 'local: a loopback or private address (this machine or network); remote: anywhere else',
    }),
    label: z.string(),
    hasApiKey: z.boolean().openapi({ description: 'the key itself is never returned' }),
    source: z.enum(['environment', 'settings']),
  })
  .openapi('CoachProvider');

export const CoachStatusSchema = z
  .object({
    provider: CoachProviderSchema.nullable(),
    enabled: z.boolean().openapi({ description: 'whether questions may be sent to the provider now' }),
    employerRedacted: z.boolean(),
    settingsFile: z.string(),
  })
  .openapi('CoachStatus');

export const CitationTargetSchema = z
  .object({
    id: z.string().openapi({ example: 'T:1839' }),
    kind: z.enum(['task', 'step', 'resource']),
    label: z.string(),
    href: z.string().openapi({ description: 'the task on the job page, the step on the path page, or the resource' }),
  })
  .openapi('CitationTarget');

const ChatMessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

export const CoachPreviewSchema = z
  .object({
    status: CoachStatusSchema,
    messages: z.array(ChatMessageSchema).openapi({ description: 'exactly what would be sent, already redacted' }),
    redacted: z.object({ name: z.number(), email: z.number(), phone: z.number(), employer: z.number() }),
    sent: z.array(CitationTargetSchema),
  })
  .openapi('CoachPreview');

export const CoachAnswerSchema = z
  .object({
    mode: z.enum(['model', 'offline']),
    answer: z.string(),
    citations: z.array(CitationTargetSchema),
    flags: z.array(z.object({ code: z.enum(['NO_CITATIONS', 'UNKNOWN_CITATION']), message: z.string() })),
    provider: CoachProviderSchema.nullable(),
    notice: z.string().optional(),
  })
  .openapi('CoachAnswer');

export const CoachQuestionSchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1)
      .max(MAX_QUESTION_LENGTH)
      .openapi({ example: 'Which should I learn first if I only have two hours?' }),
    profileId: z
      .string()
      .regex(/^[0-9a-f]{12}$/, 'must be a profile id')
      .optional(),
    occupation: z.string().trim().min(1).max(200).optional().openapi({ example: 'registered nurse' }),
  })
  .refine((body) => (body.profileId === undefined) !== (body.occupation === undefined), {
    message: 'give either profileId or occupation (one of them)',
    path: ['profileId'],
  })
  .openapi('CoachQuestion');

export const CoachEnabledSchema = z.object({ enabled: z.boolean() }).openapi('CoachEnabled');

const Resource = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  url: z.string(),
  cost: z.number(),
  format: z.string(),
});

export const PlanChangeProposalSchema = z
  .object({
    status: z.enum(['proposed', 'rejected']),
    message: z.string(),
    change: PlanChangeSchema.optional(),
    effect: z
      .object({
        step: z.object({ id: z.string(), name: z.string(), before: Resource, after: Resource.nullable() }),
        endDate: z.object({ before: z.string(), after: z.string() }),
      })
      .optional(),
    attempts: z.number().int(),
  })
  .openapi('PlanChangeProposal');

const ProfileId = z
  .string()
  .regex(/^[0-9a-f]{12}$/, 'must be a profile id')
  .openapi({ example: '3f2a9c1b7d4e' });

export const PlanChangeRequestSchema = z
  .object({
    profileId: ProfileId,
    request: z
      .string()
      .trim()
      .min(1)
      .max(MAX_QUESTION_LENGTH)
      .openapi({ example: 'Rewrite this week’s step for someone who hates video courses' }),
  })
  .openapi('PlanChangeRequest');

export const AcceptPlanChangeSchema = z
  .object({ profileId: ProfileId, change: PlanChangeSchema })
  .openapi('AcceptPlanChange');
