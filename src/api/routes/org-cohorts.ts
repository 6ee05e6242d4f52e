import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assignCohortPlan } from '../../app/assign-cohort-plan.js';
import { AUGMENT, MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK, today } from '../../app/build-plan.js';
import { cohortCsv, cohortDashboard, listVisibleCohorts } from '../../app/cohort-dashboard.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { accessOf } from '../access-guard.js';
import { json, problemResponse } from '../openapi-responses.js';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real date');

const CohortSchema = z
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

const CohortSummarySchema = CohortSchema.extend({
  members: z.number().int().openapi({ description: 'Members the caller may see' }),
}).openapi('CohortSummary');

const NewCohortSchema = z
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

const AssignedCohortSchema = z
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

const CohortDashboardSchema = z
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

const CohortParam = z.object({
  cohort: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'cohort', in: 'path' }, example: 'Finance AI, spring', description: 'Id or name' }),
});
const AsOf = z.object({
  asOf: IsoDate.optional().openapi({ description: 'Measure as on this day (today by default)' }),
});

const Refused = {
  401: problemResponse('Not signed in'),
  403: problemResponse('The role may not do this'),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/org/cohorts',
    summary: 'Cohort plans with members the caller may see, newest first',
    responses: { 200: json(z.array(CohortSummarySchema), 'Cohorts'), ...Refused },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/org/cohorts',
    summary: 'Give one plan to a team or a selection of people: each member gets a personal plan of their own',
    request: { body: { required: true, content: { 'application/json': { schema: NewCohortSchema } } } },
    responses: {
      201: json(AssignedCohortSchema, 'Assigned'),
      400: problemResponse('Invalid input'),
      ...Refused,
      404: problemResponse('No such team, people or target role (among those the caller may see)'),
      409: problemResponse('A cohort of that name exists'),
    },
  }),
  show: createRoute({
    method: 'get',
    path: '/api/org/cohorts/{cohort}',
    summary: "A cohort's progress by member, team and week against the plans as assigned; who is behind plan",
    request: { params: CohortParam, query: AsOf },
    responses: {
      200: json(CohortDashboardSchema, 'The dashboard'),
      400: problemResponse('Invalid input'),
      ...Refused,
      404: problemResponse('No such cohort, or none of its members is the caller’s to see'),
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/api/org/cohorts/{cohort}/export',
    summary: "A cohort's members' progress as CSV (the members the caller may see)",
    request: { params: CohortParam, query: AsOf },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'One row per member' },
      400: problemResponse('Invalid input'),
      ...Refused,
      404: problemResponse('No such cohort'),
    },
  }),
};

/** Cohort plans (issue 13, item 5): assign, list, the manager's dashboard and its CSV. */
export function registerOrgCohortRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(routes.list, async (c) => c.json(await listVisibleCohorts(app, accessOf(c).principal), 200));
  api.openapi(routes.create, async (c) => {
    const { name, target, team, people, startDate, hoursPerWeek } = c.req.valid('json');
    const assigned = await assignCohortPlan(app, accessOf(c).principal, {
      name,
      ...(target !== undefined ? { target } : {}),
      ...(team !== undefined ? { team } : {}),
      ...(people !== undefined ? { people } : {}),
      ...(startDate !== undefined ? { startDate } : {}),
      ...(hoursPerWeek !== undefined ? { hoursPerWeek } : {}),
    });
    return c.json(assigned, 201);
  });
  api.openapi(routes.show, async (c) => {
    const { asOf } = c.req.valid('query');
    return c.json(await cohortDashboard(app, accessOf(c).principal, c.req.valid('param').cohort, asOf ?? today()), 200);
  });
  api.openapi(routes.export, async (c) => {
    const { asOf } = c.req.valid('query');
    const { cohort } = c.req.valid('param');
    const csv = await cohortCsv(app, accessOf(c).principal, cohort, asOf ?? today());
    const file = cohort.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'cohort';
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="upskill-cohort-${file}.csv"`,
    });
  });
}
