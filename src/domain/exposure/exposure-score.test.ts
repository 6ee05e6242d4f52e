import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readOnetCore } from '../../sources/onet-release.js';
import { readGptsRelease } from '../../sources/gpts-release.js';
import { GPTS, ONET_27 } from '../../../test/support/databases.js';
import { exposureScores, labelAgreement, percentileRank, taskWeight, type WeightedTask } from './index.js';

describe('exposure scores', () => {
  test('reproduce the published occ_level.csv for every one of its occupations', async () => {
    const [core, gpts] = await Promise.all([readOnetCore(ONET_27), readGptsRelease(GPTS)]);
    const labels = new Map(gpts.taskLabels.map((l) => [l.taskId, l]));
    const byCode = new Map<string, WeightedTask[]>();
    for (const task of core.tasks) {
      const label = labels.get(task.taskId);
      const list = byCode.get(task.code) ?? [];
      list.push({ taskType: task.taskType, importance: null, human: label?.human ?? null, gpt4: label?.gpt4 ?? null });
      byCode.set(task.code, list);
    }
    // Read the published file independently of the reader under test.
    const lines = readFileSync(`${GPTS}/occ_level.csv`, 'utf8').trim().split('\n').slice(1);
    assert.equal(lines.length, 923);
    for (const line of lines) {
      const code = line.slice(0, 10);
      const numbers = line.split(',').slice(-6).map(Number);
      const gpt4 = exposureScores(byCode.get(code) ?? [], 'gpt4');
      const human = exposureScores(byCode.get(code) ?? [], 'human');
      const mine = [gpt4?.alpha, gpt4?.beta, gpt4?.gamma, human?.alpha, human?.beta, human?.gamma];
      mine.forEach((value, i) =>
        assert.ok(Math.abs(value! - numbers[i]!) < 1e-9, `${code} measure ${i}: ${value} vs ${numbers[i]}`),
      );
    }
  });

  test('core tasks weigh 2, supplemental 1, importance wins when rated', () => {
    assert.equal(taskWeight({ taskType: 'Core', importance: null }), 2);
    assert.equal(taskWeight({ taskType: 'Supplemental', importance: null }), 1);
    assert.equal(taskWeight({ taskType: null, importance: null }), 1);
    assert.equal(taskWeight({ taskType: 'Core', importance: 4.2 }), 4.2);
    const scores = exposureScores(
      [
        { taskType: 'Core', importance: null, human: 'E1', gpt4: 'E2' },
        { taskType: 'Supplemental', importance: null, human: 'E0', gpt4: null },
      ],
      'human',
    );
    assert.deepEqual(scores, { alpha: 2 / 3, beta: 2 / 3, gamma: 2 / 3 });
  });

  test('unlabelled tasks are left out, and no labels at all gives null', () => {
    assert.equal(exposureScores([{ taskType: 'Core', importance: null, human: null, gpt4: null }], 'gpt4'), null);
  });

  test('agreement says which rater saw more exposure', () => {
    assert.equal(labelAgreement('E1', 'E1'), 'agree');
    assert.equal(labelAgreement('E0', 'E2'), 'gpt4-higher');
    assert.equal(labelAgreement('E1', 'E2'), 'human-higher');
    assert.equal(labelAgreement(null, 'E2'), 'unlabelled');
  });

  test('percentile rank counts the occupations strictly below', () => {
    assert.equal(percentileRank(0.5, [0.1, 0.5, 0.9, 0.2]), 50);
    assert.equal(percentileRank(0.1, [0.1, 0.5]), 0);
  });
});
