import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { readTargetRoles } from '../../sources/target-roles-reader.js';
import { analyzeGaps, type SkillLevel } from './skill-gaps.js';
import { roleTarget } from './target-roles.js';

const graph = readSkillGraph();
const contentCreator = roleTarget(readTargetRoles().find((r) => r.id === 'ai-content-creator')!);

describe('gap analysis', () => {
  test('missing levels with weight, hours from the graph and reasons in words', () => {
    const current = new Map<string, SkillLevel>([
      ['prompt-engineering', 2],
      ['ai-text-generation', 3],
      ['creativity', 4],
    ]);
    const analysis = analyzeGaps(graph, contentCreator, current, new Set(['ai-image-creation']));
    assert.ok(analysis.met.some((m) => m.skillId === 'ai-text-generation'));
    const prompting = analysis.gaps.find((g) => g.skillId === 'prompt-engineering')!;
    assert.deepEqual([prompting.currentLevel, prompting.requiredLevel, prompting.hours], [2, 3, 40 - 10]);
    assert.deepEqual(prompting.reasons, ['AI content creator requires “can build”', 'you are at “can use”']);
    const images = analysis.gaps.find((g) => g.skillId === 'ai-image-creation')!;
    assert.ok(images.reasons.includes('O*NET marks the related technology "hot" for your occupation'));
    assert.equal(
      analysis.totalHours,
      analysis.gaps.reduce((sum, g) => sum + g.hours, 0),
    );
    assert.ok(analysis.readiness > 0 && analysis.readiness < 1);
  });

  test('a worker who has everything is fully ready', () => {
    const all = new Map(contentCreator.skills.map((s) => [s.skillId, 4 as SkillLevel]));
    const analysis = analyzeGaps(graph, contentCreator, all);
    assert.deepEqual(analysis.gaps, []);
    assert.ok(Math.abs(analysis.readiness - 1) < 1e-9);
  });
});
