import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { hoursToLevel, type SkillLevel } from '../domain/planning/skill-gaps.js';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import { assessWorkforce } from './assess-workforce.js';
import { teamGaps } from './decide-staffing.js';
import { importRoster } from './import-roster.js';
import type { UpskillApp } from './upskill-app.js';

let app: UpskillApp;
before(async () => {
  app = await openLoadedApp();
});
after(() => app.close());

const roles = parse(readFileSync(new URL('../../content/planning/target-roles.yaml', import.meta.url), 'utf8')) as {
  id: string;
  skills: Record<string, number>;
}[];
const levelIn = (role: string, skill: string) => roles.find((r) => r.id === role)!.skills[skill]!;

test('a team whose members aim at different roles: each trainee’s hours reach the level the gap asks, not their own', async () => {
  // Two copywriters in one team, one aiming at prompt engineer, one at AI content creator: both lack
  // prompt engineering, which the first role asks at a higher level than the second.
  const csv = [
    'Employee ID,Job Title,Team,Target role,Hours for learning',
    'C1,Copywriter,Studio,prompt-engineer,4',
    'C2,Copywriter,Studio,ai-content-creator,4',
  ].join('\n');
  await importRoster(app, { name: 'studio.csv', bytes: new TextEncoder().encode(`${csv}\n`) });
  const high = levelIn('prompt-engineer', 'prompt-engineering');
  const low = levelIn('ai-content-creator', 'prompt-engineering');
  assert.ok(high > low, 'the fixture needs two different levels');

  const gap = (await teamGaps(app, await assessWorkforce(app), 'Studio')).find(
    (g) => g.skillId === 'prompt-engineering',
  )!;
  assert.equal(gap.targetLevel, high);
  const graph = app.skillGraph();
  const c2 = gap.candidates.find((c) => c.personKey === 'C2')!;
  const hours = (level: number) => hoursToLevel(graph, 'prompt-engineering', level as SkillLevel);
  const toGap = hours(high) - hours(c2.currentLevel);
  const toOwn = hours(low) - hours(c2.currentLevel);
  assert.ok(toGap > toOwn);
  assert.equal(c2.hours, toGap);
});
