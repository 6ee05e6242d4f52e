import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import { SHARED_DATA } from '../../test/support/databases.js';
import { importPostings } from './import-postings.js';
import { importTermCounts } from './import-term-counts.js';
import { marketEmerging, marketTop, termTrend, titleShare } from './market-report.js';
import type { UpskillApp } from './upskill-app.js';

// The market reports over the real shared sets, checked against the files themselves (never copies of their numbers).
const HN = `${SHARED_DATA}hn-whos-hiring/roles.csv`;
const TRENDS = `${SHARED_DATA}hn-hiringtrends/monthly_terms.csv`;
const csvRows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

let app: UpskillApp;

describe('market reports over the shared Hacker News sets', { timeout: 600_000 }, () => {
  before(async () => {
    app = await openLoadedApp();
    await importPostings(app, HN, { threads: 0, batchSize: 2000 });
    await importTermCounts(app, TRENDS);
  });
  after(() => app.close());

  test('top titles per quarter are the file’s own most frequent titles, with the quarter’s posts as denominator', async () => {
    const source = csvRows(HN);
    const byQuarter = new Map<string, Map<string, number>>();
    for (const row of source) {
      const titles = byQuarter.get(quarterOf(row['month']!)) ?? new Map<string, number>();
      const title = row['job_title']!.trim().toLowerCase();
      titles.set(title, (titles.get(title) ?? 0) + 1);
      byQuarter.set(quarterOf(row['month']!), titles);
    }
    const top = await marketTop(app, 'titles', { period: 'quarter', dataset: 'hn-whos-hiring', limit: 3 });
    assert.deepEqual(
      top.periods.map((p) => p.period),
      [...byQuarter.keys()].sort(),
    );
    for (const period of top.periods) {
      const titles = byQuarter.get(period.period)!;
      assert.equal(
        period.postings,
        [...titles.values()].reduce((a, b) => a + b, 0),
      );
      const expected = [...titles]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([, count]) => count);
      assert.deepEqual(
        period.items.map((i) => i.count),
        expected,
        period.period,
      );
    }
    assert.match(top.sample.note, new RegExp(`Counted over ${source.length} job postings, 2022-12 – .*hn-whos-hiring`));
  });

  test('AI, ML or LLM in the title: the share by quarter 2023 → 2025 is the file’s, and it grows', async () => {
    const aiTitle = /\b(?:ai|ml|llms?|genai|machine learning|artificial intelligence)\b/i;
    const expected = new Map<string, [number, number]>();
    for (const row of csvRows(HN)) {
      const entry = expected.get(quarterOf(row['month']!)) ?? [0, 0];
      entry[1]++;
      if (aiTitle.test(row['job_title']!)) entry[0]++;
      expected.set(quarterOf(row['month']!), entry);
    }
    const shares = await titleShare(app, { period: 'quarter', dataset: 'hn-whos-hiring', limit: 10 });
    assert.deepEqual(
      shares.points.map((p) => [p.period, p.count, p.total]),
      [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([q, [m, n]]) => [q, m, n]),
    );
    const share = (q: string) => shares.points.find((p) => p.period === q)!;
    assert.ok(share('2025-Q1').share > share('2023-Q1').share);
    // Each share carries its 95 % interval.
    assert.ok(share('2025-Q1').low < share('2025-Q1').share && share('2025-Q1').share < share('2025-Q1').high);
  });

  test('the "AI" term series: May 2024’s share of posts is about four times May 2021’s, as the file says', async () => {
    const trend = await termTrend(app, 'hn-hiringtrends', 'AI', 'month');
    const at = (month: string) => trend.points.find((p) => p.period === month)!.share;
    const file = csvRows(TRENDS).filter((r) => r['term'] === 'AI');
    const filed = (month: string) => {
      const row = file.find((r) => r['month'] === month)!;
      return Number(row['count']) / Number(row['posts']);
    };
    assert.ok(Math.abs(at('2024-05') - filed('2024-05')) < 1e-12);
    const ratio = at('2024-05') / at('2021-05');
    assert.ok(ratio > 3.5 && ratio < 4.5, `×${ratio.toFixed(2)}`);
    assert.match(trend.note, /a sample of part of the market/);
  });

  test('emerging skills over the last year of Hacker News roles each pass the floor and the test', async () => {
    const result = await marketEmerging(app, {
      period: 'month',
      dataset: 'hn-whos-hiring',
      months: 12,
      minSupport: 20,
      alpha: 0.01,
      limit: 10,
    });
    assert.ok(result.earlier.postings > 0 && result.later.postings > 0);
    assert.ok(result.skills.length > 0, 'something grew in a year of Hacker News posts');
    for (const skill of result.skills) {
      assert.ok(skill.later.count >= 20 && skill.p < 0.01 && skill.later.share > skill.earlier.share, skill.label);
    }
  });
});
