import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureHistogram } from './exposure-histogram.js';

const scores = (beta: number) => ({ alpha: beta, beta, gamma: beta });

test('bins β of every rated occupation, with 1.0 in the last bin and unrated ones left out', () => {
  const rows = [
    { human: scores(0), gpt4: null },
    { human: scores(0.07), gpt4: scores(0.5) },
    { human: scores(1), gpt4: scores(0.52) },
    { human: null, gpt4: scores(0.9) },
  ];
  const human = exposureHistogram(rows, 'human', 10);
  assert.deepEqual(human.counts, [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.equal(human.occupations, 3);
  assert.equal(human.median, 0.07);
  const gpt4 = exposureHistogram(rows, 'gpt4', 10);
  assert.deepEqual(gpt4.counts, [0, 0, 0, 0, 0, 2, 0, 0, 0, 1]);
  assert.equal(gpt4.median, 0.52);
  assert.equal(exposureHistogram([], 'gpt4').median, 0);
});
