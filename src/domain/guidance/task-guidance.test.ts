import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ActivityGuidance, RiskClass } from './activity-guidance.js';
import { buildTaskGuidanceIndex } from './task-guidance.js';

const entry = (iwa: string, title: string, risk: RiskClass): ActivityGuidance => ({
  iwa,
  title,
  risk,
  aiCan: `AI on ${title}`,
  recipe: ['one', 'two'],
  tools: [{ category: 'General AI assistants', examples: ['ChatGPT', 'Claude'] }],
  check: 'check',
  staysHuman: 'stays human',
  skills: risk === 'human-only' ? [] : ['prompt-engineering'],
});

const guidance = [
  entry('4.A.2.a.1.I01', 'Develop educational programs.', 'assist'),
  entry('4.A.4.b.4.I01', 'Supervise personnel.', 'assist'),
  entry('4.A.4.a.5.I01', 'Administer medical treatments.', 'human-only'),
  entry('4.A.2.a.4.I02', 'Assess patient health.', 'caution'),
];
const activities = [
  {
    iwa: '4.A.2.a.1.I01',
    title: 'Develop educational programs.',
    dwaTitles: ['Develop remedial instruction programs.'],
  },
  {
    iwa: '4.A.4.b.4.I01',
    title: 'Supervise personnel.',
    dwaTitles: ['Supervise nursing staff.', 'Monitor staff performance.'],
  },
  { iwa: '4.A.4.a.5.I01', title: 'Administer medical treatments.', dwaTitles: ['Administer medications.'] },
  { iwa: '4.A.2.a.4.I02', title: 'Assess patient health.', dwaTitles: ['Monitor patient vital signs.'] },
];
const index = buildTaskGuidanceIndex(guidance, activities);

describe('task → guidance', () => {
  test('a task linked in O*NET takes the linked activity whose words cover it best', () => {
    const result = index.guidanceFor({
      statement: 'Supervise and monitor unit nursing staff.',
      iwas: ['4.A.4.b.4.I01', '4.A.2.a.4.I02'],
    });
    assert.equal(result?.guidance.title, 'Supervise personnel.');
    assert.equal(result?.via, 'dwa');
  });

  test('a task without links takes the activity that best matches its own words', () => {
    const result = index.guidanceFor({ statement: 'Prepare and implement remedial programs for students.', iwas: [] });
    assert.equal(result?.guidance.iwa, '4.A.2.a.1.I01');
    assert.equal(result?.via, 'words');
    assert.ok(result!.relevance > 0);
  });

  test('when two linked activities fit equally, the stricter risk class wins', () => {
    const result = index.guidanceFor({
      statement: 'Do rounds.',
      iwas: ['4.A.2.a.4.I02', '4.A.4.a.5.I01'],
    });
    assert.equal(result?.guidance.risk, 'human-only');
  });
});
