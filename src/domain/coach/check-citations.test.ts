import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCitations, citationsIn } from './check-citations.js';

const sent = new Set(['T:1839', 'S:prompt-engineering@2', 'R:trailhead-generative-ai-basics']);

describe('the citations check', () => {
  test('an answer citing only what was sent is grounded', () => {
    const check = checkCitations(
      'Draft the record summary in the EHR [T:1839], then learn [S:prompt-engineering@2].',
      sent,
    );
    assert.deepEqual(check, { cited: ['T:1839', 'S:prompt-engineering@2'], unknown: [], flags: [] });
  });

  test('several ids in one bracket count, each once', () => {
    assert.deepEqual(citationsIn('See [T:1839, R:trailhead-generative-ai-basics] and [T:1839].'), [
      'T:1839',
      'R:trailhead-generative-ai-basics',
    ]);
  });

  test('an answer citing nothing is flagged', () => {
    const check = checkCitations('Just use ChatGPT for everything.', sent);
    assert.deepEqual(
      check.flags.map((flag) => flag.code),
      ['NO_CITATIONS'],
    );
  });

  test('an answer citing an id that was not sent is flagged, naming it', () => {
    const check = checkCitations('Do this [T:1839] and that [T:999999] with [R:made-up-course].', sent);
    assert.deepEqual(check.cited, ['T:1839']);
    assert.deepEqual(check.unknown, ['T:999999', 'R:made-up-course']);
    assert.deepEqual(
      check.flags.map((flag) => flag.code),
      ['UNKNOWN_CITATION'],
    );
    assert.match(check.flags[0]!.message, /T:999999, R:made-up-course, which Upskill did not send/);
  });
});
