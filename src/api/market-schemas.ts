import { z } from '@hono/zod-openapi';
import { MAX_MARKET_LIMIT, PERIOD_KINDS } from '../domain/market/periods.js';
import { OCCUPATION_FAMILIES } from '../domain/planning/occupation-family.js';
import { OccupationCodeSchema } from './schemas.js';

// The market and insight routes' shapes (market branch): the routes validate by them and the web app
// takes its types from them (type-only), so this file imports nothing but zod and pure constants.
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2024-05');
export const Period = z.enum(PERIOD_KINDS as [string, ...string[]]).default('quarter');

export const FilterQuery = z.object({
  period: Period.openapi({ description: 'month, quarter or half' }),
  from: Month.optional().openapi({ description: 'first month counted', example: '2024-01' }),
  to: Month.optional().openapi({ description: 'last month counted' }),
  occupation: OccupationCodeSchema.optional(),
  family: z
    .enum(Object.keys(OCCUPATION_FAMILIES) as [string, ...string[]])
    .optional()
    .openapi({ description: 'an occupation family' }),
  location: z.string().trim().min(1).max(100).optional(),
  remote: z.enum(['remote', 'hybrid', 'onsite']).optional(),
  dataset: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_MARKET_LIMIT).default(10),
});

export const ShareFields = {
  count: z.number().int().openapi({ description: 'postings that ask for it' }),
  total: z.number().int().openapi({ description: 'postings in the period (the denominator)' }),
  share: z.number(),
  low: z.number().openapi({ description: '95 % Wilson interval, lower bound' }),
  high: z.number().openapi({ description: '95 % Wilson interval, upper bound' }),
};
export const ShareSchema = z.object(ShareFields).openapi('PostingShare');
export const SampleSchema = z
  .object({
    postings: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    datasets: z.record(z.string(), z.number()),
    note: z
      .string()
      .openapi({ description: 'what the figures count and that postings are a sample of part of the market' }),
  })
  .openapi('PostingSample');
export const TopItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.string().nullable(),
  rank: z.number().int(),
  ...ShareFields,
});
export const PointSchema = z.object({ period: z.string(), ...ShareFields }).openapi('MarketPoint');
export const GrowthSchema = z.object({
  ratio: z.number().nullable(),
  points: z.number(),
  from: ShareSchema,
  to: ShareSchema,
  periods: z.tuple([z.string(), z.string()]),
});

export const InsightSchema = z
  .object({
    record: z.object({
      id: z.string(),
      title: z.string(),
      excerpt: z.string(),
      body: z.string().nullable(),
      publishedAt: z.string(),
      provider: z.object({ name: z.string(), domain: z.string().nullable() }).nullable(),
      url: z.string().nullable(),
      quality: z.number().nullable(),
      heat: z.number().nullable(),
      topics: z.array(z.string()),
      images: z.array(z.object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() })),
      related: z.array(
        z.object({
          title: z.string(),
          url: z.string().nullable(),
          publishedAt: z.string().nullable(),
          provider: z.string().nullable(),
        }),
      ),
      source: z.string(),
    }),
    links: z.array(z.object({ kind: z.enum(['skill', 'occupation', 'role']), ref: z.string(), label: z.string() })),
    score: z.number(),
    parts: z.object({ quality: z.number(), heat: z.number(), recency: z.number(), relevance: z.number() }),
  })
  .openapi('RankedInsight');

export const MarketTopSchema = z
  .object({
    what: z.string(),
    period: z.string(),
    periods: z.array(z.object({ period: z.string(), postings: z.number().int(), items: z.array(TopItemSchema) })),
    sample: SampleSchema,
  })
  .openapi('MarketTop');

export const MarketTrendSchema = z
  .object({
    skill: z.object({ skillId: z.string(), label: z.string(), kind: z.string() }),
    period: z.string(),
    points: z.array(PointSchema),
    quarterOnQuarter: GrowthSchema.nullable(),
    yearOnYear: GrowthSchema.nullable(),
    coOccurring: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        kind: z.string(),
        together: z.number().int(),
        withAnchor: z.number(),
        lift: z.number(),
      }),
    ),
    sample: SampleSchema,
  })
  .openapi('MarketTrend');

export const MarketEmergingSchema = z
  .object({
    earlier: z.object({ from: z.string(), to: z.string(), postings: z.number().int() }),
    later: z.object({ from: z.string(), to: z.string(), postings: z.number().int() }),
    minSupport: z.number().int(),
    alpha: z.number(),
    test: z.string(),
    skills: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        kind: z.string(),
        earlier: ShareSchema,
        later: ShareSchema,
        ratio: z.number(),
        z: z.number(),
        p: z.number(),
      }),
    ),
    sample: SampleSchema,
  })
  .openapi('MarketEmerging');

export const MarketOccupationSchema = z
  .object({
    occupation: z.object({ code: z.string(), title: z.string() }),
    skills: z.array(TopItemSchema),
    tools: z.array(TopItemSchema),
    titles: z.array(TopItemSchema),
    notInProfile: z.array(z.object({ skillId: z.string(), label: z.string(), kind: z.string(), ...ShareFields })),
    sample: SampleSchema,
  })
  .openapi('MarketOccupation');

export const MarketTitlesSchema = z
  .object({ pattern: z.string(), points: z.array(PointSchema), sample: SampleSchema })
  .openapi('MarketTitles');

export const TermTrendSchema = z
  .object({
    series: z.string(),
    term: z.string(),
    period: z.string(),
    points: z.array(PointSchema),
    note: z.string(),
  })
  .openapi('TermTrend');

export const RankedInsightsSchema = z
  .object({ formula: z.string(), insights: z.array(InsightSchema) })
  .openapi('RankedInsights');

export const InsightUploadSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\w.-]+$/, 'must be a file name of letters, digits, dots, dashes or underscores')
      .openapi({ example: 'upwork-2023-08.txt', description: "the record's id is its name without extension" }),
    content: z
      .string()
      .min(1)
      .max(2 * 1024 * 1024)
      .openapi({ example: 'date 2023-08-10 AI job postings on Upwork grew tenfold in a quarter.' }),
  })
  .openapi('InsightUpload');
export const ImportedInsightSchema = z
  .object({ id: z.string(), title: z.string(), publishedAt: z.string(), links: z.number().int() })
  .openapi('ImportedInsight');
