import { basename, dirname, resolve } from 'node:path';
import { fileSha256 } from '../sources/file-checksum.js';
import { escoFoldersFor, escoVersionOf, readEscoRelease } from '../sources/esco-release.js';
import type { Database } from '../store/database.js';
import { replaceEscoSkills } from '../store/reference-data.repository.js';

export interface EscoLoadSummary {
  skills: number;
  synonyms: number;
  /** Skills with a URI (the labels-only 1.1.1 copy has none; the 1.2.0 collections give theirs). */
  withUri: number;
  described: number;
  relations: number;
  version: string;
  files: string[];
}

/**
 * Loads ESCO into the extraction vocabulary from a folder and, where it holds only part of ESCO
 * (the 1.2.0 collections without skills_en.csv, or the 1.1.1 labels without URIs), the ESCO
 * folders beside it. All or nothing: one transaction.
 */
export async function loadEsco(
  database: Database,
  dir: string,
  folders = escoFoldersFor(resolve(dir)),
): Promise<EscoLoadSummary> {
  const release = await readEscoRelease(folders);
  const version = escoVersionOf(folders);
  await replaceEscoSkills(database, release.skills, release.relations, {
    source: 'esco',
    version,
    location: folders.join(', '),
    files: await Promise.all(
      release.files.map(async (file) => ({
        name: `${basename(dirname(file.path))}/${basename(file.path)}`,
        rows: file.rows,
        sha256: await fileSha256(file.path),
      })),
    ),
  });
  return {
    skills: release.skills.length,
    synonyms: release.skills.reduce((sum, skill) => sum + skill.synonyms.length, 0),
    withUri: release.skills.filter((skill) => skill.uri).length,
    described: release.skills.filter((skill) => skill.description).length,
    relations: release.relations.length,
    version,
    files: release.files.map((file) => file.path),
  };
}
