import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AUGMENT, buildPersonalPlan, MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK } from '../../app/build-plan.js';
import {
  clearProgress,
  createProfile,
  deleteProfile,
  getProfile,
  profilePlan,
  PROGRESS_STATUSES,
  recordProgress,
  setProfileSkill,
  updateProfile,
  listVisibleProfiles,
  handOverProfile,
} from '../../app/profiles.js';
import { accessOf } from '../access-guard.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { planToICalendar, planToMarkdown } from '../../domain/planning/plan-export.js';
import type { SkillLevel } from '../../domain/planning/skill-gaps.js';
import { AssessmentSchema, PersonalPlanSchema, ProfilePlanSchema, ProfileSchema, RoleSchema } from '../schemas.js';
import { selfAssessment } from '../../app/self-assessment.js';
import { json, problemResponse } from '../openapi-responses.js';

const Level = z.number().int().min(0).max(4);
const Preferences = z.object({
  freeOnly: z.boolean().default(false),
  formats: z.array(z.enum(['course', 'video', 'article', 'book', 'docs', 'interactive'])).optional(),
});
const PlanBody = z
  .object({
    occupation: z.string().trim().min(1).max(200).openapi({ example: 'marketing specialist' }),
    resumeText: z.string().max(2_000_000).optional(),
    skills: z
      .array(z.object({ skillId: z.string(), level: Level }))
      .max(200)
      .optional(),
    target: z.string().max(80).default(AUGMENT).openapi({ example: 'ai-content-creator' }),
    hoursPerWeek: z
      .number()
      .int()
      .openapi({ example: 5, description: `${MIN_HOURS_PER_WEEK}–${MAX_HOURS_PER_WEEK}` }),
    startDate: z.string().max(10).optional().openapi({ example: '2026-12-07' }),
    preferences: Preferences.optional(),
  })
  .openapi('PlanRequest');
const ProfileBody = PlanBody.extend({
  name: z.string().trim().min(1).max(80),
  keepResumeText: z
    .boolean()
    .default(true)
    .openapi({ description: 'Keep the résumé text with the profile (its skills are read either way)' }),
}).openapi('NewProfile');
const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be a profile id')
    .openapi({ example: '3f2a9c1b7d4e' }),
});
const Format = z.object({ format: z.enum(['json', 'md', 'ics']).default('json') });

const routes = {
  roles: createRoute({
    method: 'get',
    path: '/api/roles',
    summary: 'Target roles a plan can aim at (besides ai-augmented)',
    responses: { 200: json(z.array(RoleSchema), 'Roles') },
  }),
  assessment: createRoute({
    method: 'post',
    path: '/api/assessment',
    summary:
      'Up to 12 skills to confirm for a goal, each with a suggested starting level, its reason and every level in words',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: PlanBody.pick({ occupation: true, target: true, resumeText: true }).openapi('AssessmentRequest'),
          },
        },
      },
    },
    responses: {
      200: json(AssessmentSchema, 'The skills to confirm'),
      400: problemResponse('Invalid input'),
      404: problemResponse('Unknown role or occupation'),
    },
  }),
  plan: createRoute({
    method: 'post',
    path: '/api/plan',
    summary: 'Gaps and a dated learning plan for a worker, without saving anything',
    request: { body: { required: true, content: { 'application/json': { schema: PlanBody } } } },
    responses: {
      200: json(PersonalPlanSchema, 'The plan'),
      400: problemResponse('Invalid input'),
      404: problemResponse('Unknown role or occupation'),
    },
  }),
  createProfile: createRoute({
    method: 'post',
    path: '/api/profiles',
    summary: 'Save a profile (kept in the local store)',
    request: { body: { required: true, content: { 'application/json': { schema: ProfileBody } } } },
    responses: {
      201: json(ProfileSchema, 'Created'),
      400: problemResponse('Invalid input'),
      404: problemResponse('Unknown role or occupation'),
    },
  }),
  listProfiles: createRoute({
    method: 'get',
    path: '/api/profiles',
    summary: 'Saved profiles',
    responses: { 200: json(z.array(ProfileSchema), 'Profiles') },
  }),
  getProfile: createRoute({
    method: 'get',
    path: '/api/profiles/{id}',
    summary: 'One profile',
    request: { params: IdParam },
    responses: { 200: json(ProfileSchema, 'The profile'), 404: problemResponse('Unknown profile') },
  }),
  updateProfile: createRoute({
    method: 'patch',
    path: '/api/profiles/{id}',
    summary: "Change a profile's name, goal, weekly hours or resource preferences (the plan re-flows)",
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .strictObject({
                name: z.string().trim().min(1).max(80).optional(),
                target: z.string().max(80).optional(),
                hoursPerWeek: z.number().int().optional(),
                preferences: Preferences.optional(),
              })
              .openapi('ProfileChanges'),
          },
        },
      },
    },
    responses: {
      200: json(ProfileSchema, 'Updated'),
      400: problemResponse('Invalid change'),
      404: problemResponse('Unknown profile or role'),
    },
  }),
  deleteProfile: createRoute({
    method: 'delete',
    path: '/api/profiles/{id}',
    summary: 'Delete a profile and its progress',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 404: problemResponse('Unknown profile') },
  }),
  setSkill: createRoute({
    method: 'put',
    path: '/api/profiles/{id}/skills/{skillId}',
    summary: "Confirm or correct a skill's level (0 removes it)",
    request: {
      params: IdParam.extend({ skillId: z.string().max(80) }),
      body: { required: true, content: { 'application/json': { schema: z.object({ level: Level }) } } },
    },
    responses: {
      200: json(ProfileSchema, 'Updated'),
      400: problemResponse('Invalid level or skill'),
      404: problemResponse('Unknown profile'),
    },
  }),
  profilePlan: createRoute({
    method: 'get',
    path: '/api/profiles/{id}/plan',
    summary: "The profile's plan with progress applied, as JSON, Markdown or iCalendar",
    request: { params: IdParam, query: Format },
    responses: {
      200: {
        content: {
          'application/json': { schema: ProfilePlanSchema },
          'text/markdown': { schema: z.string() },
          'text/calendar': { schema: z.string() },
        },
        description: 'The plan',
      },
      404: problemResponse('Unknown profile'),
    },
  }),
  gaps: createRoute({
    method: 'get',
    path: '/api/profiles/{id}/gaps',
    summary: "Skill gaps against the profile's target, with reasons and the hours AI could save",
    request: { params: IdParam },
    responses: {
      200: json(
        PersonalPlanSchema.pick({ occupation: true, target: true, current: true, gaps: true, hoursSaved: true }),
        'Gaps',
      ),
      404: problemResponse('Unknown profile'),
    },
  }),
  progress: createRoute({
    method: 'post',
    path: '/api/profiles/{id}/progress',
    summary: 'Record a step as done, skipped or took longer; returns the re-planned plan',
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                stepId: z.string().max(100),
                status: z.enum(PROGRESS_STATUSES as [string, ...string[]]),
                hours: z.number().positive().max(1000).optional(),
              })
              .openapi('Progress'),
          },
        },
      },
    },
    responses: {
      200: json(ProfilePlanSchema, 'The re-planned plan and all progress so far'),
      400: problemResponse('Invalid status'),
      404: problemResponse('Unknown profile or step'),
    },
  }),
  handOver: createRoute({
    method: 'put',
    path: '/api/profiles/{id}/owner',
    summary: 'Hand a profile to its person’s account (team mode, administrators)',
    request: {
      params: IdParam,
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ accountId: z.string().max(12) }).openapi('NewOwner') } },
      },
    },
    responses: {
      200: json(ProfileSchema, 'Handed over'),
      400: problemResponse('Unknown account'),
      404: problemResponse('Unknown profile'),
    },
  }),
  clearProgress: createRoute({
    method: 'delete',
    path: '/api/profiles/{id}/progress/{stepId}',
    summary: 'Take back what was recorded on a step; returns the re-planned plan',
    request: { params: IdParam.extend({ stepId: z.string().max(100) }) },
    responses: {
      200: json(ProfilePlanSchema, 'The re-planned plan and the progress left'),
      404: problemResponse('Unknown profile, or nothing recorded for the step'),
    },
  }),
};

export function registerPlanRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(routes.roles, (c) => c.json(app.planningContent().roles, 200));
  api.openapi(routes.assessment, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await selfAssessment(app, {
        occupation: body.occupation,
        target: body.target,
        ...(body.resumeText !== undefined ? { resumeText: body.resumeText } : {}),
      }),
      200,
    );
  });
  api.openapi(routes.plan, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await buildPersonalPlan(app, {
        ...body,
        skills: body.skills as { skillId: string; level: SkillLevel }[] | undefined,
      }),
      200,
    );
  });
  api.openapi(routes.createProfile, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await createProfile(app, {
        ...body,
        skills: body.skills as { skillId: string; level: SkillLevel }[] | undefined,
        ownerId: accessOf(c).account?.id ?? null,
      }),
      201,
    );
  });
  api.openapi(routes.listProfiles, async (c) => c.json(await listVisibleProfiles(app, accessOf(c).principal), 200));
  api.openapi(routes.handOver, async (c) =>
    c.json(await handOverProfile(app, c.req.valid('param').id, c.req.valid('json').accountId), 200),
  );
  api.openapi(routes.getProfile, async (c) => c.json(await getProfile(app, c.req.valid('param').id), 200));
  api.openapi(routes.updateProfile, async (c) =>
    c.json(await updateProfile(app, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(routes.deleteProfile, async (c) => {
    await deleteProfile(app, c.req.valid('param').id);
    return c.body(null, 204);
  });
  api.openapi(routes.setSkill, async (c) => {
    const { id, skillId } = c.req.valid('param');
    return c.json(await setProfileSkill(app, id, skillId, c.req.valid('json').level as SkillLevel), 200);
  });
  api.openapi(routes.profilePlan, async (c) => {
    const { id } = c.req.valid('param');
    const result = await profilePlan(app, id);
    const title = `${result.target.name} — learning plan`;
    switch (c.req.valid('query').format) {
      case 'md':
        return c.body(planToMarkdown(result.plan, title), 200, { 'content-type': 'text/markdown; charset=utf-8' });
      case 'ics':
        return c.body(
          planToICalendar(result.plan, title, id, `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`),
          200,
          {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': `attachment; filename="upskill-plan-${id}.ics"`,
          },
        );
      default:
        return c.json(result, 200);
    }
  });
  api.openapi(routes.gaps, async (c) => {
    const { occupation, target, current, gaps, hoursSaved } = await profilePlan(app, c.req.valid('param').id);
    return c.json({ occupation, target, current, gaps, hoursSaved }, 200);
  });
  api.openapi(routes.progress, async (c) => {
    const { stepId, status, hours } = c.req.valid('json');
    return c.json(
      await recordProgress(app, c.req.valid('param').id, stepId, status as (typeof PROGRESS_STATUSES)[number], hours),
      200,
    );
  });
  api.openapi(routes.clearProgress, async (c) => {
    const { id, stepId } = c.req.valid('param');
    return c.json(await clearProgress(app, id, stepId), 200);
  });
}
