import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoachSources, CoachTask } from './coach-context.js';
import { hoursMentioned, readIntent, retrieveContext, scoreDocuments } from './retrieve-context.js';

const task = (taskId: number, statement: string, risk: CoachTask['risk'] = 'assist'): CoachTask => ({
  taskId,
  statement,
  exposed: true,
  observed: 'unknown',
  risk,
  activity: 'Activity.',
  aiCan: 'AI can.',
  recipe: ['Do it.'],
  tools: [],
  check: 'Check.',
  staysHuman: 'Stays.',
  ...(risk === 'caution' ? { neverPaste: 'Names' } : {}),
});

const sources: CoachSources = {
  occupation: { code: '29-1141.00', title: 'Registered Nurses' },
  target: { name: 'AI-augmented Registered Nurses' },
  hoursPerWeek: 5,
  tasks: [
    task(1, 'Instruct patients on health education.'),
    task(2, 'Maintain accurate, detailed reports and records.', 'caution'),
    task(3, 'Develop patient care plans with the team.', 'human-only'),
  ],
  steps: [
    {
      id: 'a@1',
      name: 'AI literacy',
      level: 'aware',
      outcome: 'Explains.',
      hours: 2,
      week: 1,
      status: 'done',
      resourceId: 'r1',
    },
    {
      id: 'b@2',
      name: 'Prompt engineering',
      level: 'can use',
      outcome: 'Writes.',
      hours: 4,
      week: 1,
      status: null,
      resourceId: 'r2',
    },
  ],
  resources: [
    {
      id: 'r1',
      title: 'Basics',
      provider: 'P',
      url: 'https://e.org/1',
      format: 'article',
      cost: 0,
      hours: 1,
      skills: [],
    },
    {
      id: 'r2',
      title: 'Prompting',
      provider: 'P',
      url: 'https://e.org/2',
      format: 'course',
      cost: 0,
      hours: 4,
      skills: [],
    },
  ],
  gaps: [],
  skills: [],
};

describe('retrieval of the grounded context', () => {
  test('the score is the IDF-weighted share of the question’s words a document holds', () => {
    const scores = scoreDocuments('care plans for patients', ['care plans', 'patients', 'nothing here']);
    assert.ok(scores[0]! > scores[1]! && scores[1]! > 0 && scores[2] === 0, String(scores));
  });

  test('a question about a task gets that task first; steps done are not offered as next', () => {
    const context = retrieveContext(sources, 'How would I use AI on care plans?');
    assert.equal(context.tasks[0]!.taskId, 3);
    assert.equal(context.tasksMatched, true);
    assert.deepEqual(
      context.steps.map((step) => step.id),
      ['b@2'],
    );
    assert.deepEqual(
      context.resources.map((resource) => resource.id),
      ['r2'],
    );
  });

  test('a safety question about notes reaches the records task, which carries its warning', () => {
    const context = retrieveContext(sources, 'Is it safe to paste patient notes into ChatGPT?');
    assert.equal(context.intent.safety, true);
    assert.equal(context.tasks[0]!.taskId, 2);
  });

  test('hours a question gives, in words or digits', () => {
    assert.equal(hoursMentioned('if I only have two hours'), 2);
    assert.equal(hoursMentioned('I have 90 minutes'), 1.5);
    assert.equal(hoursMentioned('half an hour a day'), 0.5);
    assert.equal(hoursMentioned('what first?'), null);
    assert.deepEqual(readIntent('which should I learn first?'), {
      safety: false,
      learning: true,
      hoursAvailable: null,
    });
  });
});
