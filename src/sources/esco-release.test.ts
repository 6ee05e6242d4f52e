import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../domain/errors.js';
import { buildVocabulary, compileSkillExtractor, extractSkills } from '../domain/skills/index.js';
import { readEscoSkills } from './esco-release.js';

const FIXTURE = new URL('../../test/fixtures/esco-export/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'upskill-esco-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('ESCO CSV export reader', () => {
  test('reads skills, URIs and newline-separated synonyms (quoted, with commas)', async () => {
    const { skills } = await readEscoSkills(FIXTURE);
    assert.deepEqual(
      skills.map((s) => [s.label, s.synonyms, s.skillType]),
      [
        ['machine learning', ['ML', 'statistical learning'], 'knowledge'],
        ['operate forklift', ['drive forklift truck', 'forklift operation'], 'skill/competence'],
        ['lead a team, with care', ['team leadership'], 'skill/competence'],
      ],
    );
    assert.equal(skills[0]!.uri, 'http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43');
  });

  test('ESCO synonyms become extraction vocabulary linked to the ESCO concept', async () => {
    const { skills } = await readEscoSkills(FIXTURE);
    const extractor = compileSkillExtractor(buildVocabulary({ graph: { categories: [], skills: [] }, esco: skills }));
    const mentions = extractSkills(extractor, 'Five years of forklift operation and team leadership.');
    assert.deepEqual(
      mentions.map((m) => [m.skillId, m.label, m.source]),
      [
        ['esco:00000000-0000-4000-8000-000000000001', 'operate forklift', 'esco'],
        ['esco:00000000-0000-4000-8000-000000000002', 'lead a team, with care', 'esco'],
      ],
    );
  });

  test('a folder without a skills file, or a broken row, is reported clearly', async () => {
    await assert.rejects(
      readEscoSkills(work),
      (error: unknown) =>
        error instanceof UpskillError && error.code === 'SOURCE_NOT_FOUND' && /no ESCO skills file/.test(error.message),
    );
    const broken = join(work, 'broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, 'skills_en.csv'),
      readFileSync(join(FIXTURE, 'skills_en.csv'), 'utf8').replace('"lead a team, with care"', '"lead a team'),
    );
    await assert.rejects(
      readEscoSkills(broken),
      (error: unknown) => error instanceof UpskillError && /skills_en\.csv, line \d+/.test(error.message),
    );
  });
});
