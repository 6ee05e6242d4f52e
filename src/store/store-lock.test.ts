import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../domain/errors.js';
import { acquireStoreLock } from './store-lock.js';

const work = mkdtempSync(join(tmpdir(), 'upskill-lock-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('embedded store lock', () => {
  test('a second process is refused while the owner lives, naming the owner', async () => {
    const dir = join(work, 'db-live');
    const owner = spawn('sleep', ['30']);
    try {
      writeFileSync(`${dir}.lock`, String(owner.pid));
      assert.throws(
        () => acquireStoreLock(dir),
        (error: unknown) =>
          error instanceof UpskillError &&
          error.code === 'STORE_LOCKED' &&
          error.message.includes(`process ${owner.pid}`),
      );
    } finally {
      owner.kill();
    }
  });

  test('a lock left by a dead process is taken over, and release removes it', () => {
    const dir = join(work, 'db-stale');
    writeFileSync(`${dir}.lock`, '999999');
    const lock = acquireStoreLock(dir);
    assert.ok(existsSync(`${dir}.lock`));
    lock.release();
    assert.ok(!existsSync(`${dir}.lock`));
  });
});
