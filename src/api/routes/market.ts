import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  marketEmerging,
  marketOccupation,
  marketTop,
  marketTrend,
  termTrend,
  titleShare,
} from '../../app/market-report.js';
import { importInsightText, rankedInsights } from '../../app/import-insights.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import type { PeriodKind } from '../../domain/market/index.js';
import { RANK_FORMULA } from '../../domain/insights/index.js';
import type { OccupationFamily } from '../../domain/planning/occupation-family.js';
import { json, problemResponse } from '../openapi-responses.js';
import { OccupationCodeSchema } from '../schemas.js';
import {
  FilterQuery,
  ImportedInsightSchema,
  InsightUploadSchema,
  MarketTopSchema,
  MarketTrendSchema,
  MarketEmergingSchema,
  MarketOccupationSchema,
  MarketTitlesSchema,
  TermTrendSchema,
  RankedInsightsSchema,
  Period,
} from '../market-schemas.js';

const top = createRoute({
  method: 'get',
  path: '/api/market/top',
  summary:
    'The skills, tools, titles or occupations job postings ask for most, per period, with shares and 95 % intervals',
  request: {
    query: FilterQuery.extend({ what: z.enum(['skills', 'tools', 'titles', 'occupations']).default('skills') }),
  },
  responses: {
    200: json(MarketTopSchema, 'Per period, most asked first (no periods when no postings match)'),
    400: problemResponse('Invalid filter'),
  },
});

const trend = createRoute({
  method: 'get',
  path: '/api/market/trend',
  summary: "A skill's count and share of postings per period with 95 % intervals, growth, and skills asked beside it",
  request: {
    query: FilterQuery.extend({
      period: Period.default('month'),
      skill: z
        .string()
        .trim()
        .min(1)
        .max(300)
        .openapi({ description: 'a skill id as postings store it', example: 'prompt-engineering' }),
    }),
  },
  responses: {
    200: json(MarketTrendSchema, 'The trend'),
    400: problemResponse('Invalid filter'),
    404: problemResponse('Neither postings nor the skills graph know the skill'),
  },
});

const emerging = createRoute({
  method: 'get',
  path: '/api/market/emerging',
  summary: 'Emerging skills: fastest growers above a support floor that pass a one-sided two-proportion z-test',
  request: {
    query: FilterQuery.extend({
      months: z.coerce.number().int().min(1).max(36).default(6),
      minSupport: z.coerce.number().int().min(1).max(1_000_000).default(10),
      alpha: z.coerce.number().gt(0).lt(1).default(0.05),
    }),
  },
  responses: {
    200: json(MarketEmergingSchema, 'Fastest first'),
    400: problemResponse('Invalid filter'),
  },
});

const occupation = createRoute({
  method: 'get',
  path: '/api/market/occupations/{code}',
  summary: "What an occupation's postings ask for, and what of it its O*NET profile does not mention",
  request: {
    params: z.object({ code: OccupationCodeSchema }),
    query: FilterQuery.pick({ from: true, to: true, dataset: true, limit: true }),
  },
  responses: {
    200: json(MarketOccupationSchema, 'The occupation in postings'),
    400: problemResponse('Malformed code or filter'),
    404: problemResponse('Unknown occupation'),
  },
});

const titles = createRoute({
  method: 'get',
  path: '/api/market/titles',
  summary: 'Per period, the share of postings whose title names AI, ML or LLM',
  request: { query: FilterQuery },
  responses: {
    200: json(MarketTitlesSchema, 'Shares'),
    400: problemResponse('Invalid filter'),
  },
});

const series = createRoute({
  method: 'get',
  path: '/api/market/series/{series}/{term}',
  summary: 'An already-aggregated term series (e.g. hn-hiringtrends): share of posts naming a term, per period',
  request: {
    params: z.object({ series: z.string().min(1).max(200), term: z.string().min(1).max(200) }),
    query: z.object({ period: Period.default('month') }),
  },
  responses: {
    200: json(TermTrendSchema, 'The series'),
    400: problemResponse('Invalid period'),
    404: problemResponse('No such series or term'),
  },
});

const insights = createRoute({
  method: 'get',
  path: '/api/insights',
  summary: 'News and insight records ranked by quality, heat, recency and relevance to an occupation, role or skills',
  request: {
    query: z.object({
      occupation: OccupationCodeSchema.optional(),
      role: z.string().trim().min(1).max(100).optional(),
      skills: z.string().max(2000).optional().openapi({ description: 'comma-separated skill ids' }),
      limit: z.coerce.number().int().min(1).max(50).default(5),
    }),
  },
  responses: {
    200: json(RankedInsightsSchema, 'Best first'),
    400: problemResponse('Invalid query'),
  },
});

type Filter = z.infer<typeof FilterQuery>;
/** The validated query as the use case takes it (zod's enums widen to string). */
function queryOf<T extends Filter>(
  q: T,
): Omit<T, 'family' | 'period'> & { period: PeriodKind; family?: OccupationFamily } {
  const { family, period, ...rest } = q;
  return { ...rest, period: period as PeriodKind, ...(family ? { family: family as OccupationFamily } : {}) };
}

const uploadInsight = createRoute({
  method: 'post',
  path: '/api/insights',
  summary: "Import one dated article (the seeds' front-matter format, or plain text that starts with its date)",
  request: { body: { required: true, content: { 'application/json': { schema: InsightUploadSchema } } } },
  responses: {
    201: json(ImportedInsightSchema, 'Stored (a record of the same name is replaced), with how many links it got'),
    400: problemResponse('Not a record: the message names the line and field'),
  },
});

export function registerMarketRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(uploadInsight, async (c) => {
    const { name, content } = c.req.valid('json');
    return c.json(await importInsightText(app, name, content), 201);
  });
  api.openapi(top, async (c) => {
    const { what, ...query } = c.req.valid('query');
    return c.json(await marketTop(app, what, queryOf(query)), 200);
  });
  api.openapi(trend, async (c) => {
    const { skill, ...query } = c.req.valid('query');
    return c.json(await marketTrend(app, skill, queryOf(query)), 200);
  });
  api.openapi(emerging, async (c) => c.json(await marketEmerging(app, queryOf(c.req.valid('query'))), 200));
  api.openapi(occupation, async (c) =>
    c.json(await marketOccupation(app, c.req.valid('param').code, c.req.valid('query')), 200),
  );
  api.openapi(titles, async (c) => c.json(await titleShare(app, queryOf(c.req.valid('query'))), 200));
  api.openapi(series, async (c) => {
    const { series: name, term } = c.req.valid('param');
    return c.json(await termTrend(app, name, term, c.req.valid('query').period as PeriodKind), 200);
  });
  api.openapi(insights, async (c) => {
    const q = c.req.valid('query');
    const ranked = await rankedInsights(app, {
      occupationCode: q.occupation ?? null,
      roleId: q.role ?? null,
      skillIds:
        q.skills
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean) ?? [],
      limit: q.limit,
    });
    return c.json({ formula: RANK_FORMULA, insights: ranked }, 200);
  });
}
