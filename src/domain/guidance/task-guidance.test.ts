import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ActivityGuidance, RiskClass } from './activity-guidance.js';
import { buildTaskGuidanceIndex, humanOnlyReason } from './task-guidance.js';

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

describe('a task’s own words can make it human-only', () => {
  test('emergencies, clinical acts, decisions about a person and driving are human-only whatever the activity', () => {
    const caution = buildTaskGuidanceIndex(guidance, activities);
    const vitals = caution.guidanceFor({
      statement: "Evaluate patients' vital signs or laboratory data to determine emergency intervention needs.",
      iwas: ['4.A.2.a.4.I02'],
    });
    assert.equal(vitals?.guidance.risk, 'human-only');
    assert.deepEqual(vitals?.guidance.skills, []);
    assert.equal(vitals?.humanOnlyBecause, 'it is emergency care or response');
    assert.equal(
      humanOnlyReason('Select and prescribe medications to address patient needs.'),
      'it is a clinical act or decision about a patient',
    );
    assert.equal(
      humanOnlyReason('Drive vehicles to or from workshops or customers’ homes.'),
      'it is operating a vehicle or machine',
    );
    assert.equal(
      humanOnlyReason('Identify and approve work placements for offenders with community service sentences.'),
      'it decides about a person',
    );
  });

  test('planning about emergencies, diagnosing equipment and supervising operators stay with their activity', () => {
    assert.equal(humanOnlyReason('Attend meetings and workshops related to emergency management.'), undefined);
    assert.equal(humanOnlyReason('Diagnose problems with installed equipment.'), undefined);
    assert.equal(
      humanOnlyReason('Plan and direct activities of workers who operate equipment to collect data.'),
      undefined,
    );
    assert.equal(humanOnlyReason('Prepare reports of findings.'), undefined);
    for (const statement of [
      'Diagnose, troubleshoot, and resolve hardware, software, or other network and system problems.',
      'Diagnose and repair furnace or air conditioning systems.',
      'Transcribe medical reports, recording practitioners’ diagnoses.',
      'Research and develop electric-drive vehicles.',
      'Explain loan information, such as eligibility requirements, to customers.',
      'Participate in student recruitment, registration, and placement activities.',
      'Design and administer emergency or disaster preparedness training courses.',
    ])
      assert.equal(humanOnlyReason(statement), undefined, statement);
    assert.equal(
      humanOnlyReason('Administer first aid in emergency situations.'),
      'it is a clinical act or decision about a patient',
    );
  });
});
