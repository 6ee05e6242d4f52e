import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assignCohortPlan } from '../../app/assign-cohort-plan.js';
import { today } from '../../app/build-plan.js';
import { cohortCsv, cohortDashboard, listVisibleCohorts } from '../../app/cohort-dashboard.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { accessOf } from '../access-guard.js';
import { json, problemResponse } from '../openapi-responses.js';
import {
  AssignedCohortSchema,
  AsOf,
  CohortDashboardSchema,
  CohortParam,
  CohortSummarySchema,
  NewCohortSchema,
} from '../cohort-schemas.js';

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
