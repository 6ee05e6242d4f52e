import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { SHARED_DATA } from '../../../test/support/databases.js';
import { graphLevelFromOnet, onetStartingLevels } from './onet-starting-levels.js';

/** An occupation's LV ratings as the O*NET 29.3 files give them. */
function ratingsOf(code: string): { elementName: string; scaleId: string; value: number }[] {
  return ['Skills.txt', 'Knowledge.txt'].flatMap((file) =>
    readFileSync(`${SHARED_DATA}onet-29.3/${file}`, 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => cells[0] === code)
      .map((cells) => ({ elementName: cells[2]!, scaleId: cells[3]!, value: Number(cells[4]) })),
  );
}

describe('starting levels from O*NET', () => {
  test('the level scale maps onto the graph’s five levels', () => {
    assert.deepEqual([0, 1.49, 1.5, 2.9, 3, 4.49, 4.5, 6, 7].map(graphLevelFromOnet), [0, 0, 1, 1, 2, 2, 3, 4, 4]);
  });

  test('a registered nurse starts with the critical thinking O*NET rates for nurses, with the evidence', () => {
    const ratings = ratingsOf('29-1141.00');
    const levels = onetStartingLevels(ratings);
    const critical = ratings.find((r) => r.elementName === 'Critical Thinking' && r.scaleId === 'LV')!.value;
    assert.deepEqual(levels.get('critical-thinking'), {
      level: graphLevelFromOnet(critical),
      basis: [{ element: 'Critical Thinking', lv: critical }],
    });
    assert.ok(levels.get('critical-thinking')!.level >= 2, 'a nurse can use critical thinking');
    assert.equal(
      levels.get('python')?.level,
      graphLevelFromOnet(ratings.find((r) => r.elementName === 'Programming' && r.scaleId === 'LV')!.value),
    );
    assert.equal(levels.has('creativity'), false, 'no O*NET evidence, no default');
  });

  test('a web developer starts higher in programming than a nurse', () => {
    const developer = onetStartingLevels(ratingsOf('15-1254.00'));
    const nurse = onetStartingLevels(ratingsOf('29-1141.00'));
    assert.ok(developer.get('python')!.level > nurse.get('python')!.level);
  });
});
