import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA } from './support/databases.js';
import { cliIn } from './support/run-cli.js';

const HN = `${SHARED_DATA}hn-whos-hiring/roles.csv`;
const home = mkdtempSync(join(tmpdir(), 'upskill-postings-cli-'));
const upskill = cliIn(home);
const hnRows = (parse(readFileSync(HN), { columns: true }) as Record<string, string>[]).length;

before(() => {
  const load = upskill(['data', 'load', '--from', SHARED_DATA]);
  assert.equal(load.status, 0, load.stderr);
});
after(() => rmSync(home, { recursive: true, force: true }));

test('kill -9 in the middle of an import, then the same command again: it resumes and ends with the same counts', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'postings', 'import', HN, '--batch', '250', '--threads', '0'],
    { env: { ...process.env, UPSKILL_HOME: home, DATABASE_URL: '', UPSKILL_DATA_DIR: '', NO_COLOR: '1' } },
  );
  // The first progress line is printed right after the first batch is stored: kill it there.
  let progress = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      progress += chunk;
      if (/rows ·/.test(progress)) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`the import ended before it was killed: ${progress}`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));

  const killed = JSON.parse(upskill(['postings', 'imports', '--json']).stdout) as {
    status: string;
    rowsRead: number;
  }[];
  assert.equal(killed.length, 1);
  assert.equal(killed[0]!.status, 'running', 'the killed run is left as it was');
  assert.ok(killed[0]!.rowsRead > 0 && killed[0]!.rowsRead < hnRows, `stopped after ${killed[0]!.rowsRead} rows`);

  const resumed = upskill(['postings', 'import', HN, '--batch', '250', '--threads', '0']);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.match(
    resumed.stdout,
    new RegExp(
      `${hnRows.toLocaleString('en-US')} rows read, ${hnRows.toLocaleString('en-US')} postings kept, 0 duplicates, 0 bad rows`,
    ),
  );
  assert.match(resumed.stdout, /import 1, resumed/);
  const runs = JSON.parse(upskill(['postings', 'imports', '--json']).stdout) as { status: string; rowsKept: number }[];
  assert.deepEqual(
    runs.map((run) => [run.status, run.rowsKept]),
    [['done', hnRows]],
  );
});

test('a broken copy: the summary counts the bad rows and names their lines and fields; errors lists them all', () => {
  const file = join(home, 'broken.jsonl');
  writeFileSync(
    file,
    [
      '{"id": "1", "date": "2024-02-01", "title": "Data Engineer", "description": "Spark and Airflow."}',
      '{"id": "2", "date": "someday", "title": "Nurse", "description": "ICU"}',
      'not json',
      '{"id": "4", "date": "2024-02-03", "title": "", "description": "empty title"}',
    ].join('\n'),
  );
  const result = upskill(['postings', 'import', file]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /4 rows read, 1 postings kept, 0 duplicates, 3 bad rows/);
  assert.match(result.stdout, /bad row line 2, field "date": not a date: "someday"/);
  assert.match(result.stdout, /bad row line 3: not JSON/);
  assert.match(result.stdout, /bad row line 4, field "title": the title is empty/);
  const id = /import (\d+)/.exec(result.stdout)![1]!;
  const errors = JSON.parse(upskill(['postings', 'errors', id, '--json']).stdout) as { line: number }[];
  assert.deepEqual(
    errors.map((e) => e.line),
    [2, 3, 4],
  );
});

test('a file whose columns fit no layout: exit 2 naming its columns and how to map them', () => {
  const file = join(home, 'odd.csv');
  writeFileSync(file, 'a,b\n1,2\n');
  const result = upskill(['postings', 'import', file]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /The file's columns \(a, b\) do not fit/);
  assert.match(result.stderr, /--map/);
});

test('postings samples: the named samples with what each stored; an unknown name exits 2 listing the names', () => {
  const seeds = upskill(['postings', 'samples', 'seeds', 'hn-hiringtrends']);
  assert.equal(seeds.status, 0, seeds.stderr);
  const terms = parse(readFileSync(`${SHARED_DATA}hn-hiringtrends/monthly_terms.csv`)).length - 1;
  assert.match(seeds.stdout, new RegExp(`✓ hn-hiringtrends: ${terms.toLocaleString('en-US')} stored, 0 bad rows`));
  const records = readdirSync(new URL('../../shared/seeds/', import.meta.url)).filter((f) => f.endsWith('.txt'));
  assert.match(
    seeds.stdout,
    new RegExp(`✓ seeds: ${records.length} stored, 0 bad rows — the three dated news records`),
  );
  const unknown = upskill(['postings', 'samples', 'everything']);
  assert.equal(unknown.status, 2);
  assert.match(
    unknown.stderr,
    /No sample named everything: use hn-whos-hiring, linkedin-2024-sample, hn-hiringtrends, seeds/,
  );
});
