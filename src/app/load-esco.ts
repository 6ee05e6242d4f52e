import { basename, dirname, resolve } from 'node:path';
import { fileSha256 } from '../sources/file-checksum.js';
import { readEscoSkills } from '../sources/esco-release.js';
import type { Database } from '../store/database.js';
import { replaceEscoSkills } from '../store/reference-data.repository.js';

/** Loads ESCO skills and synonyms from a CSV export folder into the extraction vocabulary. */
export async function loadEsco(
  database: Database,
  dir: string,
): Promise<{ skills: number; synonyms: number; file: string }> {
  const { file, skills } = await readEscoSkills(resolve(dir));
  await replaceEscoSkills(database, skills, {
    source: 'esco',
    version: /esco[-_ ]?v?(\d+\.\d+(\.\d+)?)/i.exec(resolve(dir))?.[1] ?? 'unknown',
    location: dirname(file),
    files: [{ name: basename(file), rows: skills.length, sha256: await fileSha256(file) }],
  });
  return { skills: skills.length, synonyms: skills.reduce((sum, skill) => sum + skill.synonyms.length, 0), file };
}
