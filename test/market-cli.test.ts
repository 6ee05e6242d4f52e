import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { openDatabase } from '../src/store/database.js';
import { savePostings } from '../src/store/postings.repository.js';
import { postingsOf, TECH_ROWS } from './fixtures/market-postings.js';
import { cliIn } from './support/run-cli.js';

// The CLI over the hand-made postings (test/fixtures/market-postings.ts): Q1 8 postings, Q2 10.
describe('upskill market and insights commands', () => {
  const home = mkdtempSync(join(tmpdir(), 'upskill-market-cli-'));
  const cli = cliIn(home);
  before(async () => {
    const db = await openDatabase({ kind: 'embedded', dir: join(home, 'db') });
    await savePostings(db, null, postingsOf(TECH_ROWS));
    await db.close();
  });

  test('top skills as CSV and as a table with the sample line', () => {
    const csv = cli(['market', 'top', 'skills', '--period', 'quarter', '-n', '2', '--csv']);
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.trim().split('\n');
    assert.equal(lines[0], 'period,rank,key,label,kind,count,postings,share,low95,high95');
    // The interval columns follow; their values are checked by the unit tests.
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',').slice(0, 8).join(',')),
      [
        '2024-Q1,1,python,Python,language,8,8,1',
        '2024-Q1,2,large-language-models,Large language models,ai-skill,4,8,0.5',
        '2024-Q2,1,large-language-models,Large language models,ai-skill,6,10,0.6',
        '2024-Q2,2,python,Python,language,5,10,0.5',
      ],
    );
    const shown = cli(['market', 'top', 'tools', '--period', 'half']);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /ChatGPT .*│ 3 .*│ 16\.7 %/);
    assert.match(
      shown.stdout,
      /Counted over 18 job postings, 2024-01 – 2024-06, from fixture: a sample of part of the market/,
    );
  });

  test('trend, emerging, titles; bad input is named and exits 2, an unknown skill exits 3', () => {
    const trend = cli(['market', 'trend', 'large-language-models', '--json']);
    assert.equal(trend.status, 0, trend.stderr);
    const parsed = JSON.parse(trend.stdout) as {
      points: { period: string; count: number }[];
      quarterOnQuarter: { ratio: number };
    };
    assert.deepEqual(
      parsed.points.map((p) => [p.period, p.count]),
      [
        ['2024-01', 1],
        ['2024-02', 3],
        ['2024-04', 0],
        ['2024-05', 6],
        ['2024-06', 0],
      ],
    );
    assert.ok(Math.abs(parsed.quarterOnQuarter.ratio - 1.2) < 1e-9);
    const emerging = cli(['market', 'emerging', '--months', '3', '--min-support', '3']);
    assert.equal(emerging.status, 0, emerging.stderr);
    assert.match(emerging.stdout, /Retrieval-augmented generation .*│ 0 \(0\.0 %\) .*│ 5 \(50\.0 %\)/);
    assert.match(emerging.stdout, /Test: one-sided two-proportion z-test/);
    const titles = cli(['market', 'titles', '--csv']);
    assert.deepEqual(
      titles.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 3).join(',')),
      ['2024-Q1,3,8', '2024-Q2,6,10'],
    );
    const bad = cli(['market', 'top', 'skills', '--from', '2024-13']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /from must be a month like 2024-05, got "2024-13"/);
    const unknown = cli(['market', 'trend', 'no-such-skill']);
    assert.equal(unknown.status, 3);
    assert.match(unknown.stderr, /No loaded posting asks for "no-such-skill"/);
  });

  test('insights import of the seeds, then listed', () => {
    const imported = cli(['insights', 'import', new URL('../../shared/seeds/', import.meta.url).pathname]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /2023-07-13 {2}Most workers want to use generative AI/);
    assert.match(imported.stdout, /3 imported, 0 bad\./);
    const listed = cli(['insights', 'list', '--json']);
    const ranked = JSON.parse(listed.stdout) as { record: { id: string } }[];
    assert.equal(ranked.length, 3);
  });
});
