import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SHARED_DATA } from './support/databases.js';
import { writeMiniRelease } from './support/mini-release.js';

const home = mkdtempSync(join(tmpdir(), 'upskill-killed-'));
after(() => rmSync(home, { recursive: true, force: true }));
const env = { ...process.env, UPSKILL_HOME: home, DATABASE_URL: '', UPSKILL_DATA_DIR: '', NO_COLOR: '1' };
const cli = ['--import', 'tsx', 'src/cli/main.ts'];

describe('a load killed half-way', () => {
  test('leaves the previously loaded data intact in the embedded store', async () => {
    const mini = join(home, 'mini');
    writeMiniRelease(mini);
    const first = spawnSync(process.execPath, [...cli, 'data', 'load', '--from', mini], { env, encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);

    // Start the full load and kill it without warning once it is writing rows.
    const child = spawn(process.execPath, [...cli, 'data', 'load', '--from', SHARED_DATA], { env });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/stored\s+[\d,]+ rows in tasks/.test(seen)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the load ended before it could be killed:\n${seen}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const status = spawnSync(process.execPath, [...cli, 'data', 'status', '--json'], { env, encoding: 'utf8' });
    assert.equal(status.status, 0, status.stderr);
    const rows = (JSON.parse(status.stdout) as { rows: Record<string, number> }).rows;
    assert.equal(rows['occupations'], 2, 'the two occupations of the first load are still there');
    assert.equal(rows['tasks'], 3);
  });
});
