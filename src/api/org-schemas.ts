import { z } from '@hono/zod-openapi';

/**
 * The organisation routes' schemas (issue 13): roster import, people and title confirmation,
 * readiness with the heat map, decisions, mobility, the freelancer bench and the demo company.
 * The web pages (branch orgweb) are built on these; change them additively.
 */

export const PersonKeySchema = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: 'the roster’s person id', example: 'E1001' });

const OccupationCode = z
  .string()
  .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code like 13-1161.00')
  .openapi({ example: '13-2011.00' });

export const GroupBySchema = z.enum(['team', 'department', 'level']).openapi({ description: 'how people are grouped' });

/** Where an uploaded roster or bench fails: the file, the line (1 = header) and the column. */
export const RowProblemSchema = z
  .object({
    file: z.string(),
    line: z.number().int(),
    column: z.string().nullable(),
    message: z.string(),
  })
  .openapi('RosterRowProblem');

export const ColumnMappingSchema = z
  .object({
    header: z.string().openapi({ description: 'the column as the file names it' }),
    field: z
      .string()
      .nullable()
      .openapi({
        description:
          'the roster field it fills (personKey, name, email, title, team, department, managerKey, level, ' +
          'yearsInRole, location, learningHoursPerWeek, skills, target), `skill:<id>` for a column of one skill’s ' +
          'levels, or null when ignored',
      }),
    how: z.enum(['synonym', 'mapped', 'skill-column', 'ignored']),
    sample: z.array(z.string()).openapi({ description: 'the first few values' }),
  })
  .openapi('RosterColumn');

export const RosterPreviewSchema = z
  .object({
    file: z.string(),
    format: z.enum(['csv', 'xlsx']),
    columns: z.array(ColumnMappingSchema),
    skillLayout: z.enum(['list-column', 'column-per-skill', 'none']).openapi({
      description: 'list-column: "Python:3; SQL:2" in one column; column-per-skill: one column per skill with a level',
    }),
    missing: z.array(z.string()).openapi({ description: 'required fields no column fills (personKey, title)' }),
    rows: z.number().int().openapi({ description: 'data rows read for the preview (at most 20)' }),
    problems: z.array(RowProblemSchema),
  })
  .openapi('RosterPreview');

export const ImportReportSchema = z
  .object({
    file: z.string(),
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    rejected: z.array(RowProblemSchema).openapi({ description: 'every bad row, named by file, line and column' }),
    rejectedCount: z.number().int(),
    titles: z.object({
      resolved: z.number().int(),
      lowConfidence: z.number().int().openapi({ description: 'below the confirmation threshold: listed to confirm' }),
      unresolved: z.number().int(),
      threshold: z.number(),
    }),
    skills: z.object({
      roster: z.number().int(),
      resume: z.number().int(),
      onetDefault: z.number().int(),
      unknown: z.array(z.string()).openapi({ description: 'skill names in the roster the skills graph does not know' }),
    }),
    resumes: z.object({ matched: z.number().int(), unmatched: z.array(z.string()), failed: z.array(RowProblemSchema) }),
    seconds: z.number(),
  })
  .openapi('RosterImportReport');

export const OrgPersonSchema = z
  .object({
    personKey: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    title: z.string(),
    team: z.string().nullable(),
    department: z.string().nullable(),
    managerKey: z.string().nullable(),
    level: z.string().nullable(),
    yearsInRole: z.number().nullable(),
    location: z.string().nullable(),
    learningHoursPerWeek: z.number().nullable(),
    occupationCode: z.string().nullable(),
    occupationTitle: z.string().nullable(),
    titleScore: z.number().nullable().openapi({ description: 'the title resolver’s score, 0–1 (1 once confirmed)' }),
    titleConfirmed: z.boolean(),
    titleClear: z.boolean().openapi({ description: 'the resolver’s match was clear: nothing to confirm' }),
    target: z.string().nullable().openapi({ description: 'the roster’s target role for the person, if any' }),
    sourceFile: z.string().nullable(),
    sourceLine: z.number().int().nullable(),
    candidates: z
      .array(z.object({ code: z.string(), title: z.string(), score: z.number() }))
      .optional()
      .openapi({ description: 'other occupations the title could be (unconfirmed low-confidence titles)' }),
    resumeFile: z.string().nullable(),
    fictional: z.boolean().openapi({ description: 'made up by the demo company: not a real person' }),
  })
  .openapi('OrgPerson');

export const PeopleListSchema = z
  .object({
    total: z.number().int().openapi({ description: 'people matching, including those the viewer may not see' }),
    shown: z.number().int(),
    hidden: z.number().int().openapi({ description: 'people the viewer may not see by name (counted only)' }),
    people: z.array(OrgPersonSchema),
    access: z.string().openapi({ description: 'what this viewer sees and why' }),
  })
  .openapi('OrgPeople');

export const ConfirmRequestSchema = z
  .object({
    confirmations: z
      .array(z.object({ personKey: PersonKeySchema, occupationCode: OccupationCode }))
      .min(1)
      .max(100_000),
  })
  .openapi('OrgConfirmTitles');

export const ConfirmResultSchema = z
  .object({ confirmed: z.array(z.string()), unknown: z.array(z.string()) })
  .openapi('OrgConfirmResult');

const RequiredSkill = z.object({ skillId: z.string(), label: z.string(), level: z.number().int(), weight: z.number() });

export const PersonDetailSchema = z
  .object({
    person: OrgPersonSchema,
    target: z.object({ id: z.string(), name: z.string() }),
    readiness: z.number().openapi({ description: '0–100 (see formula)' }),
    formula: z.string(),
    exposure: z
      .number()
      .nullable()
      .openapi({ description: 'share of the occupation’s work exposed (GPTs-are-GPTs β)' }),
    observedUse: z.number().nullable().openapi({ description: 'Microsoft AI applicability score of the occupation' }),
    skills: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        level: z.number().int(),
        source: z.enum(['roster', 'resume', 'onet-default']),
      }),
    ),
    required: z.array(RequiredSkill),
    gaps: z.array(
      z.object({
        skillId: z.string(),
        label: z.string(),
        currentLevel: z.number().int(),
        targetLevel: z.number().int(),
        hours: z.number(),
      }),
    ),
    hours: z.number(),
    weeks: z.number().int().openapi({ description: 'at the person’s learning hours a week' }),
  })
  .openapi('OrgPersonDetail');

const MissingSkill = z.object({ skillId: z.string(), label: z.string(), people: z.number().int(), hours: z.number() });

export const ReadinessSchema = z
  .object({
    by: GroupBySchema,
    formula: z.string().openapi({ description: 'how readiness is computed, in words' }),
    people: z.number().int(),
    readiness: z.number(),
    exposedShare: z.number().nullable(),
    groups: z.array(
      z.object({
        name: z.string(),
        people: z.number().int(),
        withheld: z.boolean().openapi({
          description: 'a group under five people the viewer may not all see: only its head-count is shown',
        }),
        readiness: z.number().nullable(),
        exposedShare: z.number().nullable(),
        observedUse: z.number().nullable(),
        nearTarget: z.number().int().nullable().openapi({ description: 'people at readiness 80 or more' }),
        nearTargetPeople: z
          .array(z.object({ personKey: z.string(), name: z.string().nullable(), readiness: z.number() }))
          .openapi({ description: 'those of them the viewer may see by name, closest first (at most ten)' }),
        missingSkills: z.array(MissingSkill),
      }),
    ),
    heatMap: z.object({
      skills: z.array(z.object({ skillId: z.string(), label: z.string() })),
      rows: z.array(
        z.object({
          group: z.string(),
          cells: z.array(z.object({ skillId: z.string(), value: z.number().nullable(), people: z.number().int() })),
        }),
      ),
    }),
    singlePointsOfFailure: z.array(
      z.object({
        group: z.string(),
        skillId: z.string(),
        label: z.string(),
        holder: z
          .object({ personKey: z.string(), name: z.string().nullable(), level: z.number().int() })
          .nullable()
          .openapi({ description: 'null when the viewer may not see who it is' }),
      }),
    ),
    access: z.string().openapi({ description: 'what this viewer sees and why (personal mode: everything)' }),
    sources: z.array(z.string()),
    notAssessed: z.number().int().openapi({ description: 'people whose title has no occupation yet (to confirm)' }),
  })
  .openapi('OrgReadiness');

export const AssumptionSchema = z
  .object({
    key: z.string(),
    value: z.number(),
    default: z.number(),
    unit: z.string(),
    source: z.string().openapi({ description: 'the published source and its date, or why it is an assumption' }),
  })
  .openapi('StaffingAssumption');

const OptionSchema = z.object({
  option: z.enum(['upskill', 'hire', 'freelance']),
  cost: z.number().nullable().openapi({ description: 'USD over the need; null when the option is not available' }),
  weeks: z.number(),
  arithmetic: z.array(z.string()),
  available: z.boolean(),
});

export const DecisionSchema = z
  .object({
    team: z.string(),
    skillId: z.string(),
    label: z.string(),
    targetLevel: z.number().int(),
    peopleMissing: z.number().int(),
    options: z.array(OptionSchema),
    recommendation: z.object({ option: z.enum(['upskill', 'hire', 'freelance']), why: z.string(), text: z.string() }),
    breakEven: z
      .object({ assumption: z.string(), current: z.number(), value: z.number(), text: z.string() })
      .nullable()
      .openapi({ description: 'the value of the decisive assumption at which the choice flips' }),
  })
  .openapi('StaffingDecision');

export const DecisionsRequestSchema = z
  .object({
    team: z.string().max(200).optional(),
    scenario: z.string().max(100).optional().openapi({ description: 'a saved scenario’s assumptions to start from' }),
    assumptions: z.record(z.string(), z.number().min(0)).optional().openapi({ description: 'key → value overrides' }),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .openapi('StaffingDecisionsRequest');

export const DecisionsSchema = z
  .object({
    assumptions: z.array(AssumptionSchema),
    scenario: z.string().nullable(),
    decisions: z.array(DecisionSchema),
    note: z.string(),
  })
  .openapi('StaffingDecisions');

export const ScenarioSchema = z
  .object({ name: z.string(), assumptions: z.record(z.string(), z.number()), updatedAt: z.string() })
  .openapi('StaffingScenario');

export const ScenarioRequestSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w .-]+$/, 'letters, digits, spaces, dots, dashes and underscores')
      .openapi({ example: 'short-project' }),
    assumptions: z.record(z.string(), z.number().min(0)),
  })
  .openapi('StaffingScenarioRequest');

export const MobilitySchema = z
  .object({
    target: z.object({ id: z.string(), name: z.string(), kind: z.enum(['role', 'occupation']) }),
    formula: z.string(),
    people: z.array(
      z.object({
        rank: z.number().int(),
        personKey: z.string().nullable().openapi({ description: 'null when the viewer may not see who it is' }),
        name: z.string().nullable(),
        team: z.string().nullable(),
        closeness: z.number(),
        skillMatch: z.number(),
        related: z.boolean(),
        sharedActivities: z.number(),
        needs: z.array(
          z.object({ skillId: z.string(), label: z.string(), from: z.number(), to: z.number(), hours: z.number() }),
        ),
        hours: z.number(),
        weeks: z.number().int(),
      }),
    ),
    total: z.number().int(),
    access: z.string(),
  })
  .openapi('OrgMobility');

export const BenchImportSchema = z
  .object({
    file: z.string(),
    freelancers: z.number().int(),
    rejected: z.array(RowProblemSchema),
    unknownSkills: z.array(z.string()),
  })
  .openapi('BenchImport');

export const BenchMatchesSchema = z
  .object({
    freelancers: z.number().int(),
    matches: z.array(
      z.object({
        team: z.string(),
        skillId: z.string(),
        label: z.string(),
        peopleMissing: z.number().int(),
        freelancers: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            ratePerHour: z.number(),
            currency: z.string(),
            reasons: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .openapi('BenchMatches');

export const DemoSchema = z
  .object({
    people: z.number().int(),
    departments: z.array(z.object({ name: z.string(), people: z.number().int() })),
    note: z.string(),
  })
  .openapi('OrgDemo');

/** Form fields of an upload: the file, and optional `map` lines "column=field". */
export const UploadSchema = z
  .object({
    file: z.any().optional().openapi({ type: 'string', format: 'binary', description: 'the CSV or XLSX file' }),
    resumes: z
      .any()
      .optional()
      .openapi({
        type: 'array',
        items: { type: 'string', format: 'binary' },
        description:
          'résumés (PDF, DOCX, HTML, Markdown, text; up to 500), matched to people by the person id or name in the file name',
      }),
    map: z
      .string()
      .max(10_000)
      .optional()
      .openapi({ description: 'column mappings "Column name=field", separated by new lines or commas' }),
  })
  .openapi('OrgUpload');
