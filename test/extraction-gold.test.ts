import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ONET_27 } from './support/databases.js';
import { fullExtractor, readGold, scoreExtraction } from './support/extraction-gold.js';

describe('extraction against the hand-labelled sentences (docs/annotation-guide.md)', () => {
  test('at least 150 sentences; precision and recall of claimed skills both at least 0.9', async () => {
    const gold = readGold();
    assert.ok(gold.length >= 150, `${gold.length} sentences`);
    const scores = scoreExtraction(await fullExtractor(ONET_27), gold);
    console.log(
      `gold set: ${gold.length} sentences, precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}`,
    );
    assert.ok(scores.precision >= 0.9, `precision ${scores.precision}: ${JSON.stringify(scores.falsePositives)}`);
    assert.ok(scores.recall >= 0.9, `recall ${scores.recall}: ${JSON.stringify(scores.falseNegatives)}`);
  });
});
