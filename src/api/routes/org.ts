import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { UpskillError } from '../../domain/errors.js';
import { personDetail, setTeamTarget, workforceReadiness, type ReadinessReport } from '../../app/assess-workforce.js';
import { createDemoCompany } from '../../app/create-demo-company.js';
import { benchMatches, decideStaffingForGaps, importBench, saveStaffingScenario } from '../../app/decide-staffing.js';
import { readinessToCsv, readinessToXlsx } from '../../app/export-readiness.js';
import {
  confirmOccupations,
  importRoster,
  previewRoster,
  rosterPeople,
  type ResumeSource,
} from '../../app/import-roster.js';
import { mobilityFor } from '../../app/rank-mobility.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { UPLOAD_ROSTER_LIMITS, type RosterInput } from '../../sources/roster/index.js';
import { toStorableText } from '../../domain/text/normalize.js';
import { listScenarios } from '../../store/organisation.repository.js';
import { accessOf } from '../access-guard.js';
import { json, problemResponse } from '../openapi-responses.js';
import {
  BenchImportSchema,
  BenchMatchesSchema,
  ConfirmRequestSchema,
  ConfirmResultSchema,
  DecisionsRequestSchema,
  DecisionsSchema,
  DemoSchema,
  GroupBySchema,
  ImportReportSchema,
  MobilitySchema,
  PeopleListSchema,
  PersonDetailSchema,
  PersonKeySchema,
  ReadinessSchema,
  RosterPreviewSchema,
  ScenarioRequestSchema,
  ScenarioSchema,
  UploadSchema,
} from '../org-schemas.js';

const Refused = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed for this role'),
};

/** An upload as JSON: the file's name and its text (CSV) or base64 bytes (XLSX), with optional column mappings. */
const UploadJsonSchema = z
  .object({
    name: z.string().min(1).max(255).optional().openapi({ description: 'the file name, e.g. roster.csv (required)' }),
    text: z
      .string()
      .max(12 * 1024 * 1024)
      .optional()
      .openapi({ description: 'the CSV text' }),
    base64: z
      .string()
      .max(16 * 1024 * 1024)
      .optional()
      .openapi({ description: 'the file’s bytes, base64 (XLSX)' }),
    map: z.array(z.string().max(300)).max(100).optional().openapi({ description: '"Column name=field" lines' }),
  })
  .openapi('OrgUploadJson');

const uploadBody = {
  required: true,
  content: {
    'application/json': { schema: UploadJsonSchema },
    'multipart/form-data': { schema: UploadSchema },
  },
};
const UploadRefused = {
  400: problemResponse('No file, or a roster without a person id or title column'),
  413: problemResponse('Too large, or unpacks too large'),
  415: problemResponse('Not a CSV or XLSX file'),
  422: problemResponse('Damaged, empty or too slow to read'),
};

/** Résumés one roster upload may carry (each within the document limits, all within the request's). */
export const MAX_UPLOADED_RESUMES = 500;

async function uploadOf(c: Context): Promise<{ input: RosterInput; map: string[]; resumes?: ResumeSource }> {
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await c.req.parseBody({ all: true });
    const file = form['file'];
    if (!(file instanceof File))
      throw new UpskillError('BAD_INPUT', 'file: attach the roster as the form field "file" (one file).');
    const map = typeof form['map'] === 'string' ? [form['map']] : [];
    const sent = [form['resumes'] ?? []].flat().filter((value): value is File => value instanceof File);
    if (sent.length > MAX_UPLOADED_RESUMES)
      throw new UpskillError('BAD_INPUT', `resumes: at most ${MAX_UPLOADED_RESUMES} files per upload.`, {
        hint: 'Import the roster again with the next résumés, or use `upskill org import --resumes DIR`.',
      });
    const resumes = await Promise.all(
      sent.map(async (resume) => ({
        // The name is stored with the person: PostgreSQL takes no NUL or lone surrogate.
        name: toStorableText(resume.name).slice(0, 255) || 'resume',
        bytes: new Uint8Array(await resume.arrayBuffer()),
      })),
    );
    return {
      input: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'upload.csv' },
      map,
      ...(resumes.length ? { resumes: { files: resumes } } : {}),
    };
  }
  const body = (await c.req.json()) as z.infer<typeof UploadJsonSchema>;
  if (!body.name) throw new UpskillError('BAD_INPUT', 'name: give the file name (e.g. roster.csv or roster.xlsx).');
  if (body.text === undefined && body.base64 === undefined)
    throw new UpskillError('BAD_INPUT', 'text: give the CSV text, or base64: the file’s bytes.');
  const bytes = body.base64 !== undefined ? Buffer.from(body.base64, 'base64') : new TextEncoder().encode(body.text);
  return { input: { bytes: new Uint8Array(bytes), name: body.name }, map: body.map ?? [] };
}

const routes = {
  preview: createRoute({
    method: 'post',
    path: '/api/org/roster/preview',
    summary:
      'How a roster’s columns would be read (a preview of the mapping and the first rows’ problems); nothing is stored',
    request: { body: uploadBody },
    responses: { 200: json(RosterPreviewSchema, 'The column mapping'), ...UploadRefused, ...Refused },
  }),
  importRoster: createRoute({
    method: 'post',
    path: '/api/org/roster',
    summary: 'Import a roster (CSV or XLSX); people are updated in place by their person id',
    request: { body: uploadBody },
    responses: { 200: json(ImportReportSchema, 'What was imported and every bad row'), ...UploadRefused, ...Refused },
  }),
  people: createRoute({
    method: 'get',
    path: '/api/org/people',
    summary: 'The roster’s people the caller may see (others counted); `unconfirmed` lists the titles to confirm',
    request: {
      query: z.object({
        unconfirmed: z.enum(['true', 'false']).default('false'),
        team: z.string().max(200).optional(),
        department: z.string().max(200).optional(),
        level: z.string().max(200).optional().openapi({ description: 'a level or grade; "(none)": people with none' }),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    responses: { 200: json(PeopleListSchema, 'People'), 400: problemResponse('Bad query'), ...Refused },
  }),
  confirm: createRoute({
    method: 'post',
    path: '/api/org/people/confirm',
    summary: 'Confirm people’s occupations in bulk',
    request: { body: { required: true, content: { 'application/json': { schema: ConfirmRequestSchema } } } },
    responses: {
      200: json(ConfirmResultSchema, 'Who was confirmed; ids not on the roster'),
      400: problemResponse('Bad request'),
      404: problemResponse('No such occupation'),
      ...Refused,
    },
  }),
  person: createRoute({
    method: 'get',
    path: '/api/org/people/{personKey}',
    summary: 'One person’s drill-down: levels and their sources, target, gaps, readiness',
    request: { params: z.object({ personKey: PersonKeySchema }) },
    responses: {
      200: json(PersonDetailSchema, 'The person'),
      404: problemResponse('No such person, or one the caller may not see'),
      ...Refused,
    },
  }),
  readiness: createRoute({
    method: 'get',
    path: '/api/org/readiness',
    summary: 'Readiness by team, department or level, with the heat map (groups × skills) and single points of failure',
    request: { query: z.object({ by: GroupBySchema.default('team') }) },
    responses: {
      200: json(ReadinessSchema, 'The roll-up'),
      400: problemResponse('Bad query'),
      404: problemResponse('No roster'),
      ...Refused,
    },
  }),
  exportReadiness: createRoute({
    method: 'get',
    path: '/api/org/readiness/export',
    summary: 'The readiness roll-up as CSV or XLSX',
    request: { query: z.object({ by: GroupBySchema.default('team'), format: z.enum(['csv', 'xlsx']).default('csv') }) },
    responses: {
      200: {
        content: {
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
        description: 'The file',
      },
      400: problemResponse('Bad query'),
      404: problemResponse('No roster'),
      ...Refused,
    },
  }),
  decisions: createRoute({
    method: 'get',
    path: '/api/org/decisions',
    summary: 'Upskill, hire or freelance for each team gap, under the default or a saved scenario’s assumptions',
    request: {
      query: z.object({
        team: z.string().max(200).optional(),
        scenario: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
    },
    responses: {
      200: json(DecisionsSchema, 'Decisions'),
      400: problemResponse('Bad query'),
      404: problemResponse('No roster, team or scenario'),
      ...Refused,
    },
  }),
  decide: createRoute({
    method: 'post',
    path: '/api/org/decisions',
    summary: 'The decisions recomputed with edited assumptions',
    request: { body: { required: true, content: { 'application/json': { schema: DecisionsRequestSchema } } } },
    responses: {
      200: json(DecisionsSchema, 'Decisions'),
      400: problemResponse('Unknown assumption or bad value'),
      404: problemResponse('No roster, team or scenario'),
      ...Refused,
    },
  }),
  scenarios: createRoute({
    method: 'get',
    path: '/api/org/scenarios',
    summary: 'Saved staffing scenarios',
    responses: { 200: json(z.array(ScenarioSchema), 'Scenarios'), ...Refused },
  }),
  saveScenario: createRoute({
    method: 'post',
    path: '/api/org/scenarios',
    summary: 'Save (or replace) a named set of assumptions',
    request: { body: { required: true, content: { 'application/json': { schema: ScenarioRequestSchema } } } },
    responses: { 200: json(ScenarioSchema, 'Saved'), 400: problemResponse('Bad assumptions or name'), ...Refused },
  }),
  teamTarget: createRoute({
    method: 'put',
    path: '/api/org/teams/{team}/target',
    summary: 'Set the role a team aims at (a target role id, or ai-augmented)',
    request: {
      params: z.object({ team: z.string().min(1).max(200) }),
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ target: z.string().min(1).max(100) }) } },
      },
    },
    responses: {
      200: json(z.object({ team: z.string(), target: z.string() }), 'Set'),
      400: problemResponse('Bad request'),
      404: problemResponse('No such team or role'),
      ...Refused,
    },
  }),
  mobility: createRoute({
    method: 'get',
    path: '/api/org/mobility',
    summary: 'Who is closest to a target role or occupation, with what each would need to learn',
    request: {
      query: z.object({
        target: z
          .string()
          .min(1)
          .max(200)
          .openapi({ description: 'a target role id, an O*NET-SOC code or a job title', example: 'prompt-engineer' }),
        limit: z.coerce.number().int().min(1).max(500).default(25),
      }),
    },
    responses: {
      200: json(MobilitySchema, 'Ranking'),
      400: problemResponse('Bad query'),
      404: problemResponse('No such role or occupation'),
      ...Refused,
    },
  }),
  importBench: createRoute({
    method: 'post',
    path: '/api/org/bench',
    summary: 'Import the freelancer bench (CSV or XLSX: name, skills, rate, availability); replaces the one before',
    request: { body: uploadBody },
    responses: { 200: json(BenchImportSchema, 'What was imported'), ...UploadRefused, ...Refused },
  }),
  benchMatches: createRoute({
    method: 'get',
    path: '/api/org/bench/matches',
    summary: 'The bench’s freelancers for each team gap, with reasons',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }) },
    responses: {
      200: json(BenchMatchesSchema, 'Matches'),
      400: problemResponse('Bad query'),
      404: problemResponse('No roster'),
      ...Refused,
    },
  }),
  demo: createRoute({
    method: 'post',
    path: '/api/org/demo',
    summary: 'Load the fictional demo company (a few hundred made-up people), replacing the roster',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              replace: z.boolean().default(false).openapi({ description: 'replace a real roster already stored' }),
            }),
          },
        },
      },
    },
    responses: {
      200: json(DemoSchema, 'The demo company'),
      400: problemResponse('Bad request'),
      409: problemResponse('A real roster is stored'),
      ...Refused,
    },
  }),
};

const attachment = (name: string) => `attachment; filename="${name}"`;

export function registerOrgRoutes(api: OpenAPIHono, app: UpskillApp): void {
  const principal = (c: Context) => accessOf(c).principal;
  api.openapi(routes.preview, async (c) => {
    const { input, map } = await uploadOf(c);
    return c.json(await previewRoster(app, input, { map, limits: UPLOAD_ROSTER_LIMITS }), 200);
  });
  api.openapi(routes.importRoster, async (c) => {
    const { input, map, resumes } = await uploadOf(c);
    return c.json(
      await importRoster(app, input, { map, limits: UPLOAD_ROSTER_LIMITS, ...(resumes ? { resumes } : {}) }),
      200,
    );
  });
  api.openapi(routes.people, async (c) => {
    const { unconfirmed, ...query } = c.req.valid('query');
    return c.json(await rosterPeople(app, { ...query, unconfirmed: unconfirmed === 'true' }, principal(c)), 200);
  });
  api.openapi(routes.confirm, async (c) =>
    c.json(await confirmOccupations(app, c.req.valid('json').confirmations), 200),
  );
  api.openapi(routes.person, async (c) =>
    c.json(await personDetail(app, c.req.valid('param').personKey, principal(c)), 200),
  );
  api.openapi(routes.readiness, async (c) =>
    c.json(await workforceReadiness(app, c.req.valid('query').by, principal(c)), 200),
  );
  api.openapi(routes.exportReadiness, async (c) => {
    const { by, format } = c.req.valid('query');
    const report: ReadinessReport = await workforceReadiness(app, by, principal(c));
    if (format === 'xlsx')
      return c.body(await readinessToXlsx(report), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachment(`upskill-readiness-by-${by}.xlsx`),
      });
    return c.body(readinessToCsv(report), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`upskill-readiness-by-${by}.csv`),
    });
  });
  api.openapi(routes.decisions, async (c) => {
    const { team, scenario, limit } = c.req.valid('query');
    const request = { limit, ...(team ? { team } : {}), ...(scenario ? { scenario } : {}) };
    return c.json(await decideStaffingForGaps(app, request, principal(c)), 200);
  });
  api.openapi(routes.decide, async (c) => {
    const body = c.req.valid('json');
    const request = {
      ...(body.team ? { team: body.team } : {}),
      ...(body.scenario ? { scenario: body.scenario } : {}),
      ...(body.assumptions ? { assumptions: body.assumptions } : {}),
      ...(body.limit ? { limit: body.limit } : {}),
    };
    return c.json(await decideStaffingForGaps(app, request, principal(c)), 200);
  });
  api.openapi(routes.scenarios, async (c) => c.json(await listScenarios(app.database), 200));
  api.openapi(routes.saveScenario, async (c) => {
    const { name, assumptions } = c.req.valid('json');
    return c.json(await saveStaffingScenario(app, name, assumptions), 200);
  });
  api.openapi(routes.teamTarget, async (c) =>
    c.json(await setTeamTarget(app, c.req.valid('param').team, c.req.valid('json').target), 200),
  );
  api.openapi(routes.mobility, async (c) => {
    const { target, limit } = c.req.valid('query');
    return c.json(await mobilityFor(app, target, principal(c), limit), 200);
  });
  api.openapi(routes.importBench, async (c) => {
    const { input } = await uploadOf(c);
    return c.json(await importBench(app, input, UPLOAD_ROSTER_LIMITS), 200);
  });
  api.openapi(routes.benchMatches, async (c) => c.json(await benchMatches(app, c.req.valid('query').limit), 200));
  api.openapi(routes.demo, async (c) => {
    const body = c.req.valid('json');
    const demo = await createDemoCompany(app, { replace: body.replace });
    return c.json({ people: demo.people, departments: demo.departments, note: demo.note }, 200);
  });
}
