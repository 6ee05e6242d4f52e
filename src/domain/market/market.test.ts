import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths,
  coOccurring,
  demandNotInProfile,
  emergingSkills,
  growthBetween,
  monthsBetween,
  periodMonths,
  periodOf,
  previousPeriod,
  skillDemand,
  twoProportionTest,
  wilsonInterval,
} from './index.js';

const close = (actual: number, expected: number, digits = 4) =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} is not ${expected}`);

test('periods: months fall in quarters and halves, and step back across years', () => {
  assert.equal(periodOf('2024-05', 'quarter'), '2024-Q2');
  assert.equal(periodOf('2024-07', 'half'), '2024-H2');
  assert.deepEqual(periodMonths('2024-Q4'), { first: '2024-10', last: '2024-12' });
  assert.deepEqual(periodMonths('2023-H1'), { first: '2023-01', last: '2023-06' });
  assert.equal(previousPeriod('2024-Q1'), '2023-Q4');
  assert.equal(previousPeriod('2024-Q1', 4), '2023-Q1');
  assert.equal(previousPeriod('2024-01'), '2023-12');
  assert.equal(addMonths('2023-11', 3), '2024-02');
  assert.equal(monthsBetween('2023-12', '2024-04'), 5);
  assert.throws(() => periodOf('2024-13', 'month'), /month like 2024-05/);
});

test('Wilson interval matches published values and stays within 0–1', () => {
  // Newcombe (1998), table I: 0/10 → 0–0.2775, 5/10 → 0.2366–0.7634.
  const none = wilsonInterval(0, 10);
  close(none.low, 0);
  close(none.high, 0.2775);
  const half = wilsonInterval(5, 10);
  close(half.low, 0.2366);
  close(half.high, 0.7634);
  assert.deepEqual(wilsonInterval(0, 0), { low: 0, high: 0 });
});

test('growth and the two-proportion test', () => {
  const change = growthBetween({ count: 10, total: 100 }, { count: 30, total: 100 });
  close(change.ratio!, 3);
  close(change.points, 20);
  assert.equal(growthBetween({ count: 0, total: 100 }, { count: 5, total: 100 }).ratio, null);
  // pooled p = 0.2, se = √(0.2·0.8·(1/100 + 1/100)) = 0.05657, z = 0.2 / se = 3.5355
  const result = twoProportionTest({ count: 10, total: 100 }, { count: 30, total: 100 });
  close(result.z, 3.5355);
  close(result.p, 0.000204, 5);
});

test('emerging skills: support floor, test, order by corrected ratio', () => {
  const rows = [
    { skillId: 'llm', label: 'LLM', kind: 'ai-skill', earlier: 2, later: 40 },
    { skillId: 'sql', label: 'SQL', kind: 'skill', earlier: 50, later: 52 },
    { skillId: 'rare', label: 'Rare', kind: 'skill', earlier: 0, later: 3 },
    { skillId: 'rag', label: 'RAG', kind: 'ai-skill', earlier: 0, later: 10 },
  ];
  const found = emergingSkills(rows, { earlierTotal: 200, laterTotal: 200, minSupport: 5, alpha: 0.05, limit: 10 });
  assert.deepEqual(
    found.map((s) => s.skillId),
    ['rag', 'llm'],
  );
  close(found[0]!.ratio, 10.5 / 0.5);
  close(found[1]!.ratio, 40.5 / 2.5);
  assert.equal(found[1]!.later.count, 40);
});

test('co-occurrence: conditional share and lift', () => {
  const pairs = [
    { skillId: 'python', label: 'Python', kind: 'language', together: 30, count: 50 },
    { skillId: 'excel', label: 'Excel', kind: 'tool', together: 2, count: 80 },
  ];
  const result = coOccurring(40, 200, pairs, { minTogether: 3, limit: 5 });
  assert.equal(result.length, 1);
  close(result[0]!.withAnchor, 0.75);
  close(result[0]!.lift, (30 * 200) / (40 * 50));
});

test('demand not in the O*NET profile: by id and by folded label', () => {
  const asked = [
    { skillId: 'lexicon:chatgpt', label: 'ChatGPT', kind: 'tool', count: 12 },
    { skillId: 'onet:microsoft-excel', label: 'Microsoft Excel', kind: 'tool', count: 30 },
    { skillId: 'lexicon:seo', label: 'S.E.O.', kind: 'skill', count: 20 },
    { skillId: 'x', label: 'Rarely', kind: 'skill', count: 1 },
  ];
  const profile = { ids: new Set(['onet:microsoft-excel']), labels: ['s e o'] };
  const result = demandNotInProfile(asked, 100, profile, { minCount: 3, minShare: 0.05, limit: 10 });
  assert.deepEqual(
    result.map((r) => [r.skillId, r.count]),
    [['lexicon:chatgpt', 12]],
  );
});

test('skill demand for a plan: share, growth, and the too-few / too-short cases', () => {
  const skills = new Map([['prompting', { later: 18, earlier: 5 }]]);
  const full = skillDemand(
    {
      scope: 'Marketing Managers',
      first: '2024-01',
      last: '2024-12',
      monthsCovered: 24,
      later: 100,
      earlier: 50,
      skills,
    },
    'prompting',
  );
  close(full.share!.share, 0.18);
  close(full.yearOnYear!, 0.18 / 0.1);
  close(full.weightFactor, 1.18);
  assert.match(
    full.reason,
    /^asked for in 18 % of 100 postings for Marketing Managers, 2024-01 – 2024-12 \(95 % interval/,
  );
  assert.match(full.reason, /×1\.8 in a year \(10 % of 50 the year before\)/);
  assert.match(full.reason, /sample of part of the market/);

  const none = skillDemand(
    {
      scope: 'Marketing Managers',
      first: '2024-01',
      last: '2024-12',
      monthsCovered: 24,
      later: 100,
      earlier: 50,
      skills,
    },
    'never-asked',
  );
  assert.match(none.reason, /^asked for in 0\.0 % of 100 postings .* none of the 50 postings the year before either;/);
  assert.equal(none.weightFactor, 1);

  const short = skillDemand(
    {
      scope: 'Marketing Managers',
      first: '2024-01',
      last: '2024-05',
      monthsCovered: 5,
      later: 100,
      earlier: 0,
      skills,
    },
    'prompting',
  );
  assert.equal(short.yearOnYear, null);
  assert.match(short.reason, /growth not known: the loaded postings cover 5 months/);

  const few = skillDemand(
    { scope: 'Nurses', first: '2024-01', last: '2024-02', monthsCovered: 2, later: 12, earlier: 0, skills },
    'prompting',
  );
  assert.equal(few.weightFactor, 1);
  assert.match(few.reason, /^only 12 loaded postings for Nurses \(2024-01 – 2024-02\): too few/);
});
