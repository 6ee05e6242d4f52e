import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkInsight, rankInsights, type InsightRecord } from './index.js';

const record = (id: string, publishedAt: string, quality: number | null, heat: number | null): InsightRecord => ({
  id,
  title: id,
  excerpt: '',
  body: null,
  publishedAt,
  provider: null,
  url: null,
  quality,
  heat,
  topics: [],
  images: [],
  related: [],
  source: `${id}.txt`,
});

test('linking: claimed skills, occupations and roles named as whole words (plural too), each once', () => {
  const text = 'Demand for Market Research Analysts and AI chatbot developers grows; no experience with Excel needed.';
  const links = linkInsight(
    text,
    [
      { skillId: 'chatgpt', label: 'ChatGPT', negated: false },
      { skillId: 'chatgpt', label: 'ChatGPT', negated: false },
      { skillId: 'excel', label: 'Excel', negated: true },
    ],
    [
      { code: '13-1161.00', title: 'Market Research Analysts and Marketing Specialists' },
      { code: '19-3022.00', title: 'Survey Researchers' },
      { code: '13-1161.01', title: 'Market Research Analysts' },
    ],
    [{ id: 'ai-chatbot-developer', name: 'AI chatbot developer' }],
  );
  assert.deepEqual(links, [
    { kind: 'skill', ref: 'chatgpt', label: 'ChatGPT' },
    { kind: 'occupation', ref: '13-1161.01', label: 'Market Research Analysts' },
    { kind: 'role', ref: 'ai-chatbot-developer', label: 'AI chatbot developer' },
  ]);
});

test('ranking: quality, heat, recency (half-life 180 days) and relevance to the plan, with the parts shown', () => {
  const ranked = rankInsights(
    [
      { record: record('hot-old', '2023-06-04T00:00:00Z', 90, 90), links: [] },
      {
        record: record('relevant', '2023-11-01T00:00:00Z', null, -1),
        links: [
          { kind: 'occupation', ref: '13-1161.00', label: 'Market Research Analysts' },
          { kind: 'skill', ref: 'chatgpt', label: 'ChatGPT' },
        ],
      },
    ],
    { skillIds: new Set(['chatgpt', 'prompting']), occupationCode: '13-1161.00', roleId: null, now: '2023-12-01' },
  );
  assert.deepEqual(
    ranked.map((r) => r.record.id),
    ['relevant', 'hot-old'],
  );
  const [relevant, old] = ranked;
  assert.deepEqual(old!.parts, { quality: 0.9, heat: 0.9, recency: 0.5, relevance: 0 });
  assert.equal(relevant!.parts.heat, 0);
  assert.equal(relevant!.parts.quality, 0.5);
  assert.ok(Math.abs(relevant!.parts.relevance - (0.5 + 0.5 / 3)) < 1e-9);
  assert.ok(Math.abs(old!.score - (0.25 * 0.9 + 0.15 * 0.9 + 0.25 * 0.5)) < 1e-9);
});
