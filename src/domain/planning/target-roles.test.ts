import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readGptsRelease } from '../../sources/gpts-release.js';
import { readOnetCore, readOnetDetails } from '../../sources/onet-release.js';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { readTargetRoles } from '../../sources/target-roles-reader.js';
import { readActivityGuidance } from '../../sources/guidance-reader.js';
import { buildTaskGuidanceIndex, describeActivities } from '../guidance/index.js';
import { GPTS, ONET_27 } from '../../../test/support/databases.js';
import { augmentedTarget, roleTarget } from './target-roles.js';

const roles = readTargetRoles();

describe('target roles', () => {
  test('at least the 15 generative-AI roles the product promises, with known skills and occupations', async () => {
    const names = roles.map((r) => r.name.toLowerCase());
    for (const expected of [
      'prompt engineer',
      'ai content creator',
      'ai chatbot developer',
      'llm application developer',
      'machine-learning engineer',
      'deep-learning engineer',
      'nlp engineer',
      'computer-vision engineer',
      'data annotator / ai trainer',
      'mlops engineer',
      'ai product manager',
      'ai governance and risk specialist',
      'ai solutions consultant',
      'ai-assisted data analyst',
      'ai educator',
    ]) {
      assert.ok(names.includes(expected), expected);
    }
    const skills = new Set(readSkillGraph().skills.map((s) => s.id));
    const codes = new Set((await readOnetCore(ONET_27)).occupations.map((o) => o.code));
    for (const role of roles) {
      for (const skill of Object.keys(role.skills)) assert.ok(skills.has(skill), `${role.id}: unknown skill ${skill}`);
      for (const code of role.relatedOccupations) assert.ok(codes.has(code), `${role.id}: unknown occupation ${code}`);
      const target = roleTarget(role);
      assert.ok(Math.abs(target.skills.reduce((sum, s) => sum + s.weight, 0) - 1) < 1e-9);
    }
  });

  test('"AI-augmented Marketing Specialist" needs the skills its exposed tasks use, weighted like exposure', async () => {
    const [core, details, gpts] = await Promise.all([
      readOnetCore(ONET_27),
      readOnetDetails(ONET_27),
      readGptsRelease(GPTS),
    ]);
    const labels = new Map(gpts.taskLabels.map((l) => [l.taskId, l]));
    const iwaOfDwa = new Map(details.dwas.map((d) => [d.dwaId, d.iwaId]));
    const iwasOf = (taskId: number): string[] =>
      details.taskDwas.filter((link) => link.taskId === taskId).map((link) => iwaOfDwa.get(link.dwaId)!);
    const guidance = buildTaskGuidanceIndex(readActivityGuidance(), describeActivities(details.iwas, details.dwas));
    const tasks = core.tasks
      .filter((t) => t.code === '13-1161.00')
      .map((t) => {
        const found = guidance.guidanceFor({ statement: t.statement, iwas: iwasOf(t.taskId) })?.guidance;
        return {
          ...t,
          importance: null,
          human: labels.get(t.taskId)!.human,
          gpt4: labels.get(t.taskId)!.gpt4,
          activity: found?.title,
          skills: found?.skills ?? [],
        };
      });
    const target = augmentedTarget(
      { code: '13-1161.00', title: 'Market Research Analysts and Marketing Specialists' },
      tasks,
    );
    assert.equal(target.id, 'ai-augmented:13-1161.00');
    assert.equal(target.name, 'AI-augmented Market Research Analysts and Marketing Specialists');
    const ids = target.skills.map((s) => s.skillId);
    assert.ok(ids.includes('ai-data-analysis') && ids.includes('ai-research-synthesis'), ids.join());
    assert.ok(Math.abs(target.skills.reduce((sum, s) => sum + s.weight, 0) - 1) < 1e-9);
    assert.match(target.skills[0]!.reasons[0]!, /^used on \d+ of your occupation's exposed tasks \(\d+ core\)/);
  });
});
