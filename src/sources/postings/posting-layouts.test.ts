import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { SHARED_DATA } from '../../../test/support/databases.js';
import { readPostingFile, type PostingFileRow } from './posting-file.js';
import { bindLayout, draftOfRow, parsePostingDate } from './posting-layouts.js';

const headerOf = (file: string): string[] => readFileSync(file, 'utf8').slice(0, 4000).split('\n')[0]!.split(',');
const rowsOf = async (text: string, format: 'csv' | 'jsonl' | 'json'): Promise<PostingFileRow[]> => {
  const rows: PostingFileRow[] = [];
  for await (const row of readPostingFile('memory', format, Readable.from([text]))) rows.push(row);
  return rows;
};

test('each shared file is recognised by its header', () => {
  assert.equal(
    bindLayout(headerOf(`${SHARED_DATA}linkedin-2024-sample/postings.csv`)).layout.name,
    'linkedin-2024-sample',
  );
  assert.equal(
    bindLayout(headerOf(`${SHARED_DATA}linkedin-2024-sample/postings-kaggle-layout.csv`)).layout.name,
    'kaggle-linkedin',
  );
  assert.equal(bindLayout(headerOf(`${SHARED_DATA}hn-whos-hiring/roles.csv`)).layout.name, 'hn-whos-hiring');
  assert.equal(
    bindLayout(['Job Title', 'Salary Estimate', 'Job Description', 'Date Posted']).layout.name,
    'indeed-glassdoor',
  );
  assert.equal(bindLayout(['id', 'date', 'title', 'description']).layout.name, 'generic');
});

test('dates: ISO days and times, months, epoch milliseconds and seconds, US dates; nonsense is none', () => {
  assert.deepEqual(parsePostingDate('2024-04-12'), { month: '2024-04', day: '2024-04-12' });
  assert.deepEqual(parsePostingDate('2022-12-01T16:00:59'), { month: '2022-12', day: '2022-12-01' });
  assert.deepEqual(parsePostingDate('2024-03'), { month: '2024-03', day: null });
  assert.deepEqual(parsePostingDate('1713397508000.0'), { month: '2024-04', day: '2024-04-17' });
  assert.deepEqual(parsePostingDate('1713397508'), { month: '2024-04', day: '2024-04-17' });
  assert.deepEqual(parsePostingDate('4/7/2024'), { month: '2024-04', day: '2024-04-07' });
  assert.equal(parsePostingDate('soon'), undefined);
  assert.equal(parsePostingDate('1850-01-01'), undefined);
});

test('a Kaggle row: salary from its fields, level, remote flag, date from epoch milliseconds', () => {
  const header = headerOf(`${SHARED_DATA}linkedin-2024-sample/postings-kaggle-layout.csv`);
  const bound = bindLayout(header);
  const values = Object.fromEntries(header.map((h) => [h, '']));
  Object.assign(values, {
    job_id: '42',
    title: 'Senior Data Scientist',
    description: 'Build models.',
    original_listed_time: '1713397508000.0',
    min_salary: '140000.0',
    max_salary: '175000.0',
    pay_period: 'YEARLY',
    currency: 'USD',
    formatted_experience_level: 'Mid-Senior level',
    remote_allowed: '1.0',
  });
  const draft = draftOfRow(bound, 2, values);
  assert.deepEqual(draft.salary, { min: 140000, max: 175000, currency: 'USD', period: 'year' });
  assert.equal(draft.seniorityField, 'Mid-Senior level');
  assert.equal(draft.remoteField, '1.0');
  assert.equal(draft.postedOn, '2024-04-17');
});

test('CSV line numbers count line breaks inside quoted fields, CRLF too', async () => {
  const rows = await rowsOf('id,title\r\n1,"two\r\nlines"\r\n2,plain\r\n3,"x"y",z\r\n', 'csv');
  assert.deepEqual(
    rows.map((r) => [r.line, r.error === undefined]),
    [
      [2, true],
      [4, true],
      [5, false],
    ],
  );
});

test('a JSON array with braces and quotes inside strings, scalars and nested values', async () => {
  const text =
    '[\n {"id": 1, "title": "a } { \\" tricky", "tags": ["x", {"y": 1}]},\n 7,\n {"id": 2, "title": "b"}\n]\n';
  const rows = await rowsOf(text, 'json');
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], { line: 2, values: { id: '1', title: 'a } { " tricky', tags: 'x, {"y":1}' } });
  assert.equal(rows[1]!.error, 'not an object: each posting must be a JSON object of fields');
  assert.deepEqual(rows[2], { line: 4, values: { id: '2', title: 'b' } });
});
