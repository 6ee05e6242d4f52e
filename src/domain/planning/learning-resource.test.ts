import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readResources } from '../../sources/planning-content-reader.js';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { chooseResource, type LearningResource } from './learning-resource.js';

const resources = readResources();
const graph = readSkillGraph();

describe('learning resource catalogue', () => {
  test('at least 80 real public resources, unique ids, well-formed URLs, known skills, every skill covered', () => {
    assert.ok(resources.length >= 80, `${resources.length}`);
    assert.equal(new Set(resources.map((r) => r.id)).size, resources.length);
    const skills = new Set(graph.skills.map((s) => s.id));
    for (const resource of resources) {
      assert.doesNotThrow(() => new URL(resource.url), resource.id);
      assert.match(resource.url, /^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, resource.id);
      for (const skill of resource.skills) assert.ok(skills.has(skill), `${resource.id}: unknown skill ${skill}`);
    }
    const covered = new Set(resources.flatMap((r) => r.skills));
    assert.deepEqual(
      graph.skills.filter((s) => !covered.has(s.id)).map((s) => s.id),
      [],
    );
  });

  test('the closest level that fits the preferences wins; a preference is relaxed only when nothing fits', () => {
    const r = (
      id: string,
      level: number,
      cost: number,
      format: LearningResource['format'] = 'course',
    ): LearningResource => ({
      id,
      title: id,
      provider: 'p',
      url: 'https://example.org/',
      cost,
      hours: 1,
      level,
      format,
      skills: ['python'],
    });
    const catalogue = [r('paid-2', 2, 50), r('free-3', 3, 0), r('free-1', 1, 0, 'video')];
    assert.equal(chooseResource(catalogue, 'python', 2, { freeOnly: false })?.resource.id, 'paid-2');
    assert.equal(chooseResource(catalogue, 'python', 2, { freeOnly: true })?.resource.id, 'free-3');
    assert.deepEqual(chooseResource([r('paid-2', 2, 50)], 'python', 2, { freeOnly: true }), {
      resource: r('paid-2', 2, 50),
      relaxed: true,
    });
    assert.equal(
      chooseResource(catalogue, 'python', 2, { freeOnly: false, formats: ['video'] })?.resource.id,
      'free-1',
    );
    assert.equal(chooseResource(catalogue, 'sql', 2, { freeOnly: false }), undefined);
  });
});
