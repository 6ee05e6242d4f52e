import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LEVEL_NAMES, levelName, parseLevel } from './skill-levels.js';

describe('level vocabulary', () => {
  test('a level is its number or its name, however it is written', () => {
    assert.deepEqual(['0', '1', '2', '3', '4'].map(parseLevel), [0, 1, 2, 3, 4]);
    assert.deepEqual(['none', 'Aware', 'can use', 'can-build', 'CAN_LEAD'].map(parseLevel), [0, 1, 2, 3, 4]);
    assert.deepEqual(['5', '-1', 'expert', '', '2.5'].map(parseLevel), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((l) => levelName(l as 0)),
      [...LEVEL_NAMES],
    );
  });
});
