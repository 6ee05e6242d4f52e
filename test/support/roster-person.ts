import type { OrgPerson } from '../../src/store/organisation.repository.js';

/**
 * A roster person for tests that need people in the store without going through an import: a
 * fictional accountant with a confirmed occupation, with the given fields changed.
 */
export const rosterPerson = (personKey: string, fields: Partial<OrgPerson> = {}): OrgPerson => ({
  personKey,
  name: null,
  email: null,
  title: 'Accountant',
  team: 'Finance',
  department: 'Finance',
  managerKey: null,
  level: null,
  yearsInRole: null,
  location: null,
  learningHoursPerWeek: null,
  occupationCode: '13-2011.00',
  titleScore: 1,
  titleConfirmed: true,
  titleClear: true,
  resumeFile: null,
  target: null,
  fictional: true,
  sourceFile: null,
  sourceLine: null,
  ...fields,
});
