import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ONET_27 } from '../../test/support/databases.js';
import { readActivityGuidance } from './guidance-reader.js';
import { readSkillGraph } from './skills-graph-reader.js';

/** The 332 IWAs of O*NET, read from the source file itself. */
const IWAS = new Map(
  readFileSync(`${ONET_27}/IWA Reference.txt`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([, id, title]) => [id!, title!.trim()] as const),
);

// Activities whose very title is operating machinery or vehicles, or treating, diagnosing or
// deciding the care of a patient: AI may prepare information for them, never more.
const MUST_STAY_HUMAN = new RegExp(
  '^(Operate (?!office|audiovisual|communications|computer)|Transport patients|Direct vehicle traffic|' +
    'Administer |Treat |Fit assistive|Diagnose health|Evaluate patient|Develop patient|' +
    'Drive |Pilot )',
);

const guidance = readActivityGuidance();

describe('authored guidance for every O*NET work activity', () => {
  test('covers all 332 Intermediate Work Activities once, under their O*NET titles', () => {
    assert.equal(IWAS.size, 332);
    const seen = new Map<string, number>();
    for (const entry of guidance) seen.set(entry.iwa, (seen.get(entry.iwa) ?? 0) + 1);
    assert.deepEqual(
      [...IWAS.keys()].filter((id) => !seen.has(id)),
      [],
      'activities without guidance',
    );
    assert.deepEqual(
      [...seen].filter(([, count]) => count > 1).map(([id]) => id),
      [],
      'activities with two entries',
    );
    for (const entry of guidance) assert.equal(entry.title, IWAS.get(entry.iwa), entry.iwa);
  });

  test('every skill it names is in the skills graph', () => {
    const known = new Set(readSkillGraph().skills.map((skill) => skill.id));
    for (const entry of guidance)
      for (const skill of entry.skills) assert.ok(known.has(skill), `${entry.iwa}: unknown skill "${skill}"`);
  });

  test('safety-critical and physical-care activities are human-only', () => {
    const wrong = guidance
      .filter((entry) => MUST_STAY_HUMAN.test(entry.title) && entry.risk !== 'human-only')
      .map((entry) => `${entry.iwa} ${entry.title} (${entry.risk})`);
    assert.deepEqual(wrong, []);
    // …and the three classes are all in use: the catalogue is not one class stamped everywhere.
    for (const risk of ['assist', 'caution', 'human-only'])
      assert.ok(guidance.filter((entry) => entry.risk === risk).length >= 20, `${risk} is used on 20+ activities`);
  });

  test('the text is specific: no placeholders, and no two activities share a recipe or a check', () => {
    for (const entry of guidance) {
      const text = JSON.stringify(entry);
      assert.doesNotMatch(text, /\b(TODO|TBD|lorem|placeholder|example\.com|XXX)\b/i, entry.iwa);
    }
    const recipes = new Set(guidance.map((entry) => entry.recipe.join(' ')));
    const checks = new Set(guidance.map((entry) => entry.check));
    assert.equal(recipes.size, guidance.length, 'each recipe is written for its activity');
    assert.ok(checks.size >= guidance.length * 0.95, 'checks are written per activity');
  });
});
