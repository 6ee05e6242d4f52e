import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createRoute } from '@hono/zod-openapi';
import { createAccessToken, invite } from '../app/accounts.js';
import { profilePlan, recordProgress } from '../app/profiles.js';
import { importRoster } from '../app/import-roster.js';
import { findPerson, upsertPeople } from '../store/organisation.repository.js';
import { ROUTE_POLICY, ruleFor, type RouteRule } from '../domain/access/index.js';
import { browserHeaders, ORIGIN, openTeam, PASSWORD, principalOf, type Member } from '../../test/support/team-app.js';
import { startPostingImport } from '../store/postings.repository.js';
import { createApi } from './create-api.js';
import { assignCohortPlan } from '../app/assign-cohort-plan.js';
import { rosterPerson } from '../../test/support/roster-person.js';

/*
 * The role-by-route matrix. It walks every operation of the served /api/openapi.json and calls each
 * as every role and anonymously, and for a route about one person both on a profile the caller is
 * related to and on a stranger's: it asserts who gets a 2xx and who gets 401, 403 or 404, and that a
 * stranger's profile answers exactly like a missing one. A route without a policy entry, or without a
 * sample request here, fails — so a new route cannot forget its check.
 */

const team = await openTeam();
after(() => team.close());
const { app, api, members, join, profileOf } = team;

type Caller = 'anonymous' | 'administrator' | 'manager' | 'employee' | 'analyst';
const CALLERS: readonly Caller[] = ['anonymous', 'administrator', 'manager', 'employee', 'analyst'];

interface Sample {
  path: string;
  body?: unknown;
  /** The call ends or deletes the caller's own session or account: make it as a fresh person of the role. */
  freshCaller?: boolean;
  /** A status that proves the call got past access to the use case, besides 2xx (the coach off: 409). */
  through?: number;
}
interface SampleContext {
  caller: Member | undefined;
  /** The profile a person route is called on (the manager's report's, or a stranger's). */
  profileId: string;
}

const adminActor = { principal: principalOf(members.administrator.account), address: null };
let unique = 0;
const invitation = async () =>
  (
    await invite(
      app,
      { ...adminActor, accountId: members.administrator.account.id },
      { email: `new${++unique}@example.org`, name: `New ${unique}`, role: 'employee' },
    )
  ).token;
const firstStep = async (profileId: string) => (await profilePlan(app, profileId)).plan.steps[0]!.id;

// The organisation routes need a roster whose people are the members (linked by e-mail).
const rosterCsv = () =>
  'Employee ID,Name,Email,Job Title,Team,Manager\n' +
  `MX-A,Ada,${members.administrator.account.email},Accountant,Finance,\n` +
  `MX-M,Mia,${members.manager.account.email},Accountant,Finance,\n` +
  `MX-E,Eli,${members.employee.account.email},Accountant,Finance,MX-M\n` +
  `MX-O,Olu,${members.outsider.account.email},Accountant,Sales,\n`;
const ensureRoster = async () => {
  if (!(await findPerson(app.database, 'MX-E')))
    await importRoster(app, { bytes: new TextEncoder().encode(rosterCsv()), name: 'roster.csv' });
};
/** The roster person a caller may always see: themselves (the employee's for a probe without a caller). */
// The administrator sees anyone (the outsider); the manager their report; the employee themselves.
const ownKey = (caller: Member | undefined) => (caller === members.administrator ? 'MX-O' : 'MX-E');
const org = (sample: (context: SampleContext) => Sample) => async (context: SampleContext) => {
  await ensureRoster();
  return sample(context);
};
/** A roster person with this member's e-mail (cohort plans are given to roster people). */
const rosterPersonOf = async (member: Member): Promise<string> => {
  await upsertPeople(app.database, [
    rosterPerson(member.account.id, {
      name: member.account.name,
      email: member.account.email,
      title: 'Market Research Analyst',
      team: 'Matrix',
      department: null,
      learningHoursPerWeek: 2,
      occupationCode: '13-1161.00',
    }),
  ]);
  return member.account.id;
};
/** A cohort with the employee in it: the administrator, the employee's manager and the employee see it. */
let matrixCohort: Promise<string> | undefined;
const cohortWithEmployee = () =>
  (matrixCohort ??= rosterPersonOf(members.employee).then(
    async (key) =>
      (await assignCohortPlan(app, { kind: 'personal' }, { name: 'Matrix cohort', people: [key] })).cohort.id,
  ));

/** A request each operation succeeds with for a caller allowed to make it. */
const SAMPLES: Record<string, (context: SampleContext) => Promise<Sample>> = {
  'GET /api/about': async () => ({ path: '/api/about' }),
  'GET /api/auth/session': async () => ({ path: '/api/auth/session' }),
  'POST /api/auth/login': async () => ({
    path: '/api/auth/login',
    body: { email: members.outsider.account.email, password: PASSWORD },
    freshCaller: true, // signing in ends the session the cookie held
  }),
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout', freshCaller: true }),
  'POST /api/auth/links/inspect': async () => ({
    path: '/api/auth/links/inspect',
    body: { token: await invitation() },
  }),
  'POST /api/auth/links/redeem': async () => ({
    path: '/api/auth/links/redeem',
    body: { token: await invitation(), password: PASSWORD },
    freshCaller: true,
  }),
  'GET /api/occupations': async () => ({ path: '/api/occupations?q=accountant' }),
  'GET /api/occupations/{code}': async () => ({ path: '/api/occupations/13-1161.00' }),
  'POST /api/occupations/from-text': async () => ({
    path: '/api/occupations/from-text',
    body: { text: 'Senior Accountant\nDeloitte' },
  }),
  'GET /api/exposure': async () => ({ path: '/api/exposure' }),
  'GET /api/skills': async () => ({ path: '/api/skills' }),
  'GET /api/skills/{id}': async () => ({ path: '/api/skills/prompt-engineering' }),
  'POST /api/extract': async () => ({ path: '/api/extract', body: { text: 'Skills: ChatGPT, Excel' } }),
  'POST /api/skills/link': async () => ({ path: '/api/skills/link', body: { text: 'We code in Python.' } }),
  'GET /api/roles': async () => ({ path: '/api/roles' }),
  'POST /api/assessment': async () => ({ path: '/api/assessment', body: { occupation: '13-1161.00' } }),
  'POST /api/plan': async () => ({ path: '/api/plan', body: { occupation: '13-1161.00', hoursPerWeek: 5 } }),
  'GET /api/coach': async () => ({ path: '/api/coach' }),
  'PUT /api/coach/enabled': async () => ({
    path: '/api/coach/enabled',
    body: { enabled: false },
    through: 400, // no provider is set up here: the use case says there is nothing to turn off
  }),
  'POST /api/coach/preview': async ({ profileId }) => ({
    path: '/api/coach/preview',
    body: { question: 'Which step first?', profileId },
  }),
  'POST /api/coach/ask': async ({ profileId }) => ({
    path: '/api/coach/ask',
    body: { question: 'Which step first?', profileId },
  }),
  'POST /api/coach/propose': async ({ profileId }) => ({
    path: '/api/coach/propose',
    body: { request: 'Fewer hours a week, please.', profileId },
    through: 409, // no model is set up here: the use case says the coach is off
  }),
  'POST /api/coach/accept': async ({ profileId }) => ({
    path: '/api/coach/accept',
    body: { profileId, change: { stepId: await firstStep(profileId), hoursPerWeek: 6, reason: 'fewer hours' } },
  }),
  'GET /api/profiles': async () => ({ path: '/api/profiles' }),
  'POST /api/profiles': async () => ({
    path: '/api/profiles',
    body: { name: 'Mine', occupation: '13-2011.00', hoursPerWeek: 4 },
  }),
  'GET /api/profiles/{id}': async ({ profileId }) => ({ path: `/api/profiles/${profileId}` }),
  'PATCH /api/profiles/{id}': async ({ profileId }) => ({
    path: `/api/profiles/${profileId}`,
    body: { hoursPerWeek: 6 },
  }),
  'DELETE /api/profiles/{id}': async ({ profileId }) => ({ path: `/api/profiles/${profileId}` }),
  'PUT /api/profiles/{id}/skills/{skillId}': async ({ profileId }) => ({
    path: `/api/profiles/${profileId}/skills/prompt-engineering`,
    body: { level: 2 },
  }),
  'GET /api/profiles/{id}/plan': async ({ profileId }) => ({ path: `/api/profiles/${profileId}/plan?format=md` }),
  'GET /api/profiles/{id}/gaps': async ({ profileId }) => ({ path: `/api/profiles/${profileId}/gaps` }),
  'POST /api/profiles/{id}/progress': async ({ profileId }) => ({
    path: `/api/profiles/${profileId}/progress`,
    body: { stepId: await firstStep(profileId), status: 'done' },
  }),
  'DELETE /api/profiles/{id}/progress/{stepId}': async ({ profileId }) => {
    const stepId = await firstStep(profileId);
    await recordProgress(app, profileId, stepId, 'done');
    return { path: `/api/profiles/${profileId}/progress/${encodeURIComponent(stepId)}` };
  },
  'PUT /api/profiles/{id}/owner': async ({ profileId }) => ({
    path: `/api/profiles/${profileId}/owner`,
    body: { accountId: members.employee.account.id },
  }),
  'GET /api/me/export': async () => ({ path: '/api/me/export' }),
  'DELETE /api/me': async () => ({ path: '/api/me', body: { password: PASSWORD }, freshCaller: true }),
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', body: { name: 'script', scope: 'read' } }),
  'DELETE /api/tokens/{tokenId}': async ({ caller }) => {
    const owner = caller ?? members.employee;
    const actor = { principal: principalOf(owner.account), address: null, accountId: owner.account.id };
    const { accessToken } = await createAccessToken(app, actor, { name: 'to revoke', scope: 'read' });
    return { path: `/api/tokens/${accessToken.id}` };
  },
  'GET /api/accounts': async () => ({ path: '/api/accounts' }),
  'POST /api/accounts/invitations': async () => ({
    path: '/api/accounts/invitations',
    body: { email: `invited${++unique}@example.org`, name: 'Invited', role: 'employee' },
  }),
  'PATCH /api/accounts/{accountId}': async () => ({
    path: `/api/accounts/${(await join('employee')).account.id}`,
    body: { managerId: members.manager.account.id },
  }),
  'DELETE /api/accounts/{accountId}': async () => ({ path: `/api/accounts/${(await join('employee')).account.id}` }),
  'POST /api/accounts/{accountId}/password-reset': async () => ({
    path: `/api/accounts/${members.outsider.account.id}/password-reset`,
  }),
  'GET /api/audit': async () => ({ path: '/api/audit?format=csv' }),
  'GET /api/market/top': async () => ({ path: '/api/market/top?what=tools&period=month' }),
  'GET /api/market/trend': async () => ({ path: '/api/market/trend?skill=prompt-engineering' }),
  'GET /api/market/emerging': async () => ({ path: '/api/market/emerging?months=3' }),
  'GET /api/market/occupations/{code}': async () => ({ path: '/api/market/occupations/13-1161.00' }),
  'GET /api/market/titles': async () => ({ path: '/api/market/titles' }),
  'GET /api/market/series/{series}/{term}': async () => ({
    path: '/api/market/series/hn-hiringtrends/AI',
    through: 404,
  }),
  'GET /api/insights': async () => ({ path: '/api/insights?occupation=13-1161.00' }),
  'POST /api/insights': async () => ({
    path: '/api/insights',
    body: {
      name: `matrix-${++unique}.txt`,
      content: 'date 2024-05-01 Prompt engineering is asked for in more postings.',
    },
  }),
  'POST /api/postings/imports': async () => ({
    path: '/api/postings/imports',
    body: {
      name: 'postings.csv',
      content: `id,date,title,description\np${++unique},2024-04-02,Data Analyst,SQL and Excel\n`,
    },
  }),
  // The three news seeds only: the postings samples take half a minute (tested in routes/postings.test.ts).
  'POST /api/postings/samples': async () => ({ path: '/api/postings/samples', body: { only: ['seeds'] } }),
  'GET /api/postings/imports': async () => ({ path: '/api/postings/imports' }),
  'GET /api/postings/imports/{id}/errors': async () => {
    const file = { dataset: 'matrix', file: 'matrix.csv', fileFingerprint: `matrix-${++unique}`, layout: 'generic' };
    return { path: `/api/postings/imports/${(await startPostingImport(app.database, file)).run.id}/errors` };
  },
  'POST /api/org/roster/preview': org(() => ({
    path: '/api/org/roster/preview',
    body: { name: 'roster.csv', text: rosterCsv() },
  })),
  'POST /api/org/roster': org(() => ({ path: '/api/org/roster', body: { name: 'roster.csv', text: rosterCsv() } })),
  'GET /api/org/people': org(() => ({ path: '/api/org/people?unconfirmed=true' })),
  'POST /api/org/people/confirm': org(() => ({
    path: '/api/org/people/confirm',
    body: { confirmations: [{ personKey: 'MX-O', occupationCode: '13-2011.00' }] },
  })),
  'GET /api/org/people/{personKey}': org(({ caller }) => ({ path: `/api/org/people/${ownKey(caller)}` })),
  'GET /api/org/readiness': org(() => ({ path: '/api/org/readiness?by=team' })),
  'GET /api/org/readiness/export': org(() => ({ path: '/api/org/readiness/export?format=csv' })),
  'GET /api/org/decisions': org(() => ({ path: '/api/org/decisions?team=Finance' })),
  'POST /api/org/decisions': org(() => ({
    path: '/api/org/decisions',
    body: { team: 'Finance', assumptions: { needMonths: 6 } },
  })),
  'GET /api/org/scenarios': org(() => ({ path: '/api/org/scenarios' })),
  'POST /api/org/scenarios': org(() => ({
    path: '/api/org/scenarios',
    body: { name: 'lean', assumptions: { needMonths: 6 } },
  })),
  'PUT /api/org/teams/{team}/target': org(() => ({
    path: '/api/org/teams/Finance/target',
    body: { target: 'ai-augmented' },
  })),
  'GET /api/org/mobility': org(() => ({ path: '/api/org/mobility?target=13-2011.00' })),
  'POST /api/org/bench': org(() => ({
    path: '/api/org/bench',
    body: { name: 'bench.csv', text: 'Name,Skills,Rate\nFay,SQL,90\n' },
  })),
  'GET /api/org/bench/matches': org(() => ({ path: '/api/org/bench/matches' })),
  'POST /api/org/demo': org(() => ({ path: '/api/org/demo', body: { replace: true } })),
  'GET /api/org/cohorts': async () => ({ path: '/api/org/cohorts' }),
  'POST /api/org/cohorts': async ({ caller }) => ({
    path: '/api/org/cohorts',
    // Everyone who works with individuals may give a plan to someone they see: here, themselves.
    body: { name: `Cohort ${++unique}`, people: [await rosterPersonOf(caller ?? members.employee)] },
  }),
  'GET /api/org/cohorts/{cohort}': async () => ({ path: `/api/org/cohorts/${await cohortWithEmployee()}` }),
  'GET /api/org/cohorts/{cohort}/export': async () => ({
    path: `/api/org/cohorts/${await cohortWithEmployee()}/export`,
  }),
};

/** Who must succeed under each rule — written here, independently of the policy that implements it. */
const ALLOWED: Record<RouteRule, readonly Caller[]> = {
  public: CALLERS,
  'signed-in': ['administrator', 'manager', 'employee', 'analyst'],
  individuals: ['administrator', 'manager', 'employee'],
  person: ['administrator', 'manager', 'employee'],
  administrator: ['administrator'],
};

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}
const document = (await (await api.request('/api/openapi.json')).json()) as OpenApiDocument;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
  })),
);

async function call(method: string, sample: Sample, headers: Record<string, string>) {
  const init: RequestInit = { method, headers: { origin: ORIGIN, ...headers } };
  if (sample.body !== undefined) {
    init.body = JSON.stringify(sample.body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const response = await api.request(sample.path, init);
  return { status: response.status, text: await response.text() };
}

async function callerFor(caller: Caller, fresh: boolean): Promise<Member | undefined> {
  if (caller === 'anonymous') return undefined;
  if (!fresh) return members[caller];
  return join(caller);
}

describe('role × route matrix, generated from the served OpenAPI document', () => {
  test('the document lists the routes of every area, and every operation has a policy entry and a sample', () => {
    assert.ok(operations.length >= 38, `only ${operations.length} operations`);
    const missingPolicy = operations.filter((op) => ruleFor(op.method, op.path) === undefined).map((op) => op.key);
    assert.deepEqual(missingPolicy, [], 'add a line for each to ROUTE_POLICY in src/domain/access/route-policy.ts');
    const missingSample = operations.filter((op) => !SAMPLES[op.key]).map((op) => op.key);
    assert.deepEqual(missingSample, [], 'add a sample request for each to SAMPLES in this test');
    const stale = Object.keys(ROUTE_POLICY).filter(
      (key) => key !== 'GET /api/openapi.json' && !operations.some((op) => op.key === key),
    );
    assert.deepEqual(stale, [], 'policy entries for routes that no longer exist');
  });

  for (const op of operations) {
    test(`${op.key}: who gets through and who gets 401, 403 or 404`, async () => {
      const rule = ruleFor(op.method, op.path);
      const sample = SAMPLES[op.key];
      assert.ok(rule && sample, `${op.key} has no policy entry or sample (see the first test)`);
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const caller of CALLERS) {
        // A person route is tried on the caller's team member's profile and on a stranger's.
        const targets: readonly ('team' | 'stranger' | 'any')[] = rule === 'person' ? ['team', 'stranger'] : ['any'];
        for (const target of targets) {
          const owner: Member = target === 'stranger' ? members.outsider : members.employee;
          const profileId: string = (await profileOf(owner)).id;
          const probe: Sample = await sample({ caller: undefined, profileId });
          const who: Member | undefined = await callerFor(caller, probe.freshCaller ?? false);
          const request: Sample = await sample({ caller: who, profileId });
          const { status, text } = await call(op.method, request, who?.headers ?? {});
          const allowed = ALLOWED[rule].includes(caller) && !(target === 'stranger' && caller !== 'administrator');
          const want =
            caller === 'anonymous' && rule !== 'public'
              ? '401'
              : allowed
                ? '2xx'
                : rule === 'person' && (caller === 'manager' || caller === 'employee')
                  ? '404'
                  : '403';
          const got = (status >= 200 && status < 300) || status === request.through ? '2xx' : String(status);
          outcomes.push(`${caller}/${target}: ${got}${got === want ? '' : ` (${text.slice(0, 160)})`}`);
          expected.push(`${caller}/${target}: ${want}`);
          if (want === '404') {
            // No existence leak: the stranger's profile answers exactly as a profile that does not exist.
            const missing = await call(
              op.method,
              { ...request, path: request.path.replace(profileId, '000000000000') },
              who!.headers,
            );
            assert.equal(text.replaceAll(profileId, '000000000000'), missing.text, `${op.key} as ${caller}`);
          }
        }
      }
      assert.deepEqual(outcomes, expected);
    });
  }

  test('a route registered without a policy entry is refused to everyone, administrators included', async () => {
    const extended = createApi(app, { access: { mode: 'team' } });
    extended.openapi(
      createRoute({ method: 'get', path: '/api/forgotten', responses: { 200: { description: 'secret' } } }),
      (c) => c.json({ secret: true }, 200),
    );
    const asAdmin = await extended.request('/api/forgotten', { headers: members.administrator.headers });
    assert.equal(asAdmin.status, 403);
    assert.match(((await asAdmin.json()) as { detail: string }).detail, /no access rule/);
    assert.equal((await extended.request('/api/forgotten')).status, 401);
  });

  test("the coach's routes that name a profile in the body: a stranger's answers exactly like a missing one", async () => {
    const stranger = (await profileOf(members.outsider)).id;
    for (const member of [members.manager, members.employee]) {
      for (const path of ['/api/coach/preview', '/api/coach/ask']) {
        const ask = (profileId: string) =>
          call('POST', { path, body: { question: 'Which step first?', profileId } }, member.headers);
        const refused = await ask(stranger);
        const missing = await ask('000000000000');
        assert.equal(refused.status, 404, `${path} as ${member.account.role}`);
        assert.equal(refused.text.replaceAll(stranger, '000000000000'), missing.text);
      }
    }
    const own = await call(
      'POST',
      {
        path: '/api/coach/preview',
        body: { question: 'Which step first?', profileId: (await profileOf(members.employee)).id },
      },
      members.manager.headers,
    );
    assert.equal(own.status, 200, "a manager may ask about their report's plan");
  });

  test('lists show only the people the role may see', async () => {
    const names = async (member: Member) =>
      ((await (await api.request('/api/profiles', { headers: member.headers })).json()) as { ownerId: string }[]).map(
        (p) => p.ownerId,
      );
    const owners = (member: Member) => names(member).then((ids) => [...new Set(ids)].sort());
    assert.deepEqual(await owners(members.employee), [members.employee.account.id]);
    assert.deepEqual(await owners(members.manager), [members.employee.account.id, members.manager.account.id].sort());
    assert.ok((await owners(members.administrator)).includes(members.outsider.account.id));
    const fresh = browserHeaders((await join('employee')).session);
    assert.deepEqual(await (await api.request('/api/profiles', { headers: fresh })).json(), []);
  });
});
