import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentNamesTitle, titleCandidates } from './resume-titles.js';

test("title candidates are the short pieces of a résumé's lines, without contacts, dates or sentences", () => {
  const resume = [
    'Jane Doe — Marketing Specialist',
    'jane.doe@example.com | +1 555 0100 | Austin, TX',
    'Summary',
    'Marketing specialist with six years in B2B campaigns.',
    'Experience',
    'Senior Accountant, Deloitte, 2019–2023',
    'Registered Nurse (RN)',
  ].join('\n');
  assert.deepEqual(titleCandidates(resume), [
    'Jane Doe',
    'Marketing Specialist',
    'Austin',
    'TX',
    'Summary',
    'Experience',
    'Senior Accountant',
    'Deloitte',
    'Registered Nurse',
    'RN',
  ]);
  assert.deepEqual(titleCandidates('a\nb\nPayroll Clerk', 2), [], 'only the first lines are read');
});

test('a resolver match counts only when its title is plainly in the piece', () => {
  assert.equal(segmentNamesTitle('Marketing Specialist', 'Marketing Specialist'), true);
  assert.equal(segmentNamesTitle('Senior Accountant', 'Staff Accountant'), true);
  assert.equal(segmentNamesTitle('Registered Nurse', 'Registered Nurses'), true);
  assert.equal(segmentNamesTitle('Jane Doe', 'Cane Cutter'), false);
  assert.equal(segmentNamesTitle('Skills', 'Skills Trainer'), false);
  assert.equal(
    segmentNamesTitle('Head of Global Digital Brand Marketing', 'Marketing Manager'),
    false,
    'the head noun is missing',
  );
  assert.equal(
    segmentNamesTitle('Chief Happiness and Culture Evangelist Officer', 'Chief Executive Officer'),
    false,
    'two words of six are not the title',
  );
});
