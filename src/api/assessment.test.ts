import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UpskillApp } from '../app/upskill-app.js';
import { readSkillGraph } from '../sources/skills-graph-reader.js';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import { createApi } from './create-api.js';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;
before(async () => {
  app = await openLoadedApp();
  api = createApi(app);
});
after(() => app.close());

const post = async (path: string, body: unknown) =>
  api.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Assessment {
  target: { id: string };
  skills: {
    skillId: string;
    needed: number;
    suggested: number;
    source: string;
    basis?: string;
    levels: { level: number; name: string; description: string }[];
  }[];
}

describe('the short self-assessment', () => {
  test(
    'an AI-assisted data analyst goal: at most twelve skills, each level in words, O*NET-based ' +
      'suggestions with their reason',
    async () => {
      const response = await post('/api/assessment', {
        occupation: 'registered nurse',
        target: 'ai-assisted-data-analyst',
      });
      assert.equal(response.status, 200);
      const assessment = (await response.json()) as Assessment;
      assert.equal(assessment.target.id, 'ai-assisted-data-analyst');
      assert.ok(assessment.skills.length > 0 && assessment.skills.length <= 12);
      const graph = new Map(readSkillGraph().skills.map((s) => [s.id, s]));
      for (const skill of assessment.skills) {
        assert.deepEqual(
          skill.levels.map((l) => l.name),
          ['none', 'aware', 'can use', 'can build', 'can lead'],
        );
        assert.deepEqual(
          skill.levels.slice(1).map((l) => l.description),
          graph.get(skill.skillId)!.levels,
        );
        if (skill.source === 'onet') assert.match(skill.basis!, /^O\*NET rates this occupation's /);
      }
    },
  );

  test('confirming a level removes its gap from the plan', async () => {
    const assessment = (await (
      await post('/api/assessment', { occupation: 'registered nurse', target: 'ai-assisted-data-analyst' })
    ).json()) as Assessment;
    const skill = assessment.skills.find((s) => s.needed > s.suggested)!;
    const gaps = async (skills: { skillId: string; level: number }[]) =>
      (
        (await (
          await post('/api/plan', {
            occupation: 'registered nurse',
            target: 'ai-assisted-data-analyst',
            hoursPerWeek: 5,
            skills,
          })
        ).json()) as {
          gaps: { gaps: { skillId: string }[] };
        }
      ).gaps.gaps.map((g) => g.skillId);
    assert.ok((await gaps([])).includes(skill.skillId));
    assert.ok(!(await gaps([{ skillId: skill.skillId, level: skill.needed }])).includes(skill.skillId));
  });

  test('an unknown occupation or goal is a clear problem', async () => {
    assert.equal((await post('/api/assessment', { occupation: 'zzzz qqqq xxxx' })).status, 404);
    assert.equal((await post('/api/assessment', { occupation: 'nurse', target: 'astronaut' })).status, 404);
    assert.equal((await post('/api/assessment', {})).status, 400);
  });
});
