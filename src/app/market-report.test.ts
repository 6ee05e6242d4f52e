import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import { planRows, postingsOf, TECH_ROWS } from '../../test/fixtures/market-postings.js';
import { savePostings } from '../store/postings.repository.js';
import { listTechnologySkills } from '../store/occupation.repository.js';
import type { UpskillApp } from './upskill-app.js';
import { buildPersonalPlan } from './build-plan.js';
import { createApi } from '../api/create-api.js';
import { importInsights } from './import-insights.js';
import { marketEmerging, marketOccupation, marketTop, marketTrend, titleShare } from './market-report.js';

const NOW = '2026-12-01';
let app: UpskillApp;

describe('demand in plans and market reports (hand-made postings, public O*NET data)', () => {
  before(async () => {
    app = await openLoadedApp();
  });
  after(() => app.close());

  test('without postings a plan says it uses the O*NET proxy and keeps the target weights', async () => {
    const plan = await buildPersonalPlan(app, { occupation: '11-2021.00', hoursPerWeek: 5 }, NOW);
    assert.equal(plan.gaps.demand?.source, 'onet-hot-proxy');
    assert.match(plan.gaps.demand!.note, /No job postings are loaded.*"hot technology" flag/);
    assert.ok(plan.gaps.gaps.every((gap) => gap.demand === undefined));
  });

  test('with postings: share, growth, sample and period in the reasons; weight × (1 + share); too few said so', async () => {
    const before = await buildPersonalPlan(app, { occupation: '11-2021.00', hoursPerWeek: 5 }, NOW);
    await savePostings(app.database, null, postingsOf(planRows(), 'plan-fixture'));
    const plan = await buildPersonalPlan(app, { occupation: '11-2021.00', hoursPerWeek: 5 }, NOW);
    assert.equal(plan.gaps.demand?.source, 'postings');
    assert.equal(plan.gaps.demand?.postings, 100);
    const text = plan.gaps.gaps.find((gap) => gap.skillId === 'ai-text-generation')!;
    const textBefore = before.gaps.gaps.find((gap) => gap.skillId === 'ai-text-generation')!;
    // 2024: 18 of 100 Marketing Managers postings; 2023: 5 of 50 → 18 % / 10 % = ×1.8.
    assert.equal(text.demand?.count, 18);
    assert.equal(text.demand?.postings, 100);
    assert.ok(Math.abs(text.demand!.yearOnYear! - 1.8) < 1e-9);
    assert.ok(Math.abs(text.weight - textBefore.weight * 1.18) < 1e-9);
    assert.equal(
      text.reasons.at(-1),
      'asked for in 18 % of 100 postings for Marketing Managers, 2024-01 – 2024-12 (95 % interval 12 %–27 %), ' +
        '×1.8 in a year (10 % of 50 the year before); postings are a sample of part of the market',
    );
    const charts = plan.gaps.gaps.find((gap) => gap.skillId === 'data-visualization')!;
    assert.match(charts.reasons.at(-1)!, /^asked for in 30 % of 100 postings for Marketing Managers.*×1\.0 in a year/);
    // Reordered by the new weights: data visualisation (×1.3) now above AI text generation (×1.18).
    const order = plan.gaps.gaps.map((gap) => gap.skillId);
    assert.ok(order.indexOf('data-visualization') < order.indexOf('ai-text-generation'));

    // A target role's demand is read from its related occupations' postings: none are loaded for these.
    const role = await buildPersonalPlan(
      app,
      { occupation: '11-2021.00', hoursPerWeek: 5, target: 'ai-content-creator' },
      NOW,
    );
    assert.equal(role.gaps.demand?.scope, 'occupations related to AI content creator');
    assert.match(role.gaps.demand!.note, /^Only 0 postings for occupations related to AI content creator are loaded/);

    const nurse = await buildPersonalPlan(app, { occupation: '29-1141.00', hoursPerWeek: 5 }, NOW);
    assert.equal(nurse.gaps.demand?.source, 'onet-hot-proxy');
    assert.match(nurse.gaps.demand!.note, /^Only 12 postings for Registered Nurses are loaded, too few/);
    assert.match(
      nurse.gaps.gaps[0]!.reasons.at(-1)!,
      /^only 12 loaded postings for Registered Nurses \(2024-01 – 2024-02\): too few/,
    );
  });

  test('market reports over the tech postings: top, trend with growth, emerging with its test, occupation gaps, AI titles', async () => {
    await savePostings(app.database, null, postingsOf(TECH_ROWS, 'tech-fixture'));
    const tech = { dataset: 'tech-fixture', limit: 3 } as const;
    const top = await marketTop(app, 'skills', { ...tech, period: 'quarter' });
    assert.deepEqual(
      top.periods.map((p) => [p.period, p.postings, p.items.map((i) => `${i.key} ${i.count}`)]),
      [
        ['2024-Q1', 8, ['python 8', 'large-language-models 4', 'sql 4']],
        ['2024-Q2', 10, ['large-language-models 6', 'python 5', 'retrieval-augmented-generation 5']],
      ],
    );
    assert.match(top.sample.note, /^Counted over 18 job postings, 2024-01 – 2024-06.*a sample of part of the market/);
    const software = await marketTop(app, 'occupations', {
      dataset: 'tech-fixture',
      family: 'software',
      period: 'half',
      limit: 5,
    });
    assert.deepEqual(
      software.periods[0]!.items.map((i) => [i.key, i.count]),
      [['15-1252.00', 5]],
    );

    const trend = await marketTrend(app, 'large-language-models', { ...tech, period: 'month' });
    assert.deepEqual(
      trend.points.map((p) => [p.period, p.count, p.total]),
      [
        ['2024-01', 1, 5],
        ['2024-02', 3, 3],
        ['2024-04', 0, 2],
        ['2024-05', 6, 6],
        ['2024-06', 0, 2],
      ],
    );
    // Q1 4/8 = 50 %, Q2 6/10 = 60 %: ×1.2 quarter on quarter; no 2023-Q2 loaded for year on year.
    assert.deepEqual(trend.quarterOnQuarter?.periods, ['2024-Q1', '2024-Q2']);
    assert.ok(Math.abs(trend.quarterOnQuarter!.ratio! - 1.2) < 1e-9);
    assert.equal(trend.yearOnYear, null);
    assert.deepEqual(
      trend.coOccurring.map((c) => [c.skillId, c.together]),
      [
        ['python', 9],
        ['retrieval-augmented-generation', 5],
        ['onet:pytorch', 3],
      ],
    );

    const emerging = await marketEmerging(app, {
      ...tech,
      period: 'month',
      months: 3,
      minSupport: 3,
      alpha: 0.05,
      limit: 10,
    });
    assert.deepEqual(
      [emerging.earlier, emerging.later],
      [
        { from: '2024-01', to: '2024-03', postings: 8 },
        { from: '2024-04', to: '2024-06', postings: 10 },
      ],
    );
    // RAG 0 → 5 (z 2.35) and ChatGPT 0 → 3 (z 1.70) pass; SEO 0 → 2 is under the floor; LLMs 4 → 6 is not significant.
    assert.deepEqual(
      emerging.skills.map((s) => s.skillId),
      ['retrieval-augmented-generation', 'onet:chatgpt'],
    );
    assert.match(emerging.test, /two-proportion z-test/);

    const scientists = await marketOccupation(app, '15-2051.00', { dataset: 'tech-fixture', limit: 10 });
    assert.equal(scientists.sample.postings, 8);
    assert.deepEqual(
      scientists.skills.map((s) => [s.key, s.count]),
      [
        ['python', 8],
        ['large-language-models', 4],
        ['sql', 4],
      ],
    );
    // O*NET 27.0 has no technology skills for Data Scientists: everything their postings ask for is unlisted.
    assert.equal((await listTechnologySkills(app.database, '15-2051.00')).length, 0);
    assert.deepEqual(
      scientists.notInProfile.map((s) => s.skillId),
      ['python', 'large-language-models', 'sql', 'onet:pytorch'],
    );
    // Software Developers: O*NET lists Python; large language models and RAG it does not mention.
    const developers = await marketOccupation(app, '15-1252.00', { dataset: 'tech-fixture', limit: 10 });
    assert.ok((await listTechnologySkills(app.database, '15-1252.00')).some((t) => t.example === 'Python'));
    assert.deepEqual(
      developers.notInProfile.map((s) => [s.skillId, s.count, s.total]),
      [
        ['large-language-models', 5, 5],
        ['retrieval-augmented-generation', 5, 5],
      ],
    );

    const titles = await titleShare(app, { ...tech, period: 'quarter' });
    assert.deepEqual(
      titles.points.map((p) => [p.period, p.count, p.total]),
      [
        ['2024-Q1', 3, 8],
        ['2024-Q2', 6, 10],
      ],
    );
  });

  test('the API: market routes answer with the sample note, bad filters are 400 naming the field; insights ranked for a job', async () => {
    const api = createApi(app);
    const get = async (path: string) => {
      const response = await api.request(path);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const top = await get('/api/market/top?what=tools&period=half&dataset=tech-fixture');
    assert.equal(top.status, 200);
    const periods = top.body['periods'] as { period: string; items: { key: string; count: number }[] }[];
    assert.deepEqual(
      periods.map((p) => [p.period, p.items.map((i) => `${i.key} ${i.count}`)]),
      [['2024-H1', ['onet:chatgpt 3', 'onet:pytorch 3']]],
    );
    assert.match((top.body['sample'] as { note: string }).note, /sample of part of the market/);
    const bad = await get('/api/market/top?from=2024-13');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /from/);
    const trend = await get('/api/market/trend?skill=onet%3Achatgpt&dataset=tech-fixture&period=quarter');
    assert.deepEqual(
      (trend.body['points'] as { period: string; count: number; total: number }[]).map((p) => [
        p.period,
        p.count,
        p.total,
      ]),
      [
        ['2024-Q1', 0, 8],
        ['2024-Q2', 3, 10],
      ],
    );
    assert.equal((await get('/api/market/trend?skill=nothing')).status, 404);

    await importInsights(app, new URL('../../../shared/seeds/', import.meta.url).pathname);
    const ranked = await get('/api/insights?role=ai-chatbot-developer&limit=3');
    assert.equal(ranked.status, 200);
    const insights = ranked.body['insights'] as { record: { id: string }; parts: { relevance: number } }[];
    // The plain-text seed names the AI chatbot developer role: it is the one relevant to that reader.
    assert.equal(insights[0]!.record.id, '002_4bc3d2c8fa7f6b49');
    assert.ok(insights[0]!.parts.relevance >= 0.5);
    assert.match(ranked.body['formula'] as string, /^score = 0\.25·quality/);

    const post = async (body: unknown) => {
      const response = await api.request('/api/insights', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const stored = await post({
      name: 'marketing-note.txt',
      content: 'date 2024-06-03 Marketing Managers are asked for AI text generation in more postings.',
    });
    assert.equal(stored.status, 201);
    assert.equal(stored.body['id'], 'marketing-note');
    assert.equal(stored.body['publishedAt'], '2024-06-03T00:00:00.000Z');
    const forMarketing = await get('/api/insights?occupation=11-2021.00&limit=1');
    assert.equal((forMarketing.body['insights'] as { record: { id: string } }[])[0]!.record.id, 'marketing-note');
    const broken = await post({ name: 'broken.txt', content: '---\ntitle: "No date"\n---\n' });
    assert.equal(broken.status, 400);
    assert.match(
      broken.body['detail'] as string,
      /^broken\.txt, line 1, field publishedDateTime: a record needs a date-time/,
    );
  });
});
