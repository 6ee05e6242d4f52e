import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateHoursSaved, taskTimeShares, type HoursSavedTask } from './hours-saved.js';

const a: HoursSavedTask = { taskId: 1, statement: 'a', taskType: 'Core', importance: null, human: 'E1', gpt4: 'E2' };
const b: HoursSavedTask = {
  taskId: 2,
  statement: 'b',
  taskType: 'Supplemental',
  importance: null,
  human: 'E0',
  gpt4: 'E1',
};

describe('hours a week AI could save, as a range with its basis', () => {
  test('task weights split the week; the raters, observed use and review time set the ends', () => {
    const saved = estimateHoursSaved([a, b]);
    // Shares 2/3 and 1/3. Low: 2/3 · 0.25 (E2, the lower label) · 0.6 (use unknown) · 0.7 (review) of 40 h.
    // High: (2/3 · 0.5 + 1/3 · 0.5) · 0.7 of 40 h.
    assert.deepEqual([saved.low, saved.high, saved.hoursPerWeek, saved.basis], [2.8, 14, 8.4, 'task-weights']);
    assert.equal(saved.assumptions.length, 4);
    assert.match(saved.assumptions[0]!, /no time-use data for this occupation/);
    assert.equal(estimateHoursSaved([]).high, 0);
  });

  test('a human-only task saves nothing, a caution task needs more review, frequent use raises the low end', () => {
    assert.equal(estimateHoursSaved([{ ...a, risk: 'human-only' }]).high, 0);
    assert.ok(estimateHoursSaved([{ ...a, risk: 'caution' }]).high < estimateHoursSaved([a]).high);
    assert.ok(estimateHoursSaved([{ ...a, observed: 'frequent' }]).low > estimateHoursSaved([a]).low);
    assert.ok(estimateHoursSaved([{ ...a, observed: 'not-seen' }]).low < estimateHoursSaved([a]).low);
  });

  test('work-activity weights give the time shares when they cover the tasks', () => {
    const shares = taskTimeShares(
      [a, b],
      [
        { taskId: 1, iwa: 'I1' },
        { taskId: 2, iwa: 'I1' },
        { taskId: 2, iwa: 'I2' },
      ],
      [
        { iwa: 'I1', weight: 10 },
        { iwa: 'I2', weight: 20 },
      ],
    );
    // I1's 10 split over tasks 1 and 2; I2's 20 to task 2: 5 and 25 of 30.
    assert.equal(shares.basis, 'activity-weights');
    assert.deepEqual([shares.shares.get(1), shares.shares.get(2)], [5 / 30, 25 / 30]);
    const saved = estimateHoursSaved([a, b], shares);
    assert.equal(saved.basis, 'activity-weights');
    assert.match(saved.assumptions[0]!, /work-activity weights/);
    assert.equal(taskTimeShares([a, b], [], []).basis, 'task-weights');
  });
});
