import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { readConfig } from '../app/config.js';
import { loadReferenceData } from '../app/load-reference-data.js';
import { openApp, type UpskillApp } from '../app/upskill-app.js';
import { openDatabase } from '../store/database.js';
import { GPTS, SHARED_DATA } from '../../test/support/databases.js';
import { sourceTasks } from '../../test/support/source-tasks.js';
import { createApi } from './create-api.js';
import { makeDocx, makePdf } from '../../test/support/documents.js';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;
const get = (path: string): Promise<Response> => Promise.resolve(api.request(path));

before(async () => {
  const db = await openDatabase({ kind: 'embedded-memory' });
  app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
  await loadReferenceData(db, app.config, { from: SHARED_DATA, onlyIn: [] });
  api = createApi(app);
});
after(() => app.close());

describe('HTTP API', () => {
  test('GET /api/occupations ranks marketing specialists for "sr mktg specialist"', async () => {
    const response = await get('/api/occupations?q=sr%20mktg%20specialist&limit=3');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      query: string;
      matches: { code: string; title: string; score: number; matched: string }[];
    };
    assert.equal(body.query, 'sr mktg specialist');
    assert.equal(body.matches.length, 3);
    assert.ok(body.matches.some((m) => m.code === '13-1161.00'));
    assert.deepEqual(Object.keys(body.matches[0]!).sort(), ['code', 'matched', 'score', 'title']);
  });

  test("GET /api/occupations/13-1161.00 shows every task with both raters' labels, as in the source files", async () => {
    const response = await get('/api/occupations/13-1161.00');
    assert.equal(response.status, 200);
    const view = (await response.json()) as {
      title: string;
      tasks: { taskId: number; statement: string; taskType: string; human: string; gpt4: string; agreement: string }[];
      exposure: {
        human: { alpha: number; beta: number; gamma: number; percentile: { beta: number } };
        gpt4: { beta: number };
      };
      employment: { employment: number; medianAnnualWage: number };
      technologySkills: { hot: boolean }[];
      related: unknown[];
      workActivities: unknown[];
    };
    const expected = sourceTasks('13-1161.00');
    assert.equal(view.title, 'Market Research Analysts and Marketing Specialists');
    assert.equal(view.tasks.length, expected.size);
    for (const task of view.tasks) {
      const source = expected.get(task.taskId)!;
      assert.deepEqual(
        [task.statement, task.taskType, task.human, task.gpt4],
        [source.statement, source.type, source.human, source.gpt4],
      );
      assert.equal(task.agreement === 'agree', source.human === source.gpt4);
    }
    const published = readFileSync(`${GPTS}/occ_level.csv`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('13-1161.00'))!
      .split(',')
      .map(Number);
    assert.ok(Math.abs(view.exposure.human.beta - published[6]!) < 1e-9);
    assert.ok(Math.abs(view.exposure.gpt4.beta - published[3]!) < 1e-9);
    assert.ok(view.exposure.human.percentile.beta > 0 && view.exposure.human.percentile.beta < 100);
    assert.deepEqual([view.employment.employment, view.employment.medianAnnualWage], [727540, 63920]);
    assert.ok(view.technologySkills.length > 0 && view.technologySkills[0]!.hot);
    assert.ok(view.related.length > 0 && view.workActivities.length > 0);
    const saved = (
      view as unknown as { hoursSaved: { hoursPerWeek: number; low: number; high: number; assumptions: string[] } }
    ).hoursSaved;
    assert.ok(
      saved.low <= saved.hoursPerWeek &&
        saved.hoursPerWeek <= saved.high &&
        saved.high < 40 &&
        saved.assumptions.length > 0,
    );
    const withAi = view.tasks as unknown as {
      human: string;
      gpt4: string;
      ai: { capability: string; howToUse: string } | null;
    }[];
    assert.ok(
      withAi.filter((t) => t.human !== 'E0' || t.gpt4 !== 'E0').every((t) => t.ai !== null && t.ai.howToUse.length > 0),
      'every exposed task says how to use AI on it',
    );
    assert.ok(withAi.filter((t) => t.human === 'E0' && t.gpt4 === 'E0').every((t) => t.ai === null));
  });

  test('bad input gets a 400 problem body with a stable code', async () => {
    for (const path of [
      '/api/occupations',
      '/api/occupations?q=',
      '/api/occupations?q=nurse&limit=0',
      `/api/occupations?q=${'x'.repeat(201)}`,
      '/api/occupations/not-a-code',
      "/api/occupations/13-1161.00'%20or%201=1",
    ]) {
      const response = await get(path);
      assert.equal(response.status, 400, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const body = (await response.json()) as { code: string; status: number; detail: string };
      assert.equal(body.code, 'BAD_INPUT', path);
      assert.equal(body.status, 400);
      assert.ok(body.detail.length > 0);
    }
  });

  test('an unknown occupation code or route is a 404 problem', async () => {
    const response = await get('/api/occupations/99-9999.00');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { code: string }).code, 'NOT_FOUND');
    assert.equal((await get('/api/nothing-here')).status, 404);
  });

  test('a title that fits nothing returns an empty list, and hostile strings are just text', async () => {
    const nothing = (await (await get('/api/occupations?q=zzqx%20qwxz')).json()) as { matches: unknown[] };
    assert.deepEqual(nothing.matches, []);
    // Its words ("script", "drop", "table") are read as title words like any others, never run.
    const body = (await (
      await get('/api/occupations?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%27%3B%20drop%20table%20tasks%3B--')
    ).json()) as { matches: { code: string; matched: string }[] };
    assert.ok(
      body.matches.some((m) => m.matched === 'Script Writer'),
      body.matches.map((m) => m.matched).join(),
    );
    assert.equal((await get('/api/occupations/13-1161.00')).status, 200, 'the tasks table is still there');
  });

  test('POST /api/occupations/from-text finds the occupations a résumé names, and not its headings or names', async () => {
    const post = (text: string) =>
      api.request('/api/occupations/from-text', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    const body = (await (
      await post(
        'Jane Doe\njane@example.com | Austin, TX\nSkills\nExperience\nSenior Accountant, Deloitte, ' +
          '2019–2023\nRegistered Nurse (RN), 2015–2019',
      )
    ).json()) as { matches: { code: string; evidence: string }[] };
    assert.deepEqual(
      body.matches.map((m) => [m.code, m.evidence]).filter(([code]) => code !== '43-3031.00'),
      [
        ['13-2011.00', 'Senior Accountant'],
        ['29-1141.00', 'Registered Nurse'],
      ],
    );
    assert.deepEqual(
      ((await (await post('Jane Doe\nSkills\nExcel, SQL')).json()) as { matches: unknown[] }).matches,
      [],
    );
    assert.equal((await post('')).status, 400);
  });

  test('GET /api/exposure spreads every occupation over 20 β bins per rater, as occ_level.csv does', async () => {
    const body = (await (await get('/api/exposure')).json()) as Record<
      'human' | 'gpt4',
      { counts: number[]; occupations: number; binWidth: number; median: number }
    >;
    const rows = (parse(readFileSync(`${GPTS}/occ_level.csv`, 'utf8'), { from_line: 2 }) as string[][]).map((cells) =>
      cells.map(Number),
    );
    for (const [rater, column] of [
      ['human', 6],
      ['gpt4', 3],
    ] as const) {
      const expected = new Array<number>(20).fill(0);
      for (const row of rows) expected[Math.min(19, Math.floor(row[column]! * 20 + 1e-9))]! += 1;
      assert.deepEqual(body[rater].counts, expected, rater);
      assert.equal(body[rater].occupations, 923);
      assert.equal(body[rater].binWidth, 0.05);
    }
  });

  test('GET /api/about gives version, loaded data and attribution', async () => {
    const body = (await (await get('/api/about')).json()) as {
      version: string;
      data: { source: string }[];
      attribution: { source: string }[];
    };
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(body.data.map((d) => d.source).sort(), [
      'anthropic-economic-index',
      'esco',
      'gpts-are-gpts',
      'microsoft-working-with-ai',
      'onet',
      'onet-ratings',
    ]);
    assert.deepEqual(
      body.attribution.map((a) => a.source),
      ['O*NET', 'GPTs-are-GPTs', 'BLS OEWS', 'Anthropic Economic Index', 'Working with AI (Microsoft)', 'ESCO'],
    );
  });

  test('the OpenAPI document is valid OpenAPI 3.1 and lists every route', async () => {
    const document = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const result = await new Validator().validate(document as Parameters<Validator['validate']>[0]);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.deepEqual(Object.keys(document.paths).sort(), [
      '/api/about',
      '/api/accounts',
      '/api/accounts/invitations',
      '/api/accounts/{accountId}',
      '/api/accounts/{accountId}/password-reset',
      '/api/assessment',
      '/api/audit',
      '/api/auth/links/inspect',
      '/api/auth/links/redeem',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/session',
      '/api/coach',
      '/api/coach/accept',
      '/api/coach/ask',
      '/api/coach/enabled',
      '/api/coach/preview',
      '/api/coach/propose',
      '/api/exposure',
      '/api/extract',
      '/api/insights',
      '/api/market/emerging',
      '/api/market/occupations/{code}',
      '/api/market/series/{series}/{term}',
      '/api/market/titles',
      '/api/market/top',
      '/api/market/trend',
      '/api/me',
      '/api/me/export',
      '/api/occupations',
      '/api/occupations/from-text',
      '/api/occupations/{code}',
      '/api/org/bench',
      '/api/org/bench/matches',
      '/api/org/cohorts',
      '/api/org/cohorts/{cohort}',
      '/api/org/cohorts/{cohort}/export',
      '/api/org/decisions',
      '/api/org/demo',
      '/api/org/mobility',
      '/api/org/people',
      '/api/org/people/confirm',
      '/api/org/people/{personKey}',
      '/api/org/readiness',
      '/api/org/readiness/export',
      '/api/org/roster',
      '/api/org/roster/preview',
      '/api/org/scenarios',
      '/api/org/teams/{team}/target',
      '/api/plan',
      '/api/postings/imports',
      '/api/postings/imports/{id}/errors',
      '/api/postings/samples',
      '/api/profiles',
      '/api/profiles/{id}',
      '/api/profiles/{id}/gaps',
      '/api/profiles/{id}/owner',
      '/api/profiles/{id}/plan',
      '/api/profiles/{id}/progress',
      '/api/profiles/{id}/progress/{stepId}',
      '/api/profiles/{id}/skills/{skillId}',
      '/api/roles',
      '/api/skills',
      '/api/skills/link',
      '/api/skills/{id}',
      '/api/tokens',
      '/api/tokens/{tokenId}',
    ]);
  });
});

describe('skills API', () => {
  const post = (body: RequestInit['body'], headers: Record<string, string> = {}): Promise<Response> =>
    Promise.resolve(api.request('/api/extract', { method: 'POST', body, headers }));
  const upload = (bytes: Uint8Array, name: string): Promise<Response> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return post(form);
  };

  test('GET /api/skills lists the graph, filtered by category', async () => {
    const all = (await (await get('/api/skills')).json()) as { id: string; category: string }[];
    assert.ok(all.length >= 120);
    const prompting = (await (await get('/api/skills?category=prompt-engineering')).json()) as { category: string }[];
    assert.ok(prompting.length > 3 && prompting.every((s) => s.category === 'prompt-engineering'));
    assert.equal((await get('/api/skills?category=no-such-category')).status, 400);
  });

  test('GET /api/skills/{id} shows a skill; unknown ids are 404, malformed ones 400', async () => {
    const skill = (await (await get('/api/skills/retrieval-augmented-generation')).json()) as {
      name: string;
      prerequisiteNames: { id: string }[];
      hours: number[];
    };
    assert.equal(skill.name, 'Retrieval-augmented generation');
    assert.deepEqual(
      skill.prerequisiteNames.map((p) => p.id),
      ['llm-api-integration', 'embeddings'],
    );
    assert.equal(skill.hours.length, 4);
    assert.equal((await get('/api/skills/no-such-skill')).status, 404);
    assert.equal((await get('/api/skills/Not_An_Id')).status, 400);
  });

  test('POST /api/extract with JSON text returns mentions with offsets into that text', async () => {
    const text = 'Skills: Python, PyTorch, prompt engineering. No experience with Kubernetes.';
    const response = await post(JSON.stringify({ text }), { 'content-type': 'application/json' });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      mentions: { skillId: string; start: number; end: number; surface: string; negated: boolean }[];
      skills: { skillId: string; negated: boolean }[];
    };
    assert.deepEqual(
      body.mentions.map((m) => [m.skillId, m.negated]),
      [
        ['python', false],
        ['pytorch', false],
        ['prompt-engineering', false],
        ['docker', true],
      ],
    );
    for (const m of body.mentions) assert.equal(text.slice(m.start, m.end), m.surface);
    assert.equal((await post(JSON.stringify({ text: '' }), { 'content-type': 'application/json' })).status, 400);
  });

  test('POST /api/extract with a PDF or DOCX upload reads the document', async () => {
    const pdf = (await (
      await upload(await makePdf(['Jane Doe', 'Skills: TensorFlow, Midjourney']), 'jane.pdf')
    ).json()) as {
      format: string;
      text: string;
      mentions: { skillId: string; start: number; end: number; surface: string }[];
    };
    assert.equal(pdf.format, 'pdf');
    assert.deepEqual(
      pdf.mentions.map((m) => m.skillId),
      ['tensorflow', 'midjourney'],
    );
    for (const m of pdf.mentions) assert.equal(pdf.text.slice(m.start, m.end), m.surface);
    const docx = (await (await upload(makeDocx(['Experience', 'Fine-tuned BERT for NLP.']), 'jane.docx')).json()) as {
      format: string;
      mentions: { skillId: string }[];
    };
    assert.equal(docx.format, 'docx');
    assert.deepEqual(
      docx.mentions.map((m) => m.skillId),
      ['fine-tuning', 'bert', 'natural-language-processing'],
    );
  });

  test('bad uploads get their own status and code', async () => {
    const encrypted = await upload(
      readFileSync(new URL('../../test/fixtures/password-protected.pdf', import.meta.url)),
      'locked.pdf',
    );
    assert.equal(encrypted.status, 422);
    assert.equal(((await encrypted.json()) as { code: string }).code, 'DOCUMENT_ENCRYPTED');
    const huge = await upload(new Uint8Array(11 * 1024 * 1024), 'huge.pdf');
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as { code: string }).code, 'DOCUMENT_TOO_LARGE');
    const binary = await upload(Uint8Array.from([1, 2, 0, 3]), 'photo.png');
    assert.equal(binary.status, 415);
    const noFile = new FormData();
    noFile.append('other', 'x');
    assert.equal((await post(noFile)).status, 400);
  });
});

describe('plans and profiles API', () => {
  const send = (method: string, path: string, body?: unknown): Promise<Response> =>
    Promise.resolve(
      api.request(path, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    );

  test('GET /api/roles and POST /api/plan, with clear errors for bad input', async () => {
    assert.equal(((await (await get('/api/roles')).json()) as unknown[]).length, 15);
    const ok = await send('POST', '/api/plan', {
      occupation: '13-1161.00',
      hoursPerWeek: 5,
      target: 'ai-content-creator',
      resumeText: 'Skills: ChatGPT, copywriting',
    });
    assert.equal(ok.status, 200);
    const plan = (await ok.json()) as { target: { name: string }; plan: { weeks: { hours: number }[] } };
    assert.equal(plan.target.name, 'AI content creator');
    assert.ok(plan.plan.weeks.every((w) => w.hours <= 5));
    const zero = await send('POST', '/api/plan', { occupation: '13-1161.00', hoursPerWeek: 0 });
    assert.equal(zero.status, 400);
    assert.match(((await zero.json()) as { detail: string }).detail, /from 1 to 40, got 0/);
    assert.equal(
      (await send('POST', '/api/plan', { occupation: '13-1161.00', hoursPerWeek: 5, target: 'astronaut' })).status,
      404,
    );
    const huge = await send('POST', '/api/plan', {
      occupation: '13-1161.00',
      hoursPerWeek: 5,
      resumeText: 'x'.repeat(13 * 1024 * 1024),
    });
    assert.equal(huge.status, 413, 'an oversized body is refused before it is parsed');
    assert.equal(((await huge.json()) as { code: string }).code, 'REQUEST_TOO_LARGE');
  });

  test('a profile: create, read, correct a skill, record progress, export, delete', async () => {
    const created = await send('POST', '/api/profiles', {
      name: 'Jane',
      occupation: 'accountant',
      hoursPerWeek: 4,
      resumeText: 'Skills: Excel, ChatGPT',
    });
    assert.equal(created.status, 201);
    const profile = (await created.json()) as { id: string; skills: { skillId: string; level: number }[] };
    assert.match(profile.id, /^[0-9a-f]{12}$/);
    assert.ok(profile.skills.some((s) => s.skillId === 'chatgpt' && s.level === 2));
    assert.ok(((await (await get('/api/profiles')).json()) as { id: string }[]).some((p) => p.id === profile.id));

    const updated = (await (
      await send('PUT', `/api/profiles/${profile.id}/skills/ai-literacy`, { level: 3 })
    ).json()) as { skills: { skillId: string; level: number }[] };
    assert.ok(updated.skills.some((s) => s.skillId === 'ai-literacy' && s.level === 3));

    const before = (await (await get(`/api/profiles/${profile.id}/plan`)).json()) as {
      plan: { steps: { id: string }[]; weeks: { week: number; items: { stepId: string }[] }[] };
    };
    const first = before.plan.steps[0]!.id;
    const after = await send('POST', `/api/profiles/${profile.id}/progress`, { stepId: first, status: 'done' });
    assert.equal(after.status, 200);
    const replanned = (await after.json()) as {
      plan: { weeks: { week: number; items: { stepId: string }[] }[] };
      progress: { stepId: string; status: string }[];
    };
    assert.equal(
      replanned.plan.weeks.find((w) => w.items.some((i) => i.stepId === first))!.week,
      1,
      'done work stays where it was',
    );
    assert.deepEqual(
      replanned.progress.map((p) => [p.stepId, p.status]),
      [[first, 'done']],
    );
    const undone = (await (
      await send('DELETE', `/api/profiles/${profile.id}/progress/${encodeURIComponent(first)}`)
    ).json()) as { progress: unknown[] };
    assert.deepEqual(undone.progress, [], 'a tick by mistake can be taken back');
    assert.equal(
      (await send('DELETE', `/api/profiles/${profile.id}/progress/${encodeURIComponent(first)}`)).status,
      404,
    );
    assert.equal(
      (await send('POST', `/api/profiles/${profile.id}/progress`, { stepId: 'nope@1', status: 'done' })).status,
      404,
    );
    assert.equal(
      (await send('POST', `/api/profiles/${profile.id}/progress`, { stepId: first, status: 'finished' })).status,
      400,
    );

    const slow = (await (await get(`/api/profiles/${profile.id}/plan`)).json()) as { plan: { endDate: string } };
    const patched = await send('PATCH', `/api/profiles/${profile.id}`, { hoursPerWeek: 8, name: 'Jane, faster' });
    assert.equal(patched.status, 200);
    assert.deepEqual(((await patched.json()) as { hoursPerWeek: number; name: string }).name, 'Jane, faster');
    const fast = (await (await get(`/api/profiles/${profile.id}/plan`)).json()) as {
      plan: { endDate: string; hoursPerWeek: number };
    };
    assert.equal(fast.plan.hoursPerWeek, 8);
    assert.ok(
      fast.plan.endDate < slow.plan.endDate,
      `more hours a week end the plan sooner: ${slow.plan.endDate} → ${fast.plan.endDate}`,
    );
    assert.equal((await send('PATCH', `/api/profiles/${profile.id}`, { target: 'astronaut' })).status, 404);
    assert.equal((await send('PATCH', `/api/profiles/${profile.id}`, { hoursPerWeek: 0 })).status, 400);
    assert.equal(
      (await send('PATCH', `/api/profiles/${profile.id}`, { occupationCode: '29-1141.00' })).status,
      400,
      'only the settings can change',
    );

    const gaps = (await (await get(`/api/profiles/${profile.id}/gaps`)).json()) as {
      gaps: { gaps: { reasons: string[] }[] };
      hoursSaved: { hoursPerWeek: number };
    };
    assert.ok(gaps.gaps.gaps.length > 0 && gaps.hoursSaved.hoursPerWeek > 0);

    const markdown = await get(`/api/profiles/${profile.id}/plan?format=md`);
    assert.equal(markdown.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.match(await markdown.text(), /^# AI-augmented Accountants and Auditors — learning plan/);
    const ics = await get(`/api/profiles/${profile.id}/plan?format=ics`);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
    assert.ok(calendar.getAllSubcomponents('vevent').length > 0);

    assert.equal((await send('DELETE', `/api/profiles/${profile.id}`)).status, 204);
    assert.equal((await get(`/api/profiles/${profile.id}`)).status, 404);
    assert.equal((await get('/api/profiles/not-an-id')).status, 400);
  });
});

describe('web app serving', () => {
  test('pages get the app with a CSP that allows only this server; files are served, /api stays JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'upskill-webroot-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
      writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
      const web = createApi(app, { webRoot: root });
      for (const path of ['/', '/job', '/explore?a=13-2011.00']) {
        const page = await web.request(path);
        assert.equal(page.status, 200, path);
        assert.equal(await page.text(), '<!doctype html><title>app</title>');
        const csp = page.headers.get('content-security-policy')!;
        assert.match(csp, /default-src 'self'/);
        assert.match(csp, /connect-src 'self'/);
        assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      }
      const script = await web.request('/assets/main-abc123.js');
      assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.match(script.headers.get('content-type')!, /javascript/);
      const missing = await web.request('/api/nope');
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type'), 'application/problem+json');
      assert.equal(
        (await web.request('/assets/missing-abc.js')).status,
        404,
        'a missing file is not answered with the app',
      );
      for (const path of ['/assets/../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/..%2fpackage.json'])
        assert.doesNotMatch(await (await web.request(path)).text(), /root:|"name": "upskill"/, path);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('without a built front end, pages explain how to build it and the API still answers', async () => {
    const web = createApi(app, { webRoot: join(tmpdir(), 'upskill-no-such-web-root') });
    const page = await web.request('/');
    assert.equal(page.status, 503);
    assert.match(await page.text(), /npm run build/);
    assert.equal((await web.request('/api/about')).status, 200);
  });
});
