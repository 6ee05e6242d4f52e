import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildNgramIndex, MAX_NGRAM_WORD_LENGTH, similarWords, trigramSimilarity } from './ngram-index.js';

const index = buildNgramIndex([
  'sonographer',
  'stenographer',
  'photographer',
  'vocal',
  'local',
  'smith',
  'gunsmith',
  'cook',
]);

describe('letter-trigram neighbours', () => {
  test('a word inside a longer unseen one is its nearest neighbour', () => {
    const [best] = similarWords(index, 'ultrasonographer', 3, 0.5);
    assert.equal(best?.word, 'sonographer');
    assert.equal(similarWords(index, 'vocalist', 1, 0.5)[0]?.word, 'vocal');
  });

  test('Dice of the padded trigram sets: 1 for the same word, 0 for nothing shared', () => {
    assert.equal(trigramSimilarity('smith', 'smith'), 1);
    assert.equal(trigramSimilarity('smith', 'cook'), 0);
    // " vo", "voc", "oca", "cal" shared of 8 and 5 trigrams.
    assert.equal(trigramSimilarity('vocalist', 'vocal'), 8 / 13);
    assert.equal(similarWords(index, 'vocalist', 1, 0.5)[0]?.similarity, 8 / 13);
  });

  test('best first, at most `limit`, none under the floor, ties in alphabetical order', () => {
    const found = similarWords(index, 'graphers', 5, 0.1);
    assert.ok(found.length <= 5);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.similarity >= found[i]!.similarity);
    assert.deepEqual(similarWords(index, 'zzqx', 5, 0.1), []);
    assert.deepEqual(similarWords(index, 'qwerty', 5, 0.5), []);
  });

  test('short and overlong words are not looked up, and lookups do not leak into each other', () => {
    assert.deepEqual(similarWords(index, 'ok', 3, 0), []);
    assert.deepEqual(similarWords(index, 'a'.repeat(MAX_NGRAM_WORD_LENGTH + 1), 3, 0), []);
    const once = similarWords(index, 'stenographers', 3, 0.3);
    similarWords(index, 'gunsmiths', 3, 0.3);
    assert.deepEqual(similarWords(index, 'stenographers', 3, 0.3), once);
  });
});
