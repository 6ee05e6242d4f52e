import { z } from '@hono/zod-openapi';

const Exposure = z.enum(['E0', 'E1', 'E2']).nullable();
const Automation = z.enum(['T0', 'T1', 'T2', 'T3', 'T4']).nullable();
const Scores = z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() });
const RaterExposure = Scores.extend({ percentile: Scores }).nullable();

export const OccupationCodeSchema = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code like 13-1161.00').openapi({ example: '13-1161.00' });

export const TitleMatchSchema = z
  .object({ code: z.string(), title: z.string(), score: z.number().min(0).max(1), matched: z.string() })
  .openapi('TitleMatch');

export const SearchResultSchema = z.object({ query: z.string(), matches: z.array(TitleMatchSchema) }).openapi('OccupationSearch');

export const OccupationViewSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string(),
    jobZone: z.object({ value: z.number().int(), name: z.string().nullable() }).nullable(),
    employment: z.object({ soc: z.string(), employment: z.number().nullable(), medianAnnualWage: z.number().nullable(), medianHourlyWage: z.number().nullable(), source: z.string() }).nullable(),
    exposure: z.object({
      human: RaterExposure,
      gpt4: RaterExposure,
      weighting: z.enum(['core-2-supplemental-1', 'task-importance']),
      labelledTasks: z.number().int(),
      unlabelledTasks: z.number().int(),
      published: z.object({ human: Scores, gpt4: Scores }).nullable(),
    }),
    tasks: z.array(
      z.object({
        taskId: z.number().int(),
        statement: z.string(),
        taskType: z.enum(['Core', 'Supplemental']).nullable(),
        importance: z.number().nullable(),
        human: Exposure,
        gpt4: Exposure,
        agreement: z.enum(['agree', 'gpt4-higher', 'human-higher', 'unlabelled']),
        gpt4Automation: Automation,
        humanAutomation: Automation,
      }),
    ),
    workActivities: z.array(z.object({ dwaId: z.string(), title: z.string(), tasks: z.number().int() })),
    technologySkills: z.array(z.object({ example: z.string(), commodityTitle: z.string(), hot: z.boolean(), inDemand: z.boolean().nullable() })),
    related: z.array(z.object({ code: z.string(), title: z.string(), tier: z.string() })),
  })
  .openapi('Occupation');

export const AboutSchema = z
  .object({
    name: z.literal('Upskill'),
    version: z.string(),
    data: z.array(z.object({ source: z.string(), version: z.string(), loadedAt: z.string() })),
    attribution: z.array(z.object({ source: z.string(), text: z.string(), url: z.string(), licence: z.string() })),
  })
  .openapi('About');

export const SkillSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    categoryName: z.string(),
    aliases: z.array(z.string()),
    description: z.string(),
    levels: z.array(z.string()).length(4).openapi({ description: 'aware → can use → can build → can lead' }),
    hours: z.array(z.number()).length(4).openapi({ description: 'cumulative hours to reach each level' }),
    prerequisites: z.array(z.string()),
    prerequisiteNames: z.array(z.object({ id: z.string(), name: z.string() })),
    unlocks: z.array(z.object({ id: z.string(), name: z.string() })),
    onet: z.object({ examples: z.array(z.string()), commodityCodes: z.array(z.number()) }).optional(),
    esco: z.array(z.string()).optional(),
  })
  .openapi('Skill');

const Source = z.enum(['graph', 'onet-technology', 'onet-tool', 'onet-element', 'esco']);

export const ExtractionSchema = z
  .object({
    format: z.enum(['pdf', 'docx', 'html', 'markdown', 'text']),
    pages: z.number().int().optional(),
    text: z.string(),
    mentions: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        surface: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        confidence: z.number(),
        source: Source,
        section: z.enum(['skills', 'experience', 'projects', 'education', 'summary', 'hobbies', 'text']),
        negated: z.boolean(),
      }),
    ),
    skills: z.array(z.object({ skillId: z.string(), label: z.string(), source: Source, confidence: z.number(), mentions: z.number().int(), negated: z.boolean() })),
  })
  .openapi('Extraction');
