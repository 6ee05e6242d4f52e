import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES, SHARED_DATA } from '../../test/support/databases.js';
import { readConfig } from './config.js';
import { linkText, validateTop } from './link-skills.js';
import { loadEsco } from './load-esco.js';
import { openApp } from './upskill-app.js';

for (const database of DATABASES) {
  describe(`linking skills on ${database.name}`, { skip: database.skip }, () => {
    test('links to graph skills only, and says so, until ESCO is loaded; then to ESCO skills', async () => {
      const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, await database.open());
      try {
        const before = await linkText(app, 'we code in Python', 3);
        assert.equal(before.escoLoaded, false);
        assert.match(before.note!, /ESCO is not loaded: only the skills of the generative-AI graph/);
        assert.deepEqual(before.links[0], {
          label: 'Python',
          esco: null,
          skillId: 'python',
          score: before.links[0]!.score,
        });
        assert.ok(before.links.every((link) => link.skillId !== null));

        await loadEsco(app.database, `${SHARED_DATA}esco-1.1.1-skill-labels`);
        app.invalidate();
        const after = await linkText(app, 'we code in Python', 3);
        assert.equal(after.escoLoaded, true);
        assert.equal(after.note, undefined);
        assert.equal(after.links.length, 3);
        assert.deepEqual(
          { label: after.links[0]!.label, skillId: after.links[0]!.skillId },
          { label: 'Python (computer programming)', skillId: 'python' },
        );
        assert.equal((await linkText(app, 'project management')).links[0]!.label, 'project management');
      } finally {
        await app.close();
      }
    });
  });
}

describe('linking input', () => {
  test('an empty or huge text, or a top outside 1–50, is BAD_INPUT naming the field', async () => {
    const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, await DATABASES[0]!.open());
    try {
      await assert.rejects(linkText(app, '  '), { code: 'BAD_INPUT', message: /^text: give the sentence/ });
      await assert.rejects(linkText(app, 'x'.repeat(20_001)), {
        code: 'BAD_INPUT',
        message: /^text: 20,001 characters/,
      });
      assert.throws(() => validateTop(0), { code: 'BAD_INPUT', message: /^top: give a whole number from 1 to 50/ });
      assert.throws(() => validateTop(2.5), { code: 'BAD_INPUT' });
      assert.equal(validateTop(50), 50);
    } finally {
      await app.close();
    }
  });
});
