import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UpskillError } from '../domain/errors.js';

export interface StoreLock {
  release(): void;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is a folder only one process may open at a time; two writers would
 * corrupt it. A lock file holding the owner's pid makes the second one fail with a clear message.
 */
export function acquireStoreLock(dir: string): StoreLock {
  const path = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processIsAlive(owner)) {
        throw new UpskillError('STORE_LOCKED', `The embedded database in ${dir} is in use by process ${owner}.`, {
          hint: 'Stop the other upskill process (for example `upskill serve`), or set DATABASE_URL to share a PostgreSQL server between processes.',
        });
      }
      unlinkSync(path); // left behind by a process that died: take it over
    }
  }
  throw new UpskillError('STORE_LOCKED', `Could not lock the embedded database in ${dir}.`);
}
