import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { z } from '@hono/zod-openapi';
import fc from 'fast-check';
import { AUGMENT, buildPersonalPlan, today } from '../../app/build-plan.js';
import { readConfig } from '../../app/config.js';
import { loadReferenceData } from '../../app/load-reference-data.js';
import { createProfile } from '../../app/profiles.js';
import { openApp, type UpskillApp } from '../../app/upskill-app.js';
import { UpskillError } from '../../domain/errors.js';
import type { SkillLevel } from '../../domain/planning/skill-gaps.js';
import { openDatabase } from '../../store/database.js';
import { anyText, messyText } from '../../../test/support/arbitraries.js';
import { SHARED_DATA } from '../../../test/support/databases.js';
import { createApi } from '../create-api.js';
import { ProblemSchema } from '../problem.js';
import { PersonalPlanSchema, ProfileSchema } from '../schemas.js';

fc.configureGlobal({ includeErrorInReport: true });

// The day the plans are made: fixed, so that start dates are "past" or "future" the same way every run.
const NOW = '2026-11-22';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;
/** The request-body schemas exactly as the routes registered them (they are not exported on their own). */
let planBody: z.ZodType;
let profileBody: z.ZodType;

function bodySchema(api: ReturnType<typeof createApi>, path: string): z.ZodType {
  const route = api.openAPIRegistry.definitions.find(
    (definition) => definition.type === 'route' && definition.route.method === 'post' && definition.route.path === path,
  );
  assert.ok(route?.type === 'route', `no POST ${path} route`);
  const media = route.route.request?.body?.content['application/json'] as { schema?: unknown } | undefined;
  const schema = media?.schema;
  assert.ok(schema && typeof (schema as z.ZodType).safeParse === 'function', `POST ${path} has no zod body schema`);
  return schema as z.ZodType;
}

before(async () => {
  const db = await openDatabase({ kind: 'embedded-memory' });
  app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
  await loadReferenceData(db, app.config, { from: SHARED_DATA, onlyIn: [] });
  api = createApi(app);
  planBody = bodySchema(api, '/api/plan');
  profileBody = bodySchema(api, '/api/profiles');
});
after(() => app.close());

/** safeParse must answer, never throw, whatever the client sent. */
function safeParse(schema: z.ZodType, value: unknown): ReturnType<z.ZodType['safeParse']> {
  try {
    return schema.safeParse(value);
  } catch (error) {
    assert.fail(`safeParse threw ${String((error as Error)?.stack ?? error)} for ${fc.stringify(value)}`);
  }
}

/** What a route does with a valid body: the use case resolves, or refuses with the product's own error. True when it resolved. */
async function assertPlansOrRefuses(run: () => Promise<unknown>, schema: z.ZodType): Promise<boolean> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    assert.ok(error instanceof UpskillError, `not an UpskillError: ${String((error as Error)?.stack ?? error)}`);
    assert.ok(error.message.length > 0);
    return false;
  }
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(result)));
  assert.ok(parsed.success, `the answer does not match its response schema: ${parsed.error?.message}`);
  return true;
}

// Bodies close to what the API expects, so that many pass the schema and reach the use case: every
// field of a kind the schema takes (though not always one the use case accepts), and now and then one
// field a client gets wrong.
const nearlyValidBody = (skillIds: readonly string[], roleIds: readonly string[], withName: boolean, now: string) => {
  const day = fc
    .integer({ min: -60, max: 400 })
    .map((offset) => new Date(Date.parse(`${now}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10));
  const body = fc.record(
    {
      occupation: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('13-1161.00', '29-1141.00', '15-1252.00', '43-3031.00', '41-2031.00') },
        { weight: 3, arbitrary: fc.constantFrom('marketing specialist', 'nurse', 'sr mktg specialist', 'accountant') },
        fc.constantFrom('99-9999.00', '13-1161.0', 'asdfgh qwerty', '!!!'),
        messyText(12).filter((text) => text.trim().length > 0 && text.trim().length <= 200),
      ),
      resumeText: fc.oneof(
        {
          weight: 2,
          arbitrary: fc.constant('Skills\nPython, SQL, ChatGPT\n\nExperience\nNo experience with Tableau.'),
        },
        fc.constantFrom('', '   '),
        { weight: 2, arbitrary: anyText },
      ),
      skills: fc.array(
        fc.record({
          skillId: fc.oneof(
            { weight: 30, arbitrary: fc.constantFrom(...skillIds) },
            { weight: 1, arbitrary: messyText(4) },
          ),
          level: fc.integer({ min: 0, max: 4 }),
        }),
        { maxLength: 8 },
      ),
      target: fc.oneof(
        { weight: 3, arbitrary: fc.constant(AUGMENT) },
        { weight: 3, arbitrary: fc.constantFrom(...roleIds) },
        messyText(6).filter((text) => text.length <= 80),
      ),
      hoursPerWeek: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) },
        fc.integer({ min: -2, max: 45 }),
      ),
      startDate: fc.oneof(
        { weight: 4, arbitrary: day },
        fc.constantFrom('2026-02-30', '2026-13-01', '26-12-01', '2026-12-1', ''),
      ),
      preferences: fc.record(
        {
          freeOnly: fc.boolean(),
          formats: fc.subarray(['course', 'video', 'article', 'book', 'docs', 'interactive']),
        },
        { requiredKeys: [] },
      ),
      name: fc.oneof(
        fc.constantFrom('Jane', '  Jane Doe  '),
        messyText(8).filter((text) => text.trim().length <= 80),
      ),
      // Keys the API does not know, including ones that mean something to JavaScript objects.
      ['__proto__']: fc.jsonValue(),
      ['constructor']: fc.jsonValue(),
      progress: fc.jsonValue(),
    },
    { requiredKeys: withName ? ['occupation', 'hoursPerWeek', 'name'] : ['occupation', 'hoursPerWeek'] },
  );
  const mistakes: Record<string, fc.Arbitrary<unknown>> = {
    occupation: fc.constantFrom('', '   ', 'x'.repeat(201), 42, null),
    skills: fc.constantFrom(
      [{ skillId: skillIds[0], level: 5 }],
      [{ skillId: skillIds[0], level: 1.5 }],
      [{ skillId: skillIds[0], level: '2' }],
      [{ level: 1 }],
      Array.from({ length: 201 }, () => ({ skillId: skillIds[0], level: 1 })),
    ),
    target: fc.constantFrom('x'.repeat(81), 7),
    hoursPerWeek: fc.constantFrom(5.5, '5', Number.MAX_VALUE, null),
    startDate: fc.constantFrom('2026-12-01T00:00', 20261201),
    preferences: fc.constantFrom({ freeOnly: 'yes' }, { formats: ['podcast'] }, []),
    name: fc.constantFrom('', '   ', 'x'.repeat(81), ['Jane']),
  };
  const mistake = fc.constantFrom(...Object.keys(mistakes)).chain((key) => fc.tuple(fc.constant(key), mistakes[key]!));
  // NUL characters are refused by the routes before any use case; most bodies go without them.
  const nulFree = fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  return fc
    .tuple(body, fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: mistake }), nulFree)
    .map(([fields, wrong, clean]) => {
      const sent = wrong ? { ...fields, [wrong[0]]: wrong[1] } : fields;
      return clean ? withoutNul(sent) : sent;
    });
};

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(out, key, { value: withoutNul(item), enumerable: true, writable: true, configurable: true });
  return out;
}

const anyBody = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
);

const planInput = (data: Record<string, unknown>) =>
  ({ ...data, skills: data['skills'] as { skillId: string; level: SkillLevel }[] | undefined }) as Parameters<
    typeof buildPersonalPlan
  >[1];

/** True when some string in the value holds a NUL: the routes' validation hook refuses those (400) before any use case. */
const holdsNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : value !== null && typeof value === 'object' && Object.values(value).some(holdsNul);

describe('plan and profile requests: generated bodies', () => {
  test('the body schemas answer any value without throwing, and refuse what is not an object', () => {
    fc.assert(
      fc.property(anyBody, (value) => {
        for (const schema of [planBody, profileBody]) {
          const parsed = safeParse(schema, value);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) assert.equal(parsed.success, false);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  const nearlyValid = (withName: boolean, now = NOW) =>
    nearlyValidBody(
      app.skillGraph().skills.map((s) => s.id),
      app.planningContent().roles.map((r) => r.id),
      withName,
      now,
    );
  const bodies = (withName: boolean) =>
    fc.oneof({ weight: 1, arbitrary: anyBody }, { weight: 6, arbitrary: nearlyValid(withName) });

  test('POST /api/plan: an accepted body gives a plan matching its schema, or an UpskillError', async () => {
    let accepted = 0;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(bodies(false), async (body) => {
        const parsed = safeParse(planBody, body);
        if (!parsed.success || holdsNul(parsed.data)) return;
        accepted++;
        const input = planInput(parsed.data as Record<string, unknown>);
        if (await assertPlansOrRefuses(() => buildPersonalPlan(app, input, NOW), PersonalPlanSchema)) built++;
      }),
      { numRuns: 60 },
    );
    assert.ok(accepted >= 10, `only ${accepted} generated bodies passed the schema: the generator tests too little`);
    assert.ok(built > 0, 'no generated body was planned: the generator tests only refusals');
  });

  test('POST /api/profiles: an accepted body gives a profile matching its schema, or an UpskillError', async () => {
    let accepted = 0;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(bodies(true), async (body) => {
        const parsed = safeParse(profileBody, body);
        if (!parsed.success || holdsNul(parsed.data)) return;
        accepted++;
        const data = parsed.data as Record<string, unknown> & { name: string };
        const profile = () => createProfile(app, { ...planInput(data), name: data.name }, NOW);
        if (await assertPlansOrRefuses(profile, ProfileSchema)) built++;
      }),
      { numRuns: 50 },
    );
    assert.ok(accepted >= 10, `only ${accepted} generated bodies passed the schema: the generator tests too little`);
    assert.ok(built > 0, 'no generated body was planned: the generator tests only refusals');
  });

  test('over HTTP, no generated body gets a 5xx: a plan or profile matching its schema, or a problem', async () => {
    const json = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 5, arbitrary: nearlyValid(true, today()) },
    );
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom('/api/plan', '/api/profiles'), async (body, path) => {
        const response = await api.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        assert.ok(response.status < 500, `${response.status} ${await response.clone().text()}`);
        const valid = safeParse(path === '/api/plan' ? planBody : profileBody, body);
        if (valid.success && holdsNul(valid.data)) assert.equal(response.status, 400, 'a NUL in a field is refused');
        const answer: unknown = await response.json();
        if (response.ok) {
          const parsed = (path === '/api/plan' ? PersonalPlanSchema : ProfileSchema).safeParse(answer);
          assert.ok(parsed.success, parsed.error?.message);
        } else {
          const problem = ProblemSchema.safeParse(answer);
          assert.ok(problem.success, JSON.stringify(answer));
          assert.equal(problem.data.status, response.status);
        }
      }),
      { numRuns: 50 },
    );
  });
});
