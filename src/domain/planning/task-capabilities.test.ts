import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readGptsRelease } from '../../sources/gpts-release.js';
import { readOnetCore } from '../../sources/onet-release.js';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { readTaskPatterns } from '../../sources/task-patterns-reader.js';
import { GPTS, ONET_27 } from '../../../test/support/databases.js';
import { buildTaskPatternIndex, leadingVerbs, matchTaskCapabilities } from './task-capabilities.js';

const patterns = readTaskPatterns();
const index = buildTaskPatternIndex(patterns);
const ids = (statement: string): string[] => matchTaskCapabilities(index, statement).map((p) => p.id);

describe('task → generative-AI capability patterns', () => {
  test('cover at least 80 % of the tasks either rater labelled E1 or E2', async () => {
    const [core, gpts] = await Promise.all([readOnetCore(ONET_27), readGptsRelease(GPTS)]);
    const exposed = new Set(gpts.taskLabels.filter((l) => l.human !== 'E0' || l.gpt4 !== 'E0').map((l) => l.taskId));
    const tasks = core.tasks.filter((t) => exposed.has(t.taskId));
    const covered = tasks.filter((t) => matchTaskCapabilities(index, t.statement).length > 0).length;
    const coverage = covered / tasks.length;
    console.log(
      `capability patterns cover ${covered} of ${tasks.length} exposed tasks (${(100 * coverage).toFixed(1)} %)`,
    );
    assert.equal(tasks.length, 11582);
    assert.ok(coverage >= 0.8, `coverage ${coverage}`);
  });

  test('every pattern needs only skills the graph has, and says how to use AI and what to check', () => {
    const skills = new Set(readSkillGraph().skills.map((s) => s.id));
    for (const pattern of patterns) {
      for (const skill of pattern.skills) assert.ok(skills.has(skill), `${pattern.id}: unknown skill ${skill}`);
      assert.match(pattern.howToUse, /\.$/);
      assert.match(pattern.check, /\.$/);
    }
  });

  test('the most specific capability comes first', () => {
    assert.equal(ids('Write, update, and maintain computer programs or software packages.')[0], 'coding');
    assert.equal(ids('Prepare reports of findings, illustrating data graphically.')[0], 'data-analysis');
    assert.equal(ids('Write press releases and other media communications.')[0], 'drafting');
    assert.equal(ids('Translate messages simultaneously or consecutively into specified languages.')[0], 'translation');
    assert.equal(ids('Teach courses in marketing to undergraduate students.')[0], 'teaching');
    assert.deepEqual(ids('Answer customer questions about products and services.'), ['customer-communication']);
    assert.deepEqual(ids('Lift heavy boxes onto trucks.'), []);
  });

  test('leading verbs follow "and" and "or"', () => {
    assert.deepEqual(leadingVerbs('Develop and maintain databases.'), ['develop', 'maintain']);
    assert.deepEqual(leadingVerbs('Plan, direct, or coordinate activities.'), ['plan', 'coordinate']);
  });
});
