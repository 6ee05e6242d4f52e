import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA } from '../../test/support/databases.js';
import { escoFoldersFor, readEscoRelease, type EscoRelease } from './esco-release.js';

// The real ESCO folders in ../shared/data: 1.2.0 ships the collections and relations but not
// skills_en.csv; 1.1.1 ships every skill's labels without URIs. Together they are one vocabulary.
const ESCO_120 = join(SHARED_DATA, 'esco-1.2.0');
const ESCO_111 = join(SHARED_DATA, 'esco-1.1.1-skill-labels');
const csvRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const COLLECTIONS = [
  'digCompSkills',
  'digitalSkills',
  'greenSkills',
  'languageSkills',
  'researchSkills',
  'transversalSkills',
];

let release: EscoRelease;
before(async () => {
  release = await readEscoRelease(escoFoldersFor(ESCO_120));
});

describe('ESCO 1.2.0 from ../shared/data, on top of the 1.1.1 labels', () => {
  test('--esco with the 1.2.0 folder finds the labels folder beside it', () => {
    assert.deepEqual(escoFoldersFor(ESCO_120), [ESCO_120, ESCO_111]);
    assert.deepEqual(escoFoldersFor(ESCO_111), [ESCO_111, ESCO_120]);
  });

  test("every 1.1.1 label, plus the collections' URIs, descriptions and synonyms, plus the relations", () => {
    const labels = new Set(
      csvRows(join(ESCO_111, 'skills_en_labels.csv')).map((row) => row['preferredLabel']!.trim().toLowerCase()),
    );
    const collected = new Map<string, Record<string, string>>();
    for (const name of COLLECTIONS)
      for (const row of csvRows(join(ESCO_120, `${name}Collection_en.csv`)))
        collected.set(row['preferredLabel']!.trim().toLowerCase(), row);
    const onlyInCollections = [...collected.keys()].filter((label) => !labels.has(label));
    assert.equal(release.skills.length, labels.size + onlyInCollections.length);
    assert.equal(release.skills.filter((skill) => skill.uri).length, collected.size);
    assert.equal(release.relations.length, csvRows(join(ESCO_120, 'skillSkillRelations_en.csv')).length);

    const python = release.skills.find((skill) => skill.label === 'Python (computer programming)')!;
    const source = collected.get('python (computer programming)')!;
    assert.equal(python.uri, source['conceptUri']);
    assert.equal(python.description, source['description']);
    assert.ok(python.collections.includes('digital'));
    const english = release.skills.find((skill) => skill.label === 'English')!;
    assert.ok(english.collections.includes('language'));
  });
});
