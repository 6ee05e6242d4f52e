import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, normalize, isAbsolute } from 'node:path';
import { unzipSync } from 'fflate';
import { UpskillError } from '../domain/errors.js';

/** Extracts a zip into `targetDir` (once: an existing extraction is reused), refusing paths that escape it. */
export function extractZip(zipPath: string, targetDir: string): string {
  if (existsSync(targetDir)) return targetDir;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(zipPath));
  } catch (error) {
    throw new UpskillError('SOURCE_INVALID', `${zipPath}: not a readable zip archive (${(error as Error).message})`, {
      hint: 'The download may be incomplete: delete the file and try again.',
    });
  }
  const staging = `${targetDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const relative = normalize(name);
    if (isAbsolute(relative) || relative.startsWith('..')) {
      throw new UpskillError('SOURCE_INVALID', `${zipPath}: entry "${name}" points outside the archive`, {
        hint: 'The archive is not a genuine release.',
      });
    }
    const target = join(staging, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  mkdirSync(dirname(targetDir), { recursive: true });
  renameSync(staging, targetDir);
  return targetDir;
}
