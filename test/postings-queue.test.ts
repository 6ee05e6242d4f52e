import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readConfig } from '../src/app/config.js';
import { loadReferenceData } from '../src/app/load-reference-data.js';
import { openDatabase } from '../src/store/database.js';
import { countPostings, listPostingImports, queuedChunkState } from '../src/store/postings.repository.js';
import { createServerDatabase, SHARED_DATA } from './support/databases.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const HN = `${SHARED_DATA}hn-whos-hiring/roles.csv`;
const home = mkdtempSync(join(tmpdir(), 'upskill-queue-'));
// The workers read DATABASE_URL from here; it is set once this file's own database exists.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  UPSKILL_HOME: home,
  DATABASE_URL: '',
  UPSKILL_DATA_DIR: '',
  NO_COLOR: '1',
};
const cli = ['--import', 'tsx', 'src/cli/main.ts'];

/** A worker process, resolved once it says it is taking jobs. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...cli, 'worker', '--threads', '0'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
      if (said.includes('is taking jobs')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker stopped (${code}): ${said}`)));
  });
  return child;
}

describe(
  'an import split into jobs that two worker processes take',
  {
    skip: serverUrl ? false : process.env['CI'] ? false : 'TEST_DATABASE_URL is not set (CI sets it; see .ci/run)',
  },
  () => {
    const workers: ChildProcess[] = [];
    let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
    let url = '';
    before(async () => {
      server = await createServerDatabase();
      url = env['DATABASE_URL'] = server.url;
      const db = await openDatabase({ kind: 'postgres', url });
      await loadReferenceData(db, { ...readConfig({}), home }, { from: SHARED_DATA, onlyIn: [] });
      await db.close();
      workers.push(await startWorker(), await startWorker());
    });
    after(async () => {
      await Promise.all(
        workers.map((worker) => {
          const exited = new Promise((resolve) => worker.once('exit', resolve));
          worker.kill('SIGTERM');
          return exited;
        }),
      );
      rmSync(home, { recursive: true, force: true });
      await server?.drop();
    });

    test('without --no-work the importer takes jobs too, and a re-posted text is still kept once', () => {
      const file = `${SHARED_DATA}linkedin-2024-sample/postings.csv`;
      const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
      const result = spawnSync(process.execPath, [...cli, 'postings', 'import', file], {
        env,
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(result.status, 0, result.stderr);
      const fold = (text: string): string =>
        text
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
      const distinct = new Set(
        rows.map((r) => [r['title'], r['company'], r['description']].map((t) => fold(t!)).join('|')),
      ).size;
      assert.match(
        result.stdout,
        new RegExp(
          `${rows.length.toLocaleString('en-US')} rows read, ${distinct} postings kept, ${rows.length - distinct} duplicates`,
        ),
      );
    });

    test('the importer only queues; both workers store batches; the counts are those of the file', async () => {
      const rows = (parse(readFileSync(HN), { columns: true }) as unknown[]).length;
      const result = spawnSync(process.execPath, [...cli, 'postings', 'import', HN, '--no-work', '--batch', '400'], {
        env,
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(result.status, 0, result.stderr);
      const n = rows.toLocaleString('en-US');
      assert.match(result.stdout, new RegExp(`${n} rows read, ${n} postings kept, 0 duplicates, 0 bad rows`));

      const db = await openDatabase({ kind: 'postgres', url });
      try {
        const run = (await listPostingImports(db)).find((r) => r.dataset === 'hn-whos-hiring');
        assert.equal(run!.status, 'done');
        const chunks = await queuedChunkState(db, run!.id);
        assert.equal(chunks.waiting, 0);
        assert.equal(chunks.done, Math.ceil(rows / 400));
        assert.equal(new Set(chunks.workers).size, 2, `batches stored by ${[...new Set(chunks.workers)].join(', ')}`);
        assert.equal((await countPostings(db)).byDataset['hn-whos-hiring'], rows);
      } finally {
        await db.close();
      }
    });

    test('kill -9 of the importer while its jobs are queued: run again, it ends with the file’s counts', async () => {
      const file = `${SHARED_DATA}linkedin-2024-sample/postings-kaggle-layout.csv`;
      const rows = (parse(readFileSync(file), { columns: true }) as unknown[]).length;
      const args = [...cli, 'postings', 'import', file, '--no-work', '--batch', '100'];
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let said = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          said += chunk;
          if (/rows ·/.test(said)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.once('exit', () => reject(new Error(`the import ended before it was killed: ${said}`)));
      });
      await new Promise((resolve) => child.once('exit', resolve));
      const again = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 300_000 });
      assert.equal(again.status, 0, again.stderr);
      // The same texts as the LinkedIn sample imported above: every row read once, all duplicates.
      const n = rows.toLocaleString('en-US');
      assert.match(again.stdout, new RegExp(`${n} rows read, 0 postings kept, ${n} duplicates, 0 bad rows .*resumed`));
    });
  },
);
