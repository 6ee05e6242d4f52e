import { z } from '@hono/zod-openapi';

/*
 * The cohort routes' schemas (issue 13, item 5; src/api/routes/org-cohorts.ts), apart so the web app
 * can take its types from them (type-only) without the route's own imports.
 */

// The same bounds as src/app/build-plan.ts (a plan's weekly hours), repeated so this file needs only zod.
const MIN_HOURS_PER_WEEK = 1;
const MAX_HOURS_PER_WEEK = 40;
const AUGMENT = 'ai-augmented';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real date');

export const CohortSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    target: z.string().openapi({ example: AUGMENT }),
    team: z.string().nullable().openapi({ description: 'The roster team it was made of; null for a selection' }),
    startDate: z.string().openapi({ example: '2026-12-07' }),
    hoursPerWeek: z.number().int().nullable().openapi({ description: "null: each person's own learning hours" }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Cohort');

export const CohortSummarySchema = CohortSchema.extend({
  members: z.number().int().openapi({ description: 'Members the caller may see' }),
}).openapi('CohortSummary');

export const NewCohortSchema = z
  .object({
    name: z.string().min(1).max(80).openapi({ example: 'Finance AI, spring' }),
    target: z
      .string()
      .max(100)
      .optional()
      .openapi({ description: `${AUGMENT} (the default) or a target role id` }),
    team: z.string().min(1).max(200).optional().openapi({ description: 'A roster team (or give people)' }),
    people: z.array(z.string().min(1).max(200)).min(1).max(2000).optional().openapi({ description: 'Person ids' }),
    startDate: IsoDate.optional().openapi({ description: 'First day of week 1; today by default' }),
    hoursPerWeek: z
      .number()
      .int()
      .min(MIN_HOURS_PER_WEEK)
      .max(MAX_HOURS_PER_WEEK)
      .optional()
      .openapi({ description: "Every member's weekly hours; by default each person's roster learning hours" }),
  })
  .openapi('NewCohort');

export const AssignedCohortSchema = z
  .object({
    cohort: CohortSchema,
    members: z.array(
      z.object({
        personKey: z.string(),
        name: z.string(),
        team: z.string().nullable(),
        profileId: z.string(),
        plannedHours: z.number(),
        weeks: z.number().int(),
      }),
    ),
    skipped: z.array(z.object({ personKey: z.string(), reason: z.string() })),
  })
  .openapi('AssignedCohort');

const STATUS = z.enum(['not-started-yet', 'on-track', 'behind', 'finished']);

export const CohortDashboardSchema = z
  .object({
    cohort: CohortSchema,
    progress: z.object({
      week: z.number().int().openapi({ description: "The cohort's week on the day asked about (0 before the start)" }),
      asOf: z.string(),
      members: z.array(
        z.object({
          personKey: z.string(),
          name: z.string(),
          team: z.string().nullable(),
          status: STATUS,
          hoursPerWeek: z.number(),
          plannedHours: z.number(),
          plannedToDateHours: z.number(),
          doneHours: z.number(),
          spentHours: z.number(),
          behindHours: z.number(),
          completion: z.number(),
          lastActivity: z.string().nullable(),
        }),
      ),
      weeks: z.array(
        z.object({
          team: z.string(),
          week: z.number().int(),
          start: z.string(),
          members: z.number().int(),
          plannedHours: z.number(),
          doneHours: z.number(),
          spentHours: z.number(),
          cumulativePlannedHours: z.number(),
          cumulativeDoneHours: z.number(),
        }),
      ),
      totals: z.object({
        members: z.number().int(),
        finished: z.number().int(),
        onTrack: z.number().int(),
        behind: z.number().int(),
        notStartedYet: z.number().int(),
        plannedHours: z.number(),
        plannedToDateHours: z.number(),
        doneHours: z.number(),
        spentHours: z.number(),
      }),
    }),
    hiddenMembers: z.number().int().openapi({ description: 'Members the caller may not see: counted, never named' }),
    definitions: z.record(z.string(), z.string()),
  })
  .openapi('CohortDashboard');

export const CohortParam = z.object({
  cohort: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'cohort', in: 'path' }, example: 'Finance AI, spring', description: 'Id or name' }),
});
export const AsOf = z.object({
  asOf: IsoDate.optional().openapi({ description: 'Measure as on this day (today by default)' }),
});
