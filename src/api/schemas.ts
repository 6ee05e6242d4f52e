import { z } from '@hono/zod-openapi';

const Exposure = z.enum(['E0', 'E1', 'E2']).nullable();
const Automation = z.enum(['T0', 'T1', 'T2', 'T3', 'T4']).nullable();
const Scores = z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() });
const RaterExposure = Scores.extend({ percentile: Scores }).nullable();

export const OccupationCodeSchema = z
  .string()
  .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code like 13-1161.00')
  .openapi({ example: '13-1161.00' });

export const TitleMatchSchema = z
  .object({ code: z.string(), title: z.string(), score: z.number().min(0).max(1), matched: z.string() })
  .openapi('TitleMatch');

export const SearchResultSchema = z
  .object({ query: z.string(), matches: z.array(TitleMatchSchema) })
  .openapi('OccupationSearch');

const HoursSavedSchema = z.object({
  hoursPerWeek: z.number().openapi({ description: 'midpoint of the range' }),
  low: z.number(),
  high: z.number(),
  basis: z.enum(['task-ratings', 'activity-weights', 'task-weights']),
  assumptions: z.array(z.string()),
});

const Risk = z.enum(['assist', 'caution', 'human-only']).openapi({
  description:
    'assist: AI drafts, the person decides; caution: personal, confidential or regulated data; ' +
    'human-only: AI may prepare information, never decides',
});
const Guidance = z
  .object({
    activity: z.object({ iwa: z.string(), title: z.string() }),
    via: z.enum(['dwa', 'words']),
    relevance: z.number(),
    risk: Risk,
    aiCan: z.string(),
    recipe: z.array(z.string()),
    tools: z.array(z.object({ category: z.string(), examples: z.array(z.string()) })),
    check: z.string(),
    staysHuman: z.string(),
    neverPaste: z.string().optional(),
    skills: z.array(z.string()),
    humanOnlyBecause: z.string().optional().openapi({
      description:
        'why the task is human-only although its activity is not (its own words: an emergency, a clinical act, …)',
    }),
  })
  .openapi('TaskGuidance');
const Observed = z
  .object({
    level: z.enum(['frequent', 'occasional', 'not-seen', 'unknown']),
    pct: z.number().nullable().openapi({ description: '% of the Anthropic Economic Index conversations' }),
    percentile: z.number().nullable(),
    via: z.enum(['statement', 'task-id']).nullable(),
  })
  .openapi('ObservedTaskUse');
const Distribution = z
  .object({
    typical: z.string(),
    share: z.number(),
    categories: z.array(z.object({ category: z.number().int(), description: z.string(), share: z.number() })),
  })
  .nullable();

export const OccupationViewSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string(),
    jobZone: z.object({ value: z.number().int(), name: z.string().nullable() }).nullable(),
    employment: z
      .object({
        soc: z.string(),
        employment: z.number().nullable(),
        medianAnnualWage: z.number().nullable(),
        medianHourlyWage: z.number().nullable(),
        source: z.string(),
        counts: z.string().openapi({ example: 'employment of all Registered Nurses, 29-1141' }),
      })
      .nullable(),
    outlook: z
      .object({
        soc: z.string(),
        title: z.string(),
        pctChange: z.number(),
        period: z.literal('2020–30'),
        source: z.string(),
      })
      .nullable(),
    education: z.object({
      education: Distribution,
      relatedExperience: Distribution,
      onSiteTraining: Distribution,
      onTheJobTraining: Distribution,
      certificationImportance: z.number().nullable(),
      source: z.string(),
    }),
    observedUse: z.object({
      taskSource: z.literal('anthropic-economic-index').nullable(),
      coverage: z.object({
        byStatement: z.number().int(),
        byTaskId: z.number().int(),
        notSeen: z.number().int(),
        unknown: z.number().int(),
        total: z.number().int(),
      }),
      applicability: z
        .object({ soc: z.string(), score: z.number(), percentile: z.number(), source: z.string() })
        .nullable(),
      activities: z.array(
        z.object({
          iwa: z.string(),
          title: z.string(),
          tasks: z.number().int(),
          shareUser: z.number().nullable(),
          shareAi: z.number().nullable(),
          completionUser: z.number().nullable(),
          scopeUser: z.number().nullable(),
        }),
      ),
    }),
    exposure: z.object({
      human: RaterExposure,
      gpt4: RaterExposure,
      weighting: z.enum(['core-2-supplemental-1', 'task-importance']),
      labelledTasks: z.number().int(),
      unlabelledTasks: z.number().int(),
      published: z.object({ human: Scores, gpt4: Scores }).nullable(),
    }),
    hoursSaved: HoursSavedSchema,
    tasks: z.array(
      z.object({
        taskId: z.number().int(),
        statement: z.string(),
        taskType: z.enum(['Core', 'Supplemental']).nullable(),
        importance: z.number().nullable(),
        human: Exposure,
        gpt4: Exposure,
        agreement: z.enum(['agree', 'gpt4-higher', 'human-higher', 'unlabelled']),
        ai: z
          .object({ capability: z.string(), howToUse: z.string(), check: z.string() })
          .nullable()
          .openapi({ description: 'How AI would help with this task when either rater saw exposure' }),
        gpt4Automation: Automation,
        humanAutomation: Automation,
        observed: Observed,
        practice: z.string().openapi({ description: 'potential against practice, in plain words' }),
        guidance: Guidance.nullable(),
        activities: z
          .array(z.string())
          .openapi({ description: 'the O*NET work activities (IWA IDs) the task is linked to' }),
      }),
    ),
    workActivities: z.array(z.object({ dwaId: z.string(), title: z.string(), tasks: z.number().int() })),
    technologySkills: z.array(
      z.object({ example: z.string(), commodityTitle: z.string(), hot: z.boolean(), inDemand: z.boolean().nullable() }),
    ),
    related: z.array(z.object({ code: z.string(), title: z.string(), tier: z.string() })),
  })
  .openapi('Occupation');

const Histogram = z.object({
  rater: z.enum(['human', 'gpt4']),
  binWidth: z.number(),
  counts: z.array(z.number().int()),
  occupations: z.number().int(),
  median: z.number(),
});
export const ExposureDistributionSchema = z
  .object({ human: Histogram, gpt4: Histogram })
  .openapi('ExposureDistribution');

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

const Source = z.enum(['graph', 'lexicon', 'onet-technology', 'onet-tool', 'onet-element', 'esco', 'phrase']);
const MentionKind = z
  .enum(['ai-skill', 'skill', 'knowledge', 'tool', 'language', 'certification'])
  .openapi({ description: 'What the mention names: an AI skill of the graph, another skill, knowledge, a tool, …' });
const EscoLink = z.object({ label: z.string(), uri: z.string().nullable() }).nullable().openapi({
  description: 'The ESCO skill (preferred label; URI when the loaded export has one), when ESCO is loaded.',
});

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
        kind: MentionKind,
        esco: EscoLink,
        section: z.enum(['skills', 'experience', 'projects', 'education', 'summary', 'hobbies', 'text']),
        negated: z.boolean(),
      }),
    ),
    skills: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        source: Source,
        kind: MentionKind,
        esco: EscoLink,
        confidence: z.number(),
        mentions: z.number().int(),
        negated: z.boolean(),
      }),
    ),
  })
  .openapi('Extraction');

export const RoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    relatedOccupations: z.array(z.string()),
    skills: z.record(z.string(), z.number()),
  })
  .openapi('Role');

export const ProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    occupationCode: z.string(),
    target: z.string(),
    skills: z.array(z.object({ skillId: z.string(), level: z.number().int() })),
    hoursPerWeek: z.number().int(),
    startDate: z.string(),
    preferences: z.object({ freeOnly: z.boolean(), formats: z.array(z.string()).optional() }),
    resumeText: z.string().nullable(),
    ownerId: z.string().nullable().openapi({ description: 'The account whose profile it is (team mode)' }),
    createdAt: z.string(),
  })
  .openapi('Profile');

const Step = z.object({
  id: z.string(),
  skillId: z.string(),
  name: z.string(),
  level: z.number().int(),
  outcome: z.string(),
  hours: z.number(),
  resource: z.object({
    id: z.string(),
    title: z.string(),
    provider: z.string(),
    url: z.string(),
    cost: z.number(),
    format: z.string(),
  }),
  preferenceRelaxed: z.boolean(),
  reasons: z.array(z.string()),
});

// What loaded job postings say of a gap (market branch): share with its 95 % Wilson interval, growth, weight factor.
const GapDemandSchema = z
  .object({
    count: z.number().int(),
    postings: z.number().int(),
    share: z.number(),
    low: z.number(),
    high: z.number(),
    yearOnYear: z.number().nullable(),
    weightFactor: z.number(),
  })
  .openapi('GapDemand', {
    description: 'postings for the occupation or target asking for the skill (a sample of part of the market)',
  });
const DemandBasisSchema = z
  .object({
    source: z.enum(['postings', 'onet-hot-proxy']),
    scope: z.string().nullable(),
    postings: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    note: z.string(),
  })
  .openapi('DemandBasis');

export const PersonalPlanSchema = z
  .object({
    occupation: z.object({ code: z.string(), title: z.string() }),
    target: z.object({ id: z.string(), name: z.string(), description: z.string() }),
    current: z.array(
      z.object({
        skillId: z.string(),
        name: z.string(),
        level: z.number().int(),
        source: z.enum(['onet', 'résumé', 'confirmed']).openapi({
          description: "onet: O*NET's rating of the occupation; résumé: found in it; confirmed: set by the person",
        }),
        basis: z.string().optional().openapi({ description: 'the O*NET ratings an onet level was read from' }),
      }),
    ),
    gaps: z.object({
      targetId: z.string(),
      gaps: z.array(
        z.object({
          skillId: z.string(),
          name: z.string(),
          currentLevel: z.number().int(),
          requiredLevel: z.number().int(),
          weight: z.number(),
          hours: z.number(),
          reasons: z.array(z.string()),
          demand: GapDemandSchema.optional(),
        }),
      ),
      met: z.array(z.object({ skillId: z.string(), name: z.string(), level: z.number().int() })),
      demand: DemandBasisSchema.optional(),
      readiness: z.number(),
      totalHours: z.number(),
    }),
    hoursSaved: HoursSavedSchema,
    plan: z.object({
      startDate: z.string(),
      endDate: z.string(),
      hoursPerWeek: z.number(),
      totalHours: z.number(),
      steps: z.array(Step),
      weeks: z.array(
        z.object({
          week: z.number().int(),
          start: z.string(),
          end: z.string(),
          items: z.array(z.object({ stepId: z.string(), hours: z.number() })),
          hours: z.number(),
        }),
      ),
      milestones: z.array(
        z.object({
          week: z.number().int(),
          date: z.string(),
          skillId: z.string(),
          title: z.string(),
          project: z.string(),
        }),
      ),
    }),
  })
  .openapi('PersonalPlan');

export const ProfilePlanSchema = PersonalPlanSchema.extend({
  progress: z.array(
    z.object({
      stepId: z.string(),
      status: z.enum(['done', 'skipped', 'took-longer']),
      hours: z.number().optional(),
      recordedAt: z.string(),
    }),
  ),
}).openapi('ProfilePlan');

export const AssessmentSchema = z
  .object({
    occupation: z.object({ code: z.string(), title: z.string() }),
    target: z.object({ id: z.string(), name: z.string() }),
    skills: z
      .array(
        z.object({
          skillId: z.string(),
          name: z.string(),
          category: z.string(),
          needed: z.number().int().min(0).max(4),
          suggested: z.number().int().min(0).max(4),
          source: z.enum(['onet', 'résumé', 'confirmed', 'none']),
          basis: z.string().optional(),
          levels: z.array(
            z.object({ level: z.number().int().min(0).max(4), name: z.string(), description: z.string() }),
          ),
        }),
      )
      .max(12),
  })
  .openapi('SelfAssessment');

export const RoleNameSchema = z.enum(['administrator', 'manager', 'employee', 'analyst']);

export const AccountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleNameSchema,
    managerId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Account');

export const SessionSchema = z
  .object({
    mode: z.enum(['personal', 'team']),
    /** Team mode with no administrator yet: the setup link printed on the console makes the first. */
    setupNeeded: z.boolean(),
    account: AccountSchema.nullable(),
    /** What the signed-in role may see, in words. */
    roleScope: z.string().nullable(),
    /** Sent back in X-CSRF-Token with every change made with this session. */
    csrfToken: z.string().nullable(),
  })
  .openapi('Session');

export const LinkInfoSchema = z
  .object({
    purpose: z.enum(['setup', 'invitation', 'password-reset']),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role: RoleNameSchema.nullable(),
    expiresAt: z.string(),
  })
  .openapi('LinkInfo');

export const IssuedLinkSchema = z
  .object({
    link: z.string().openapi({ description: 'Give it to the person; it works once.' }),
    expiresAt: z.string(),
  })
  .openapi('IssuedLink');

export const AccessTokenSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'read-write']),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('AccessToken');

export const AuditEntrySchema = z
  .object({
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    subjectProfileId: z.string().nullable(),
    subjectAccountId: z.string().nullable(),
    address: z.string().nullable(),
    detail: z.string(),
  })
  .openapi('AuditEntry');

export const PersonalDataSchema = z
  .object({
    exportedAt: z.string(),
    account: AccountSchema,
    profiles: z.array(ProfileSchema.extend({ progress: z.array(z.object({ stepId: z.string() }).passthrough()) })),
    accessTokens: z.array(AccessTokenSchema),
    auditLog: z.array(AuditEntrySchema),
  })
  .openapi('PersonalData');
