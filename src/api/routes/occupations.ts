import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import {
  MAX_LIMIT,
  MAX_TITLE_LENGTH,
  searchOccupations,
  suggestOccupationsFromText,
} from '../../app/search-occupations.js';
import { MAX_TEXT_LENGTH } from '../../app/skills.js';
import { occupationViewJson } from '../../app/show-occupation.js';
import { exposureDistribution } from '../../app/exposure-distribution.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import {
  ExposureDistributionSchema,
  OccupationCodeSchema,
  OccupationViewSchema,
  SearchResultSchema,
  TitleMatchSchema,
} from '../schemas.js';
import { problemResponse } from '../openapi-responses.js';

const search = createRoute({
  method: 'get',
  path: '/api/occupations',
  summary: 'Rank the occupations matching a free-text job title',
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1, 'q (the job title) is required')
        .max(MAX_TITLE_LENGTH)
        .openapi({ example: 'sr mktg specialist' }),
      limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(5),
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: SearchResultSchema } },
      description: 'Matches, best first (empty when nothing fits)',
    },
    400: problemResponse('Invalid query'),
    503: problemResponse('No data loaded'),
  },
});

const show = createRoute({
  method: 'get',
  path: '/api/occupations/{code}',
  summary: 'An occupation with every task and its generative-AI exposure',
  request: { params: z.object({ code: OccupationCodeSchema }) },
  responses: {
    200: { content: { 'application/json': { schema: OccupationViewSchema } }, description: 'The occupation' },
    400: problemResponse('Malformed code'),
    404: problemResponse('Unknown code'),
    503: problemResponse('No data loaded'),
  },
});

const fromText = createRoute({
  method: 'post',
  path: '/api/occupations/from-text',
  summary: 'Occupations a résumé names in its first lines, with the words that named each',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ text: z.string().min(1).max(MAX_TEXT_LENGTH) }).openapi('TextForOccupations'),
        },
      },
    },
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({ matches: z.array(TitleMatchSchema.extend({ evidence: z.string() })) })
            .openapi('TextOccupations'),
        },
      },
      description: 'Up to three occupations, in the order the text names them (empty when none)',
    },
    400: problemResponse('No text'),
    503: problemResponse('No data loaded'),
  },
});

const distribution = createRoute({
  method: 'get',
  path: '/api/exposure',
  summary: 'How β exposure is spread over all occupations, for each rater (20 bins of 0.05)',
  responses: {
    200: {
      content: { 'application/json': { schema: ExposureDistributionSchema } },
      description: 'One histogram per rater',
    },
    503: problemResponse('No data loaded'),
  },
});

export function registerOccupationRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, matches: await searchOccupations(app, q, limit) }, 200);
  });
  api.openapi(fromText, async (c) =>
    c.json({ matches: await suggestOccupationsFromText(app, c.req.valid('json').text) }, 200),
  );
  api.openapi(distribution, async (c) => c.json(await exposureDistribution(app), 200));
  // The view is the same for everyone: sent as the JSON text cached per code, not serialised per
  // request. The text is an OccupationView's JSON, which the cast tells the typed route.
  api.openapi(show, async (c) => {
    const json = await occupationViewJson(app, c.req.valid('param').code);
    return c.body(json, 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<
      z.infer<typeof OccupationViewSchema>,
      200,
      'json'
    >;
  });
}
