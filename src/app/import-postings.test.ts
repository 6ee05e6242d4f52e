import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA } from '../../test/support/databases.js';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import {
  countPostings,
  findPostingByExternalId,
  listPostingImportErrors,
  listTermCounts,
  AI_TITLE_PATTERN,
} from '../store/postings.repository.js';
import { titleMatchesByPeriod } from '../store/market.repository.js';
import { importTermCounts } from './import-term-counts.js';
import { importPostings } from './import-postings.js';
import type { UpskillApp } from './upskill-app.js';

const LINKEDIN = `${SHARED_DATA}linkedin-2024-sample/postings.csv`;
const KAGGLE = `${SHARED_DATA}linkedin-2024-sample/postings-kaggle-layout.csv`;
const HN = `${SHARED_DATA}hn-whos-hiring/roles.csv`;
const csvRows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });
const folded = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let app: UpskillApp;
let dir: string;
before(async () => {
  app = await openLoadedApp();
  dir = mkdtempSync(join(tmpdir(), 'upskill-postings-'));
});
after(() => app.close());

describe('importing the shared posting sets', () => {
  test('LinkedIn sample: every row read, the re-posted texts kept once, facts and skills per posting', async () => {
    const source = csvRows(LINKEDIN);
    const distinct = new Set(
      source.map((r) => [r['title'], r['company'], r['description']].map((t) => folded(t!)).join('|')),
    );
    const [result] = await importPostings(app, LINKEDIN, { threads: 0 });
    assert.equal(result!.layout, 'linkedin-2024-sample');
    assert.equal(result!.dataset, 'linkedin-2024-sample');
    assert.equal(result!.run.status, 'done');
    assert.equal(result!.run.rowsRead, source.length);
    assert.equal(result!.run.rowsKept, distinct.size);
    assert.equal(result!.run.duplicates, source.length - distinct.size);
    assert.equal(result!.run.badRows, 0);

    const nurse = source[0]!;
    const stored = await findPostingByExternalId(app.database, 'linkedin-2024-sample', nurse['id']!);
    assert.equal(stored?.title, nurse['title']);
    assert.equal(stored?.postedOn, nurse['posted']);
    assert.equal(stored?.postedMonth, nurse['posted']!.slice(0, 7));
    assert.match(stored!.occupationCode!, /^29-1141/, 'a registered nurse posting is a registered nurse');
    assert.ok(stored!.skills.length > 0);

    const withAi = source.find((r) => /\b(?:machine learning|generative ai|llm)\b/i.test(r['description']!))!;
    const aiPosting = await findPostingByExternalId(app.database, 'linkedin-2024-sample', withAi['id']!);
    assert.ok(
      aiPosting!.skills.some((s) => s.kind === 'ai-skill'),
      `${withAi['title']} asks for an AI skill`,
    );
  });

  test('the same postings in the Kaggle layout are all duplicates of the ones stored', async () => {
    const [result] = await importPostings(app, KAGGLE, { threads: 0 });
    assert.equal(result!.layout, 'kaggle-linkedin');
    assert.equal(result!.run.rowsRead, csvRows(KAGGLE).length);
    assert.equal(result!.run.rowsKept, 0);
    assert.equal(result!.run.duplicates, result!.run.rowsRead);
  });

  test('Hacker News roles: one posting per post, by month, remote and salary from their fields', async () => {
    const source = csvRows(HN);
    const [result] = await importPostings(app, HN, { threads: 0, batchSize: 2000 });
    assert.equal(result!.layout, 'hn-whos-hiring');
    assert.deepEqual(
      [result!.run.rowsRead, result!.run.rowsKept, result!.run.duplicates, result!.run.badRows],
      [source.length, new Set(source.map((r) => r['post_link_id'])).size, 0, 0],
    );
    const counts = await countPostings(app.database);
    assert.equal(counts.byDataset['hn-whos-hiring'], source.length);

    const paid = source.find((r) => r['salary'] === '$140k-$230k (USD)' && r['remote'] === 'yes')!;
    const stored = await findPostingByExternalId(app.database, 'hn-whos-hiring', paid['post_link_id']!);
    assert.equal(stored?.postedMonth, paid['month']);
    assert.equal(stored?.postedOn, null, 'HN days are placeholders: only the month is kept');
    assert.equal(stored?.remote, 'remote');
    assert.deepEqual(stored?.salary, { min: 140000, max: 230000, currency: 'USD', period: 'year' });
    const stack = source.find((r) => /\bPython\b/.test(r['languages_frameworks']!))!;
    const withStack = await findPostingByExternalId(app.database, 'hn-whos-hiring', stack['post_link_id']!);
    assert.ok(
      withStack!.skills.some((s) => s.label.includes('Python')),
      'the listed stack is extracted',
    );

    // The share of posts whose title names AI, ML or LLM, by quarter, as the file's own titles give it.
    const aiTitle = /\b(?:ai|ml|llms?|genai|machine learning|artificial intelligence)\b/i;
    const expected = new Map<string, { matching: number; postings: number }>();
    for (const r of source) {
      const quarter = `${r['month']!.slice(0, 4)}-Q${Math.ceil(Number(r['month']!.slice(5, 7)) / 3)}`;
      const entry = expected.get(quarter) ?? { matching: 0, postings: 0 };
      entry.postings++;
      if (aiTitle.test(r['job_title']!)) entry.matching++;
      expected.set(quarter, entry);
    }
    const byPeriod = await titleMatchesByPeriod(
      app.database,
      { dataset: 'hn-whos-hiring' },
      'quarter',
      AI_TITLE_PATTERN,
    );
    const shares = byPeriod.map(({ period, ...counts }) => ({ quarter: period, ...counts }));
    assert.deepEqual(
      shares,
      [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, e]) => ({ quarter, ...e })),
    );
    const share = (quarter: string): number => {
      const row = shares.find((s) => s.quarter === quarter)!;
      return row.matching / row.postings;
    };
    assert.ok(share('2025-Q3') > share('2023-Q1'), 'AI titles are a larger share of HN posts in 2025 than in 2023');
  });
});

describe('term series', () => {
  test('hn-hiringtrends: 157 months × 261 terms; "AI" in about four times the share of posts in May 2024 as in May 2021', async () => {
    const file = `${SHARED_DATA}hn-hiringtrends/monthly_terms.csv`;
    const source = csvRows(file);
    const result = await importTermCounts(app, file);
    assert.equal(result.series, 'hn-hiringtrends');
    assert.equal(result.stored, source.length);
    assert.equal(result.months, new Set(source.map((r) => r['month'])).size);
    assert.equal(result.terms, new Set(source.map((r) => r['term'])).size);
    assert.equal(result.run.badRows, 0);
    const ai = await listTermCounts(app.database, 'hn-hiringtrends', 'AI');
    const shareIn = (month: string): number => {
      const row = ai.find((r) => r.month === month)!;
      return row.mentions / row.posts;
    };
    const fileShare = (month: string): number => {
      const row = source.find((r) => r['month'] === month && r['term'] === 'AI')!;
      return Number(row['count']) / Number(row['posts']);
    };
    assert.equal(shareIn('2024-05'), fileShare('2024-05'));
    assert.equal(shareIn('2021-05'), fileShare('2021-05'));
    const ratio = shareIn('2024-05') / shareIn('2021-05');
    assert.ok(ratio > 3.5 && ratio < 4.5, `×${ratio.toFixed(2)}`);
  });

  test('a broken series: bad months and counts reported with line and column, the rest stored', async () => {
    const file = join(dir, 'terms.csv');
    writeFileSync(
      file,
      'month,posts,term,count\n2024-01,100,AI,10\nJanuary,100,AI,3\n2024-02,50,AI,60\n2024-02,50,ML,5\n',
    );
    const result = await importTermCounts(app, file, { series: 'mine' });
    assert.equal(result.stored, 2);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field]),
      [
        [3, 'month'],
        [4, 'count'],
      ],
    );
  });
});

describe('broken copies: every bad row reported with line and field, the good rows kept', () => {
  test('a CSV with a shifted row, a bad date and an empty title', async () => {
    const rows = csvRows(LINKEDIN).slice(0, 5);
    const quote = (v: string): string => `"${v.replace(/"/g, '""')}"`;
    const header = 'id,posted,listed,title,company,location,description,skills,source_url';
    const row = (r: Record<string, string>, changes: Partial<Record<string, string>> = {}): string =>
      header
        .split(',')
        .map((c) => quote(changes[c] ?? r[c]!))
        .join(',');
    const body = [
      header,
      row(rows[0]!, { id: 'b1', description: 'Nurse wanted. Python welcome.' }),
      row(rows[1]!, { id: 'b2', posted: 'soon', description: 'Chef.' }),
      `${row(rows[2]!, { id: 'b3', description: 'Driver.' })},extra`,
      row(rows[3]!, { id: 'b4', title: '', description: 'Cook.' }),
      row(rows[4]!, { id: 'b5', description: 'Accountant, Excel.\nSecond line.' }),
    ].join('\n');
    const file = join(dir, 'broken.csv');
    writeFileSync(file, body);
    const [result] = await importPostings(app, file, { threads: 0, layout: 'linkedin-2024-sample', dataset: 'broken' });
    assert.deepEqual([result!.run.rowsRead, result!.run.rowsKept, result!.run.badRows], [5, 2, 3]);
    assert.deepEqual(
      result!.errors.map((e) => [e.line, e.field]),
      [
        [3, 'posted'],
        [4, null],
        [5, 'title'],
      ],
    );
    assert.match(result!.errors[0]!.message, /not a date: "soon"/);
    assert.match(result!.errors[1]!.message, /10 fields where the header has 9/);
    assert.ok(await findPostingByExternalId(app.database, 'broken', 'b5'));
  });

  test('JSON Lines with a line that is not JSON, gzip-compressed; a JSON array cut off in the middle', async () => {
    const posting = (id: string, title: string): string =>
      JSON.stringify({
        id,
        date: '2024-03-15',
        title,
        company: 'Acme',
        description: `${title}: we use PyTorch`,
        skills: ['LLM'],
      });
    const jsonl = [
      posting('j1', 'ML Engineer'),
      '{"id": "j2", "title": ',
      '',
      posting('j3', 'Data Analyst'),
      '[1, 2]',
    ].join('\n');
    const gz = join(dir, 'feed.jsonl.gz');
    writeFileSync(gz, gzipSync(jsonl));
    const [lines] = await importPostings(app, gz, { threads: 0 });
    assert.equal(lines!.layout, 'generic');
    assert.equal(lines!.dataset, 'feed');
    assert.deepEqual([lines!.run.rowsRead, lines!.run.rowsKept, lines!.run.badRows], [4, 2, 2]);
    assert.deepEqual(
      lines!.errors.map((e) => e.line),
      [2, 5],
    );
    const stored = await findPostingByExternalId(app.database, 'feed', 'j1');
    assert.equal(stored?.postedOn, '2024-03-15');
    assert.ok(stored!.skills.some((s) => s.label === 'PyTorch'));

    const array = join(dir, 'cut.json');
    writeFileSync(array, `[\n${posting('a1', 'Nurse')},\n${posting('a2', 'Chef')},\n{"id": "a3", "title": "Cut`);
    const [cut] = await importPostings(app, array, { threads: 0 });
    assert.deepEqual([cut!.run.rowsRead, cut!.run.rowsKept, cut!.run.badRows], [3, 2, 1]);
    assert.equal(cut!.errors[0]!.line, 4);
    assert.match(cut!.errors[0]!.message, /cut off/);
    assert.equal((await listPostingImportErrors(app.database, cut!.run.id)).length, 1);
  });

  test('columns no layout knows: refused with the columns named, accepted with --map', async () => {
    const file = join(dir, 'own.tsv');
    writeFileSync(file, 'Role\tWhen\tText\nPrompt Engineer\t2024-02\tWrite prompts for ChatGPT\n');
    await assert.rejects(importPostings(app, file, { threads: 0 }), /Role, When, Text.*do not fit/);
    const [result] = await importPostings(app, file, {
      threads: 0,
      map: ['Role=title', 'When=date', 'Text=description'],
    });
    assert.equal(result!.run.rowsKept, 1);
    assert.equal(result!.layout, 'generic');
  });
});

describe('extraction threads', () => {
  test('two threads read the same skills and occupations as this thread did', async () => {
    const file = join(dir, 'threads.jsonl');
    const rows = csvRows(LINKEDIN).slice(0, 40);
    // A changed first word makes each text new (not a duplicate) without changing what it asks for.
    const body = rows.map((r) =>
      JSON.stringify({
        id: r['id'],
        date: r['posted'],
        title: r['title'],
        company: r['company'],
        description: `Again: ${r['description']}`,
      }),
    );
    writeFileSync(file, body.join('\n'));
    const [threaded] = await importPostings(app, file, { threads: 2, batchSize: 7, dataset: 'threaded' });
    assert.deepEqual([threaded!.run.rowsRead, threaded!.run.rowsKept], [40, 40]);
    let compared = 0;
    for (const row of rows) {
      const mine = await findPostingByExternalId(app.database, 'linkedin-2024-sample', row['id']!);
      if (!mine) continue; // one of the re-posted texts, stored under its first id
      const theirs = await findPostingByExternalId(app.database, 'threaded', row['id']!);
      assert.deepEqual(theirs!.skills, mine.skills, row['title']);
      assert.equal(theirs!.occupationCode, mine.occupationCode, row['title']);
      compared++;
    }
    assert.ok(compared >= 36);
  });
});
