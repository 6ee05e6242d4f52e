import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildObservedUseIndex,
  describePotentialAndPractice,
  normaliseTaskStatement,
  observedCoverage,
} from './index.js';

const index = buildObservedUseIndex({
  taskShares: [
    { statement: 'write code for web applications.', pct: 2.5 },
    { statement: 'review  contracts ', pct: 0.01 },
    { statement: 'answer customer questions about billing.', pct: 0.02 },
    { statement: 'draft press releases.', pct: 0.005 },
  ],
  statements: [
    { taskId: 10, statement: 'Write code for web applications.' },
    { taskId: 20, statement: 'Answer customer questions about billing.' },
    { taskId: 30, statement: 'Inspect bridges for cracks.' },
  ],
});

describe('observed AI use per task', () => {
  test('statements match whatever their case, spacing, quotes and final full stop', () => {
    assert.equal(normaliseTaskStatement('  Review   Contracts. '), 'review contracts');
    assert.equal(normaliseTaskStatement('Check a client’s “file”;'), 'check a client\'s "file"');
    const use = index.useOf({ taskId: 999, statement: 'Review contracts.' });
    assert.deepEqual(use, { level: 'occasional', pct: 0.01, percentile: 50, via: 'statement' });
  });

  test('a statement reworded since O*NET 27.0 is reached through its Task ID', () => {
    const use = index.useOf({ taskId: 20, statement: 'Respond to customer billing enquiries.' });
    assert.equal(use.via, 'task-id');
    assert.equal(use.pct, 0.02);
  });

  test('the top quarter of matched shares is frequent, the rest occasional', () => {
    assert.equal(index.useOf({ taskId: 10, statement: 'Write code for web applications.' }).level, 'frequent');
    assert.equal(index.useOf({ taskId: 1, statement: 'Draft press releases' }).level, 'occasional');
  });

  test('a task the source lists but never matched is not-seen; one it does not list is unknown, not unused', () => {
    assert.equal(index.useOf({ taskId: 30, statement: 'Inspect bridges for cracks.' }).level, 'not-seen');
    const unknown = index.useOf({ taskId: 40, statement: 'Shoe horses.' });
    assert.deepEqual(unknown, { level: 'unknown', pct: null, percentile: null, via: null });
    assert.deepEqual(
      observedCoverage([
        index.useOf({ taskId: 10, statement: 'x' }),
        index.useOf({ taskId: 1, statement: 'review contracts' }),
        index.useOf({ taskId: 30, statement: 'y' }),
        unknown,
      ]),
      { byStatement: 1, byTaskId: 1, notSeen: 1, unknown: 1, total: 4 },
    );
  });

  test('potential and practice are compared in plain words', () => {
    assert.equal(describePotentialAndPractice(true, 'not-seen'), 'Rated exposed, yet people rarely use AI for it yet.');
    assert.equal(describePotentialAndPractice(false, 'frequent'), 'Rated not exposed, yet people do use AI for it.');
    assert.match(describePotentialAndPractice(true, 'unknown'), /unknown/);
  });
});
